import type { GuardDutyConfig } from '../config/schema';
import { findingsLogResourcePolicy, forwarderPolicy, type PublishingSource, secretsManagerViaService } from '../export/policies';
import { severityThreshold } from '../findings/severity';
import { flowLogDeliveryPolicy } from '../flow-logs/policies';
import {
  alertRuleName,
  alertTopicName,
  alertsKeyAlias,
  filterName,
  findingsBucketName,
  findingsBusName,
  findingsKeyAlias,
  findingsLogGroupName,
  findingsRuleName,
  flowLogGroupName,
  flowLogRoleName,
  forwarderRoleName,
  logDeliveryRuleName,
  logResourcePolicyName,
  siemBackupBucketName,
  SIEM_ERROR_LOG_STREAM_NAME,
  siemDeliveryRoleName,
  siemErrorLogGroupName,
  siemPutRoleName,
  siemRuleName,
  siemStreamName,
  TRIAGE_ROLE_NAME,
  VIEWER_ROLE_NAME,
} from '../naming';
import type { PolicyDocument } from '../policy/document';
import type { Partition } from '../regions/catalog';
import { arn } from '../regions/principals';
import { type FilterSpec, suppressionFilters } from '../suppression/filters';

/** One alert route on the home bus. */
export interface AlertRoutePlan {
  readonly name: string;
  readonly ruleName: string;
  readonly ruleArn: string;
  readonly minSeverity: number;
  readonly typePrefixes?: readonly string[];
  readonly message: 'short' | 'full';
  /** A topic this project creates, or an existing one. */
  readonly topic: { readonly create: true; readonly name: string; readonly arn: string; readonly subscriptions: readonly { protocol: string; endpoint: string }[] } | { readonly create: false; readonly arn: string };
}

export interface AccessRolePlan {
  readonly roleName: string;
  readonly principals: readonly string[];
  readonly requireMfa: boolean;
  readonly triage: boolean;
}

export type SiemPlan = NonNullable<GuardDutyConfig['export']['firehose']> & {
  readonly streamName: string;
  readonly ruleName: string;
  readonly ruleArn: string;
  readonly deliveryRoleName: string;
  readonly putRoleName: string;
  readonly backupBucketName: string;
  /** Firehose's error log: created here, as the stream only writes to an existing group and stream. */
  readonly errorLog: { readonly groupName: string; readonly streamName: string; readonly streamArn: string; readonly retentionDays: number };
  /** The secret's customer managed key, decrypted by the stream's role through Secrets Manager only. */
  readonly secretKey?: { readonly arn: string; readonly viaService: string };
};

/** Findings export resources of the home stack (home region, admin account). */
export interface HomeExportPlan {
  readonly partition: Partition;
  readonly accountId: string;
  readonly region: string;
  readonly busName: string;
  readonly busArn: string;
  readonly forwarderRoleName: string;
  readonly forwarderRoleArn: string;
  /** The forwarder role's inline policy. */
  readonly forwarderPolicy: PolicyDocument;
  /** The regional forwarding rules, the only callers of the forwarder role (ArnLike pattern). */
  readonly forwarderRuleArns: string;
  /** Organization mode: the bus policy also requires the caller's organization. */
  readonly requireOrganization: boolean;
  readonly logGroup: {
    readonly name: string;
    readonly arn: string;
    readonly retentionDays: number;
    readonly kmsKeyArn?: string;
    readonly ruleName: string;
    readonly ruleArn: string;
    readonly resourcePolicyName: string;
    readonly resourcePolicy: PolicyDocument;
  };
  readonly s3?: { readonly bucketName: string; readonly keyAlias: string; readonly transitionDays: number; readonly storageClass: string; readonly expireDays: number; readonly source: PublishingSource };
  readonly siem?: SiemPlan;
  readonly alerts: readonly AlertRoutePlan[];
  readonly alertsKeyAlias: string;
  /** The topics this project creates, the only ones the alerts key encrypts for. */
  readonly alertTopicArns: readonly string[];
  readonly access: readonly AccessRolePlan[];
  readonly flowLogRole?: { readonly name: string; readonly logGroupArnPattern: string; readonly flowLogArns: string; readonly policy: PolicyDocument };
}

