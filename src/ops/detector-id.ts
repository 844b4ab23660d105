import { type GuardDutyClient, ListDetectorsCommand } from '@aws-sdk/client-guardduty';

/** The region's detector: an account has at most one per region (GUARDDUTY-FACTS.md, Detector). */
export async function findDetectorId(client: GuardDutyClient): Promise<string | undefined> {
  const out = await client.send(new ListDetectorsCommand({}));
  return out.DetectorIds?.[0];
}
