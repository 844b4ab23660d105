import { asList, parsePolicy } from '../../../src/policy/document';
import type { GuardrailRule } from '../model';
import { POLICY_ATTRIBUTE } from './policy-attributes';

/**
 * `Principal: "*"` (or `{"AWS": "*"}`) in an Allow statement opens the
 * resource to every AWS account, and a condition is then all that stands
 * between it and the internet. Deny statements with "*" (TLS only) are how
 * a policy should use it.
 */
export const NoPublicPrincipal: GuardrailRule = {
  id: 'GD-IAM-3',
  description: 'No resource or trust policy allows Principal "*" (or AWS "*"); Deny statements may name everyone.',
  appliesTo: Object.keys(POLICY_ATTRIBUTE),
  check(resource) {
    const raw = resource.attributes[POLICY_ATTRIBUTE[resource.type]!];
    if (raw === undefined) return [];
    const doc = parsePolicy(raw);
    if (!doc) return []; // GD-IAM-2 already reports a policy it cannot read
    return doc.Statement.flatMap((s, i) => {
      if (s.Effect !== 'Allow') return [];
      const everyone = s.Principal === '*' || asList(s.Principal?.AWS).includes('*') || s.NotPrincipal !== undefined;
      return everyone ? [`Statement[${i}] allows every AWS principal (Principal "*" or NotPrincipal): name the accounts or roles`] : [];
    });
  },
};
