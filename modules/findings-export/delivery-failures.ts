import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { LambdaPermission } from '@cdktf/provider-aws/lib/lambda-permission';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { SnsTopicPolicy } from '@cdktf/provider-aws/lib/sns-topic-policy';
import { SnsTopicSubscription } from '@cdktf/provider-aws/lib/sns-topic-subscription';
import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';
import { SqsQueuePolicy } from '@cdktf/provider-aws/lib/sqs-queue-policy';
import { Construct } from 'constructs';
import type { DeliveryPlan } from '../../src/plan/delivery-plan';
import { renderPolicy } from '../../src/policy/template';
import { ManagedKey } from '../storage/managed-key';
import type { TargetDelivery } from './findings-rule';

export interface DeliveryFailuresProps {
  readonly accountId: string;
  readonly plan: DeliveryPlan;
}

/**
 * Where the findings a stack's EventBridge targets could not deliver go, and
 * who is told: the dead-letter queue (SSE-SQS, 14 days), the alarms on each
 * rule's FailedInvocations and on the queue's depth, and the KMS-encrypted
 * alarm topic of this region with the configured subscriptions.
 */
export class DeliveryFailures extends Construct {
  public readonly queue: SqsQueue;
  public readonly topic: SnsTopic;
  /** What every FindingsRule of the stack passes to its target. */
  public readonly targetDelivery: TargetDelivery;

  constructor(scope: Construct, id: string, props: DeliveryFailuresProps) {
    super(scope, id);
    const { plan } = props;
    this.queue = new SqsQueue(this, 'DeadLetterQueue', {
      name: plan.queue.name,
      messageRetentionSeconds: plan.queue.messageRetentionSeconds,
      sqsManagedSseEnabled: true,
    });
    new SqsQueuePolicy(this, 'DeadLetterQueuePolicy', { queueUrl: this.queue.url, policy: renderPolicy(plan.queue.policy) });
    this.targetDelivery = { deadLetterQueueArn: this.queue.arn, retryPolicy: plan.retryPolicy };

    const key = new ManagedKey(this, 'AlarmKey', { description: 'Encrypts the GuardDuty operational alarm topic', alias: plan.alarmTopic.keyAlias, policy: plan.alarmTopic.keyPolicy });
    this.topic = new SnsTopic(this, 'AlarmTopic', { name: plan.alarmTopic.name, kmsMasterKeyId: key.key.arn });
    new SnsTopicPolicy(this, 'AlarmTopicPolicy', { arn: this.topic.arn, policy: renderPolicy(plan.alarmTopic.policy) });
    plan.alarmTopic.subscriptions.forEach((s, i) => {
      new SnsTopicSubscription(this, `Subscription${i}`, { topicArn: this.topic.arn, protocol: s.protocol, endpoint: s.endpoint });
      if (s.protocol === 'lambda') {
        new LambdaPermission(this, `InvokePermission${i}`, {
          ...(s.functionRegion ? { region: s.functionRegion } : {}),
          functionName: s.endpoint,
          action: 'lambda:InvokeFunction',
          principal: 'sns.amazonaws.com',
          sourceArn: this.topic.arn,
          sourceAccount: props.accountId,
        });
      }
    });

    for (const alarm of plan.alarms) {
      new CloudwatchMetricAlarm(this, `Alarm-${alarm.name}`, {
        alarmName: alarm.name,
        alarmDescription: alarm.description,
        namespace: alarm.namespace,
        metricName: alarm.metricName,
        dimensions: { ...alarm.dimensions },
        statistic: alarm.statistic,
        period: alarm.period,
        evaluationPeriods: alarm.evaluationPeriods,
        threshold: alarm.threshold,
        comparisonOperator: alarm.comparisonOperator,
        treatMissingData: alarm.treatMissingData,
        alarmActions: [this.topic.arn],
        okActions: [this.topic.arn],
      });
    }
  }
}
