import { type GuardrailRule, resourcesReferencing } from '../model';

const FLAGS = ['block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets'] as const;

/** Every bucket has a public access block with all four settings on. */
export const S3BucketPublicAccessBlocked: GuardrailRule = {
  id: 'GD-S3-1',
  description: 'Every S3 bucket has an aws_s3_bucket_public_access_block with all four settings true.',
  appliesTo: ['aws_s3_bucket'],
  check(bucket, stack) {
    const blocks = resourcesReferencing(stack, 'aws_s3_bucket_public_access_block', 'bucket', bucket, bucket.attributes.bucket);
    if (blocks.length === 0) return ['bucket has no aws_s3_bucket_public_access_block'];
    const off = FLAGS.filter((flag) => !blocks.some((b) => b.attributes[flag] === true));
    return off.length > 0 ? [`public access block leaves ${off.join(', ')} off`] : [];
  },
};
