import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { SnsTopicPolicy } from '@cdktf/provider-aws/lib/sns-topic-policy';
import type { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { shortAlertMessage, shortScanResultMessage } from '../../src/alerts/message';
import { scanResultEventPattern } from '../../src/findings/event-pattern';
import { renderPolicy } from '../../src/policy/template';
import type { Partition } from '../../src/regions/catalog';
import type { AlertRoutePlan } from '../../src/plan/alerts-plan';
import { FindingsRule, type TargetDelivery } from '../findings-export/findings-rule';
import { subscribeToTopic } from '../findings-export/topic-subscriptions';

export interface AlertRouteProps {
  readonly partition: Partition;
  readonly accountId: string;
  readonly busName: string;
  readonly route: AlertRoutePlan;
  /**
   * Key of the topics this project creates.
   * @default - none: only valid for a route to an existing topic (GD-SNS-1 stops an unencrypted one)
   */
  readonly topicKeyArn?: string;
  /** Retry policy and dead-letter queue of the target. */
  readonly delivery: TargetDelivery;
}

/**
 * Findings on the home bus at or above a severity (and of some types) to an
 * SNS topic, and, with Malware Protection for S3, threats-found scan results
 * through a second rule with their own short message.
 */
export class AlertRoute extends Construct {
  public readonly rule: FindingsRule;
  /** What another rule publishing to this route's topic waits for: the topic policy, when the route creates the topic. */
  public readonly publishDependencies: ITerraformDependable[];

  constructor(scope: Construct, id: string, props: AlertRouteProps) {
    super(scope, id);
    const { route } = props;
    const dependsOn: ITerraformDependable[] = [];
    this.publishDependencies = dependsOn;
    if (route.topic.create) {
      const topic = new SnsTopic(this, 'Topic', { name: route.topic.name, ...(props.topicKeyArn ? { kmsMasterKeyId: props.topicKeyArn } : {}) });
      dependsOn.push(
        new SnsTopicPolicy(this, 'TopicPolicy', { arn: topic.arn, policy: renderPolicy(route.topic.policy) }),
      );
      subscribeToTopic(this, topic.arn, props.accountId, route.topic.subscriptions);
    }
    const message = shortAlertMessage(props.partition);
    this.rule = new FindingsRule(this, 'Route', {
      ruleName: route.ruleName,
      busName: props.busName,
      description: `GuardDuty alert route ${route.name}`,
      delivery: props.delivery,
      selector: { minSeverity: route.minSeverity, ...(route.typePrefixes ? { typePrefixes: route.typePrefixes } : {}) },
      target: {
        id: 'alert-topic',
        arn: route.topic.arn,
        ...(route.message === 'short' ? { inputTransformer: message } : {}),
        dependsOn,
      },
    });
    if (route.scanResults) {
      new FindingsRule(this, 'ScanResults', {
        ruleName: route.scanResults.ruleName,
        busName: props.busName,
        description: `GuardDuty alert route ${route.name}: Malware Protection for S3 scan results with threats found`,
        delivery: props.delivery,
        eventPattern: scanResultEventPattern(),
        target: {
          id: 'alert-topic',
          arn: route.topic.arn,
          ...(route.message === 'short' ? { inputTransformer: shortScanResultMessage() } : {}),
          dependsOn,
        },
      });
    }
  }
}
