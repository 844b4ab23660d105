import { TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import type { BackendPlan, ProviderPlan } from '../../src/plan/plan';
import { addAwsProvider } from './aws-provider';
import { addBackend } from './backend';
import { withStaticTerraformVersionChecks } from './terraform-version';

/** Every stack of the estate: one account and region, its own state. */
export abstract class GuardDutyStack extends TerraformStack {
  private readonly terraformVersion: string;
  /** The last `toTerraform()` result and the construct count it was computed for. */
  private resolved?: { readonly constructs: number; readonly json: Record<string, unknown> };

  constructor(
    scope: Construct,
    plan: { readonly name: string; readonly provider: ProviderPlan; readonly backend: BackendPlan; readonly terraformVersion: string },
  ) {
    super(scope, plan.name);
    this.terraformVersion = plan.terraformVersion;
    // cdktf 0.21 has no stack-level setting for it; Terraform reads terraform.required_version.
    this.addOverride('terraform.required_version', plan.terraformVersion);
    addAwsProvider(this, plan.provider);
    addBackend(this, plan.backend);
  }

  /**
   * main.ts resolves every stack for the guardrails before any file is
   * written, then `app.synth()` resolved each stack again: resolving was a
   * third of a synth. The resolved JSON is kept until a construct is added.
   * The only aspect on these stacks, the guardrails', reads and never
   * mutates, so nothing else can change the tree in between.
   *
   * cdktf's own preparation is a further full resolve whose only purpose is
   * to find references to another stack's constructs and wire them through
   * outputs and remote state. These stacks never make one: the plan hands
   * each stack names and ARNs as strings, which is what lets every stack be
   * applied on its own. So preparing only ensures the backend.
   * test/synth/resolve-once.test.ts runs cdktf's preparation over every
   * example and fails if it would find a cross-stack reference.
   */
  public override prepareStack(): void {
    this.ensureBackendExists();
  }

  public override toTerraform(): Record<string, unknown> {
    const constructs = this.node.findAll().length;
    if (this.resolved?.constructs !== constructs) this.resolved = { constructs, json: super.toTerraform() };
    return this.resolved.json;
  }

  public override runAllValidations(): void {
    withStaticTerraformVersionChecks(this.terraformVersion, () => super.runAllValidations());
  }
}
