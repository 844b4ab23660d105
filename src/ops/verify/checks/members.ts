import { MANAGEMENT_STACK_NAME } from '../../../naming';
import { compare, type CheckResult, result } from '../check-result';
import type { ExpectedMembers, ExpectedOrganizationFeature } from '../expectations';

export interface LiveMember {
  readonly accountId: string;
  /** Created | Invited | Enabled | Disabled | Removed | Resigned | EmailVerificationInProgress | EmailVerificationFailed | RegionDisabled | AccountSuspended */
  readonly relationshipStatus: string;
}

export interface LiveOrganizationConfiguration {
  readonly autoEnable?: string;
  readonly features: readonly { readonly name: string; readonly autoEnable?: string; readonly additionalConfiguration: readonly { readonly name: string; readonly autoEnable?: string }[] }[];
}

export interface LiveMembers {
  readonly members: readonly LiveMember[];
  /**
   * Read in organization mode only; `not-delegated` when GuardDuty refused
   * it because this account is not the delegated administrator here.
   */
  readonly organization?: LiveOrganizationConfiguration | 'not-delegated';
}

const ENABLED = 'enabled';
/** Settles without action: an invitation not yet accepted, an association or email check in progress. */
const SETTLING = new Set(['created', 'invited', 'emailverificationinprogress']);

function memberStatus(relationship: string): 'ok' | 'pending' | 'drift' {
  const status = relationship.toLowerCase();
  if (status === ENABLED) return 'ok';
  return SETTLING.has(status) ? 'pending' : 'drift';
}

/**
 * Organization mode: this account the delegated administrator here (drift
 * otherwise, and nothing else to compare), the auto-enable setting (and per-feature organization
 * configuration when expected); with ALL, every member GuardDuty knows must
 * be Enabled. Invitation mode: every configured account a member, Enabled
 * (Invited is pending until the member stack accepts); members the config
 * does not list are drift.
 */
export function checkMembers(expected: ExpectedMembers, live: LiveMembers): CheckResult[] {
  if (expected.mode === 'organization') {
    if (live.organization === 'not-delegated') {
      return [result('members', 'delegated administrator', 'this account', `not delegated in this region: deploy ${MANAGEMENT_STACK_NAME}, which delegates it`, 'drift')];
    }
    const results = [compare('members', 'organization auto-enable', expected.autoEnable, live.organization?.autoEnable)];
    if (expected.features) results.push(...checkOrganizationFeatures(expected.features, live.organization?.features ?? []));
    if (expected.autoEnable === 'ALL') {
      for (const member of live.members) {
        const status = memberStatus(member.relationshipStatus);
        if (status !== 'ok') results.push(result('members', member.accountId, 'Enabled', member.relationshipStatus, status));
      }
    }
    const enabled = live.members.filter((m) => memberStatus(m.relationshipStatus) === 'ok').length;
    results.push(result('members', 'organization members', expected.autoEnable === 'ALL' ? 'all Enabled' : 'any', `${enabled} of ${live.members.length} Enabled`, 'ok'));
    return results;
  }
  const results = expected.accounts.map(({ accountId }): CheckResult => {
    const member = live.members.find((m) => m.accountId === accountId);
    if (!member) return result('members', accountId, 'Enabled', '(not a member)', 'drift');
    return result('members', accountId, 'Enabled', member.relationshipStatus, memberStatus(member.relationshipStatus));
  });
  for (const member of live.members.filter((m) => !expected.accounts.some((a) => a.accountId === m.accountId))) {
    results.push(result('members', member.accountId, '(not in config)', member.relationshipStatus, 'drift'));
  }
  return results;
}

function checkOrganizationFeatures(expected: readonly ExpectedOrganizationFeature[], live: LiveOrganizationConfiguration['features']): CheckResult[] {
  return expected.flatMap((feature) => {
    const found = live.find((f) => f.name === feature.name);
    return [
      compare('members', `auto-enable ${feature.name}`, feature.autoEnable, found?.autoEnable),
      ...feature.additionalConfiguration.map((c) =>
        compare('members', `auto-enable ${feature.name}.${c.name}`, c.autoEnable, found?.additionalConfiguration.find((l) => l.name === c.name)?.autoEnable),
      ),
    ];
  });
}
