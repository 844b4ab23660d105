import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { SnsTopicPolicy } from '@cdktf/provider-aws/lib/sns-topic-policy';
import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';
import { SqsQueuePolicy } from '@cdktf/provider-aws/lib/sqs-queue-policy';
import { Construct } from 'constructs';
import type { DeliveryPlan } from '../../src/plan/delivery-plan';
import { renderPolicy } from '../../src/policy/template';
import { ManagedKey } from '../storage/managed-key';
import type { TargetDelivery } from './findings-rule';
import { subscribeToTopic } from './topic-subscriptions';

export interface DeliveryFailuresProps {
  readonly accountId: string;
  readonly plan: DeliveryPlan;
  /**
   * Set every resource's `region` to the plan's (a stack serving several
   * regions through the provider-6 per-resource `region`).
   * @default false - the provider's region, which is the plan's
   */
  readonly perResourceRegion?: boolean;
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
    const region = props.perResourceRegion ? { region: plan.region } : {};
    this.queue = new SqsQueue(this, 'DeadLetterQueue', {
      ...region,
      name: plan.queue.name,
      messageRetentionSeconds: plan.queue.messageRetentionSeconds,
      sqsManagedSseEnabled: true,
    });
    new SqsQueuePolicy(this, 'DeadLetterQueuePolicy', { ...region, queueUrl: this.queue.url, policy: renderPolicy(plan.queue.policy) });
    this.targetDelivery = { deadLetterQueueArn: this.queue.arn, retryPolicy: plan.retryPolicy };

    const key = new ManagedKey(this, 'AlarmKey', { description: 'Encrypts the GuardDuty operational alarm topic', alias: plan.alarmTopic.keyAlias, policy: plan.alarmTopic.keyPolicy, ...region });
    this.topic = new SnsTopic(this, 'AlarmTopic', { ...region, name: plan.alarmTopic.name, kmsMasterKeyId: key.key.arn });
    new SnsTopicPolicy(this, 'AlarmTopicPolicy', { ...region, arn: this.topic.arn, policy: renderPolicy(plan.alarmTopic.policy) });
    subscribeToTopic(this, this.topic.arn, props.accountId, plan.alarmTopic.subscriptions, props.perResourceRegion ? plan.region : undefined);

    for (const alarm of plan.alarms) {
      new CloudwatchMetricAlarm(this, `Alarm-${alarm.name}`, {
        ...region,
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
