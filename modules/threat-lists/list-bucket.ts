import { S3Object } from '@cdktf/provider-aws/lib/s3-object';
import { AssetType, TerraformAsset } from 'cdktf';
import { Construct } from 'constructs';
import type { ListObjectPlan } from '../../src/plan/threat-list-plan';
import type { PolicyTemplate } from '../../src/policy/template';
import { HardenedBucket } from '../storage/hardened-bucket';

export interface ListBucketProps {
  readonly bucketName: string;
  readonly bucketPolicy: PolicyTemplate<'bucketArn'>;
  readonly objects: readonly ListObjectPlan[];
  /**
   * A file holding each object's body, by object key, written before synth.
   * Uploaded from a file rather than inline: a threat list can reach 35 MB,
   * which has no place in cdk.tf.json or in Terraform state.
   */
  readonly bodyFiles: Readonly<Record<string, string>>;
}

/**
 * The hardened bucket every region's IPSet and ThreatIntelSets read from.
 * SSE-S3, not KMS: a key policy naming GuardDuty's service-linked role is
 * rejected while that role does not exist yet. Each list is one object
 * holding address lines only (TXT has no comment syntax); its key carries
 * the content hash, provenance goes into object metadata (the plan's).
 * No object tags of its own: S3 allows 10 per object and the provider's
 * default_tags (the config's `tags`) take them.
 */
export class ListBucket extends Construct {
  public readonly bucket: HardenedBucket;

  constructor(scope: Construct, id: string, props: ListBucketProps) {
    super(scope, id);
    this.bucket = new HardenedBucket(this, 'Bucket', { bucketName: props.bucketName, encryption: 'S3', policy: props.bucketPolicy });
    for (const o of props.objects) {
      const file = props.bodyFiles[o.key];
      if (!file) throw new Error(`ListBucket: no body file for ${o.key}`);
      // Copied into cdktf.out at synth; the asset hash is the content's, so output stays deterministic.
      const body = new TerraformAsset(this, `${o.listName}-body`, { path: file, type: AssetType.FILE, assetHash: o.sha256 });
      new S3Object(this, o.listName, {
        bucket: this.bucket.bucket.id,
        key: o.key,
        source: body.path,
        sourceHash: o.sha256,
        contentType: 'text/plain',
        metadata: { ...o.metadata },
      });
    }
  }
}
