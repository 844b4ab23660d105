import type { GuardDutyConfig } from '../config/schema';
import { findingsLogResourcePolicy } from '../export/policies';
import { findingsLogGroupName, logDeliveryRuleName, logResourcePolicyName } from '../naming';
import type { PolicyDocument } from '../policy/document';
import { arn } from '../regions/principals';
import type { ExportContext } from './export-context';

export interface LogGroupPlan {
  readonly name: string;
  readonly arn: string;
  readonly retentionDays: number;
  readonly kmsKeyArn?: string;
  readonly ruleName: string;
  readonly ruleArn: string;
  readonly resourcePolicyName: string;
  readonly resourcePolicy: PolicyDocument;
  /** Also record Malware Protection for S3 scan results with threats found (admin buckets exist). */
  readonly malwareScanResults?: true;
}

/** The findings log group in the home region, the rule that fills it, and the account's one log resource policy. */
export function planLogGroup(
  ctx: ExportContext,
  config: GuardDutyConfig['export']['logGroup'],
  /** Other home-bus rules that write to the group (the tamper alerts' log rule). */
  otherRuleArns: readonly string[] = [],
): LogGroupPlan {
  const name = findingsLogGroupName(ctx.prefix);
  const logGroupArn = arn(ctx.partition, 'logs', ctx.homeRegion, ctx.accountId, `log-group:${name}`);
  const ruleName = logDeliveryRuleName(ctx.prefix);
  return {
    name,
    arn: logGroupArn,
    retentionDays: config.retentionDays,
    ...(config.kmsKeyArn ? { kmsKeyArn: config.kmsKeyArn } : {}),
    ruleName,
    ruleArn: ctx.busRuleArn(ruleName),
    resourcePolicyName: logResourcePolicyName(ctx.prefix),
    resourcePolicy: findingsLogResourcePolicy(ctx.partition, logGroupArn, otherRuleArns.length > 0 ? [ctx.busRuleArn(ruleName), ...otherRuleArns] : ctx.busRuleArn(ruleName)),
  };
}
