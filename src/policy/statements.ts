import type { Partition } from '../regions/catalog';
import type { PolicyDocument, PolicyStatement } from './document';
import { type PolicyTemplate, slot, template } from './template';

/** Statements every project policy repeats; one definition so they stay identical. */

export const accountRoot = (partition: Partition, accountId: string) => `arn:${partition}:iam::${accountId}:root`;

/** Deny every request that does not use TLS. */
export function denyInsecureTransport(action: string, resources: readonly string[]): PolicyStatement {
  return {
    Sid: 'DenyInsecureTransport',
    Effect: 'Deny',
    Principal: '*',
    Action: action,
    Resource: resources,
    Condition: { Bool: { 'aws:SecureTransport': 'false' } },
  };
}

/** Key administration by the account, as every KMS key policy needs; IAM policies then grant use. */
export function keyAdministration(partition: Partition, accountId: string): PolicyStatement {
  return { Sid: 'EnableAccountAdministration', Effect: 'Allow', Principal: { AWS: accountRoot(partition, accountId) }, Action: 'kms:*', Resource: '*' };
}

/** Who may make an AWS service assume a role: the confused-deputy condition of its trust policy. */
export type ServiceCaller =
  /** Our account, and only these resources of it (ArnLike patterns). */
  | { readonly sourceAccount: string; readonly sourceArn: string | readonly string[] }
  /** Services that document `sts:ExternalId` = account instead (Kinesis Data Firehose). */
  | { readonly externalId: string };

/** Trust for an AWS service, pinned to our account and resources (confused deputy). */
export function serviceTrustPolicy(servicePrincipal: string, caller: ServiceCaller): PolicyDocument {
  const Condition: PolicyStatement['Condition'] =
    'externalId' in caller
      ? { StringEquals: { 'sts:ExternalId': caller.externalId } }
      : { StringEquals: { 'aws:SourceAccount': caller.sourceAccount }, ArnLike: { 'aws:SourceArn': typeof caller.sourceArn === 'string' ? caller.sourceArn : [...caller.sourceArn] } };
  return policy({ Effect: 'Allow', Principal: { Service: servicePrincipal }, Action: 'sts:AssumeRole', Condition });
}

/**
 * A service may act on a resource of ours only for these calling resources
 * of our account (`aws:SourceAccount` + `ArnEquals aws:SourceArn`): the
 * confused-deputy shape of every resource policy that admits a service.
 */
export function pinnedServiceAllow(args: {
  readonly sid: string;
  readonly service: string;
  readonly action: string | readonly string[];
  readonly resource: string;
  readonly accountId: string;
  readonly sourceArns: string | readonly string[];
}): PolicyStatement {
  return {
    Sid: args.sid,
    Effect: 'Allow',
    Principal: { Service: args.service },
    Action: typeof args.action === 'string' ? args.action : [...args.action],
    Resource: args.resource,
    Condition: { StringEquals: { 'aws:SourceAccount': args.accountId }, ArnEquals: { 'aws:SourceArn': typeof args.sourceArns === 'string' ? args.sourceArns : [...args.sourceArns] } },
  };
}

export function policy(...statements: PolicyStatement[]): PolicyDocument {
  return { Version: '2012-10-17', Statement: statements };
}

/** Slots every bucket policy has: the bucket's ARN, and the key of a KMS-encrypted bucket. */
export type BucketPolicySlot = 'bucketArn' | 'keyArn';

/** A bucket policy of this project: its own statements, then TLS only (every bucket, GD-S3 guardrails). */
export function tlsOnlyBucketPolicy<S extends BucketPolicySlot = 'bucketArn'>(statements: readonly PolicyStatement[], ...slots: S[]): PolicyTemplate<'bucketArn' | S> {
  const bucketArn = slot('bucketArn');
  return template<'bucketArn' | S>(policy(...statements, denyInsecureTransport('s3:*', [bucketArn, `${bucketArn}/*`])), 'bucketArn', ...slots.filter((s) => s !== 'bucketArn'));
}
