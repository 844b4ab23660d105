import { DataAwsKmsAlias } from '@cdktf/provider-aws/lib/data-aws-kms-alias';
import { GuarddutyPublishingDestination } from '@cdktf/provider-aws/lib/guardduty-publishing-destination';
import { Construct } from 'constructs';

export interface PublishingDestinationProps {
  readonly detectorId: string;
  readonly bucketArn: string;
  /** Alias of the findings key, and the (home) region it lives in. */
  readonly keyAlias: string;
  readonly keyRegion: string;
}

/**
 * Points a region's detector at the findings bucket. A key ARN holds a
 * UUID, so it is looked up through its alias in the home region (the
 * provider-6 `region` argument) rather than passed between stacks.
 */
export class PublishingDestination extends Construct {
  public readonly destination: GuarddutyPublishingDestination;

  constructor(scope: Construct, id: string, props: PublishingDestinationProps) {
    super(scope, id);
    const key = new DataAwsKmsAlias(this, 'Key', { name: props.keyAlias, region: props.keyRegion });
    this.destination = new GuarddutyPublishingDestination(this, 'Resource', {
      detectorId: props.detectorId,
      destinationType: 'S3',
      destinationArn: props.bucketArn,
      kmsKeyArn: key.targetKeyArn,
    });
  }
}
