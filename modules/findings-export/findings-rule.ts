import { CloudwatchEventRule } from '@cdktf/provider-aws/lib/cloudwatch-event-rule';
import { CloudwatchEventTarget, type CloudwatchEventTargetInputTransformer } from '@cdktf/provider-aws/lib/cloudwatch-event-target';
import type { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { findingEventPattern, type FindingSelector } from '../../src/findings/event-pattern';

export interface FindingsRuleProps {
  readonly ruleName: string;
  readonly description: string;
  /** @default - the region's default bus, where GuardDuty puts findings */
  readonly busName?: string;
  /** Which findings. @default - every finding */
  readonly selector?: FindingSelector;
  readonly target: {
    readonly id: string;
    readonly arn: string;
    /** @default - none (same-region bus, log group, topic) */
    readonly roleArn?: string;
    /** @default - the event as it is */
    readonly inputTransformer?: CloudwatchEventTargetInputTransformer;
    /** Resources the target needs first (a resource policy that admits EventBridge). */
    readonly dependsOn?: ITerraformDependable[];
  };
}

/** An EventBridge rule matching GuardDuty findings, with its one target: every route of the export is one. */
export class FindingsRule extends Construct {
  public readonly rule: CloudwatchEventRule;

  constructor(scope: Construct, id: string, props: FindingsRuleProps) {
    super(scope, id);
    const bus = props.busName ? { eventBusName: props.busName } : {};
    this.rule = new CloudwatchEventRule(this, 'Rule', {
      name: props.ruleName,
      ...bus,
      description: props.description,
      eventPattern: JSON.stringify(findingEventPattern(props.selector ?? { minSeverity: 1 })),
    });
    const { target } = props;
    new CloudwatchEventTarget(this, 'Target', {
      rule: this.rule.name,
      ...bus,
      targetId: target.id,
      arn: target.arn,
      ...(target.roleArn ? { roleArn: target.roleArn } : {}),
      ...(target.inputTransformer ? { inputTransformer: target.inputTransformer } : {}),
      ...(target.dependsOn ? { dependsOn: target.dependsOn } : {}),
    });
  }
}
