import type { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { shortTamperMessage } from '../../src/tamper/message';
import type { TamperPlan } from '../../src/plan/tamper-plan';
import { FindingsRule, type TargetDelivery } from '../findings-export/findings-rule';

export interface TamperRoutesProps {
  readonly busName: string;
  readonly plan: TamperPlan;
  readonly logGroupArn: string;
  /** The log group and its resource policy. */
  readonly logGroupDependencies: readonly ITerraformDependable[];
  /** The alert route's topic policy, when the route creates its topic. */
  readonly topicDependencies?: readonly ITerraformDependable[];
  /** Retry policy and dead-letter queue of every target. */
  readonly delivery: TargetDelivery;
}

/**
 * The tamper calls on the findings bus: every one to the findings log
 * group, and those made by anyone but the quiet roles to the alert route's
 * topic.
 */
export class TamperRoutes extends Construct {
  constructor(scope: Construct, id: string, props: TamperRoutesProps) {
    super(scope, id);
    const { plan } = props;
    new FindingsRule(this, 'Log', {
      ruleName: plan.logRule.ruleName,
      busName: props.busName,
      description: 'Every call that turned GuardDuty detection down, to CloudWatch Logs',
      eventPattern: plan.logRule.eventPattern,
      delivery: props.delivery,
      target: { id: 'findings-log-group', arn: props.logGroupArn, dependsOn: [...props.logGroupDependencies] },
    });
    const alert = plan.alertRule;
    if (alert) {
      const message = shortTamperMessage();
      new FindingsRule(this, 'Alert', {
        ruleName: alert.ruleName,
        busName: props.busName,
        description: `Calls that turned GuardDuty detection down, by other principals than the quiet roles, to alert route ${alert.route}`,
        eventPattern: alert.eventPattern,
        delivery: props.delivery,
        target: {
          id: 'alert-topic',
          arn: alert.topicArn,
          ...(alert.message === 'short' ? { inputTransformer: message } : {}),
          dependsOn: [...(props.topicDependencies ?? [])],
        },
      });
    }
  }
}
