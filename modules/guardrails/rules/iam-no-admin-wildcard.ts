import { asList, parsePolicy, type PolicyDocument } from '../../../src/policy/document';
import type { GuardrailRule, SynthesizedResource } from '../model';

/** Identity policies only: KMS key policies need `Resource: "*"` by design. */
function identityPolicies(resource: SynthesizedResource): unknown[] {
  if (resource.type === 'aws_iam_role') {
    return ((resource.attributes.inline_policy as { policy?: unknown }[] | undefined) ?? []).map((p) => p.policy);
  }
  return [resource.attributes.policy];
}

/** Would this action pattern grant iam:PassRole (`iam:*`, `iam:Pass*`, `*`)? */
function grantsPassRole(action: string): boolean {
  const pattern = new RegExp(`^${action.toLowerCase().replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  return pattern.test('iam:passrole');
}

function wildcardProblems(doc: PolicyDocument): string[] {
  return doc.Statement.flatMap((s, i) => {
    if (s.Effect !== 'Allow') return [];
    const actions = asList(s.Action);
    const resourceAll = asList(s.Resource).includes('*');
    // Allow + NotAction grants every action not listed, including ones AWS adds later.
    if (s.NotAction !== undefined) return [`Statement[${i}] allows every action but ${asList(s.NotAction).join(', ')} (NotAction)`];
    if (actions.some((a) => a === '*' || a === '*:*') && resourceAll) return [`Statement[${i}] allows Action "*" on Resource "*"`];
    // PassRole on any role lets the holder hand any role, admin included, to a service.
    if (resourceAll && actions.some(grantsPassRole)) return [`Statement[${i}] allows iam:PassRole on Resource "*" (name the roles)`];
    return [];
  });
}

/**
 * No role or policy this project creates allows every action on every
 * resource, grants by NotAction, or lets its holder pass any role.
 */
export const IamNoAdminWildcard: GuardrailRule = {
  id: 'GD-IAM-1',
  description: 'No identity policy allows Action "*" on Resource "*", allows by NotAction, or allows iam:PassRole on Resource "*".',
  appliesTo: ['aws_iam_policy', 'aws_iam_role_policy', 'aws_iam_user_policy', 'aws_iam_group_policy', 'aws_iam_role'],
  check(resource) {
    return identityPolicies(resource).flatMap((raw) => {
      if (raw === undefined) return [];
      const doc = parsePolicy(raw);
      if (!doc) return ['policy is not a plain JSON document, so it cannot be checked (build it with policyJson)'];
      return wildcardProblems(doc);
    });
  },
};
