import { TerraformStack } from 'cdktf';
import { type GuardrailRule, type GuardrailViolation, formatViolation, readStackResources, type StackResources } from './model';
import { GUARDRAIL_RULES } from './rules';

/** Runs every rule over one stack's resources. A rule that throws is a violation, not a crash. */
export function evaluateGuardrails(stack: StackResources, rules: readonly GuardrailRule[] = GUARDRAIL_RULES): GuardrailViolation[] {
  const violations: GuardrailViolation[] = [];
  for (const rule of rules) {
    for (const resource of stack.resources.filter((r) => rule.appliesTo.includes(r.type))) {
      let problems: string[];
      try {
        problems = rule.check(resource, stack);
      } catch (err) {
        problems = [`rule failed to evaluate: ${(err as Error).message}`];
      }
      for (const message of problems) violations.push({ ruleId: rule.id, stack: stack.stackName, path: resource.path, message });
    }
  }
  return violations;
}

/** Evaluates a cdktf stack as it would be synthesized. */
export function evaluateStackGuardrails(stack: TerraformStack, rules?: readonly GuardrailRule[]): GuardrailViolation[] {
  return evaluateGuardrails(readStackResources(stack.node.id, stack.toTerraform()), rules);
}

export class GuardrailError extends Error {
  constructor(public readonly violations: readonly GuardrailViolation[]) {
    super(`${violations.length} guardrail violation${violations.length === 1 ? '' : 's'}:\n${violations.map((v) => `  ${formatViolation(v)}`).join('\n')}`);
    this.name = 'GuardrailError';
  }
}

/** Stacks that passed `assertGuardrails`; the Aspect does not resolve them a second time. */
const cleared = new WeakSet<TerraformStack>();

export function wasCleared(stack: TerraformStack): boolean {
  return cleared.has(stack);
}

/**
 * Checks every stack before anything is written, so a violation stops
 * synth with nothing half written, and every violation of every stack is
 * reported at once.
 */
export function assertGuardrails(stacks: readonly TerraformStack[]): void {
  // What app.synth() writes is the prepared stack (it may gain cross-stack outputs).
  for (const stack of stacks) stack.prepareStack();
  const violations = stacks.flatMap((s) => evaluateStackGuardrails(s));
  if (violations.length > 0) throw new GuardrailError(violations);
  for (const stack of stacks) cleared.add(stack);
}
