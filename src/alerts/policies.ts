import type { Partition } from '../regions/catalog';
import { servicePrincipal } from '../regions/principals';
import type { PolicyDocument } from '../policy/document';
import { denyInsecureTransport, keyAdministration, policy } from '../policy/statements';

/** The alerts key: the alert rules (and only they) may encrypt messages for the encrypted topics. */
export function alertsKeyPolicy(partition: Partition, accountId: string, alertRuleArns: string): PolicyDocument {
  return policy(keyAdministration(partition, accountId), {
    Sid: 'AllowEventBridgeToPublishToEncryptedTopics',
    Effect: 'Allow',
    Principal: { Service: servicePrincipal('events', partition) },
    Action: ['kms:GenerateDataKey*', 'kms:Decrypt'],
    Resource: '*',
    Condition: { StringEquals: { 'aws:SourceAccount': accountId }, ArnLike: { 'aws:SourceArn': alertRuleArns } },
  });
}

/** Topic policy: only this route's rule may publish, and only over TLS. */
export function alertTopicPolicy(partition: Partition, accountId: string, topicArn: string, ruleArn: string): PolicyDocument {
  return policy(
    {
      Sid: 'AllowTheAlertRuleToPublish',
      Effect: 'Allow',
      Principal: { Service: servicePrincipal('events', partition) },
      Action: 'sns:Publish',
      Resource: topicArn,
      Condition: { StringEquals: { 'aws:SourceAccount': accountId }, ArnEquals: { 'aws:SourceArn': ruleArn } },
    },
    denyInsecureTransport('sns:Publish', [topicArn]),
  );
}
