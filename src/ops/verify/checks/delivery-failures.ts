import { type CheckResult, result } from '../check-result';

export type LiveQueue =
  | { readonly name: string; readonly state: 'missing' }
  | { readonly name: string; readonly state: 'present'; readonly url: string; readonly messages: number };

export interface LiveAlarm {
  readonly name: string;
  /** OK | ALARM | INSUFFICIENT_DATA */
  readonly state: string;
  readonly reason?: string;
  /** ISO time of the last state change. */
  readonly since?: string;
}

/** Where the user docs say what the queues and alarms are and what to do. */
const DOCS = 'docs/findings-and-alerts.md#failed-deliveries-and-alarms';

/**
 * Each dead-letter queue exists and is empty. A queue holding messages is
 * failing, not drift: each message is a finding EventBridge gave up
 * delivering. The messages carry the error attributes ERROR_CODE,
 * ERROR_MESSAGE, RULE_ARN and TARGET_ARN (EventBridge user guide, "Using
 * dead-letter queues to process undelivered events"), so the hint says how
 * to read them. SQS answers QueueDoesNotExist also to a caller without
 * access to the queue (SQS developer guide, "Troubleshooting Amazon SQS API
 * errors"), so a missing queue says so.
 */
export function checkDeadLetterQueues(expected: readonly string[], live: readonly LiveQueue[], region: string): CheckResult[] {
  return expected.map((name) => {
    const queue = live.find((q) => q.name === name);
    if (!queue || queue.state === 'missing') {
      return result('dead-letter-queue', name, 'empty', '(none)', 'drift', `deploy the stack that creates it; SQS gives the same answer when the role lacks sqs:GetQueueUrl on it`);
    }
    if (queue.messages === 0) return result('dead-letter-queue', name, 'empty', '0 messages', 'ok');
    const count = `${queue.messages} message${queue.messages === 1 ? '' : 's'}`;
    return result(
      'dead-letter-queue',
      name,
      'empty',
      count,
      'failing',
      `${count}: findings EventBridge failed to deliver. Read them with ` +
        `aws sqs receive-message --region ${region} --queue-url ${queue.url} --max-number-of-messages 10 --visibility-timeout 0 --message-attribute-names All ` +
        `(ERROR_CODE, ERROR_MESSAGE and TARGET_ARN say which target failed and why), or in the SQS console (Send and receive messages); ` +
        `fix the target, then purge the queue (aws sqs purge-queue --region ${region} --queue-url ${queue.url}). See ${DOCS}`,
    );
  });
}

/**
 * Each delivery alarm exists and is not in ALARM. INSUFFICIENT_DATA is
 * normal: FailedInvocations is sent only when it is not zero, so a quiet
 * rule has no datapoints.
 */
export function checkAlarms(expected: readonly string[], live: readonly LiveAlarm[]): CheckResult[] {
  return expected.map((name) => {
    const alarm = live.find((a) => a.name === name);
    if (!alarm) return result('alarm', name, 'not in ALARM', '(none)', 'drift', 'deploy the stack that creates it');
    if (alarm.state !== 'ALARM') return result('alarm', name, 'not in ALARM', alarm.state, 'ok');
    const since = alarm.since ? ` since ${alarm.since}` : '';
    return result('alarm', name, 'not in ALARM', `ALARM${since}`, 'failing', `${alarm.reason ?? 'no reason given'}. See ${DOCS}`);
  });
}
