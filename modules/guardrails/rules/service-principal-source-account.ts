import { asList, conditionKeys, parsePolicy } from '../../../src/policy/document';
import type { GuardrailRule } from '../model';

/** Resource types and the attribute holding their resource or trust policy. */
const POLICY_ATTRIBUTE: Readonly<Record<string, string>> = {
  aws_s3_bucket_policy: 'policy',
  aws_sns_topic_policy: 'policy',
  aws_sqs_queue_policy: 'policy',
  aws_kms_key: 'policy',
  aws_kms_key_policy: 'policy',
  aws_cloudwatch_log_resource_policy: 'policy_document',
  aws_cloudwatch_event_bus_policy: 'policy',
  aws_iam_role: 'assume_role_policy',
};

/** Condition keys that pin the caller to our account or resources (lower case). */
const PINNING_KEYS = ['aws:sourceaccount', 'aws:sourceorgid', 'aws:sourcearn', 'sts:externalid'];

/**
 * Confused deputy: a statement allowing an AWS service principal must pin
 * the calling account or resource, so the service cannot be steered into
 * acting for another account. One documented exception: EventBridge and
 * log delivery send no source context when they create a log stream, so a
 * log resource policy statement granting only logs:CreateLogStream may not
 * carry the condition.
 */
export const ServicePrincipalSourceAccount: GuardrailRule = {
  id: 'GD-IAM-2',
  description: 'Every Allow statement for a service principal pins the caller: aws:SourceAccount, aws:SourceArn, aws:SourceOrgID or (trust policies) sts:ExternalId.',
  appliesTo: [...Object.keys(POLICY_ATTRIBUTE), 'aws_lambda_permission'],
  check(resource) {
    if (resource.type === 'aws_lambda_permission') {
      // A Lambda permission is a one-statement policy in attribute form.
      const principal = String(resource.attributes.principal ?? '');
      const pinned = resource.attributes.source_account !== undefined || resource.attributes.principal_org_id !== undefined;
      return principal.endsWith('.amazonaws.com') && !pinned ? [`allows ${principal} without source_account`] : [];
    }
    const raw = resource.attributes[POLICY_ATTRIBUTE[resource.type]!];
    if (raw === undefined) return [];
    const doc = parsePolicy(raw);
    if (!doc) return ['policy is not a plain JSON document, so it cannot be checked (build it with policyJson)'];
    return doc.Statement.flatMap((s, i) => {
      if (s.Effect !== 'Allow' || s.Principal === '*' || asList(s.Principal?.Service).length === 0) return [];
      const keys = conditionKeys(s);
      if (PINNING_KEYS.some((k) => keys.has(k))) return [];
      const actions = asList(s.Action);
      if (resource.type === 'aws_cloudwatch_log_resource_policy' && actions.length > 0 && actions.every((a) => a === 'logs:CreateLogStream')) return [];
      return [`Statement[${i}] allows ${asList(s.Principal?.Service).join(', ')} without an aws:SourceAccount or aws:SourceArn condition`];
    });
  },
};
