import type { GuardDutyConfig } from '../config/schema';
import { secretsManagerViaService, siemDeliveryPolicy, siemPutPolicy } from '../export/policies';
import { siemBackupBucketName, SIEM_ERROR_LOG_STREAM_NAME, siemDeliveryRoleName, siemErrorLogGroupName, siemPutRoleName, siemRuleName, siemStreamName } from '../naming';
import type { PolicyDocument } from '../policy/document';
import { serviceTrustPolicy, tlsOnlyBucketPolicy } from '../policy/statements';
import { type PolicyTemplate, slot, template } from '../policy/template';
import { arn, servicePrincipal } from '../regions/principals';
import type { ExportContext } from './export-context';

/** The configured stream: its destination `type` (splunk, http, s3) and that destination's settings. */
type SiemDestination = NonNullable<GuardDutyConfig['export']['firehose']>;

export type SiemPlan = SiemDestination & {
  readonly streamName: string;
  readonly ruleName: string;
  readonly ruleArn: string;
  readonly deliveryRoleName: string;
  readonly putRoleName: string;
  readonly backupBucketName: string;
  /** Firehose's error log: created here, as the stream only writes to an existing group and stream. */
  readonly errorLog: { readonly groupName: string; readonly streamName: string; readonly streamArn: string; readonly retentionDays: number };
  /** The Splunk HEC token or HTTP endpoint key. */
  readonly secretArn?: string;
  /** The secret's customer managed key, decrypted by the stream's role through Secrets Manager only. */
  readonly secretKey?: { readonly arn: string; readonly viaService: string };
  readonly backupBucketPolicy: PolicyTemplate<'bucketArn'>;
  readonly deliveryTrustPolicy: PolicyDocument;
  readonly deliveryPolicy: PolicyTemplate<'backupBucketArn'>;
  readonly putTrustPolicy: PolicyDocument;
  readonly putPolicy: PolicyTemplate<'streamArn'>;
};
/** The Firehose stream toward the SIEM, in the home region; its error log is kept like the findings log group. */
export function planSiem(ctx: ExportContext, firehose: SiemDestination, retentionDays: number): SiemPlan {
  const { partition, prefix, homeRegion, accountId } = ctx;
  const groupName = siemErrorLogGroupName(prefix);
  const secretKmsKeyArn = firehose.type === 's3' ? undefined : firehose.secretKmsKeyArn;
  const secretArn = firehose.type === 'splunk' ? firehose.tokenSecretArn : firehose.type === 'http' ? firehose.accessKeySecretArn : undefined;
  const secretKey = secretKmsKeyArn ? { arn: secretKmsKeyArn, viaService: secretsManagerViaService(partition, homeRegion) } : undefined;
  const errorLogStreamArn = arn(partition, 'logs', homeRegion, accountId, `log-group:${groupName}:log-stream:${SIEM_ERROR_LOG_STREAM_NAME}`);
  const ruleArn = ctx.busRuleArn(siemRuleName(prefix));
  return {
    ...firehose,
    streamName: siemStreamName(prefix),
    ruleName: siemRuleName(prefix),
    ruleArn,
    deliveryRoleName: siemDeliveryRoleName(prefix),
    putRoleName: siemPutRoleName(prefix),
    backupBucketName: siemBackupBucketName(prefix, accountId, homeRegion),
    errorLog: {
      groupName,
      streamName: SIEM_ERROR_LOG_STREAM_NAME,
      streamArn: errorLogStreamArn,
      retentionDays,
    },
    ...(secretArn ? { secretArn } : {}),
    ...(secretKey ? { secretKey } : {}),
    backupBucketPolicy: tlsOnlyBucketPolicy([]),
    // Kinesis Data Firehose documents sts:ExternalId = the account for its delivery role.
    deliveryTrustPolicy: serviceTrustPolicy(servicePrincipal('firehose', partition), { externalId: accountId }),
    deliveryPolicy: template(
      siemDeliveryPolicy({ backupBucketArn: slot('backupBucketArn'), ...(secretArn ? { secretArn } : {}), ...(secretKey ? { secretKey } : {}), errorLogStreamArn }),
      'backupBucketArn',
    ),
    putTrustPolicy: serviceTrustPolicy(servicePrincipal('events', partition), { sourceAccount: accountId, sourceArn: ruleArn }),
    putPolicy: template(siemPutPolicy(slot('streamArn')), 'streamArn'),
  };
}
