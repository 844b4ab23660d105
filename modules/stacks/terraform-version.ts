import { ValidateTerraformVersion } from 'cdktf/lib/validations/validate-terraform-version';
import { minVersion, satisfies } from 'semver';

/** What cdktf's version validation carries (its fields are protected in the typings). */
interface VersionValidation {
  readonly versionConstraint: string;
  readonly hint?: string;
}

/**
 * Runs `fn` (a stack's validations) with cdktf's Terraform version checks
 * made static. cdktf adds a check per construct that needs a newer Terraform
 * (import blocks, terraform_data, the cloud block) and each one runs
 * `terraform version` in a shell: 55 spawns for the example estate, and a
 * crash where terraform is not installed, although synth needs no terraform.
 * The stack states `terraform.required_version` instead, which Terraform
 * enforces at init on the machine that deploys; here we only prove that
 * every version the stack allows satisfies each construct's minimum.
 */
export function withStaticTerraformVersionChecks<T>(requiredVersion: string, fn: () => T): T {
  const proto = ValidateTerraformVersion.prototype as unknown as { validate(): string[] };
  const own = Object.getOwnPropertyDescriptor(proto, 'validate');
  const lowest = minVersion(requiredVersion);
  proto.validate = function (this: VersionValidation): string[] {
    if (lowest && satisfies(lowest, this.versionConstraint)) return [];
    return [`terraform.required_version "${requiredVersion}" allows Terraform versions this construct cannot use (needs ${this.versionConstraint}). ${this.hint ?? ''}`.trim()];
  };
  try {
    return fn();
  } finally {
    if (own) Object.defineProperty(proto, 'validate', own);
    else delete (proto as { validate?: unknown }).validate;
  }
}