/** Findings export resources of one regional stack. */
export interface RegionalExportPlan {
  readonly forwarder: { readonly ruleName: string; readonly minSeverity: number; readonly busArn: string; readonly roleArn: string };
  readonly publishingDestination?: { readonly bucketArn: string; readonly keyAlias: string; readonly keyRegion: string };
  readonly filters: readonly (FilterSpec & { readonly filterName: string })[];
  readonly flowLogs?: { readonly vpcIds: readonly string[]; readonly logGroupName: string; readonly retentionDays: number; readonly roleArn: string };
}

export interface ExportPlan {
  readonly home: HomeExportPlan;
  regional(region: string): RegionalExportPlan;
  readonly warnings: readonly string[];
}

/** The Firehose stream toward the SIEM, in the home region. */
function planSiem(config: GuardDutyConfig, firehose: NonNullable<GuardDutyConfig['export']['firehose']>, busRuleArn: (ruleName: string) => string): SiemPlan {
  const { partition, prefix, homeRegion } = config;
  const accountId = config.accounts.admin.accountId;
  const groupName = siemErrorLogGroupName(prefix);
  const secretKmsKeyArn = firehose.type === 's3' ? undefined : firehose.secretKmsKeyArn;
  return {
    ...firehose,
    streamName: siemStreamName(prefix),
    ruleName: siemRuleName(prefix),
    ruleArn: busRuleArn(siemRuleName(prefix)),
    deliveryRoleName: siemDeliveryRoleName(prefix),
    putRoleName: siemPutRoleName(prefix),
    backupBucketName: siemBackupBucketName(prefix, accountId, homeRegion),
    errorLog: {
      groupName,
      streamName: SIEM_ERROR_LOG_STREAM_NAME,
      streamArn: arn(partition, 'logs', homeRegion, accountId, `log-group:${groupName}:log-stream:${SIEM_ERROR_LOG_STREAM_NAME}`),
      // Kept like the findings log group.
      retentionDays: config.export.logGroup.retentionDays,
    },
    ...(secretKmsKeyArn ? { secretKey: { arn: secretKmsKeyArn, viaService: secretsManagerViaService(partition, homeRegion) } } : {}),
  };
}

