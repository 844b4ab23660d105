import { findRegion, PARTITION_INFO, type Partition } from '../regions/catalog';
import { guardDutyServicePrincipal, servicePrincipal } from '../regions/principals';
import type { PolicyDocument, PolicyStatement } from '../policy/document';
import { keyAdministration, policy } from '../policy/statements';

/** Who is exporting: the admin account's detectors in these regions. */
export interface PublishingSource {
  readonly partition: Partition;
  readonly accountId: string;
  readonly regions: readonly string[];
}

/**
 * GuardDuty signs as `guardduty.amazonaws.com`, and in opt-in regions as
 * `guardduty.<region>.amazonaws.com`: the policies must name every
 * principal that exports.
 */
export function publishingPrincipals(source: PublishingSource): string[] {
  return [...new Set(source.regions.map(guardDutyServicePrincipal))].sort();
}

/** Confused deputy: only this account's detectors, in any region. */
function publishingConditions(source: PublishingSource) {
  return {
    StringEquals: { 'aws:SourceAccount': source.accountId },
    ArnLike: { 'aws:SourceArn': `arn:${source.partition}:guardduty:*:${source.accountId}:detector/*` },
  };
}

/** Key policy of the findings key: GuardDuty may encrypt exports with it, nothing else. */
export function findingsKeyPolicy(source: PublishingSource): PolicyDocument {
  return policy(keyAdministration(source.partition, source.accountId), {
    Sid: 'AllowGuardDutyToEncryptFindings',
    Effect: 'Allow',
    Principal: { Service: publishingPrincipals(source) },
    Action: 'kms:GenerateDataKey',
    Resource: '*',
    Condition: publishingConditions(source),
  });
}

/** Bucket policy statements of the findings bucket (GuardDuty S3 publishing destination); HardenedBucket adds TLS-only. */
export function findingsBucketStatements(source: PublishingSource, bucketArn: string, keyArn: string): PolicyStatement[] {
  const principals = { Service: publishingPrincipals(source) };
  return [
    { Sid: 'AllowGuardDutyGetBucketLocation', Effect: 'Allow', Principal: principals, Action: 's3:GetBucketLocation', Resource: bucketArn, Condition: publishingConditions(source) },
    { Sid: 'AllowGuardDutyPutObject', Effect: 'Allow', Principal: principals, Action: 's3:PutObject', Resource: `${bucketArn}/*`, Condition: publishingConditions(source) },
    {
      Sid: 'DenyObjectsNotEncryptedWithKms',
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:PutObject',
      Resource: `${bucketArn}/*`,
      Condition: { StringNotEquals: { 's3:x-amz-server-side-encryption': 'aws:kms' } },
    },
    {
      Sid: 'DenyObjectsNotEncryptedWithTheFindingsKey',
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:PutObject',
      Resource: `${bucketArn}/*`,
      Condition: { StringNotEquals: { 's3:x-amz-server-side-encryption-aws-kms-key-id': keyArn } },
    },
  ];
}

/**
 * Opt-in rules of the S3 publishing destination: findings from a
 * default-enabled region can't go to a bucket in an opt-in region, and an
 * opt-in region exports only to itself or to a default-enabled region.
 */
export function publishingRegionProblem(region: string, bucketRegion: string): string | undefined {
  if (region === bucketRegion) return undefined;
  const bucketOptIn = findRegion(bucketRegion)?.optIn ?? false;
  if (!bucketOptIn) return undefined;
  return findRegion(region)?.optIn
    ? `${region} is an opt-in region and cannot export findings to another opt-in region (${bucketRegion})`
    : `${region} cannot export findings to a bucket in the opt-in region ${bucketRegion}`;
}

/**
 * Only the forwarder role of this account (and, with tamper alerts, the
 * sender roles of the management and member accounts) may put events on the
 * findings bus. The Allow alone does not say that: in the bus's own account
 * an identity policy granting events:PutEvents is enough, so the Deny
 * refuses every other principal (`aws:PrincipalArn` is the role ARN for a
 * session of the role). EventBridge's own bus-to-bus delivery is not
 * refused: the rules put events with these roles (a bus target needs a
 * role, in the same account and region too, and across accounts the role
 * is the sender's: EventBridge user guide, "Sending and receiving events
 * between AWS accounts"), so their principal is that role.
 *
 * The sender roles are created by stacks deployed after the home stack, so
 * they are admitted by account with an exact `aws:PrincipalArn` condition
 * rather than as principals, which AWS resolves when the policy is written.
 */
