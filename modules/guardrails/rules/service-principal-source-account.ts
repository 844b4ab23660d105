import { SNS_TOPIC_ENCRYPTION_CONTEXT } from '../../../src/alerts/policies';
import { asList, parsePolicy, type PolicyStatement } from '../../../src/policy/document';
import type { GuardrailRule } from '../model';
import { POLICY_ATTRIBUTE } from './policy-attributes';


/** Condition keys that pin the caller to our account or resources (lower case). */
const PINNING_KEYS = ['aws:sourceaccount', 'aws:sourceorgid', 'aws:sourcearn', 'sts:externalid'];

/**
 * Operators under which a pinning key pins: a request without the key fails
 * them. Negated operators (`StringNotEquals`) and `...IfExists` (true when
 * the key is absent) let every other caller through.
 */
const PINNING_OPERATORS = new Set(['stringequals', 'stringlike', 'arnequals', 'arnlike']);

/** A reference to a resource of the same stack (`${aws_x.y.arn}`): in the stack's own account. */
const SAME_STACK_REFERENCE = /^\$\{(aws_[a-z0-9_]+|data\.aws_[a-z0-9_]+)\.[^}]+\}/;

/**
 * Why one condition entry does not pin the caller to the stack's accounts,
 * or undefined when it does: judged by operator and value, not key name
 * (`StringNotEquals aws:SourceAccount`, or another account's id, pins nothing).
 */
function pinningProblem(operator: string, key: string, values: readonly string[], accountIds: readonly string[]): string | undefined {
  if (!PINNING_OPERATORS.has(operator.toLowerCase())) return `${key} under ${operator} does not pin the caller (use StringEquals or ArnEquals/ArnLike)`;
  if (values.length === 0 || values.some((v) => v === '' || v === '*')) return `${key} matches any value`;
  const ours = (account: string) => (accountIds.length === 0 ? /^\d{12}$/.test(account) : accountIds.includes(account));
  switch (key.toLowerCase()) {
    case 'aws:sourceaccount': {
      const foreign = values.filter((v) => !ours(v) && !SAME_STACK_REFERENCE.test(v));
      return foreign.length > 0 ? `aws:SourceAccount ${foreign.join(', ')} is not this stack's account (${accountIds.join(', ') || 'none stated'})` : undefined;
    }
    case 'aws:sourcearn': {
      // arn:partition:service:region:account:resource; a reference to this stack's resource is in its account.
      const foreign = values.filter((v) => !SAME_STACK_REFERENCE.test(v) && !ours(v.split(':')[4] ?? ''));
      return foreign.length > 0 ? `aws:SourceArn ${foreign.join(', ')} is not in this stack's account (${accountIds.join(', ') || 'none stated'})` : undefined;
    }
    default:
      return undefined; // aws:SourceOrgID, sts:ExternalId: an exact, non-wildcard value pins
  }
}

/** Undefined when some condition entry pins the caller; otherwise why none does. */
function unpinnedReason(s: PolicyStatement, accountIds: readonly string[]): string | undefined {
  const reasons: string[] = [];
  for (const [operator, entries] of Object.entries(s.Condition ?? {})) {
    for (const [key, value] of Object.entries(entries)) {
      if (!PINNING_KEYS.includes(key.toLowerCase())) continue;
      const problem = pinningProblem(operator, key, asList(value as string | readonly string[]).map(String), accountIds);
      if (problem === undefined) return undefined;
      reasons.push(problem);
    }
  }
  return reasons.length > 0 ? reasons.join('; ') : 'without an aws:SourceAccount or aws:SourceArn condition';
}

/** EventBridge's service principal, the same name in every partition (src/regions/catalog). */
const EVENTS_PRINCIPAL = 'events.amazonaws.com';

/**
 * The one shape in which a key lets EventBridge encrypt for SNS topics: SNS
 * supports no source conditions in that key statement (SNS developer guide,
 * key management), so it must be pinned to exact topic ARNs through the SNS
 * encryption context, and grant nothing but the two actions delivery needs.
 */
function isEventBridgeTopicKeyStatement(s: PolicyStatement): boolean {
  const principals = asList(s.Principal === '*' ? undefined : s.Principal?.Service);
  const actions = asList(s.Action);
  const operators = Object.entries(s.Condition ?? {});
  const [operator, keys] = operators[0] ?? [];
  const topics = asList(keys?.[SNS_TOPIC_ENCRYPTION_CONTEXT] as string | readonly string[] | undefined);
  return (
    principals.length === 1 &&
    principals[0] === EVENTS_PRINCIPAL &&
    actions.length > 0 &&
    actions.every((a) => a === 'kms:GenerateDataKey*' || a === 'kms:Decrypt') &&
    operators.length === 1 &&
    operator === 'StringEquals' &&
    Object.keys(keys ?? {}).length === 1 &&
    topics.length > 0 &&
    topics.every((t) => /^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]+$/.test(t))
  );
}

/**
 * Confused deputy: a statement allowing an AWS service principal must pin
 * the calling account or resource, so the service cannot be steered into
 * acting for another account. Two documented exceptions: EventBridge and
 * log delivery send no source context when they create a log stream, so a
 * log resource policy statement granting only logs:CreateLogStream may not
 * carry the condition; and a KMS key statement letting EventBridge encrypt
 * for SNS topics cannot carry it, so it is pinned to exact topic ARNs.
 */
export const ServicePrincipalSourceAccount: GuardrailRule = {
  id: 'GD-IAM-2',
  description: 'Every Allow statement for a service principal pins the caller: aws:SourceAccount, aws:SourceArn, aws:SourceOrgID or (trust policies) sts:ExternalId.',
  appliesTo: [...Object.keys(POLICY_ATTRIBUTE), 'aws_lambda_permission'],
  check(resource, stack) {
    if (resource.type === 'aws_lambda_permission') {
      // A Lambda permission is a one-statement policy in attribute form.
      const principal = String(resource.attributes.principal ?? '');
      if (!principal.endsWith('.amazonaws.com')) return [];
      const account = resource.attributes.source_account;
      if (account === undefined) return resource.attributes.principal_org_id !== undefined ? [] : [`allows ${principal} without source_account`];
      const problem = pinningProblem('StringEquals', 'aws:SourceAccount', [String(account)], stack.accountIds);
      return problem ? [`allows ${principal}: ${problem}`] : [];
    }
    const raw = resource.attributes[POLICY_ATTRIBUTE[resource.type]!];
    if (raw === undefined) return [];
    const doc = parsePolicy(raw);
    if (!doc) return ['policy is not a plain JSON document, so it cannot be checked (build it with policyJson)'];
    return doc.Statement.flatMap((s, i) => {
      if (s.Effect !== 'Allow' || s.Principal === '*' || asList(s.Principal?.Service).length === 0) return [];
      const unpinned = unpinnedReason(s, stack.accountIds);
      if (unpinned === undefined) return [];
      const actions = asList(s.Action);
      if (resource.type === 'aws_cloudwatch_log_resource_policy' && actions.length > 0 && actions.every((a) => a === 'logs:CreateLogStream')) return [];
      if ((resource.type === 'aws_kms_key' || resource.type === 'aws_kms_key_policy') && isEventBridgeTopicKeyStatement(s)) return [];
      return [`Statement[${i}] allows ${asList(s.Principal?.Service).join(', ')} ${unpinned}`];
    });
  },
};
