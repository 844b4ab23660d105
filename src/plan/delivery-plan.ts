import type { AlertSubscription } from '../alerts/subscription';
import { alarmKeyPolicy, alarmTopicPolicy, deadLetterQueuePolicy, DLQ_MESSAGE_RETENTION_SECONDS, TARGET_RETRY_POLICY } from '../delivery/policies';
import {
  alarmKeyAlias,
  alarmTopicName,
  deadLetterQueueAlarmName,
  deadLetterQueueName,
  type DeliveryOwner,
  failedInvocationsAlarmName,
} from '../naming';
import type { PolicyDocument } from '../policy/document';
import type { Partition } from '../regions/catalog';
import { arn } from '../regions/principals';

/** A rule whose target gets the retry policy and the dead-letter queue. */
export interface DeliveryRule {
  readonly ruleName: string;
  readonly ruleArn: string;
  /** A custom bus (the home bus); absent: the region's default bus. */
  readonly busName?: string;
  /** What the rule delivers, for the alarm's description. @default 'GuardDuty findings' */
  readonly carries?: string;
}

/** One CloudWatch alarm: a metric above 0 at any point of a 5-minute period. */
export interface AlarmPlan {
  readonly name: string;
  readonly arn: string;
  readonly description: string;
  readonly namespace: 'AWS/Events' | 'AWS/SQS';
  readonly metricName: 'FailedInvocations' | 'ApproximateNumberOfMessagesVisible';
  readonly dimensions: Readonly<Record<string, string>>;
  readonly statistic: 'Sum' | 'Maximum';
  readonly period: number;
  readonly evaluationPeriods: number;
  readonly threshold: number;
  readonly comparisonOperator: 'GreaterThanThreshold';
  /** FailedInvocations is sent only when non-zero: no data is no failure. */
  readonly treatMissingData: 'notBreaching';
}

/** A subscription of the alarm topic (the alert subscription shape); a Lambda endpoint gets an invoke permission in the function's region. */
export interface AlarmSubscriptionPlan extends AlertSubscription {
  readonly functionRegion?: string;
}

/**
 * Failed deliveries of one stack's EventBridge targets, in its region: the
 * retry policy every target gets, the dead-letter queue, alarms on each
 * rule's FailedInvocations and on the queue's depth, and the alarm topic
 * they notify. CloudWatch alarms act in their own region only, and an alarm
 * about a failing forwarder cannot travel over that forwarder: each region
 * has its own topic.
 */
export interface DeliveryPlan {
  readonly region: string;
  readonly retryPolicy: { readonly maximumEventAgeInSeconds: number; readonly maximumRetryAttempts: number };
  readonly queue: { readonly name: string; readonly arn: string; readonly messageRetentionSeconds: number; readonly policy: PolicyDocument };
  readonly rules: readonly DeliveryRule[];
  readonly alarms: readonly AlarmPlan[];
  readonly alarmTopic: {
    readonly name: string;
    readonly arn: string;
    readonly keyAlias: string;
    readonly keyPolicy: PolicyDocument;
    readonly policy: PolicyDocument;
    readonly subscriptions: readonly AlarmSubscriptionPlan[];
  };
}

export interface DeliveryScope {
  readonly partition: Partition;
  readonly prefix: string;
  readonly accountId: string;
  readonly region: string;
  readonly owner: DeliveryOwner;
  readonly subscriptions: readonly AlertSubscription[];
}

/** The EventBridge user guide ("Monitoring"): RuleName alone means the default bus; a custom bus's rules carry EventBusName too. */
function ruleDimensions(rule: DeliveryRule): Record<string, string> {
  return rule.busName ? { EventBusName: rule.busName, RuleName: rule.ruleName } : { RuleName: rule.ruleName };
}

export function planDelivery(scope: DeliveryScope, rules: readonly DeliveryRule[]): DeliveryPlan {
  const { partition, prefix, accountId, region, owner } = scope;
  const queueName = deadLetterQueueName(prefix, owner);
  const queueArn = arn(partition, 'sqs', region, accountId, queueName);
  const alarmArn = (name: string) => arn(partition, 'cloudwatch', region, accountId, `alarm:${name}`);
  const common = { period: 300, evaluationPeriods: 1, threshold: 0, comparisonOperator: 'GreaterThanThreshold', treatMissingData: 'notBreaching' } as const;
  const alarms: AlarmPlan[] = [
    ...rules.map((rule): AlarmPlan => {
      const name = failedInvocationsAlarmName(rule.ruleName);
      return {
        name,
        arn: alarmArn(name),
        description: `EventBridge rule ${rule.ruleName} failed to deliver ${rule.carries ?? 'GuardDuty findings'} to its target`,
        namespace: 'AWS/Events',
        metricName: 'FailedInvocations',
        dimensions: ruleDimensions(rule),
        statistic: 'Sum',
        ...common,
      };
    }),
    (() => {
      const name = deadLetterQueueAlarmName(queueName);
      // What the queue's rules carry (a management or member account's queue holds tamper events only).
      const held = [...new Set(rules.map((r) => r.carries ?? 'GuardDuty findings'))];
      return {
        name,
        arn: alarmArn(name),
        description: `Dead-letter queue ${queueName} holds ${held.length > 0 ? held.join(' and ') : 'GuardDuty findings'} EventBridge could not deliver`,
        namespace: 'AWS/SQS',
        metricName: 'ApproximateNumberOfMessagesVisible',
        dimensions: { QueueName: queueName },
        statistic: 'Maximum',
        ...common,
      } satisfies AlarmPlan;
    })(),
  ];
  const topicName = alarmTopicName(prefix, owner);
  const topicArn = arn(partition, 'sns', region, accountId, topicName);
  const alarmArns = alarms.map((a) => a.arn);
  return {
    region,
    retryPolicy: { ...TARGET_RETRY_POLICY },
    queue: {
      name: queueName,
      arn: queueArn,
      messageRetentionSeconds: DLQ_MESSAGE_RETENTION_SECONDS,
      policy: deadLetterQueuePolicy(
        partition,
        accountId,
        queueArn,
        rules.map((r) => r.ruleArn),
      ),
    },
    rules,
    alarms,
    alarmTopic: {
      name: topicName,
      arn: topicArn,
      keyAlias: alarmKeyAlias(prefix, owner),
      keyPolicy: alarmKeyPolicy(partition, accountId, alarmArns),
      policy: alarmTopicPolicy(partition, accountId, topicArn, alarmArns),
      // The function is in the home region (a config rule): its permission is added there, whichever region the topic is in.
      subscriptions: scope.subscriptions.map((s) => (s.protocol === 'lambda' ? { ...s, functionRegion: s.endpoint.split(':')[3] ?? region } : { ...s })),
    },
  };
}
