import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { CloudwatchLogStream } from '@cdktf/provider-aws/lib/cloudwatch-log-stream';
import { KinesisFirehoseDeliveryStream } from '@cdktf/provider-aws/lib/kinesis-firehose-delivery-stream';
import { Construct } from 'constructs';
import type { SiemPlan } from '../../src/plan/siem-plan';
import { HardenedBucket } from '../storage/hardened-bucket';
import { FindingsRule, type TargetDelivery } from './findings-rule';
import { ServiceRole } from './service-role';

export interface SiemStreamProps {
  readonly busName: string;
  readonly siem: SiemPlan;
  /** Retry policy and dead-letter queue of the target. */
  readonly delivery: TargetDelivery;
}

/**
 * Findings from the home bus to a SIEM through Kinesis Data Firehose
 * (Splunk HEC, an HTTP endpoint, or S3), the in-module replacement for a
 * hand-written forwarding Lambda. Endpoint credentials stay in Secrets
 * Manager; failed deliveries land in an encrypted backup bucket and
 * delivery errors in a log group.
 */
export class SiemStream extends Construct {
  public readonly stream: KinesisFirehoseDeliveryStream;

  constructor(scope: Construct, id: string, props: SiemStreamProps) {
    super(scope, id);
    const { siem } = props;
    const backup = new HardenedBucket(this, 'Backup', { bucketName: siem.backupBucketName, encryption: 'S3', policy: siem.backupBucketPolicy });
    const errorLogGroup = new CloudwatchLogGroup(this, 'ErrorLogGroup', { name: siem.errorLog.groupName, retentionInDays: siem.errorLog.retentionDays });
    // Firehose writes to the group and stream it is given; it creates neither.
    const errorLogStream = new CloudwatchLogStream(this, 'ErrorLogStream', { name: siem.errorLog.streamName, logGroupName: errorLogGroup.name });
    const cloudwatchLoggingOptions = { enabled: true, logGroupName: errorLogGroup.name, logStreamName: errorLogStream.name };
    const secretArn = siem.secretArn;
    const deliveryRole = new ServiceRole(this, 'DeliveryRole', {
      roleName: siem.deliveryRoleName,
      trustPolicy: siem.deliveryTrustPolicy,
      policy: siem.deliveryPolicy,
      slots: { backupBucketArn: backup.bucket.arn },
    });
    const delivery = deliveryRole.role;
    const s3Configuration = { roleArn: delivery.arn, bucketArn: backup.bucket.arn, prefix: 'failed/', cloudwatchLoggingOptions };
    const secrets = secretArn ? { secretsManagerConfiguration: { enabled: true, secretArn, roleArn: delivery.arn } } : {};
    this.stream = new KinesisFirehoseDeliveryStream(this, 'Resource', {
      name: siem.streamName,
      serverSideEncryption: { enabled: true, keyType: 'AWS_OWNED_CMK' },
      // Firehose checks the role's permissions when the stream is created, and the inline policy is
      // a separate resource: without the dependency the stream can be created before the policy and
      // fail (terraform-provider-aws issue 3380; aws-cdk issue 7236).
      dependsOn: [deliveryRole.policy],
      ...(siem.type === 'splunk'
        ? {
            destination: 'splunk',
            splunkConfiguration: {
              hecEndpoint: siem.hecEndpoint,
              hecEndpointType: siem.hecEndpointType,
              bufferingInterval: siem.bufferingSeconds,
              s3BackupMode: 'FailedEventsOnly',
              s3Configuration,
              cloudwatchLoggingOptions,
              ...secrets,
            },
          }
        : siem.type === 'http'
          ? {
              destination: 'http_endpoint',
              httpEndpointConfiguration: {
                url: siem.url,
                ...(siem.name ? { name: siem.name } : {}),
                roleArn: delivery.arn,
                bufferingInterval: siem.bufferingSeconds,
                s3BackupMode: 'FailedDataOnly',
                s3Configuration,
                cloudwatchLoggingOptions,
                ...secrets,
              },
            }
          : {
              destination: 'extended_s3',
              extendedS3Configuration: { roleArn: delivery.arn, bucketArn: backup.bucket.arn, prefix: 'findings/', bufferingInterval: siem.bufferingSeconds, cloudwatchLoggingOptions },
            }),
    });
    const put = new ServiceRole(this, 'PutRole', {
      roleName: siem.putRoleName,
      trustPolicy: siem.putTrustPolicy,
      policy: siem.putPolicy,
      slots: { streamArn: this.stream.arn },
    }).role;
    new FindingsRule(this, 'Delivery', {
      ruleName: siem.ruleName,
      busName: props.busName,
      description: 'Every GuardDuty finding forwarded to this bus, to the SIEM stream',
      delivery: props.delivery,
      target: { id: 'siem-stream', arn: this.stream.arn, roleArn: put.arn },
    });
  }
}
