import { Aspects, type TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import type { EstatePlan } from '../src/stacks/plan';
import { GuardrailsAspect } from './guardrails/aspect';
import { HomeStack } from './stacks/home-stack';
import { RegionalStack } from './stacks/regional-stack';

export interface Estate {
  readonly home: HomeStack;
  readonly regional: readonly RegionalStack[];
  readonly stacks: readonly TerraformStack[];
}

/**
 * Every stack of the plan under `scope` (the cdktf App), with stack
 * dependencies (regional stacks on the home stack, never on each other)
 * and the guardrails on every stack.
 */
export function buildEstate(scope: Construct, plan: EstatePlan): Estate {
  const home = new HomeStack(scope, plan.home);
  const byName = new Map<string, TerraformStack>([[home.node.id, home]]);
  const regional = plan.regional.map((regionPlan) => {
    const stack = new RegionalStack(scope, regionPlan);
    for (const dep of regionPlan.dependsOn) {
      const target = byName.get(dep);
      if (!target) throw new Error(`${regionPlan.name} depends on unknown stack ${dep}`);
      stack.addDependency(target);
    }
    return stack;
  });
  const stacks = [home, ...regional];
  for (const stack of stacks) Aspects.of(stack).add(new GuardrailsAspect());
  return { home, regional, stacks };
}
