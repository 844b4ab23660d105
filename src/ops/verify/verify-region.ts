import type { AwsClients } from '../aws-clients';
import { findDetectorId } from '../detector-id';
import { describeRegionError, formatRegionError } from '../region-error';
import { type CheckName, type CheckResult, result } from './check-result';
import { checkAlarms, checkDeadLetterQueues } from './checks/delivery-failures';
import { checkDetector } from './checks/detector';
import { checkFilters } from './checks/filters';
import { checkIpSets } from './checks/ip-sets';
import { checkMemberFeatures } from './checks/member-features';
import { checkMalwareProtectionPlans } from './checks/malware-protection';
import { checkMembers } from './checks/members';
import { checkPublishingDestination } from './checks/publishing-destination';
import type { RegionExpectations } from './expectations';
import { readAlarms } from './read/alarms';
import { readDeadLetterQueues } from './read/dead-letter-queues';
import { readDetector } from './read/detector';
import { readFilterNames } from './read/filters';
import { readIpSets } from './read/ip-sets';
import { readMemberFeatures } from './read/member-features';
import { readMalwareProtectionPlans } from './read/malware-protection-plans';
import { readMembers } from './read/members';
import { readPublishingDestinations } from './read/publishing-destinations';

export interface RegionVerification {
  readonly region: string;
  readonly detectorId?: string;
  readonly checks: readonly CheckResult[];
}

/** The clients verify reads a region with. */
export type VerifyClients = Pick<AwsClients, 'guardduty' | 'sqs' | 'cloudwatch'>;

/**
 * One region against its expectations. Without a detector nothing else
 * can exist, so that is the one result. Each optional part is read only
 * when expected; a part that cannot be read (say ListMembers denied)
 * becomes an `unreadable` result and the other parts are still checked.
 */
export async function verifyRegion(clients: VerifyClients, expected: RegionExpectations): Promise<RegionVerification> {
  const { region } = expected;
  const client = clients.guardduty(region);
  const detectorId = await findDetectorId(client);
  if (!detectorId) return { region, checks: checkDetector(expected.detector, undefined) };

  const part = async <T>(name: CheckName, read: () => Promise<T>, check: (live: T) => CheckResult[]): Promise<CheckResult[]> => {
    try {
      return check(await read());
    } catch (err) {
      return [result(name, name, '(readable)', formatRegionError(describeRegionError(err, region)), 'unreadable')];
    }
  };
  const { ipSets, publishingDestination, members, memberFeatures, filters, malwareProtection, delivery } = expected;
  const parts = await Promise.all([
    part('detector', () => readDetector(client, detectorId), (live) => checkDetector(expected.detector, live)),
    ipSets ? part('ip-set', () => readIpSets(client, detectorId), (live) => checkIpSets(ipSets, live)) : [],
    publishingDestination
      ? part('publishing-destination', () => readPublishingDestinations(client, detectorId), (live) => checkPublishingDestination(publishingDestination, live))
      : [],
    members ? part('members', () => readMembers(client, detectorId, members.mode), (live) => checkMembers(members, live)) : [],
    memberFeatures && members
      ? part(
          'feature',
          () => readMemberFeatures(client, detectorId, memberFeatures.map((m) => m.accountId)),
          (live) => checkMemberFeatures(memberFeatures, live, members.mode, region),
        )
      : [],
    filters ? part('filter', () => readFilterNames(client, detectorId), (live) => checkFilters(filters, live)) : [],
    malwareProtection ? part('malware-protection', () => readMalwareProtectionPlans(client), (live) => checkMalwareProtectionPlans(malwareProtection, live)) : [],
    delivery
      ? part('dead-letter-queue', () => readDeadLetterQueues(clients.sqs(region), delivery.queues), (live) => checkDeadLetterQueues(delivery.queues, live, region))
      : [],
    delivery ? part('alarm', () => readAlarms(clients.cloudwatch(region), delivery.alarms), (live) => checkAlarms(delivery.alarms, live)) : [],
  ]);
  return { region, detectorId, checks: parts.flat() };
}
