import type { GuardrailRule } from '../model';
import { IamNoAdminWildcard } from './iam-no-admin-wildcard';
import { KmsKeyRotation } from './kms-key-rotation';
import { S3BucketEncrypted } from './s3-bucket-encrypted';
import { S3BucketPublicAccessBlocked } from './s3-bucket-public-access-blocked';
import { S3BucketTlsOnly } from './s3-bucket-tls-only';
import { ServicePrincipalSourceAccount } from './service-principal-source-account';

export { IamNoAdminWildcard, KmsKeyRotation, S3BucketEncrypted, S3BucketPublicAccessBlocked, S3BucketTlsOnly, ServicePrincipalSourceAccount };

/** Every rule the guardrails apply, in the order violations are reported. */
export const GUARDRAIL_RULES: readonly GuardrailRule[] = [
  S3BucketPublicAccessBlocked,
  S3BucketEncrypted,
  S3BucketTlsOnly,
  IamNoAdminWildcard,
  ServicePrincipalSourceAccount,
  KmsKeyRotation,
];
