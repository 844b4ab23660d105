import type { GuardrailRule } from '../model';

/**
 * The AWS managed SNS key: its policy cannot be changed, so EventBridge may
 * never use it, and every finding published to such a topic is dropped
 * (SNS developer guide, key management; GUARDDUTY-FACTS, Export: EventBridge).
 */
const AWS_MANAGED_SNS_KEY = /^(alias\/aws\/sns|arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:alias\/aws\/sns)$/;

/**
 * Alert topics carry finding details: encrypted at rest, with a customer
 * managed key (every topic here is fed by EventBridge); HTTPS subscriptions
 * deliver over TLS only.
 */
export const SnsTopicEncrypted: GuardrailRule = {
  id: 'GD-SNS-1',
  description: 'Every SNS topic has kms_master_key_id set to a customer managed key (not alias/aws/sns, which EventBridge cannot use); https subscriptions have https:// endpoints.',
  appliesTo: ['aws_sns_topic', 'aws_sns_topic_subscription'],
  check(resource) {
    if (resource.type === 'aws_sns_topic_subscription') {
      const endpoint = String(resource.attributes.endpoint ?? '');
      if (resource.attributes.protocol === 'http') return ['subscription delivers over plain http (use https)'];
      return resource.attributes.protocol === 'https' && !endpoint.startsWith('https://') ? [`https subscription to ${endpoint}, which is not an https:// URL`] : [];
    }
    const key = resource.attributes.kms_master_key_id;
    if (typeof key !== 'string' || key === '') return ['topic is not encrypted (set kms_master_key_id)'];
    return AWS_MANAGED_SNS_KEY.test(key) ? ['topic uses the AWS managed key alias/aws/sns, whose policy cannot let EventBridge publish: use a customer managed key'] : [];
  },
};
