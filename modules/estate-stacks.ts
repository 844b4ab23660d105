import { Annotations, Aspects, type TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import type { EstatePlan } from '../src/plan/plan';
import { GuardrailsAspect } from './guardrails/aspect';
import { HomeStack } from './stacks/home-stack';
import { MalwareProtectionStack } from './stacks/malware-protection-stack';
import { ManagementStack } from './stacks/management-stack';
import { MemberFeaturesStack } from './stacks/member-features-stack';
import { MemberStack } from './stacks/member-stack';
import { RegionalStack } from './stacks/regional-stack';

export interface EstateStacks {
  readonly home: HomeStack;
  readonly management?: ManagementStack;
  readonly regional: readonly RegionalStack[];
  readonly members: readonly MemberStack[];
  readonly memberFeatures?: MemberFeaturesStack;
  /** Malware Protection for S3 of accounts other than the admin account, a stack each. */
  readonly malwareProtection: readonly MalwareProtectionStack[];
  /** Every stack, in deploy order: home, management, regional, members, member features, malware protection. */
  readonly stacks: readonly TerraformStack[];
}

/** Files the plan refers to, written before synth. */
export interface EstateStacksInputs {
  /** The body file of each IP list object, by object key (see writeListBodies). */
  readonly listBodyFiles: Readonly<Record<string, string>>;
}

/**
 * Every stack of the plan under `scope` (the cdktf App), with the stack
 * dependencies that give the deploy order home -> management -> regional
 * -> members -> member features (regional stacks never depend on each
 * other), and the
 * guardrails on every stack.
 */
export function buildEstateStacks(scope: Construct, plan: EstatePlan, inputs: EstateStacksInputs = { listBodyFiles: {} }): EstateStacks {
  const byName = new Map<string, TerraformStack>();
  const add = <T extends TerraformStack>(stack: T, dependsOn: readonly string[] = []): T => {
    for (const dep of dependsOn) {
      const target = byName.get(dep);
      if (!target) throw new Error(`${stack.node.id} depends on unknown stack ${dep}`);
      stack.addDependency(target);
    }
    byName.set(stack.node.id, stack);
    return stack;
  };
  const home = add(new HomeStack(scope, plan.home, inputs.listBodyFiles));
  // Recorded in manifest.json; `cdktf synth` prints them as WARN (it labels an app's stderr ERROR).
  for (const line of [...plan.overrides, ...plan.warnings]) Annotations.of(home).addWarning(line);
  const management = plan.management ? add(new ManagementStack(scope, plan.management), plan.management.dependsOn) : undefined;
  const regional = plan.regional.map((p) => add(new RegionalStack(scope, p), p.dependsOn));
  const members = plan.members.map((p) => add(new MemberStack(scope, p), p.dependsOn));
  const memberFeatures = plan.memberFeatures ? add(new MemberFeaturesStack(scope, plan.memberFeatures), plan.memberFeatures.dependsOn) : undefined;
  const malwareProtection = (plan.malwareProtection ?? []).map((p) => add(new MalwareProtectionStack(scope, p), p.dependsOn));
  const stacks = [...byName.values()];
  for (const stack of stacks) Aspects.of(stack).add(new GuardrailsAspect());
  return { home, ...(management ? { management } : {}), regional, members, ...(memberFeatures ? { memberFeatures } : {}), malwareProtection, stacks };
}
