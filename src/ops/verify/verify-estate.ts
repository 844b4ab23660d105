import type { GuardDutyClient } from '@aws-sdk/client-guardduty';
import { type FanOutOptions, forEachRegion, type RegionOutcome } from '../fan-out';
import type { RegionExpectations } from './expectations';
import { type RegionVerification, verifyRegion } from './verify-region';

/** Every region's verification, bounded concurrency; a region that cannot be read is an error outcome. */
export function verifyEstate(
  guardduty: (region: string) => GuardDutyClient,
  expectations: readonly RegionExpectations[],
  options: FanOutOptions,
): Promise<RegionOutcome<RegionVerification>[]> {
  const byRegion = new Map(expectations.map((e) => [e.region, e]));
  return forEachRegion(expectations.map((e) => e.region), (region) => verifyRegion(guardduty(region), byRegion.get(region)!), options);
}
