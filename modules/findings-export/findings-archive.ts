import type { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { Construct } from 'constructs';
import type { ArchivePlan } from '../../src/plan/archive-plan';
import { HardenedBucket } from '../storage/hardened-bucket';
import { ManagedKey } from '../storage/managed-key';

export type FindingsArchiveProps = ArchivePlan;

/**
 * The S3 publishing destination of every region's detector: one bucket and
 * one KMS key in the home region (they must share a region; the detectors
 * need not), objects accepted only encrypted with that key.
 */
export class FindingsArchive extends Construct {
  public readonly key: KmsKey;
  public readonly bucket: HardenedBucket;

  constructor(scope: Construct, id: string, props: FindingsArchiveProps) {
    super(scope, id);
    this.key = new ManagedKey(this, 'Key', {
      description: 'Encrypts GuardDuty findings exported to S3',
      alias: props.keyAlias,
      policy: props.keyPolicy,
    }).key;
    const keyArn = this.key.arn;
    this.bucket = new HardenedBucket(this, 'Bucket', {
      bucketName: props.bucketName,
      encryption: { kmsKeyArn: keyArn },
      policy: props.bucketPolicy,
      lifecycle: { transitionDays: props.transitionDays, storageClass: props.storageClass, expireDays: props.expireDays },
    });
  }
}
