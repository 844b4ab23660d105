import { CloudwatchEventRule } from '@cdktf/provider-aws/lib/cloudwatch-event-rule';
import { CloudwatchEventTarget } from '@cdktf/provider-aws/lib/cloudwatch-event-target';
import type { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import type { InputTransformer } from '../../src/alerts/message';
import { findingEventPattern, type FindingSelector } from '../../src/findings/event-pattern';

/** Retry policy and dead-letter queue of a target: a failed delivery is never dropped unnoticed. */
export interface TargetDelivery {
  readonly deadLetterQueueArn: string;
  readonly retryPolicy: { readonly maximumEventAgeInSeconds: number; readonly maximumRetryAttempts: number };
}

export interface FindingsRuleProps {
  readonly ruleName: string;
  readonly description: string;
  /** @default - the region's default bus, where GuardDuty puts findings */
  readonly busName?: string;
  /** Which findings. @default - every finding */
  readonly selector?: FindingSelector;
  /** Other events instead of findings (the tamper alerts' CloudTrail API calls): the plan's pattern. */
  readonly eventPattern?: Readonly<Record<string, unknown>>;
  /**
   * The rule's region, when it is not the provider's (a stack that serves
   * several regions through the provider-6 per-resource `region`).
   * @default - the provider's region
   */
  readonly region?: string;
  /** Every target retries and dead-letters (DeliveryFailures of the stack, in the rule's region). */
  readonly delivery: TargetDelivery;
  readonly target: {
    readonly id: string;
    readonly arn: string;
    /** @default - none (same-region bus, log group, topic) */
    readonly roleArn?: string;
    /** @default - the event as it is */
    readonly inputTransformer?: InputTransformer;
    /** Resources the target needs first (a resource policy that admits EventBridge). */
    readonly dependsOn?: ITerraformDependable[];
  };
}

/** An EventBridge rule matching GuardDuty findings (or the tamper alerts' API calls), with its one target: every route of the export is one. */
export class FindingsRule extends Construct {
  public readonly rule: CloudwatchEventRule;

  constructor(scope: Construct, id: string, props: FindingsRuleProps) {
    super(scope, id);
    if (props.selector && props.eventPattern) throw new Error(`FindingsRule ${props.ruleName}: give a selector or an event pattern, not both`);
    const bus = { ...(props.busName ? { eventBusName: props.busName } : {}), ...(props.region ? { region: props.region } : {}) };
    this.rule = new CloudwatchEventRule(this, 'Rule', {
      name: props.ruleName,
      ...bus,
      description: props.description,
      eventPattern: JSON.stringify(props.eventPattern ?? findingEventPattern(props.selector ?? { minSeverity: 1 })),
    });
    const { target } = props;
    new CloudwatchEventTarget(this, 'Target', {
      rule: this.rule.name,
      ...bus,
      targetId: target.id,
      arn: target.arn,
      ...(target.roleArn ? { roleArn: target.roleArn } : {}),
      ...(target.inputTransformer ? { inputTransformer: { inputPaths: { ...target.inputTransformer.inputPaths }, inputTemplate: target.inputTransformer.inputTemplate } } : {}),
      retryPolicy: { ...props.delivery.retryPolicy },
      deadLetterConfig: { arn: props.delivery.deadLetterQueueArn },
      ...(target.dependsOn ? { dependsOn: target.dependsOn } : {}),
    });
  }
}
