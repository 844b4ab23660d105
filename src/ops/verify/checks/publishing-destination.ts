import { type CheckResult, result } from '../check-result';
import type { ExpectedPublishingDestination } from '../expectations';

export interface LivePublishingDestination {
  readonly destinationId: string;
  readonly destinationType?: string;
  /** PENDING_VERIFICATION | PUBLISHING | STOPPED | UNABLE_TO_PUBLISH_FIX_DESTINATION_PROPERTY */
  readonly status?: string;
  readonly destinationArn?: string;
  readonly kmsKeyArn?: string;
}

const sameArn = (a: string | undefined, b: string) => (a ?? '').replace(/\/+$/, '') === b.replace(/\/+$/, '');

/**
 * The S3 publishing destination PUBLISHING to the expected bucket with the
 * expected key. PENDING_VERIFICATION (GuardDuty is checking the bucket and
 * key policies) is pending; STOPPED and UNABLE_TO_PUBLISH are drift. With
 * `'none'` every live destination is drift: findings leave the account
 * somewhere the config does not say.
 */
export function checkPublishingDestination(expected: ExpectedPublishingDestination | 'none', live: readonly LivePublishingDestination[]): CheckResult[] {
  const describe = (d: LivePublishingDestination) => `${d.status ?? '?'} to ${d.destinationArn ?? '?'}`;
  if (expected === 'none') {
    if (live.length === 0) return [result('publishing-destination', 'S3', '(none)', '(none)', 'ok')];
    return live.map((d) => result('publishing-destination', d.destinationId, '(not in config)', describe(d), 'drift'));
  }
  const wanted = `PUBLISHING to ${expected.destinationArn}`;
  const match = live.find((d) => (d.destinationType ?? 'S3') === 'S3' && sameArn(d.destinationArn, expected.destinationArn));
  const results: CheckResult[] = [];
  if (!match) {
    results.push(result('publishing-destination', 'S3', wanted, live.length > 0 ? live.map(describe).join('; ') : '(none)', 'drift'));
    return results;
  }
  const status = match.status === 'PUBLISHING' ? 'ok' : match.status === 'PENDING_VERIFICATION' ? 'pending' : 'drift';
  results.push(result('publishing-destination', match.destinationId, wanted, describe(match), status));
  if (expected.kmsKeyArn !== undefined && match.kmsKeyArn !== expected.kmsKeyArn) {
    results.push(result('publishing-destination', `${match.destinationId} KMS key`, expected.kmsKeyArn, match.kmsKeyArn ?? '(none)', 'drift'));
  }
  for (const other of live.filter((d) => d !== match)) {
    results.push(result('publishing-destination', other.destinationId, '(not in config)', describe(other), 'drift'));
  }
  return results;
}
