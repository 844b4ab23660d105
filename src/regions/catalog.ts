/**
 * The GuardDuty region catalog: every region GuardDuty has an endpoint in,
 * per partition. Source: the "Amazon GuardDuty endpoints" table of the AWS
 * General Reference (2026). GuardDuty is not in every AWS region:
 * ap-southeast-6 (New Zealand, 2025) is an AWS region without a GuardDuty
 * endpoint, so it is known here only to give a precise error.
 */

export type Partition = 'aws' | 'aws-us-gov' | 'aws-cn';

export const PARTITIONS: readonly Partition[] = ['aws', 'aws-us-gov', 'aws-cn'];

export interface PartitionInfo {
  readonly partition: Partition;
  /** DNS suffix of regional endpoints, e.g. `guardduty.cn-north-1.amazonaws.com.cn`. */
  readonly dnsSuffix: string;
  /** Suffix of service principals (`events.amazonaws.com`): the same in every partition today. */
  readonly servicePrincipalSuffix: string;
}

export const PARTITION_INFO: Readonly<Record<Partition, PartitionInfo>> = {
  aws: { partition: 'aws', dnsSuffix: 'amazonaws.com', servicePrincipalSuffix: 'amazonaws.com' },
  'aws-us-gov': { partition: 'aws-us-gov', dnsSuffix: 'amazonaws.com', servicePrincipalSuffix: 'amazonaws.com' },
  'aws-cn': { partition: 'aws-cn', dnsSuffix: 'amazonaws.com.cn', servicePrincipalSuffix: 'amazonaws.com' },
};

export interface RegionInfo {
  readonly name: string;
  readonly partition: Partition;
  readonly location: string;
  /**
   * Opt-in regions are disabled until the account enables them, and
   * GuardDuty signs in them with a regional service principal
   * (`guardduty.<region>.amazonaws.com`).
   */
  readonly optIn: boolean;
}

function region(name: string, location: string, optIn = false, partition: Partition = 'aws'): RegionInfo {
  return { name, partition, location, optIn };
}

export const GUARDDUTY_REGIONS: readonly RegionInfo[] = [
  region('us-east-1', 'US East (N. Virginia)'),
  region('us-east-2', 'US East (Ohio)'),
  region('us-west-1', 'US West (N. California)'),
  region('us-west-2', 'US West (Oregon)'),
  region('af-south-1', 'Africa (Cape Town)', true),
  region('ap-east-1', 'Asia Pacific (Hong Kong)', true),
  region('ap-east-2', 'Asia Pacific (Taipei)', true),
  region('ap-south-1', 'Asia Pacific (Mumbai)'),
  region('ap-south-2', 'Asia Pacific (Hyderabad)', true),
  region('ap-southeast-1', 'Asia Pacific (Singapore)'),
  region('ap-southeast-2', 'Asia Pacific (Sydney)'),
  region('ap-southeast-3', 'Asia Pacific (Jakarta)', true),
  region('ap-southeast-4', 'Asia Pacific (Melbourne)', true),
  region('ap-southeast-5', 'Asia Pacific (Malaysia)', true),
  region('ap-southeast-7', 'Asia Pacific (Thailand)', true),
  region('ap-northeast-1', 'Asia Pacific (Tokyo)'),
  region('ap-northeast-2', 'Asia Pacific (Seoul)'),
  region('ap-northeast-3', 'Asia Pacific (Osaka)'),
  region('ca-central-1', 'Canada (Central)'),
  region('ca-west-1', 'Canada West (Calgary)', true),
  region('eu-central-1', 'Europe (Frankfurt)'),
  region('eu-central-2', 'Europe (Zurich)', true),
  region('eu-west-1', 'Europe (Ireland)'),
  region('eu-west-2', 'Europe (London)'),
  region('eu-west-3', 'Europe (Paris)'),
  region('eu-south-1', 'Europe (Milan)', true),
  region('eu-south-2', 'Europe (Spain)', true),
  region('eu-north-1', 'Europe (Stockholm)'),
  region('il-central-1', 'Israel (Tel Aviv)', true),
  region('me-south-1', 'Middle East (Bahrain)', true),
  region('me-central-1', 'Middle East (UAE)', true),
  region('mx-central-1', 'Mexico (Central)', true),
  region('sa-east-1', 'South America (Sao Paulo)'),
  region('us-gov-east-1', 'AWS GovCloud (US-East)', false, 'aws-us-gov'),
  region('us-gov-west-1', 'AWS GovCloud (US-West)', false, 'aws-us-gov'),
  region('cn-north-1', 'China (Beijing)', false, 'aws-cn'),
  region('cn-northwest-1', 'China (Ningxia)', false, 'aws-cn'),
];

/** AWS regions that exist but have no GuardDuty endpoint: named so the error can say so. */
export const REGIONS_WITHOUT_GUARDDUTY: readonly string[] = ['ap-southeast-6'];

const BY_NAME = new Map(GUARDDUTY_REGIONS.map((r) => [r.name, r]));

export function findRegion(name: string): RegionInfo | undefined {
  return BY_NAME.get(name);
}

export function regionsOfPartition(partition: Partition): RegionInfo[] {
  return GUARDDUTY_REGIONS.filter((r) => r.partition === partition);
}
