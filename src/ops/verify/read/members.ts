import { type GuardDutyClient, paginateDescribeOrganizationConfiguration, paginateListMembers } from '@aws-sdk/client-guardduty';
import type { LiveMembers, LiveOrganizationConfiguration } from '../checks/members';
import { isNotDelegatedAdministrator } from './not-delegated';

/**
 * Every member the admin's detector knows, associated or not
 * (`OnlyAssociated: false`, so invited-but-not-accepted members show), and
 * in organization mode the organization configuration, or `not-delegated`
 * when GuardDuty refuses it because this account is not the delegated
 * administrator in the region.
 */
export async function readMembers(client: GuardDutyClient, detectorId: string, mode: 'organization' | 'invitation'): Promise<LiveMembers> {
  const members: LiveMembers['members'][number][] = [];
  for await (const page of paginateListMembers({ client }, { DetectorId: detectorId, OnlyAssociated: 'false' })) {
    for (const m of page.Members ?? []) members.push({ accountId: m.AccountId ?? '', relationshipStatus: m.RelationshipStatus ?? '' });
  }
  if (mode === 'invitation') return { members };
  try {
    return { members, organization: await readOrganizationConfiguration(client, detectorId) };
  } catch (err) {
    // Not delegated in this region is drift to fix, not a region to read again later.
    if (isNotDelegatedAdministrator(err)) return { members, organization: 'not-delegated' };
    throw err;
  }
}

async function readOrganizationConfiguration(client: GuardDutyClient, detectorId: string): Promise<LiveOrganizationConfiguration> {
  let autoEnable: string | undefined;
  const features: LiveOrganizationConfiguration['features'][number][] = [];
  // Paginated because the feature list is.
  for await (const page of paginateDescribeOrganizationConfiguration({ client }, { DetectorId: detectorId })) {
    autoEnable ??= page.AutoEnableOrganizationMembers;
    for (const f of page.Features ?? []) {
      features.push({
        name: f.Name ?? '',
        ...(f.AutoEnable ? { autoEnable: f.AutoEnable } : {}),
        additionalConfiguration: (f.AdditionalConfiguration ?? []).map((c) => ({ name: c.Name ?? '', ...(c.AutoEnable ? { autoEnable: c.AutoEnable } : {}) })),
      });
    }
  }
  return { ...(autoEnable ? { autoEnable } : {}), features };
}
