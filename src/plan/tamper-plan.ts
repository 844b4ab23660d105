import type { AlertMessageFormat } from '../alerts/message';
import type { GuardDutyConfig } from '../config/schema';
import type { AlertSubscription } from '../alerts/subscription';
import { forwarderPolicy } from '../export/policies';
import { TRIAGE_ROLE_NAME, tamperAlertRuleName, tamperForwardRuleName, tamperLogRuleName, tamperSenderRoleName } from '../naming';
import type { PolicyDocument } from '../policy/document';
import { serviceTrustPolicy } from '../policy/statements';
import { arn, servicePrincipal } from '../regions/principals';
import { type EventPattern, TAMPER_GROUPS, type TamperGroup, tamperAlertPattern, tamperForwardPattern, tamperLogPattern } from '../tamper/event-pattern';
import { quietRoleArns } from '../tamper/quiet-roles';
import type { AlertRoutePlan } from './alerts-plan';
import { type DeliveryPlan, planDelivery } from './delivery-plan';
import type { ExportContext } from './export-context';

/** A rule on a default bus forwarding one group of tamper calls to the findings bus. */
export interface TamperForwardRulePlan {
  readonly group: TamperGroup;
  readonly ruleName: string;
  readonly eventPattern: EventPattern;
}

/** A rule on the findings bus. */
export interface TamperBusRulePlan {
  readonly ruleName: string;
  readonly ruleArn: string;
  readonly eventPattern: EventPattern;
}

/**
 * Tamper alerts (opt-in): calls that turn detection down, caught on the
 * default bus of every account and region where they can be made and
 * forwarded to the findings bus, where every one is logged and those of
 * other principals than the quiet roles page through an alert route.
 * CloudTrail events carry no severity: the route is chosen by who called.
 */
export interface TamperPlan {
  readonly forwardRules: readonly TamperForwardRulePlan[];
  readonly logRule: TamperBusRulePlan;
  readonly alertRule?: TamperBusRulePlan & { readonly route: string; readonly topicArn: string; readonly message: AlertMessageFormat };
  readonly quietRoleArns: readonly string[];
}

/** What the tamper rules deliver, as their FailedInvocations alarms say it. */
export const TAMPER_EVENTS = 'tamper events (API calls that turn GuardDuty detection down)';

/** The forwarding rules' names in every region (IAM trust and queue policies name them). */
export function tamperForwardRuleArns(ctx: ExportContext, accountId: string, plan: TamperPlan | undefined, region = '*'): string[] {
  return (plan?.forwardRules ?? []).map((r) => arn(ctx.partition, 'events', region, accountId, `rule/${r.ruleName}`));
}

/**
 * After the alerts plan: the tamper alert pages through one of its routes.
 * (That route's topic policy admits the tamper alert rule: see
 * `tamperAlertRuleArnFor`, which the alerts plan asks first.)
 */
export function planTamper(ctx: ExportContext, config: GuardDutyConfig, alerts: readonly AlertRoutePlan[]): TamperPlan | undefined {
  const tamper = config.tamperAlerts;
  if (!tamper?.enabled) return undefined;
  const logRuleName = tamperLogRuleName(ctx.prefix);
  const quiet = quietRoleArns({
    deployRoleArns: [config.accounts.admin.assumeRoleArn, config.accounts.management?.assumeRoleArn],
    triageRoleArn: config.access?.triage ? ctx.iamRoleArn(TRIAGE_ROLE_NAME) : undefined,
    configured: tamper.quietRoleArns,
  });
  const route = alerts.find((a) => a.name === tamper.alertRoute);
  const alertRuleName = tamperAlertRuleName(ctx.prefix);
  return {
    forwardRules: TAMPER_GROUPS.map((group) => ({ group, ruleName: tamperForwardRuleName(ctx.prefix, group), eventPattern: tamperForwardPattern(group, ctx.prefix) })),
    logRule: { ruleName: logRuleName, ruleArn: ctx.busRuleArn(logRuleName), eventPattern: tamperLogPattern() },
    ...(tamper.alertRoute && route
      ? {
          alertRule: {
            ruleName: alertRuleName,
            ruleArn: ctx.busRuleArn(alertRuleName),
            eventPattern: tamperAlertPattern(quiet),
            route: tamper.alertRoute,
            topicArn: route.topic.arn,
            message: route.message,
          },
        }
      : {}),
    quietRoleArns: quiet,
  };
}

/** The tamper alert rule's ARN, when it pages through `route`: the route's topic policy must admit it. */
export function tamperAlertRuleArnFor(ctx: ExportContext, config: GuardDutyConfig, route: string): string | undefined {
  const tamper = config.tamperAlerts;
  return tamper?.enabled && tamper.alertRoute === route ? ctx.busRuleArn(tamperAlertRuleName(ctx.prefix)) : undefined;
}

/**
 * Tamper alerts of another account the estate deploys to (the management
 * account, an invited member): in each of its regions, rules on the
 * default bus send the calls made there straight to the findings bus, with
 * a role of that account. A rule may target a bus in another account and
 * another region ("Sending and receiving events between AWS accounts":
 * within the same Region in all Regions, and across Regions where the
 * destination is a supported cross-Region destination), so no hop through
 * the account's own home-region bus is needed; the findings bus policy
 * admits exactly these roles.
 */
export interface TamperSenderPlan {
  readonly roleName: string;
  readonly roleArn: string;
  /** EventBridge, for this account's tamper rules only (any region). */
  readonly trustPolicy: PolicyDocument;
  /** Put events on the findings bus, nothing else. */
  readonly policy: PolicyDocument;
  readonly busArn: string;
  readonly regions: readonly {
    readonly region: string;
    readonly rules: readonly TamperForwardRulePlan[];
    /** Dead-letter queue, alarms and alarm topic of this account and region. */
    readonly delivery: DeliveryPlan;
  }[];
}

export function tamperSenderRoleArn(ctx: ExportContext, accountId: string): string {
  return `arn:${ctx.partition}:iam::${accountId}:role/${tamperSenderRoleName(ctx.prefix)}`;
}

export function planTamperSender(
  ctx: ExportContext,
  tamper: TamperPlan,
  accountId: string,
  regions: readonly string[],
  /** The alarm subscriptions; a Lambda endpoint is the admin account's, which this account's stack cannot grant, so only email and https. */
  subscriptions: readonly AlertSubscription[],
): TamperSenderPlan {
  const roleName = tamperSenderRoleName(ctx.prefix);
  return {
    roleName,
    roleArn: tamperSenderRoleArn(ctx, accountId),
    trustPolicy: serviceTrustPolicy(servicePrincipal('events', ctx.partition), { sourceAccount: accountId, sourceArn: tamperForwardRuleArns(ctx, accountId, tamper) }),
    policy: forwarderPolicy(ctx.busArn),
    busArn: ctx.busArn,
    regions: regions.map((region) => ({
      region,
      rules: tamper.forwardRules,
      delivery: planDelivery(
        { partition: ctx.partition, prefix: ctx.prefix, accountId, region, owner: 'regional', subscriptions: subscriptions.filter((s) => s.protocol !== 'lambda') },
        tamper.forwardRules.map((r) => ({ ruleName: r.ruleName, ruleArn: arn(ctx.partition, 'events', region, accountId, `rule/${r.ruleName}`), carries: TAMPER_EVENTS })),
      ),
    })),
  };
}
