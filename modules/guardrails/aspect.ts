import { Annotations, type IAspect, TerraformStack } from 'cdktf';
import type { IConstruct } from 'constructs';
import { evaluateStackGuardrails, wasCleared } from './evaluate';
import { formatViolation, type GuardrailRule } from './model';

/**
 * Applies the guardrails at synth: every violation becomes an error
 * annotation on its stack, which fails `app.synth()` (and
 * `Testing.fullSynth`) with the rule id and construct path. Stacks that
 * `assertGuardrails` cleared moments before are not evaluated twice.
 */
export class GuardrailsAspect implements IAspect {
  constructor(private readonly rules?: readonly GuardrailRule[]) {}

  visit(node: IConstruct): void {
    // Resolving a stack is the costly part of synth; main.ts has just checked it.
    if (!TerraformStack.isStack(node) || wasCleared(node)) return;
    for (const violation of evaluateStackGuardrails(node, this.rules)) {
      Annotations.of(node).addError(formatViolation(violation));
    }
  }
}
