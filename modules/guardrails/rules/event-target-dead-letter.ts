import type { GuardrailRule } from '../model';

/**
 * EventBridge drops an event whose delivery fails for good unless the target
 * has a dead-letter queue (EventBridge user guide, "Event retry policy and
 * using dead-letter queues"): every finding route keeps what it could not
 * deliver, and states its retry policy instead of relying on the default.
 */
export const EventTargetDeadLetter: GuardrailRule = {
  id: 'GD-EB-1',
  description: 'Every EventBridge target has a dead_letter_config (an SQS queue) and a retry_policy.',
  appliesTo: ['aws_cloudwatch_event_target'],
  check(target) {
    const problems: string[] = [];
    const dlq = target.attributes.dead_letter_config as { arn?: unknown } | undefined;
    if (typeof dlq?.arn !== 'string' || dlq.arn === '') problems.push('target has no dead_letter_config: a failed delivery is dropped silently');
    const retry = target.attributes.retry_policy as { maximum_event_age_in_seconds?: unknown; maximum_retry_attempts?: unknown } | undefined;
    if (typeof retry?.maximum_event_age_in_seconds !== 'number' || typeof retry.maximum_retry_attempts !== 'number') {
      problems.push('target has no retry_policy (maximum_event_age_in_seconds and maximum_retry_attempts)');
    }
    return problems;
  },
};

/** Dead-letter queues hold findings: encrypted at rest (SSE-SQS or a KMS key). */
export const SqsQueueEncrypted: GuardrailRule = {
  id: 'GD-SQS-1',
  description: 'Every SQS queue is encrypted at rest: sqs_managed_sse_enabled or kms_master_key_id.',
  appliesTo: ['aws_sqs_queue'],
  check(queue) {
    const kms = queue.attributes.kms_master_key_id;
    if (queue.attributes.sqs_managed_sse_enabled === true || (typeof kms === 'string' && kms !== '')) return [];
    return ['queue is not encrypted (set sqs_managed_sse_enabled or kms_master_key_id)'];
  },
};
