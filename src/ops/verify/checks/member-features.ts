import type { MemberFeatures } from '../../../features/member-overrides';
import { MEMBER_FEATURES_STACK_NAME, regionalStackName } from '../../../naming';
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
export function checkMemberFeatures(expected: readonly MemberFeatures[], live: LiveMemberFeatures, mode: 'organization' | 'invitation', region: string): CheckResult[] {
  const hint = driftHint(mode, region);
  return expected.flatMap(({ accountId, features }) => {
    const liveFeatures = live.members[accountId];
    if (!liveFeatures) {
      const reason = live.unprocessed[accountId];
      const shown = reason === undefined ? '(not returned)' : `(unprocessed: ${reason})`;
      return [result('feature', `member ${accountId}`, 'its plans', shown, reason !== undefined && mode === 'invitation' ? 'pending' : 'drift')];
    }
    return checkFeatures(features, liveFeatures).map((r) => ({ ...r, subject: `member ${accountId} ${r.subject}`, ...(r.status === 'drift' ? { hint } : {}) }));
  });
}

/**
 * What to do about a member plan that differs: set it again. In organization
 * mode the likely cause is auto-enable itself: a plan's ALL reaches every
 * member asynchronously, up to 24 hours after it is set (GuardDuty API
 * Reference, OrganizationFeatureConfiguration `autoEnable`), so it can turn
 * an override back on after the apply that set it.
 */
function driftHint(mode: 'organization' | 'invitation', region: string): string {
  if (mode === 'invitation') return `apply ${MEMBER_FEATURES_STACK_NAME} again (the admin sets the members' plans)`;
  return (
    `organization auto-enable may have overwritten the override (an auto-enable ALL reaches every member up to 24 hours after it is set); ` +
    `once it has settled, apply ${regionalStackName(region)} again`
  );
}
