import { ArchiveFindingsCommand, GetFindingsCommand, type GuardDutyClient, paginateListFindings } from '@aws-sdk/client-guardduty';
import { GET_FINDINGS_BATCH } from '../findings/collect-findings';
import { isSampleFinding } from '../findings/sample-finding';
import { CLOCK_SKEW_MS } from './sample-arrival';

/** ArchiveFindings, like GetFindings, takes at most 50 ids per call. */
const ARCHIVE_BATCH = 50;

/**
 * Archives the current findings of the smoke types updated since the run
 * started — only those GuardDuty marks as samples, so a real finding of
 * the same type is never hidden. Returns how many were archived.
 */
export async function archiveSampleFindings(client: GuardDutyClient, detectorId: string, types: readonly string[], sentAt: number): Promise<number> {
  const ids: string[] = [];
  const criteria = {
    Criterion: {
      type: { Equals: [...types] },
      'service.archived': { Equals: ['false'] },
      updatedAt: { GreaterThanOrEqual: sentAt - CLOCK_SKEW_MS },
    },
  };
  for await (const page of paginateListFindings({ client }, { DetectorId: detectorId, FindingCriteria: criteria })) ids.push(...(page.FindingIds ?? []));
  const samples: string[] = [];
  for (let i = 0; i < ids.length; i += GET_FINDINGS_BATCH) {
    const out = await client.send(new GetFindingsCommand({ DetectorId: detectorId, FindingIds: ids.slice(i, i + GET_FINDINGS_BATCH) }));
    for (const f of out.Findings ?? []) {
      if (f.Id && isSampleFinding({ title: f.Title, additionalInfo: f.Service?.AdditionalInfo })) samples.push(f.Id);
    }
  }
  for (let i = 0; i < samples.length; i += ARCHIVE_BATCH) {
    await client.send(new ArchiveFindingsCommand({ DetectorId: detectorId, FindingIds: samples.slice(i, i + ARCHIVE_BATCH) }));
  }
  return samples.length;
}
