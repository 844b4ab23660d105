import type { AlertMessageFormat } from '../alerts/message';
import { alertsKeyPolicy, alertTopicPolicy } from '../alerts/policies';
import type { AlertSubscription } from '../alerts/subscription';
import type { GuardDutyConfig } from '../config/schema';
import { severityThreshold } from '../findings/severity';
import { alertRuleName, alertTopicName, alertsKeyAlias, scanResultAlertRuleName } from '../naming';
import type { PolicyDocument } from '../policy/document';
import { arn } from '../regions/principals';
import type { ExportContext } from './export-context';

/** One alert route on the home bus. */
export interface AlertRoutePlan {
  readonly name: string;
  readonly ruleName: string;
  readonly ruleArn: string;
  readonly minSeverity: number;
  readonly typePrefixes?: readonly string[];
  readonly message: AlertMessageFormat;
  /**
   * A second rule on the home bus for Malware Protection for S3 scan results
   * with threats found (malwareProtection.alertRoutes), publishing to the
   * same topic: a scan result has no severity or type to filter on, and its
   * short message is made of its own fields.
   */
  readonly scanResults?: { readonly ruleName: string; readonly ruleArn: string };
  /** A topic this project creates, or an existing one. */
  readonly topic:
    | { readonly create: true; readonly name: string; readonly arn: string; readonly subscriptions: readonly AlertSubscription[]; readonly policy: PolicyDocument }
    | { readonly create: false; readonly arn: string };
}

export interface AlertsPlan {
  readonly alerts: readonly AlertRoutePlan[];
  /** The key of the topics this project creates, when it creates any: it encrypts for those topics only. */
  readonly alertsKey?: { readonly alias: string; readonly policy: PolicyDocument };
}

/** One ARN as itself (the policies of estates without tamper alerts or scan results stay as they were), several as a list. */
function oneOrMore(arns: readonly string[]): string | string[] {
  return arns.length === 1 ? arns[0]! : [...arns];
}

/** Alert routes, their topics and the topics' key. */
export function planAlerts(
  ctx: ExportContext,
  config: GuardDutyConfig['alerts'],
  warnings: string[],
  /** Another rule that publishes to a route's topic (the tamper alert rule), by route name. */
  extraPublisher: (route: string) => string | undefined = () => undefined,
  /** Routes that also alert on Malware Protection scan results (none when no region forwards them). */
  scanResultRoutes: ReadonlySet<string> = new Set(),
): AlertsPlan {
  const { partition, prefix, homeRegion, accountId, minSeverity } = ctx;
  const alerts = config.map((a): AlertRoutePlan => {
    const ruleName = alertRuleName(prefix, a.name);
    const routeMin = severityThreshold(a.minSeverity);
    if (routeMin < minSeverity) warnings.push(`alerts ${a.name}: minSeverity ${routeMin} is below export.minSeverity ${minSeverity}; findings under ${minSeverity} are never forwarded`);
    const topicName = alertTopicName(prefix, a.name);
    const topicArn = arn(partition, 'sns', homeRegion, accountId, topicName);
    const scanRuleName = scanResultAlertRuleName(prefix, a.name);
    const scanResults = scanResultRoutes.has(a.name) ? { ruleName: scanRuleName, ruleArn: ctx.busRuleArn(scanRuleName) } : undefined;
    // A topic this project does not create keeps its own policy: one that admits only the route's rule (aws:SourceArn)
    // refuses the scan-result rule's publishes, which then fail into the dead-letter queue.
    if (scanResults && !a.sns) {
      warnings.push(
        `alerts ${a.name}: Malware Protection for S3 scan results reach the existing topic ${a.topicArn} through a second rule, ${scanResults.ruleArn}: the topic's policy must let EventBridge publish from it too`,
      );
    }
    const extra = extraPublisher(a.name);
    const publishers = [ctx.busRuleArn(ruleName), ...(scanResults ? [scanResults.ruleArn] : []), ...(extra !== undefined ? [extra] : [])];
    return {
      name: a.name,
      ruleName,
      ruleArn: ctx.busRuleArn(ruleName),
      minSeverity: Math.max(routeMin, minSeverity),
      ...(a.types ? { typePrefixes: a.types } : {}),
      message: a.message,
      ...(scanResults ? { scanResults } : {}),
      topic: a.sns
        ? { create: true, name: topicName, arn: topicArn, subscriptions: a.sns.subscriptions, policy: alertTopicPolicy(partition, accountId, topicArn, oneOrMore(publishers)) }
        : { create: false, arn: a.topicArn! },
    };
  });
  const createdTopicArns = alerts.flatMap((a) => (a.topic.create ? [a.topic.arn] : []));
  return {
    alerts,
    ...(createdTopicArns.length > 0 ? { alertsKey: { alias: alertsKeyAlias(prefix), policy: alertsKeyPolicy(partition, accountId, createdTopicArns) } } : {}),
  };
}
