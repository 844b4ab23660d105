/**
 * Every name this project gives: stacks, state keys, workspaces. The stacks
 * and the CLIs both import it, so what `guardduty-ops` looks for is exactly
 * what synth produced. Changing a name here renames live resources.
 */
import { createHash } from 'node:crypto';
import { posix } from 'node:path';

export const HOME_STACK_NAME = 'guardduty-home';

export function regionalStackName(region: string): string {
  return `guardduty-${region}`;
}

/** Key of a stack's state object in the S3 backend. */
export function stateObjectKey(keyPrefix: string, stackName: string): string {
  return `${keyPrefix.replace(/\/+$/, '')}/${stackName}.tfstate`;
}

/** HCP Terraform workspace of a stack. */
export function workspaceName(workspacePrefix: string, stackName: string): string {
  return `${workspacePrefix}${stackName}`;
}

/** cdktf's default output folder (cdktf.json `output`, `cdktf synth --output`). */
export const DEFAULT_OUTDIR = 'cdktf.out';

/**
 * State file of a stack in the local backend, as Terraform reads it: a
 * relative path resolves against the working directory, which cdktf sets to
 * `<outdir>/stacks/<stack>/`. cdktf's default path is absolute (synth output
 * would differ per checkout), so the path climbs from that folder back to
 * `<directory>` under the project root; with another output folder the
 * state stays where it was. `outdir` and `directory` are relative to the root.
 */
export function localStatePath(directory: string, stackName: string, outdir: string = DEFAULT_OUTDIR): string {
  const stackDir = posix.join(outdir, 'stacks', stackName);
  return posix.relative(stackDir, posix.join(directory, `terraform.${stackName}.tfstate`));
}

// ---- Names of resources. Bucket names must be globally unique and at
// most 63 characters: prefix (<= 20) + account + region keeps them so.

/** Bucket holding the uploaded IP lists (home region). */
export function listBucketName(prefix: string, accountId: string, region: string): string {
  return `${prefix}-gd-lists-${accountId}-${region}`;
}

/** Object key of an uploaded list: the content hash in the key gives a changed list a new location. */
export function listObjectKey(listName: string, sha256: string): string {
  return `threatlists/${listName}/${sha256.slice(0, 16)}.txt`;
}

/** GuardDuty name of the trusted IPSet or a ThreatIntelSet. */
export function ipListSetName(prefix: string, listName: string): string {
  return `${prefix}-${listName}`;
}

/** Bucket receiving GuardDuty's S3 publishing destination exports (home region). */
export function findingsBucketName(prefix: string, accountId: string, region: string): string {
  return `${prefix}-gd-findings-${accountId}-${region}`;
}

export function findingsKeyAlias(prefix: string): string {
  return `alias/${prefix}-guardduty-findings`;
}

/** Custom event bus in the home region that every region forwards findings to. */
export function findingsBusName(prefix: string): string {
  return `${prefix}-guardduty-findings`;
}

/** EventBridge rule name used for findings, on the default bus (regional) and the home bus. */
export function findingsRuleName(prefix: string): string {
  return `${prefix}-guardduty-findings`;
}

/** CloudWatch Logs group that receives every finding. */
export function findingsLogGroupName(prefix: string): string {
  return `/aws/events/${prefix}-guardduty`;
}

export function filterName(prefix: string, suppressionName: string): string {
  return `${prefix}-${suppressionName}`;
}

export const MANAGEMENT_STACK_NAME = 'guardduty-management';

/** Admin-side stack setting invited members' protection plans, once they have accepted. */
export const MEMBER_FEATURES_STACK_NAME = 'guardduty-member-features';

/** Stack of one invited member account (invitation mode). */
export function memberStackName(accountId: string): string {
  return `guardduty-member-${accountId}`;
}

/** Role EventBridge assumes to forward findings from every region to the home bus (IAM is global). */
export function forwarderRoleName(prefix: string): string {
  return `${prefix}-guardduty-forwarder`;
}

/** Home-bus rule delivering every finding to the log group. */
export function logDeliveryRuleName(prefix: string): string {
  return `${prefix}-guardduty-to-logs`;
}

/** CloudWatch Logs resource policy (at most 10 per account and region: one is shared). */
export function logResourcePolicyName(prefix: string): string {
  return `${prefix}-guardduty-findings`;
}

export function alertRuleName(prefix: string, route: string): string {
  return `${prefix}-alert-${route}`;
}

/** The route's second rule, for Malware Protection scan results: as long as alertRuleName, so it fits wherever that does. */
export function scanResultAlertRuleName(prefix: string, route: string): string {
  return `${prefix}-scans-${route}`;
}

export function alertTopicName(prefix: string, route: string): string {
  return `${prefix}-guardduty-${route}`;
}

