import type { GuardrailRule } from '../model';

/** Alert topics carry finding details: encrypted at rest. */
export const SnsTopicEncrypted: GuardrailRule = {
  id: 'GD-SNS-1',
  description: 'Every SNS topic has kms_master_key_id set.',
  appliesTo: ['aws_sns_topic'],
  check(topic) {
    return typeof topic.attributes.kms_master_key_id === 'string' && topic.attributes.kms_master_key_id !== '' ? [] : ['topic is not encrypted (set kms_master_key_id)'];
  },
};
