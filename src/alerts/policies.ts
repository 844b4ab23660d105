import type { Partition } from '../regions/catalog';
import { servicePrincipal } from '../regions/principals';
import type { PolicyDocument } from '../policy/document';
import { denyInsecureTransport, keyAdministration, pinnedServiceAllow, policy } from '../policy/statements';

/** The condition key naming the topic SNS encrypts for (SNS puts the topic ARN in the encryption context). */
export const SNS_TOPIC_ENCRYPTION_CONTEXT = 'kms:EncryptionContext:aws:sns:topicArn';

/**
 * The alerts key: EventBridge may encrypt messages for this project's alert
 * topics and no others. The SNS developer guide (key management, "Enable
 * compatibility between event sources from AWS services and encrypted
 * topics") says aws:SourceAccount / aws:SourceArn are not supported in the
 * key policy for EventBridge: with them every delivery fails (also the
 * landing zone accelerator's issue 407). So the statement is scoped by the
 * SNS encryption context (the topic ARN, as AWS's GameLift guide shows for
 * an SNS-encrypted topic key), and the source conditions stay on the topic
 * policies.
 */
export function alertsKeyPolicy(partition: Partition, accountId: string, topicArns: readonly string[]): PolicyDocument {
  return policy(keyAdministration(partition, accountId), {
    Sid: 'AllowEventBridgeToPublishToTheAlertTopics',
    Effect: 'Allow',
    Principal: { Service: servicePrincipal('events', partition) },
    Action: ['kms:GenerateDataKey*', 'kms:Decrypt'],
    Resource: '*',
    Condition: { StringEquals: { [SNS_TOPIC_ENCRYPTION_CONTEXT]: [...topicArns] } },
  });
}

/** Topic policy: only this route's rule (and the tamper alert rule, when it pages through this route) may publish, and only over TLS. */
export function alertTopicPolicy(partition: Partition, accountId: string, topicArn: string, ruleArns: string | readonly string[]): PolicyDocument {
  return policy(
    pinnedServiceAllow({ sid: 'AllowTheAlertRuleToPublish', service: servicePrincipal('events', partition), action: 'sns:Publish', resource: topicArn, accountId, sourceArns: ruleArns }),
    denyInsecureTransport('sns:Publish', [topicArn]),
  );
}
