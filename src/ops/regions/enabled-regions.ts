import { type AccountClient, paginateListRegions } from '@aws-sdk/client-account';

export interface AccountRegion {
  readonly name: string;
  /** ENABLED (an opt-in region the account turned on) or ENABLED_BY_DEFAULT. */
  readonly optStatus: string;
}

/**
 * The account's enabled regions (Account API ListRegions). The API is
 * global per partition (the SDK signs for the partition's implicit global
 * region), so any region of the partition serves as the client's.
 */
export async function listEnabledRegions(client: AccountClient): Promise<AccountRegion[]> {
  const regions: AccountRegion[] = [];
  const pages = paginateListRegions({ client, pageSize: 50 }, { RegionOptStatusContains: ['ENABLED', 'ENABLED_BY_DEFAULT'] });
  for await (const page of pages) {
    for (const r of page.Regions ?? []) if (r.RegionName) regions.push({ name: r.RegionName, optStatus: r.RegionOptStatus ?? '' });
  }
  return regions;
}