export function alertsKeyAlias(prefix: string): string {
  return `alias/${prefix}-guardduty-alerts`;
}

export function siemStreamName(prefix: string): string {
  return `${prefix}-guardduty-findings`;
}

export function siemRuleName(prefix: string): string {
  return `${prefix}-guardduty-to-siem`;
}

export function siemDeliveryRoleName(prefix: string): string {
  return `${prefix}-guardduty-firehose`;
}

export function siemPutRoleName(prefix: string): string {
  return `${prefix}-guardduty-to-firehose`;
}

/** Where the SIEM stream logs delivery errors: the group and stream names the Firehose console would create. */
export function siemErrorLogGroupName(prefix: string): string {
  return `/aws/kinesisfirehose/${siemStreamName(prefix)}`;
}

export const SIEM_ERROR_LOG_STREAM_NAME = 'DestinationDelivery';

export function siemBackupBucketName(prefix: string, accountId: string, region: string): string {
  return `${prefix}-gd-siem-${accountId}-${region}`;
}

export const VIEWER_ROLE_NAME = 'GuardDutyFindingsViewer';
export const TRIAGE_ROLE_NAME = 'GuardDutyFindingsTriage';

export function flowLogGroupName(prefix: string): string {
  return `/aws/vpc-flow-logs/${prefix}-guardduty`;
}

export function flowLogRoleName(prefix: string): string {
  return `${prefix}-guardduty-flow-logs`;
}

/**
 * The `location` GuardDuty reads a list from. The commercial partition uses
 * the path-style global endpoint of the provider's documented example;
 * elsewhere the partition-neutral `s3://` form, also accepted.
 */
export function listLocation(partition: string, bucket: string, key: string): string {
  return partition === 'aws' ? `https://s3.amazonaws.com/${bucket}/${key}` : `s3://${bucket}/${key}`;
}

/**
 * Which stack owns a region's delivery-failure resources: each regional stack,
 * and the home stack for its home-bus rules (the home region has both, so
 * their names differ).
 */
export type DeliveryOwner = 'regional' | 'home';

/** SQS dead-letter queue of the EventBridge targets of one stack, in its region. */
export function deadLetterQueueName(prefix: string, owner: DeliveryOwner): string {
  return owner === 'home' ? `${prefix}-guardduty-home-dlq` : `${prefix}-guardduty-dlq`;
}

/**
 * SNS topic of the operational alarms of one stack. `-gd-` keeps it apart from
 * the alert topics (`<prefix>-guardduty-<route>`), whatever a route is named.
 */
export function alarmTopicName(prefix: string, owner: DeliveryOwner): string {
  return owner === 'home' ? `${prefix}-gd-home-ops-alarms` : `${prefix}-gd-ops-alarms`;
}

export function alarmKeyAlias(prefix: string, owner: DeliveryOwner): string {
  return `alias/${alarmTopicName(prefix, owner)}`;
}

/** Alarm on a rule's FailedInvocations (alarm names are per account and region, like rule names). */
export function failedInvocationsAlarmName(ruleName: string): string {
  return `${ruleName}-failed-invocations`;
}

/** Alarm on a dead-letter queue holding messages. */
export function deadLetterQueueAlarmName(queueName: string): string {
  return `${queueName}-not-empty`;
}

/**
 * Rules of the tamper alerts. `-gd-tamper-` keeps them apart from the alert
 * rules (`<prefix>-alert-<route>`), and like every rule of the estate they
 * start with `<prefix>-`, which is how the tamper pattern recognizes them.
 */
export function tamperForwardRuleName(prefix: string, group: string): string {
  return `${prefix}-gd-tamper-${group}`;
}

export function tamperLogRuleName(prefix: string): string {
  return `${prefix}-gd-tamper-to-logs`;
}

export function tamperAlertRuleName(prefix: string): string {
  return `${prefix}-gd-tamper-alert`;
}

/** Role EventBridge assumes in a management or member account to put that account's tamper calls on the findings bus. */
export function tamperSenderRoleName(prefix: string): string {
  return `${prefix}-guardduty-tamper-sender`;
}

// ---- Malware Protection for S3

/** Stack of the protected buckets of an account other than the admin account. */
export function malwareProtectionStackName(accountId: string): string {
  return `guardduty-malware-${accountId}`;
}

/**
 * Role GuardDuty assumes for one protected bucket. Bucket names (up to 63
 * characters) do not fit IAM's 64, so a hash of the name stands for it:
 * bucket names are globally unique, so the role name is too.
 */
export function malwareScanRoleName(prefix: string, bucketName: string): string {
  return `${prefix}-guardduty-malware-${createHash('sha256').update(bucketName).digest('hex').slice(0, 12)}`;
}
