import { GetMemberDetectorsCommand, type GuardDutyClient } from '@aws-sdk/client-guardduty';
import type { LiveMemberFeatures } from '../checks/member-features';

/** Account ids per GetMemberDetectors call: `accountIds` takes 1 to 50 items (GuardDuty API Reference, GetMemberDetectors). */
const ACCOUNTS_PER_CALL = 50;

/** The plans of these members' detectors, as the admin sees them, and the accounts GuardDuty did not process. */
export async function readMemberFeatures(client: GuardDutyClient, detectorId: string, accountIds: readonly string[]): Promise<LiveMemberFeatures> {
  const members: Record<string, LiveMemberFeatures['members'][string]> = {};
  const unprocessed: Record<string, string> = {};
  for (let i = 0; i < accountIds.length; i += ACCOUNTS_PER_CALL) {
    const out = await client.send(new GetMemberDetectorsCommand({ DetectorId: detectorId, AccountIds: accountIds.slice(i, i + ACCOUNTS_PER_CALL) }));
    for (const m of out.MemberDataSourceConfigurations ?? []) {
      members[m.AccountId ?? ''] = (m.Features ?? []).map((f) => ({
        name: f.Name ?? '',
        ...(f.Status ? { status: f.Status } : {}),
        additionalConfiguration: (f.AdditionalConfiguration ?? []).map((c) => ({ name: c.Name ?? '', ...(c.Status ? { status: c.Status } : {}) })),
      }));
    }
    for (const u of out.UnprocessedAccounts ?? []) unprocessed[u.AccountId ?? ''] = u.Result ?? '';
  }
  return { members, unprocessed };
}
