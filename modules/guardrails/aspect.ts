import { Annotations, type IAspect, TerraformStack } from 'cdktf';
import type { IConstruct } from 'constructs';
import { evaluateStackGuardrails } from './evaluate';
import { formatViolation, type GuardrailRule } from './model';

/**
 * Applies the guardrails at synth: every violation becomes an error
 * annotation on its stack, which fails `app.synth()` (and
 * `Testing.fullSynth`) with the rule id and construct path.
 */
export class GuardrailsAspect implements IAspect {
  constructor(private readonly rules?: readonly GuardrailRule[]) {}

  visit(node: IConstruct): void {
    if (!TerraformStack.isStack(node)) return;
    for (const violation of evaluateStackGuardrails(node, this.rules)) {
      Annotations.of(node).addError(formatViolation(violation));
    }
  }
}
