import { CloudwatchEventRule } from '@cdktf/provider-aws/lib/cloudwatch-event-rule';
import { CloudwatchEventTarget } from '@cdktf/provider-aws/lib/cloudwatch-event-target';
import { Construct } from 'constructs';
import { findingEventPattern } from '../../src/findings/event-pattern';

export interface RegionalForwarderProps {
  readonly ruleName: string;
  /** Findings below it are not forwarded (the one severity threshold of the export). */
  readonly minSeverity: number;
  readonly busArn: string;
  /**
   * Role for a bus in another region.
   * @default - none: the home region's bus is in the same region
   */
  readonly roleArn?: string;
}

/**
 * A rule on the region's default bus, where GuardDuty puts every finding
 * (member findings included, in an administrator setup), forwarding them
 * to the home bus.
 */
export class RegionalForwarder extends Construct {
  public readonly rule: CloudwatchEventRule;

  constructor(scope: Construct, id: string, props: RegionalForwarderProps) {
    super(scope, id);
    this.rule = new CloudwatchEventRule(this, 'Rule', {
      name: props.ruleName,
      description: 'GuardDuty findings of this region to the findings bus in the home region',
      eventPattern: JSON.stringify(findingEventPattern({ minSeverity: props.minSeverity })),
    });
    new CloudwatchEventTarget(this, 'Target', {
      rule: this.rule.name,
      targetId: 'findings-bus',
      arn: props.busArn,
      ...(props.roleArn ? { roleArn: props.roleArn } : {}),
    });
  }
}
