import { findRegion, PARTITION_INFO, type Partition } from './catalog';

/** `events.amazonaws.com` and the like, for the partition. */
export function servicePrincipal(service: string, partition: Partition): string {
  return `${service}.${PARTITION_INFO[partition].servicePrincipalSuffix}`;
}

/**
 * The principal GuardDuty acts as in a region. In opt-in regions AWS uses
 * the regional principal (`guardduty.<region>.amazonaws.com`), and key and
 * bucket policies for the S3 publishing destination must name it.
 */
export function guardDutyServicePrincipal(region: string): string {
  const info = findRegion(region);
  if (!info) throw new Error(`unknown region "${region}"`);
  const suffix = PARTITION_INFO[info.partition].servicePrincipalSuffix;
  return info.optIn ? `guardduty.${region}.${suffix}` : `guardduty.${suffix}`;
}

/** `arn:<partition>:<service>:<region>:<account>:<resource>` */
export function arn(partition: Partition, service: string, region: string, account: string, resource: string): string {
  return `arn:${partition}:${service}:${region}:${account}:${resource}`;
}
