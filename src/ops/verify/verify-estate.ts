import { type FanOutOptions, forEachRegion, type RegionOutcome } from '../fan-out';
import type { RegionExpectations } from './expectations';
import { type RegionVerification, type VerifyClients, verifyRegion } from './verify-region';

/** Every region's verification, bounded concurrency; a region that cannot be read is an error outcome. */
export function verifyEstate(clients: VerifyClients, expectations: readonly RegionExpectations[], options: FanOutOptions): Promise<RegionOutcome<RegionVerification>[]> {
  const byRegion = new Map(expectations.map((e) => [e.region, e]));
  return forEachRegion(expectations.map((e) => e.region), (region) => verifyRegion(clients, byRegion.get(region)!), options);
}
