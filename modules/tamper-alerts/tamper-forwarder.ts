import type { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import type { TamperForwardRulePlan } from '../../src/plan/tamper-plan';
import { FindingsRule, type TargetDelivery } from '../findings-export/findings-rule';

export interface TamperForwarderProps {
  readonly rules: readonly TamperForwardRulePlan[];
  /** The findings bus in the home region. */
  readonly busArn: string;
  /** The role EventBridge puts events on the findings bus with (the bus admits only it). */
  readonly roleArn: string;
  /** Retry policy and dead-letter queue of every target. */
  readonly delivery: TargetDelivery;
  /** @default - the provider's region */
  readonly region?: string;
  /** The role's policy, when the role is created in the same stack: targets wait for it. */
  readonly dependsOn?: ITerraformDependable[];
}

/**
 * Rules on the region's default bus, where CloudTrail puts every API call
 * made in this account and region, forwarding the calls that turn
 * detection down to the findings bus.
 */
export class TamperForwarder extends Construct {
  public readonly rules: readonly FindingsRule[];

  constructor(scope: Construct, id: string, props: TamperForwarderProps) {
    super(scope, id);
    this.rules = props.rules.map(
      (rule) =>
        new FindingsRule(this, rule.group, {
          ruleName: rule.ruleName,
          description: `Calls that turn GuardDuty detection down (${rule.group}) to the findings bus`,
          eventPattern: rule.eventPattern,
          delivery: props.delivery,
          ...(props.region ? { region: props.region } : {}),
          target: { id: 'findings-bus', arn: props.busArn, roleArn: props.roleArn, ...(props.dependsOn ? { dependsOn: props.dependsOn } : {}) },
        }),
    );
  }
}
