import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { CloudwatchLogResourcePolicy } from '@cdktf/provider-aws/lib/cloudwatch-log-resource-policy';
import type { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import type { PolicyDocument } from '../../src/policy/document';
import { renderPolicy } from '../../src/policy/template';
import { FindingsRule, type TargetDelivery } from './findings-rule';

export interface FindingsLogGroupProps {
  readonly logGroupName: string;
  readonly logGroupArn: string;
  readonly retentionDays: number;
  /** @default - CloudWatch Logs' own encryption */
  readonly kmsKeyArn?: string;
  /** The findings bus the rule reads. */
  readonly busName: string;
  readonly ruleName: string;
  readonly resourcePolicyName: string;
  /** The group's resource policy: only the delivery rule may put log events. */
  readonly resourcePolicy: PolicyDocument;
  /** Retry policy and dead-letter queue of the target. */
  readonly delivery: TargetDelivery;
  /** Also record Malware Protection for S3 scan results with threats found. @default false */
  readonly malwareScanResults?: boolean;
}

/**
 * Every finding on the home bus, delivered to one CloudWatch Logs group.
 * The log target takes no role: the group's resource policy admits
 * EventBridge, and one policy is shared (10 per account and region).
 */
export class FindingsLogGroup extends Construct {
  public readonly logGroup: CloudwatchLogGroup;
  /** What a rule writing to the group waits for: the group and the resource policy that admits EventBridge. */
  public readonly writeDependencies: ITerraformDependable[];

  constructor(scope: Construct, id: string, props: FindingsLogGroupProps) {
    super(scope, id);
    this.logGroup = new CloudwatchLogGroup(this, 'Resource', {
      name: props.logGroupName,
      retentionInDays: props.retentionDays,
      ...(props.kmsKeyArn ? { kmsKeyId: props.kmsKeyArn } : {}),
    });
    const resourcePolicy = new CloudwatchLogResourcePolicy(this, 'ResourcePolicy', {
      policyName: props.resourcePolicyName,
      policyDocument: renderPolicy(props.resourcePolicy),
    });
    this.writeDependencies = [resourcePolicy, this.logGroup];
    new FindingsRule(this, 'Delivery', {
      ruleName: props.ruleName,
      busName: props.busName,
      description: 'Every GuardDuty finding forwarded to this bus, to CloudWatch Logs',
      delivery: props.delivery,
      ...(props.malwareScanResults ? { selector: { minSeverity: 1, malwareScanResults: true } } : {}),
      target: { id: 'findings-log-group', arn: props.logGroupArn, dependsOn: [resourcePolicy, this.logGroup] },
    });
  }
}
