import {
  GetIPSetCommand,
  GetThreatIntelSetCommand,
  type GuardDutyClient,
  paginateListIPSets,
  paginateListThreatIntelSets,
} from '@aws-sdk/client-guardduty';
import type { LiveIpSet } from '../checks/ip-sets';

/** The trusted IPSet and every ThreatIntelSet with status and location (at most 1 + 6 Get calls). */
export async function readIpSets(client: GuardDutyClient, detectorId: string): Promise<LiveIpSet[]> {
  const sets: LiveIpSet[] = [];
  for await (const page of paginateListIPSets({ client }, { DetectorId: detectorId })) {
    for (const id of page.IpSetIds ?? []) {
      const set = await client.send(new GetIPSetCommand({ DetectorId: detectorId, IpSetId: id }));
      sets.push({ kind: 'trusted', id, name: set.Name ?? '', location: set.Location ?? '', status: set.Status ?? '' });
    }
  }
  for await (const page of paginateListThreatIntelSets({ client }, { DetectorId: detectorId })) {
    for (const id of page.ThreatIntelSetIds ?? []) {
      const set = await client.send(new GetThreatIntelSetCommand({ DetectorId: detectorId, ThreatIntelSetId: id }));
      sets.push({ kind: 'threat', id, name: set.Name ?? '', location: set.Location ?? '', status: set.Status ?? '' });
    }
  }
  return sets;
}
