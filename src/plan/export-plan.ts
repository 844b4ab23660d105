import type { GuardDutyConfig } from '../config/schema';
import { accessTrustPolicy, findingsAccessPolicy } from '../access/policies';
import { alertsKeyPolicy, alertTopicPolicy } from '../alerts/policies';
import {
  findingsBucketStatements,
  findingsBusPolicy,
  findingsKeyPolicy,
  findingsLogResourcePolicy,
  forwarderPolicy,
  type PublishingSource,
  secretsManagerViaService,
  siemDeliveryPolicy,
  siemPutPolicy,
} from '../export/policies';
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
import { serviceTrustPolicy, tlsOnlyBucketPolicy } from '../policy/statements';
import { type PolicyTemplate, slot, template } from '../policy/template';
import type { Partition } from '../regions/catalog';
import { arn, servicePrincipal } from '../regions/principals';
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
  readonly topic:
    | { readonly create: true; readonly name: string; readonly arn: string; readonly subscriptions: readonly { protocol: string; endpoint: string }[]; readonly policy: PolicyDocument }
    | { readonly create: false; readonly arn: string };
}

export interface AccessRolePlan {
  readonly roleName: string;
  readonly principals: readonly string[];
  readonly requireMfa: boolean;
  readonly triage: boolean;
  readonly trustPolicy: PolicyDocument;
  readonly policy: PolicyDocument;
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

/** Findings export resources of the home stack (home region, admin account). */
export interface HomeExportPlan {
  readonly partition: Partition;
  readonly accountId: string;
  readonly region: string;
  readonly busName: string;
  readonly busArn: string;
  readonly forwarderRoleName: string;
  readonly forwarderRoleArn: string;
  /** EventBridge, called by the regional forwarding rules only (ArnLike pattern). */
  readonly forwarderTrustPolicy: PolicyDocument;
  /** The forwarder role's inline policy. */
  readonly forwarderPolicy: PolicyDocument;
  /** Organization mode: the bus policy also requires the caller's organization. */
  readonly requireOrganization: boolean;
  /** The bus ARN and, in organization mode, the organization id (a data source) are Terraform's. */
  readonly busPolicy: PolicyTemplate<'busArn' | 'organizationId'>;
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
  readonly s3?: {
    readonly bucketName: string;
    readonly keyAlias: string;
    readonly transitionDays: number;
    readonly storageClass: string;
    readonly expireDays: number;
    readonly keyPolicy: PolicyDocument;
    readonly bucketPolicy: PolicyTemplate<'bucketArn' | 'keyArn'>;
  };
  readonly siem?: SiemPlan;
  readonly alerts: readonly AlertRoutePlan[];
  /** The key of the topics this project creates, when it creates any: it encrypts for those topics only. */
  readonly alertsKey?: { readonly alias: string; readonly policy: PolicyDocument };
  readonly access: readonly AccessRolePlan[];
  readonly flowLogRole?: { readonly name: string; readonly logGroupArnPattern: string; readonly trustPolicy: PolicyDocument; readonly policy: PolicyDocument };
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
  const secretArn = firehose.type === 'splunk' ? firehose.tokenSecretArn : firehose.type === 'http' ? firehose.accessKeySecretArn : undefined;
  const secretKey = secretKmsKeyArn ? { arn: secretKmsKeyArn, viaService: secretsManagerViaService(partition, homeRegion) } : undefined;
  const errorLogStreamArn = arn(partition, 'logs', homeRegion, accountId, `log-group:${groupName}:log-stream:${SIEM_ERROR_LOG_STREAM_NAME}`);
  const ruleArn = busRuleArn(siemRuleName(prefix));
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
      // Kept like the findings log group.
      retentionDays: config.export.logGroup.retentionDays,
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
    const topicArn = arn(partition, 'sns', homeRegion, accountId, topicName);
    return {
      name: a.name,
      ruleName,
      ruleArn: busRuleArn(ruleName),
      minSeverity: Math.max(routeMin, minSeverity),
      ...(a.types ? { typePrefixes: a.types } : {}),
      message: a.message,
      topic: a.sns
        ? { create: true, name: topicName, arn: topicArn, subscriptions: a.sns.subscriptions, policy: alertTopicPolicy(partition, accountId, topicArn, busRuleArn(ruleName)) }
        : { create: false, arn: a.topicArn! },
    };
  });

  const accessRole = (roleName: string, role: { principals: string[]; requireMfa: boolean }, triage: boolean): AccessRolePlan => ({
    roleName,
    ...role,
    triage,
    trustPolicy: accessTrustPolicy(role.principals, role.requireMfa),
    policy: findingsAccessPolicy(logGroupArn, triage),
  });
  const access: AccessRolePlan[] = [];
  if (config.access?.viewer) access.push(accessRole(VIEWER_ROLE_NAME, config.access.viewer, false));
  if (config.access?.triage) access.push(accessRole(TRIAGE_ROLE_NAME, config.access.triage, true));
  const source: PublishingSource = { partition, accountId, regions };
  const createdTopicArns = alerts.flatMap((a) => (a.topic.create ? [a.topic.arn] : []));
  const events = servicePrincipal('events', partition);

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
    forwarderTrustPolicy: serviceTrustPolicy(events, { sourceAccount: accountId, sourceArn: arn(partition, 'events', '*', accountId, `rule/${findingsRuleName(prefix)}`) }),
    forwarderPolicy: forwarderPolicy(busArn),
    requireOrganization: config.organization?.enabled === true,
    busPolicy:
      config.organization?.enabled === true
        ? template(findingsBusPolicy(slot('busArn'), iamRoleArn(forwarderRole), slot('organizationId')), 'busArn', 'organizationId')
        : template(findingsBusPolicy(slot('busArn'), iamRoleArn(forwarderRole)), 'busArn'),
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
            keyPolicy: findingsKeyPolicy(source),
            bucketPolicy: tlsOnlyBucketPolicy(findingsBucketStatements(source, slot('bucketArn'), slot('keyArn')), 'keyArn'),
          },
        }
      : {}),
    ...(exportConfig.firehose ? { siem: planSiem(config, exportConfig.firehose, busRuleArn) } : {}),
    alerts,
    ...(createdTopicArns.length > 0 ? { alertsKey: { alias: alertsKeyAlias(prefix), policy: alertsKeyPolicy(partition, accountId, createdTopicArns) } } : {}),
    access,
    ...(flowLogRole
      ? {
          flowLogRole: {
            name: flowLogRole,
            logGroupArnPattern: flowLogGroupArns,
            trustPolicy: serviceTrustPolicy(servicePrincipal('vpc-flow-logs', partition), {
              sourceAccount: accountId,
              sourceArn: arn(partition, 'ec2', '*', accountId, 'vpc-flow-log/*'),
            }),
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
