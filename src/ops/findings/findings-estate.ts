import type { GuardDutyClient } from '@aws-sdk/client-guardduty';
import { findDetectorId } from '../detector-id';
import { type FanOutOptions, forEachRegion, type RegionOutcome } from '../fan-out';
import { NoDetectorError } from '../region-error';
import { collectFindings } from './collect-findings';
import { type FindingQuery, findingCriteria, matchesQuery } from './finding-query';
import { type FindingRecord, toFindingRecord } from './finding-record';

export interface RegionFindings {
  readonly detectorId: string;
  /** Most severe first. */
  readonly records: readonly FindingRecord[];
  readonly truncated: boolean;
}

/** The findings of every region matching the query; a region without a detector is an error outcome. */
export function collectEstateFindings(
  guardduty: (region: string) => GuardDutyClient,
  regions: readonly string[],
  query: FindingQuery,
  options: FanOutOptions & { readonly maxFindingsPerRegion: number },
): Promise<RegionOutcome<RegionFindings>[]> {
  return forEachRegion(
    regions,
    async (region) => {
      const client = guardduty(region);
      const detectorId = await findDetectorId(client);
      if (!detectorId) throw new NoDetectorError(region);
      const { findings, truncated } = await collectFindings(client, detectorId, findingCriteria(query), { maxFindings: options.maxFindingsPerRegion });
      const records = findings
        .map((f) => toFindingRecord(f, region))
        .filter((r) => matchesQuery(r, query))
        .sort((a, b) => b.severity - a.severity || a.type.localeCompare(b.type));
      return { detectorId, records, truncated };
    },
    options,
  );
}
