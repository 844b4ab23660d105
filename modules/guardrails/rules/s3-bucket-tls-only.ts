import { asList, conditionKeys, parsePolicy, type PolicyStatement } from '../../../src/policy/document';
import { type GuardrailRule, resourcesReferencing } from '../model';

function deniesInsecureTransport(s: PolicyStatement): boolean {
  if (s.Effect !== 'Deny' || !conditionKeys(s).has('aws:securetransport')) return false;
  const principalAll = s.Principal === '*' || asList(s.Principal?.AWS).includes('*');
  const actions = asList(s.Action);
  return principalAll && (actions.includes('s3:*') || actions.includes('*'));
}

/** Every bucket's policy denies requests that do not use TLS. */
export const S3BucketTlsOnly: GuardrailRule = {
  id: 'GD-S3-3',
  description: 'Every S3 bucket has a bucket policy that denies s3:* to everyone when aws:SecureTransport is false.',
  appliesTo: ['aws_s3_bucket'],
  check(bucket, stack) {
    const policies = resourcesReferencing(stack, 'aws_s3_bucket_policy', 'bucket', bucket, bucket.attributes.bucket);
    if (policies.length === 0) return ['bucket has no bucket policy denying non-TLS requests'];
    const docs = policies.map((p) => parsePolicy(p.attributes.policy));
    if (docs.some((d) => d === undefined)) return ['bucket policy is not a plain JSON document, so it cannot be checked (build it with policyJson)'];
    return docs.some((d) => d!.Statement.some(deniesInsecureTransport)) ? [] : ['bucket policy does not deny requests where aws:SecureTransport is false'];
  },
};
