import type { GuardDutyConfig } from '../config/schema';
import { findingsBusPolicy, forwarderPolicy } from '../export/policies';
import { filterName, findingsRuleName, forwarderRoleName } from '../naming';
import type { PolicyDocument } from '../policy/document';
import { accountRoot, serviceTrustPolicy } from '../policy/statements';
import { type PolicyTemplate, renderPolicy, slot, template } from '../policy/template';
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
import { planTamper, planTamperSender, TAMPER_EVENTS, tamperAlertRuleArnFor, tamperForwardRuleArns, type TamperForwardRulePlan, type TamperPlan, type TamperSenderPlan, tamperSenderRoleArn } from './tamper-plan';

/** EventBridge quotas, "Event bus policy size": 10,240 characters by default, adjustable. */
const EVENT_BUS_POLICY_DEFAULT_MAX_CHARS = 10_240;

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
  /** Tamper alerts (opt-in): their rules on the findings bus. */
  readonly tamper?: TamperPlan;
  /** Retry policy, dead-letter queue and alarms of the home-bus rules (log group, alerts, SIEM, tamper). */
  readonly delivery: DeliveryPlan;
}

/** Findings export resources of one regional stack. */
export interface RegionalExportPlan {
  /** `malwareScanResults`: the region has protected buckets of the admin account, whose threats-found scan results are forwarded too. */
  readonly forwarder: { readonly ruleName: string; readonly minSeverity: number; readonly busArn: string; readonly roleArn: string; readonly malwareScanResults?: true };
  readonly publishingDestination?: { readonly bucketArn: string; readonly keyAlias: string; readonly keyRegion: string };
  readonly filters: readonly (FilterSpec & { readonly filterName: string })[];
  readonly flowLogs?: RegionalFlowLogsPlan;
  /** Tamper alerts: rules on the default bus forwarding the calls made in this region to the findings bus (with the forwarder role). */
  readonly tamper?: { readonly rules: readonly TamperForwardRulePlan[]; readonly busArn: string; readonly roleArn: string };
  /** Retry policy, dead-letter queue and alarms of the forwarder rules. */
  readonly delivery: DeliveryPlan;
}

export interface ExportPlan {
  readonly home: HomeExportPlan;
  regional(region: string): RegionalExportPlan;
  /** Tamper alerts of a management or member account in its regions; undefined without tamper alerts or for an account that sends none. */
  tamperSender(accountId: string, regions: readonly string[]): TamperSenderPlan | undefined;
  readonly warnings: readonly string[];
}

/** The home bus and the forwarder role every region's rule puts findings on it with. */
function planBus(ctx: ExportContext, requireOrganization: boolean, tamperRuleArns: readonly string[], senderAccounts: readonly string[]) {
  const { partition, accountId, prefix } = ctx;
  const findingsRuleArn = arn(partition, 'events', '*', accountId, `rule/${findingsRuleName(prefix)}`);
  const roleName = forwarderRoleName(prefix);
  const roleArn = ctx.iamRoleArn(roleName);
  const senders = { accountRoots: senderAccounts.map((a) => accountRoot(partition, a)), roleArns: senderAccounts.map((a) => tamperSenderRoleArn(ctx, a)) };
  return {
    busName: ctx.busName,
    busArn: ctx.busArn,
    forwarderRoleName: roleName,
    forwarderRoleArn: roleArn,
    forwarderTrustPolicy: serviceTrustPolicy(servicePrincipal('events', partition), {
      sourceAccount: accountId,
      // The tamper forwarding rules put events on the bus with the same role.
      sourceArn: tamperRuleArns.length > 0 ? [findingsRuleArn, ...tamperRuleArns] : findingsRuleArn,
    }),
    forwarderPolicy: forwarderPolicy(ctx.busArn),
    requireOrganization,
    busPolicy: requireOrganization
      ? template(findingsBusPolicy(slot('busArn'), roleArn, slot('organizationId'), senders), 'busArn', 'organizationId')
      : template(findingsBusPolicy(slot('busArn'), roleArn, undefined, senders), 'busArn'),
  };
}

/** Malware Protection for S3 as the export sees it (src/plan/malware-protection-plan.ts decides). */
export interface ScanResultExport {
  /** Regions with protected buckets of the admin account: their forwarders also carry threats-found scan results. */
  readonly regions: ReadonlySet<string>;
  /** Alert routes that alert on those scan results. */
  readonly alertRoutes: ReadonlySet<string>;
}

const SCAN_RESULTS = 'Malware Protection for S3 scan results';

