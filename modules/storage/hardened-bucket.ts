import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketLifecycleConfiguration } from '@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration';
import { S3BucketOwnershipControls } from '@cdktf/provider-aws/lib/s3-bucket-ownership-controls';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import { S3BucketVersioningA } from '@cdktf/provider-aws/lib/s3-bucket-versioning';
import { Construct } from 'constructs';
import type { ArchiveStorageClass } from '../../src/export/archive';
import type { BucketPolicySlot } from '../../src/policy/statements';
import { type PolicyTemplate, renderPolicy } from '../../src/policy/template';

export interface HardenedBucketProps {
  readonly bucketName: string;
  /**
   * SSE-KMS with this key, or SSE-S3. Lists use SSE-S3: a KMS key policy
   * naming the GuardDuty service-linked role fails before GuardDuty exists.
   */
  readonly encryption: { readonly kmsKeyArn: string } | 'S3';
  /** The plan's bucket policy (`tlsOnlyBucketPolicy`): this bucket's ARN and key fill its slots. */
  readonly policy: PolicyTemplate<BucketPolicySlot>;
  /** Move objects to an archive class, then delete them. @default - kept forever */
  readonly lifecycle?: { readonly transitionDays: number; readonly storageClass: ArchiveStorageClass; readonly expireDays: number };
}

/**
 * A bucket that passes every S3 guardrail: public access blocked, owner
 * enforced (no ACLs), versioned, encrypted, TLS-only, old versions expired.
 * Every bucket of this project is one of these.
 */
export class HardenedBucket extends Construct {
  public readonly bucket: S3Bucket;
  public readonly policy: S3BucketPolicy;

  constructor(scope: Construct, id: string, props: HardenedBucketProps) {
    super(scope, id);
    this.bucket = new S3Bucket(this, 'Resource', { bucket: props.bucketName });
    const bucket = this.bucket.id;
    const publicAccess = new S3BucketPublicAccessBlock(this, 'PublicAccessBlock', {
      bucket,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    new S3BucketOwnershipControls(this, 'OwnershipControls', { bucket, rule: { objectOwnership: 'BucketOwnerEnforced' } });
    new S3BucketVersioningA(this, 'Versioning', { bucket, versioningConfiguration: { status: 'Enabled' } });
    new S3BucketServerSideEncryptionConfigurationA(this, 'Encryption', {
      bucket,
      rule: [
        props.encryption === 'S3'
          ? { applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' } }
          : { applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: props.encryption.kmsKeyArn }, bucketKeyEnabled: true },
      ],
    });
    const lifecycle = props.lifecycle;
    new S3BucketLifecycleConfiguration(this, 'Lifecycle', {
      bucket,
      rule: [
        {
          id: 'expire-noncurrent-versions',
          status: 'Enabled',
          filter: [{ prefix: '' }],
          noncurrentVersionExpiration: [{ noncurrentDays: 30 }],
          abortIncompleteMultipartUpload: [{ daysAfterInitiation: 7 }],
        },
        ...(lifecycle
          ? [
              {
                id: 'archive-then-expire',
                status: 'Enabled',
                filter: [{ prefix: '' }],
                transition: [{ days: lifecycle.transitionDays, storageClass: lifecycle.storageClass }],
                expiration: [{ days: lifecycle.expireDays }],
              },
            ]
          : []),
      ],
    });
    this.policy = new S3BucketPolicy(this, 'Policy', {
      bucket,
      policy: renderPolicy(props.policy, { bucketArn: this.bucket.arn, keyArn: props.encryption === 'S3' ? undefined : props.encryption.kmsKeyArn }),
      // S3 rejects a bucket policy while public access settings are still being applied.
      dependsOn: [publicAccess],
    });
  }
}
