import type { GuardrailRule } from '../model';
import { EventTargetDeadLetter, SqsQueueEncrypted } from './event-target-dead-letter';
import { FirehoseEncrypted } from './firehose-encrypted';
import { IamNoAdminWildcard } from './iam-no-admin-wildcard';
import { KmsKeyRotation } from './kms-key-rotation';
import { LogGroupRetention } from './log-group-retention';
import { NoPublicPrincipal } from './no-public-principal';
import { S3BucketEncrypted } from './s3-bucket-encrypted';
import { S3BucketPublicAccessBlocked } from './s3-bucket-public-access-blocked';
import { S3BucketTlsOnly } from './s3-bucket-tls-only';
import { ServicePrincipalSourceAccount } from './service-principal-source-account';
import { SnsTopicEncrypted } from './sns-topic-encrypted';

export {
  EventTargetDeadLetter,
  FirehoseEncrypted,
  IamNoAdminWildcard,
  KmsKeyRotation,
  LogGroupRetention,
  NoPublicPrincipal,
  S3BucketEncrypted,
  S3BucketPublicAccessBlocked,
  S3BucketTlsOnly,
  ServicePrincipalSourceAccount,
  SnsTopicEncrypted,
  SqsQueueEncrypted,
};

/** Every rule the guardrails apply, in the order violations are reported. */
export const GUARDRAIL_RULES: readonly GuardrailRule[] = [
  S3BucketPublicAccessBlocked,
  S3BucketEncrypted,
  S3BucketTlsOnly,
  IamNoAdminWildcard,
  ServicePrincipalSourceAccount,
  NoPublicPrincipal,
  KmsKeyRotation,
  SnsTopicEncrypted,
  LogGroupRetention,
  FirehoseEncrypted,
  EventTargetDeadLetter,
  SqsQueueEncrypted,
];
