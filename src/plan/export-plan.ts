import type { GuardDutyConfig } from '../config/schema';
import { findingsBusPolicy, forwarderPolicy } from '../export/policies';
import { filterName, findingsRuleName, forwarderRoleName } from '../naming';
import type { PolicyDocument } from '../policy/document';
import { serviceTrustPolicy } from '../policy/statements';
import { type PolicyTemplate, slot, template } from '../policy/template';
import type { Partition } from '../regions/catalog';
import { arn, servicePrincipal } from '../regions/principals';
import { type FilterSpec, suppressionFilters } from '../suppression/filters';
import { type AccessRolePlan, planAccess } from './access-plan';
import { type AlertRoutePlan, planAlerts } from './alerts-plan';
import { type ArchivePlan, planArchive } from './archive-plan';
import { type ExportContext, exportContext } from './export-context';
import { type FlowLogRolePlan, planFlowLogs, type RegionalFlowLogsPlan } from './flow-logs-plan';
import { type DeliveryPlan, type DeliveryRule, planDelivery } from './delivery-plan';
import { type LogGroupPlan, planLogGroup } from './log-group-plan';
import { planSiem, type SiemPlan } from './siem-plan';

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
  readonly logGroup: LogGroupPlan;
  readonly s3?: ArchivePlan;
  readonly siem?: SiemPlan;
  readonly alerts: readonly AlertRoutePlan[];
  /** The key of the topics this project creates, when it creates any: it encrypts for those topics only. */
  readonly alertsKey?: { readonly alias: string; readonly policy: PolicyDocument };
  readonly access: readonly AccessRolePlan[];
  readonly flowLogRole?: FlowLogRolePlan;
  /** Retry policy, dead-letter queue and alarms of the home-bus rules (log group, alerts, SIEM). */
  readonly delivery: DeliveryPlan;
}

/** Findings export resources of one regional stack. */
export interface RegionalExportPlan {
  /** `malwareScanResults`: the region has protected buckets of the admin account, whose threats-found scan results are forwarded too. */
  readonly forwarder: { readonly ruleName: string; readonly minSeverity: number; readonly busArn: string; readonly roleArn: string; readonly malwareScanResults?: true };
  readonly publishingDestination?: { readonly bucketArn: string; readonly keyAlias: string; readonly keyRegion: string };
  readonly filters: readonly (FilterSpec & { readonly filterName: string })[];
  readonly flowLogs?: RegionalFlowLogsPlan;
  /** Retry policy, dead-letter queue and alarms of the forwarder rule. */
  readonly delivery: DeliveryPlan;
}

export interface ExportPlan {
  readonly home: HomeExportPlan;
  regional(region: string): RegionalExportPlan;
  readonly warnings: readonly string[];
}

/** The home bus and the forwarder role every region's rule puts findings on it with. */
function planBus(ctx: ExportContext, requireOrganization: boolean) {
  const { partition, accountId, prefix } = ctx;
  const roleName = forwarderRoleName(prefix);
  const roleArn = ctx.iamRoleArn(roleName);
  return {
    busName: ctx.busName,
    busArn: ctx.busArn,
    forwarderRoleName: roleName,
    forwarderRoleArn: roleArn,
    forwarderTrustPolicy: serviceTrustPolicy(servicePrincipal('events', partition), {
      sourceAccount: accountId,
      sourceArn: arn(partition, 'events', '*', accountId, `rule/${findingsRuleName(prefix)}`),
    }),
    forwarderPolicy: forwarderPolicy(ctx.busArn),
    requireOrganization,
    busPolicy: requireOrganization
      ? template(findingsBusPolicy(slot('busArn'), roleArn, slot('organizationId')), 'busArn', 'organizationId')
      : template(findingsBusPolicy(slot('busArn'), roleArn), 'busArn'),
  };
}

/** Findings export, alerts, suppression filters, access roles and flow logs, from a validated config: each capability plans its own part. */
export function planFindingsExport(config: GuardDutyConfig, regions: readonly string[]): ExportPlan {
  const ctx = exportContext(config);
  const warnings: string[] = [];
  const bus = planBus(ctx, config.organization?.enabled === true);
  const logGroup = planLogGroup(ctx, config.export.logGroup);
  const archive = planArchive(ctx, config.export.s3, regions);
  const { alerts, alertsKey } = planAlerts(ctx, config.alerts, warnings);
  const flowLogs = planFlowLogs(ctx, config.flowLogs);
  if (config.presets.nlb && !config.presets.nlb.instanceTag) {
    warnings.push(
      'presets.nlb: without instanceTag the NLB filters archive these findings for every instance with a listener port open, including instances that are not behind a load balancer; add instanceTag',
    );
  }

  const siem = config.export.firehose ? planSiem(ctx, config.export.firehose, config.export.logGroup.retentionDays) : undefined;
  const alarmSubscriptions = config.export.operationalAlarms?.subscriptions ?? [];
  const deliveryScope = (region: string, owner: 'home' | 'regional') => ({
    partition: ctx.partition,
    prefix: ctx.prefix,
    accountId: ctx.accountId,
    region,
    owner,
    subscriptions: alarmSubscriptions,
  });
  const homeBusRule = (ruleName: string, ruleArn: string): DeliveryRule => ({ ruleName, ruleArn, busName: ctx.busName });
  const homeRules = [
    homeBusRule(logGroup.ruleName, logGroup.ruleArn),
    ...alerts.map((a) => homeBusRule(a.ruleName, a.ruleArn)),
    ...(siem ? [homeBusRule(siem.ruleName, siem.ruleArn)] : []),
  ];

  const home: HomeExportPlan = {
    partition: ctx.partition,
    accountId: ctx.accountId,
    region: ctx.homeRegion,
    ...bus,
    logGroup,
    ...(archive ? { s3: archive } : {}),
    ...(siem ? { siem } : {}),
    alerts,
    ...(alertsKey ? { alertsKey } : {}),
    access: planAccess(config.access, logGroup.arn),
    ...(flowLogs ? { flowLogRole: flowLogs.role } : {}),
    delivery: planDelivery(deliveryScope(ctx.homeRegion, 'home'), homeRules),
  };

  const filters = suppressionFilters(config).map((f) => ({ ...f, filterName: filterName(ctx.prefix, f.name) }));
  const regional = (region: string): RegionalExportPlan => {
    const regionFlowLogs = flowLogs?.regional(region);
    const forwarderRuleName = findingsRuleName(ctx.prefix);
    const forwarderRule: DeliveryRule = { ruleName: forwarderRuleName, ruleArn: arn(ctx.partition, 'events', region, ctx.accountId, `rule/${forwarderRuleName}`) };
    return {
      forwarder: {
        ruleName: findingsRuleName(ctx.prefix),
        minSeverity: ctx.minSeverity,
        busArn: ctx.busArn,
        // Bus-to-bus delivery needs a role, in the home region too, and the bus policy admits only this role.
        roleArn: bus.forwarderRoleArn,
      },
      ...(archive ? { publishingDestination: { bucketArn: `arn:${ctx.partition}:s3:::${archive.bucketName}`, keyAlias: archive.keyAlias, keyRegion: ctx.homeRegion } } : {}),
      filters,
      ...(regionFlowLogs ? { flowLogs: regionFlowLogs } : {}),
      delivery: planDelivery(deliveryScope(region, 'regional'), [forwarderRule]),
    };
  };
  return { home, regional, warnings };
}
