/**
 * Guardrails read the synthesized Terraform JSON of a stack (what
 * `cdk.tf.json` will hold), so they judge exactly what gets deployed, and
 * a user's override or escape hatch cannot slip past them.
 */

/** One `resource.<type>.<name>` block of a synthesized stack. */
export interface SynthesizedResource {
  readonly type: string;
  readonly name: string;
  /** Terraform address, `aws_s3_bucket.Bucket`. */
  readonly address: string;
  /** Construct path, `guardduty-home/ListBucket/Resource`; the address when unknown. */
  readonly path: string;
  readonly attributes: Readonly<Record<string, unknown>>;
}

export interface StackResources {
  readonly stackName: string;
  readonly resources: readonly SynthesizedResource[];
  /** The accounts the stack's AWS providers may touch (`allowed_account_ids`). */
  readonly accountIds: readonly string[];
}

/** A guardrail: one security rule, checked on one resource type at a time. */
export interface GuardrailRule {
  /** Stable id, printed in violations: `GD-S3-1`. */
  readonly id: string;
  /** What a compliant resource looks like. */
  readonly description: string;
  /** Terraform resource types the rule looks at. */
  readonly appliesTo: readonly string[];
  /** Problems of one resource; empty when compliant. */
  check(resource: SynthesizedResource, stack: StackResources): string[];
}

export interface GuardrailViolation {
  readonly ruleId: string;
  readonly stack: string;
  readonly path: string;
  readonly message: string;
}

export function formatViolation(v: GuardrailViolation): string {
  return `[${v.ruleId}] ${v.path}: ${v.message}`;
}

/** Reads the resources out of a stack's synthesized JSON (`stack.toTerraform()`). */
export function readStackResources(stackName: string, synthesized: unknown): StackResources {
  const blocks = ((synthesized as { resource?: Record<string, Record<string, Record<string, unknown>>> })?.resource ?? {});
  const resources: SynthesizedResource[] = [];
  for (const [type, byName] of Object.entries(blocks)) {
    for (const [name, attributes] of Object.entries(byName)) {
      const address = `${type}.${name}`;
      const meta = attributes['//'] as { metadata?: { path?: string } } | undefined;
      resources.push({ type, name, address, path: meta?.metadata?.path ?? address, attributes });
    }
  }
  const providers = (synthesized as { provider?: { aws?: { allowed_account_ids?: string[] }[] } })?.provider?.aws ?? [];
  const accountIds = [...new Set(providers.flatMap((p) => p.allowed_account_ids ?? []))];
  return { stackName, resources, accountIds };
}

/**
 * Resources of `type` whose `attribute` points at `target`: either a
 * reference (`${aws_s3_bucket.Bucket.id}`) or the target's literal name.
 */
export function resourcesReferencing(
  stack: StackResources,
  type: string,
  attribute: string,
  target: SynthesizedResource,
  targetName: unknown,
): SynthesizedResource[] {
  const refPrefix = `\${${target.address}.`;
  return stack.resources.filter((r) => {
    if (r.type !== type) return false;
    const value = r.attributes[attribute];
    if (typeof value !== 'string') return false;
    return value.startsWith(refPrefix) || (typeof targetName === 'string' && value === targetName);
  });
}
