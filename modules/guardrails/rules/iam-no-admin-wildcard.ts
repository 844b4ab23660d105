import { asList, parsePolicy, type PolicyDocument } from '../../../src/policy/document';
import type { GuardrailRule, SynthesizedResource } from '../model';

/** Identity policies only: KMS key policies need `Resource: "*"` by design. */
function identityPolicies(resource: SynthesizedResource): unknown[] {
  if (resource.type === 'aws_iam_role') {
    return ((resource.attributes.inline_policy as { policy?: unknown }[] | undefined) ?? []).map((p) => p.policy);
  }
  return [resource.attributes.policy];
}

function wildcardStatements(doc: PolicyDocument): number[] {
  return doc.Statement.flatMap((s, i) => {
    const actionAll = asList(s.Action).some((a) => a === '*' || a === '*:*');
    const resourceAll = asList(s.Resource).includes('*');
    return s.Effect === 'Allow' && actionAll && resourceAll ? [i] : [];
  });
}

/** No role or policy this project creates allows every action on every resource. */
export const IamNoAdminWildcard: GuardrailRule = {
  id: 'GD-IAM-1',
  description: 'No identity policy allows Action "*" on Resource "*".',
  appliesTo: ['aws_iam_policy', 'aws_iam_role_policy', 'aws_iam_user_policy', 'aws_iam_group_policy', 'aws_iam_role'],
  check(resource) {
    return identityPolicies(resource).flatMap((raw) => {
      if (raw === undefined) return [];
      const doc = parsePolicy(raw);
      if (!doc) return ['policy is not a plain JSON document, so it cannot be checked (build it with policyJson)'];
      return wildcardStatements(doc).map((i) => `Statement[${i}] allows Action "*" on Resource "*"`);
    });
  },
};
