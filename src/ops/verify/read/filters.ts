import { type GuardDutyClient, paginateListFilters } from '@aws-sdk/client-guardduty';

export async function readFilterNames(client: GuardDutyClient, detectorId: string): Promise<string[]> {
  const names: string[] = [];
  for await (const page of paginateListFilters({ client }, { DetectorId: detectorId })) names.push(...(page.FilterNames ?? []));
  return names;
}
