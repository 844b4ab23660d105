import { type GuardDutyClient, paginateListDetectors } from '@aws-sdk/client-guardduty';

/**
 * The region's detector: an account has at most one per region
 * (GUARDDUTY-FACTS.md, Detector). Paged like every GuardDuty list call, so
 * a page that ends before the id is not read as "no detector".
 */
export async function findDetectorId(client: GuardDutyClient): Promise<string | undefined> {
  for await (const page of paginateListDetectors({ client }, {})) {
    const id = page.DetectorIds?.[0];
    if (id) return id;
  }
  return undefined;
}
