import { type GuardrailRule, resourcesReferencing } from '../model';

const ALGORITHMS = ['AES256', 'aws:kms', 'aws:kms:dsse'];

/** Every bucket has default encryption configured explicitly. */
export const S3BucketEncrypted: GuardrailRule = {
  id: 'GD-S3-2',
  description: 'Every S3 bucket has an aws_s3_bucket_server_side_encryption_configuration (SSE-S3 or SSE-KMS).',
  appliesTo: ['aws_s3_bucket'],
  check(bucket, stack) {
    const configs = resourcesReferencing(stack, 'aws_s3_bucket_server_side_encryption_configuration', 'bucket', bucket, bucket.attributes.bucket);
    if (configs.length === 0) return ['bucket has no aws_s3_bucket_server_side_encryption_configuration'];
    const algorithms = configs.flatMap((c) =>
      ((c.attributes.rule as { apply_server_side_encryption_by_default?: { sse_algorithm?: string } }[] | undefined) ?? []).map(
        (r) => r.apply_server_side_encryption_by_default?.sse_algorithm,
      ),
    );
    return algorithms.some((a) => a !== undefined && ALGORITHMS.includes(a)) ? [] : ['encryption configuration sets no sse_algorithm'];
  },
};
