import type { Partition } from '../regions/catalog';
import { servicePrincipal } from '../regions/principals';
import type { PolicyDocument } from '../policy/document';
import { denyInsecureTransport, keyAdministration, pinnedServiceAllow, policy } from '../policy/statements';

/**
 * Retry policy of every EventBridge target: the documented maxima
 * (EventBridge API Reference, RetryPolicy: MaximumEventAgeInSeconds 60-86400,
 * MaximumRetryAttempts 0-185; the EventBridge user guide, "Event retry
 * policy and using dead-letter queues", retries for 24 hours and up to 185
 * times by default). Stated, so a target never depends on a default.
 */
export const TARGET_RETRY_POLICY = { maximumEventAgeInSeconds: 86_400, maximumRetryAttempts: 185 } as const;

/** SQS keeps a message at most 14 days (SQS API Reference, MessageRetentionPeriod: 60 to 1,209,600 seconds). */
export const DLQ_MESSAGE_RETENTION_SECONDS = 1_209_600;

/**
 * Dead-letter queue policy: EventBridge may send only for the rules of this
 * estate in the queue's region (EventBridge user guide, "Using dead-letter
 * queues to process undelivered events": `events.amazonaws.com`
 * `sqs:SendMessage` with `ArnEquals aws:SourceArn` = the rule), only from
 * this account, and nobody reaches the queue without TLS.
 */
export function deadLetterQueuePolicy(partition: Partition, accountId: string, queueArn: string, ruleArns: readonly string[]): PolicyDocument {
  return policy(
    pinnedServiceAllow({ sid: 'TheEstateRulesSendUndeliveredFindings', service: servicePrincipal('events', partition), action: 'sqs:SendMessage', resource: queueArn, accountId, sourceArns: ruleArns }),
    denyInsecureTransport('sqs:*', [queueArn]),
  );
}

/**
 * The operational alarm key: CloudWatch may encrypt notifications for the
 * alarm topic, only for this estate's alarms. Unlike EventBridge, CloudWatch
 * supports the source conditions in this key statement (SNS developer guide,
 * "Enable compatibility between event sources from AWS services and
 * encrypted topics": `cloudwatch.amazonaws.com`, `kms:GenerateDataKey*` and
 * `kms:Decrypt`, with `aws:SourceAccount` / `aws:SourceArn` = the alarm;
 * AWS's Modern Data Architecture Accelerator grants CloudWatch the same,
 * conditioned the same way: grantCloudWatchAlarmsTopicAccess).
 */
export function alarmKeyPolicy(partition: Partition, accountId: string, alarmArns: readonly string[]): PolicyDocument {
  return policy(
    keyAdministration(partition, accountId),
    pinnedServiceAllow({
      sid: 'CloudWatchEncryptsTheEstateAlarms',
      service: servicePrincipal('cloudwatch', partition),
      action: ['kms:GenerateDataKey*', 'kms:Decrypt'],
      resource: '*',
      accountId,
      sourceArns: alarmArns,
    }),
  );
}

/** Alarm topic policy: only this estate's alarms publish, over TLS only. */
export function alarmTopicPolicy(partition: Partition, accountId: string, topicArn: string, alarmArns: readonly string[]): PolicyDocument {
  return policy(
    pinnedServiceAllow({ sid: 'TheEstateAlarmsPublish', service: servicePrincipal('cloudwatch', partition), action: 'sns:Publish', resource: topicArn, accountId, sourceArns: alarmArns }),
    denyInsecureTransport('sns:Publish', [topicArn]),
  );
}
