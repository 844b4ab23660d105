/**
 * - ok: live matches the config
 * - pending: a transitional state that settles without action (a list
 *   ACTIVATING, a destination PENDING_VERIFICATION, an invitation not yet
 *   accepted): reported, not drift
 * - drift: live differs from the config
 * - unreadable: this part could not be read (AccessDenied, throttled)
 */
export type CheckStatus = 'ok' | 'pending' | 'drift' | 'unreadable';

export type CheckName = 'detector' | 'publishing-frequency' | 'feature' | 'ip-set' | 'publishing-destination' | 'members' | 'filter' | 'malware-protection';

export interface CheckResult {
  readonly check: CheckName;
  /** What was checked: a feature name, `trusted acme-trusted`, an account id... */
  readonly subject: string;
  readonly expected: string;
  readonly live: string;
  readonly status: CheckStatus;
}

export function result(check: CheckName, subject: string, expected: string, live: string, status: CheckStatus): CheckResult {
  return { check, subject, expected, live, status };
}

/** ok when equal, drift otherwise. */
export function compare(check: CheckName, subject: string, expected: string, live: string | undefined): CheckResult {
  const shown = live ?? '(none)';
  return result(check, subject, expected, shown, shown === expected ? 'ok' : 'drift');
}
