import { type Finding, type FindingCriteria, GetFindingsCommand, type GuardDutyClient, paginateListFindings } from '@aws-sdk/client-guardduty';

/** GetFindings accepts at most 50 finding ids per call. */
export const GET_FINDINGS_BATCH = 50;
/** ListFindings returns at most 50 ids per page. */
const LIST_FINDINGS_PAGE = 50;

export interface CollectedFindings {
  readonly findings: Finding[];
  /** More findings matched than `maxFindings`: the least severe were left out. */
  readonly truncated: boolean;
}

/**
 * Lists matching finding ids page by page, most severe first, and fetches
 * them in batches of 50, stopping at `maxFindings` so an account with a
 * years-long backlog cannot make a report run for an hour. Sorting by
 * severity keeps a --fail-on verdict right even when truncated.
 */
export async function collectFindings(
  client: GuardDutyClient,
  detectorId: string,
  criteria: FindingCriteria,
  options: { readonly maxFindings: number },
): Promise<CollectedFindings> {
  const ids: string[] = [];
  let truncated = false;
  const pages = paginateListFindings(
    { client, pageSize: LIST_FINDINGS_PAGE },
    { DetectorId: detectorId, FindingCriteria: criteria, SortCriteria: { AttributeName: 'severity', OrderBy: 'DESC' } },
  );
  for await (const page of pages) {
    ids.push(...(page.FindingIds ?? []));
    if (ids.length >= options.maxFindings) {
      // ListFindings answers `nextToken: ""` on its last page, not no token (GUARDDUTY-FACTS.md, API behaviour).
      truncated = ids.length > options.maxFindings || Boolean(page.NextToken);
      break;
    }
  }
  const wanted = ids.slice(0, options.maxFindings);
  const findings: Finding[] = [];
  for (let i = 0; i < wanted.length; i += GET_FINDINGS_BATCH) {
    const batch = wanted.slice(i, i + GET_FINDINGS_BATCH);
    const out = await client.send(new GetFindingsCommand({ DetectorId: detectorId, FindingIds: batch }));
    findings.push(...(out.Findings ?? []));
  }
  return { findings, truncated };
}
