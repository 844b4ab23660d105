import type { GuardrailRule } from '../model';

/** Symmetric keys this project creates rotate yearly. */
export const KmsKeyRotation: GuardrailRule = {
  id: 'GD-KMS-1',
  description: 'Every symmetric aws_kms_key has enable_key_rotation = true.',
  appliesTo: ['aws_kms_key'],
  check(key) {
    const spec = key.attributes.customer_master_key_spec;
    if (spec !== undefined && spec !== 'SYMMETRIC_DEFAULT') return [];
    return key.attributes.enable_key_rotation === true ? [] : ['key rotation is off (set enable_key_rotation)'];
  },
};