/** Findings export, alerts, suppression filters, access roles and flow logs, from a validated config: each capability plans its own part. */
export function planFindingsExport(config: GuardDutyConfig, regions: readonly string[], scans?: ScanResultExport): ExportPlan {
  const ctx = exportContext(config);
  const warnings: string[] = [];
  // Scan results reach the home bus only from regions that forward them.
  const forwardsScans = scans !== undefined && scans.regions.size > 0;
  const { alerts, alertsKey } = planAlerts(
    ctx,
    config.alerts,
    warnings,
    (route) => tamperAlertRuleArnFor(ctx, config, route),
    forwardsScans ? scans.alertRoutes : new Set(),
  );
  const tamper = planTamper(ctx, config, alerts);
  // The other accounts whose calls are watched: the management account (organization mode; when it is
  // the admin account itself, the regional stacks already watch it) and the invited members.
  const management = config.organization?.enabled === true ? config.accounts.management?.accountId : undefined;
  const senderAccounts = tamper
    ? [...new Set([...(management && management !== ctx.accountId ? [management] : []), ...config.members.map((m) => m.accountId)])]
    : [];
  const bus = planBus(
    ctx,
    config.organization?.enabled === true,
    tamperForwardRuleArns(ctx, ctx.accountId, tamper),
    senderAccounts,
  );
  if (senderAccounts.length > 0) {
    // The longest the policy gets once Terraform fills the slots: the bus ARN, and an organization id of 34 characters at most.
    const size = renderPolicy(bus.busPolicy as PolicyTemplate<'busArn' | 'organizationId'>, { busArn: ctx.busArn, organizationId: bus.requireOrganization ? `o-${'x'.repeat(32)}` : undefined }).length;
    if (size > EVENT_BUS_POLICY_DEFAULT_MAX_CHARS) {
      warnings.push(
        `tamperAlerts: the findings bus policy admits ${senderAccounts.length} sender accounts and is about ${size} characters, above EventBridge's default quota of ${EVENT_BUS_POLICY_DEFAULT_MAX_CHARS} (adjustable, "Event bus policy size"): request an increase before deploying the home stack`,
      );
    }
  }
  const findingsLogGroup = planLogGroup(ctx, config.export.logGroup, tamper ? [tamper.logRule.ruleArn] : []);
  // The log group keeps every scan result that reaches the bus, as it keeps every finding.
  const logGroup = forwardsScans ? { ...findingsLogGroup, malwareScanResults: true as const } : findingsLogGroup;
  const archive = planArchive(ctx, config.export.s3, regions);
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
    ...alerts.flatMap((a) => [homeBusRule(a.ruleName, a.ruleArn), ...(a.scanResults ? [{ ...homeBusRule(a.scanResults.ruleName, a.scanResults.ruleArn), carries: SCAN_RESULTS }] : [])]),
    ...(siem ? [homeBusRule(siem.ruleName, siem.ruleArn)] : []),
    ...(tamper ? [tamper.logRule, ...(tamper.alertRule ? [tamper.alertRule] : [])].map((r) => ({ ...homeBusRule(r.ruleName, r.ruleArn), carries: TAMPER_EVENTS })) : []),
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
    ...(tamper ? { tamper } : {}),
    delivery: planDelivery(deliveryScope(ctx.homeRegion, 'home'), homeRules),
  };

  const filters = suppressionFilters(config).map((f) => ({ ...f, filterName: filterName(ctx.prefix, f.name) }));
  const regional = (region: string): RegionalExportPlan => {
    const regionFlowLogs = flowLogs?.regional(region);
    const forwarderRuleName = findingsRuleName(ctx.prefix);
    const forwardsRegionScans = scans?.regions.has(region) === true;
    const forwarderRule: DeliveryRule = {
      ruleName: forwarderRuleName,
      ruleArn: arn(ctx.partition, 'events', region, ctx.accountId, `rule/${forwarderRuleName}`),
      ...(forwardsRegionScans ? { carries: `GuardDuty findings and ${SCAN_RESULTS}` } : {}),
    };
    const tamperRules: DeliveryRule[] = (tamper?.forwardRules ?? []).map((r) => ({
      ruleName: r.ruleName,
      ruleArn: arn(ctx.partition, 'events', region, ctx.accountId, `rule/${r.ruleName}`),
      carries: TAMPER_EVENTS,
    }));
    return {
      forwarder: {
        ruleName: findingsRuleName(ctx.prefix),
        minSeverity: ctx.minSeverity,
        busArn: ctx.busArn,
        // Bus-to-bus delivery needs a role, in the home region too, and the bus policy admits only this role.
        roleArn: bus.forwarderRoleArn,
        ...(forwardsRegionScans ? { malwareScanResults: true as const } : {}),
      },
      ...(archive ? { publishingDestination: { bucketArn: `arn:${ctx.partition}:s3:::${archive.bucketName}`, keyAlias: archive.keyAlias, keyRegion: ctx.homeRegion } } : {}),
      filters,
      ...(regionFlowLogs ? { flowLogs: regionFlowLogs } : {}),
      ...(tamper ? { tamper: { rules: tamper.forwardRules, busArn: ctx.busArn, roleArn: bus.forwarderRoleArn } } : {}),
      delivery: planDelivery(deliveryScope(region, 'regional'), [forwarderRule, ...tamperRules]),
    };
  };
  const tamperSender = (accountId: string, senderRegions: readonly string[]) =>
    tamper && senderAccounts.includes(accountId) ? planTamperSender(ctx, tamper, accountId, senderRegions, alarmSubscriptions) : undefined;
  return { home, regional, tamperSender, warnings };
}