/** Findings export, alerts, suppression filters, access roles and flow logs, from a validated config. */
export function planFindingsExport(config: GuardDutyConfig, regions: readonly string[]): ExportPlan {
  const { partition, prefix, homeRegion } = config;
  const accountId = config.accounts.admin.accountId;
  const iamRoleArn = (name: string) => `arn:${partition}:iam::${accountId}:role/${name}`;
  const busName = findingsBusName(prefix);
  const busArn = arn(partition, 'events', homeRegion, accountId, `event-bus/${busName}`);
  const busRuleArn = (ruleName: string) => arn(partition, 'events', homeRegion, accountId, `rule/${busName}/${ruleName}`);
  const forwarderRole = forwarderRoleName(prefix);
  const logGroupName = findingsLogGroupName(prefix);
  const logGroupArn = arn(partition, 'logs', homeRegion, accountId, `log-group:${logGroupName}`);
  const exportConfig = config.export;
  const minSeverity = severityThreshold(exportConfig.minSeverity);
  const warnings: string[] = [];

  const alerts = config.alerts.map((a): AlertRoutePlan => {
    const ruleName = alertRuleName(prefix, a.name);
    const routeMin = severityThreshold(a.minSeverity);
    if (routeMin < minSeverity) warnings.push(`alerts ${a.name}: minSeverity ${routeMin} is below export.minSeverity ${minSeverity}; findings under ${minSeverity} are never forwarded`);
    const topicName = alertTopicName(prefix, a.name);
    return {
      name: a.name,
      ruleName,
      ruleArn: busRuleArn(ruleName),
      minSeverity: Math.max(routeMin, minSeverity),
      ...(a.types ? { typePrefixes: a.types } : {}),
      message: a.message,
      topic: a.sns
        ? { create: true, name: topicName, arn: arn(partition, 'sns', homeRegion, accountId, topicName), subscriptions: a.sns.subscriptions }
        : { create: false, arn: a.topicArn! },
    };
  });

  const access: AccessRolePlan[] = [];
  if (config.access?.viewer) access.push({ roleName: VIEWER_ROLE_NAME, ...config.access.viewer, triage: false });
  if (config.access?.triage) access.push({ roleName: TRIAGE_ROLE_NAME, ...config.access.triage, triage: true });

  const flowLogGroup = flowLogGroupName(prefix);
  const flowLogRole = config.flowLogs ? flowLogRoleName(prefix) : undefined;
  const flowLogGroupArns = `arn:${partition}:logs:*:${accountId}:log-group:${flowLogGroup}`;
  if (config.presets.nlb && !config.presets.nlb.instanceTag) {
    warnings.push(
      'presets.nlb: without instanceTag the NLB filters archive these findings for every instance with a listener port open, including instances that are not behind a load balancer; add instanceTag',
    );
  }

  const home: HomeExportPlan = {
    partition,
    accountId,
    region: homeRegion,
    busName,
    busArn,
    forwarderRoleName: forwarderRole,
    forwarderRoleArn: iamRoleArn(forwarderRole),
    forwarderPolicy: forwarderPolicy(busArn),
    forwarderRuleArns: arn(partition, 'events', '*', accountId, `rule/${findingsRuleName(prefix)}`),
    requireOrganization: config.organization?.enabled === true,
    logGroup: {
      name: logGroupName,
      arn: logGroupArn,
      retentionDays: exportConfig.logGroup.retentionDays,
      ...(exportConfig.logGroup.kmsKeyArn ? { kmsKeyArn: exportConfig.logGroup.kmsKeyArn } : {}),
      ruleName: logDeliveryRuleName(prefix),
      ruleArn: busRuleArn(logDeliveryRuleName(prefix)),
      resourcePolicyName: logResourcePolicyName(prefix),
      resourcePolicy: findingsLogResourcePolicy(partition, logGroupArn, busRuleArn(logDeliveryRuleName(prefix))),
    },
    ...(exportConfig.s3.enabled
      ? {
          s3: {
            bucketName: findingsBucketName(prefix, accountId, homeRegion),
            keyAlias: findingsKeyAlias(prefix),
            transitionDays: exportConfig.s3.transitionDays,
            storageClass: exportConfig.s3.storageClass,
            expireDays: exportConfig.s3.expireDays,
            source: { partition, accountId, regions },
          },
        }
      : {}),
    ...(exportConfig.firehose ? { siem: planSiem(config, exportConfig.firehose, busRuleArn) } : {}),
    alerts,
    alertsKeyAlias: alertsKeyAlias(prefix),
    alertTopicArns: alerts.flatMap((a) => (a.topic.create ? [a.topic.arn] : [])),
    access,
    ...(flowLogRole
      ? {
          flowLogRole: {
            name: flowLogRole,
            logGroupArnPattern: flowLogGroupArns,
            flowLogArns: arn(partition, 'ec2', '*', accountId, 'vpc-flow-log/*'),
            policy: flowLogDeliveryPolicy(flowLogGroupArns),
          },
        }
      : {}),
  };

  const filters = suppressionFilters(config).map((f) => ({ ...f, filterName: filterName(prefix, f.name) }));
  const regional = (region: string): RegionalExportPlan => {
    const vpcIds = config.flowLogs?.vpcs[region];
    return {
      forwarder: {
        ruleName: findingsRuleName(prefix),
        minSeverity,
        busArn,
        // Bus-to-bus delivery needs a role, in the home region too, and the bus policy admits only this role.
        roleArn: iamRoleArn(forwarderRole),
      },
      ...(home.s3 ? { publishingDestination: { bucketArn: `arn:${partition}:s3:::${home.s3.bucketName}`, keyAlias: home.s3.keyAlias, keyRegion: homeRegion } } : {}),
      filters,
      ...(vpcIds && flowLogRole
        ? { flowLogs: { vpcIds, logGroupName: flowLogGroup, retentionDays: config.flowLogs!.retentionDays, roleArn: iamRoleArn(flowLogRole) } }
        : {}),
    };
  };
  return { home, regional, warnings };
}
