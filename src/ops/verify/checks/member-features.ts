import type { MemberFeatures } from '../../../features/member-overrides';
import { type CheckResult, result } from '../check-result';
import { checkFeatures, type LiveFeature } from './features';

export interface LiveMemberFeatures {
  /** GetMemberDetectors' `Features` per member account. */
  readonly members: Readonly<Record<string, readonly LiveFeature[]>>;
  /** Accounts GuardDuty did not process, with its reason. */
  readonly unprocessed: Readonly<Record<string, string>>;
}

/**
 * Each member's plans as synth sets them: the account's `memberOverrides`
 * where it has them, not the admin's default. Subjects read
 * `member <account> <plan>`. An account GuardDuty does not process is
 * pending in invitation mode (an invitation not yet accepted; the members
 * check says which) and drift in organization mode (the account is no
 * member, or organization auto-enable has not enrolled it).
 */
export function checkMemberFeatures(expected: readonly MemberFeatures[], live: LiveMemberFeatures, mode: 'organization' | 'invitation'): CheckResult[] {
  return expected.flatMap(({ accountId, features }) => {
    const liveFeatures = live.members[accountId];
    if (!liveFeatures) {
      const reason = live.unprocessed[accountId];
      const shown = reason === undefined ? '(not returned)' : `(unprocessed: ${reason})`;
      return [result('feature', `member ${accountId}`, 'its plans', shown, reason !== undefined && mode === 'invitation' ? 'pending' : 'drift')];
    }
    return checkFeatures(features, liveFeatures).map((r) => ({ ...r, subject: `member ${accountId} ${r.subject}` }));
  });
}