export function findingsBusPolicy(
  busArn: string,
  forwarderRoleArn: string,
  organizationId?: string,
  senders: { readonly accountRoots: readonly string[]; readonly roleArns: readonly string[] } = { accountRoots: [], roleArns: [] },
): PolicyDocument {
  const orgCondition = organizationId ? { StringEquals: { 'aws:PrincipalOrgID': organizationId } } : undefined;
  return policy(
    {
      Sid: 'AllowRegionalForwarders',
      Effect: 'Allow',
      Principal: { AWS: forwarderRoleArn },
      Action: 'events:PutEvents',
      Resource: busArn,
      ...(orgCondition ? { Condition: orgCondition } : {}),
    },
    ...(senders.roleArns.length > 0
      ? [
          {
            Sid: 'AllowTamperSenders',
            Effect: 'Allow' as const,
            Principal: { AWS: [...senders.accountRoots] },
            Action: 'events:PutEvents',
            Resource: busArn,
            Condition: { ...orgCondition, ArnEquals: { 'aws:PrincipalArn': [...senders.roleArns] } },
          },
        ]
      : []),
    {
      Sid: 'DenyEveryOtherPrincipal',
      Effect: 'Deny',
      Principal: '*',
      Action: 'events:PutEvents',
      Resource: busArn,
      Condition: { ArnNotEquals: { 'aws:PrincipalArn': senders.roleArns.length > 0 ? [forwarderRoleArn, ...senders.roleArns] : forwarderRoleArn } },
    },
  );
}

/** What the forwarder role may do: put events on the findings bus, nothing else. */
export function forwarderPolicy(busArn: string): PolicyDocument {
  return policy({ Sid: 'PutFindingsOnTheHomeBus', Effect: 'Allow', Action: 'events:PutEvents', Resource: busArn });
}

/**
 * The one CloudWatch Logs resource policy (the account limit is 10 per
 * region): only the delivery rule puts findings into the findings group.
 * EventBridge sends no source context when it creates the log stream, so
 * that action cannot carry the condition (AWS's own sample had to drop it);
 * it is limited to this group instead. The tamper alerts' log rule writes
 * to the same group.
 */
export function findingsLogResourcePolicy(partition: Partition, logGroupArn: string, ruleArns: string | readonly string[]): PolicyDocument {
  const Principal = { Service: [servicePrincipal('events', partition), servicePrincipal('delivery.logs', partition)] };
  return policy(
    { Sid: 'EventBridgeCreatesStreams', Effect: 'Allow', Principal, Action: 'logs:CreateLogStream', Resource: `${logGroupArn}:*` },
    { Sid: 'TheDeliveryRulePutsFindings', Effect: 'Allow', Principal, Action: 'logs:PutLogEvents', Resource: `${logGroupArn}:*`, Condition: { ArnEquals: { 'aws:SourceArn': typeof ruleArns === 'string' ? ruleArns : [...ruleArns] } } },
  );
}

/** EventBridge -> Firehose: put records on the one stream. */
export function siemPutPolicy(streamArn: string): PolicyDocument {
  return policy({ Sid: 'PutFindingsOnTheStream', Effect: 'Allow', Action: ['firehose:PutRecord', 'firehose:PutRecordBatch'], Resource: streamArn });
}

/**
 * The `kms:ViaService` value of Secrets Manager in a region: the service's
 * endpoint name (KMS Developer Guide, kms:ViaService: `secretsmanager.<region>.amazonaws.com`;
 * China's endpoints end in amazonaws.com.cn).
 */
export function secretsManagerViaService(partition: Partition, region: string): string {
  return `secretsmanager.${region}.${PARTITION_INFO[partition].dnsSuffix}`;
}

export interface SiemDeliveryAccess {
  readonly backupBucketArn: string;
  /** The Splunk HEC token or HTTP endpoint key. */
  readonly secretArn?: string;
  /** The secret's customer managed key, if not aws/secretsmanager. */
  readonly secretKey?: { readonly arn: string; readonly viaService: string };
  /** The one log stream Firehose writes delivery errors to. */
  readonly errorLogStreamArn: string;
}

/** Firehose's own role: write failed deliveries to the backup bucket, read the endpoint secret, log delivery errors. */
export function siemDeliveryPolicy(access: SiemDeliveryAccess): PolicyDocument {
  const { backupBucketArn, secretArn, secretKey } = access;
  return policy(
    {
      Sid: 'WriteBackupBucket',
      Effect: 'Allow',
      Action: ['s3:AbortMultipartUpload', 's3:GetBucketLocation', 's3:GetObject', 's3:ListBucket', 's3:ListBucketMultipartUploads', 's3:PutObject'],
      Resource: [backupBucketArn, `${backupBucketArn}/*`],
    },
    ...(secretArn ? [{ Sid: 'ReadEndpointSecret', Effect: 'Allow' as const, Action: 'secretsmanager:GetSecretValue', Resource: secretArn }] : []),
    // A secret under a customer managed key needs kms:Decrypt too, and only through Secrets Manager
    // (Firehose Developer Guide, "Use the secret": grant access to the secret and the key that encrypts it).
    ...(secretArn && secretKey
      ? [{ Sid: 'DecryptEndpointSecret', Effect: 'Allow' as const, Action: 'kms:Decrypt', Resource: secretKey.arn, Condition: { StringEquals: { 'kms:ViaService': secretKey.viaService } } }]
      : []),
    // Firehose Developer Guide, "Controlling access": the role puts error log events into the stream it is given.
    { Sid: 'LogDeliveryErrors', Effect: 'Allow', Action: 'logs:PutLogEvents', Resource: access.errorLogStreamArn },
  );
}
