import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import { SnsTopicPolicy } from '@cdktf/provider-aws/lib/sns-topic-policy';
import { App, TerraformStack } from 'cdktf';
import { readStackResources, type StackResources } from '../../modules/guardrails/model';
import { type PolicyStatement, policyJson } from '../../src/policy/document';

export { IamRole, IamRolePolicy, KmsKey, S3Bucket, S3BucketPolicy, S3BucketPublicAccessBlock, S3BucketServerSideEncryptionConfigurationA, SnsTopicPolicy };

/** A stack with a provider, built by `build`, as guardrails see it after synth. */
export function stackOf(build: (stack: TerraformStack) => void): { stack: TerraformStack; resources: StackResources } {
  const stack = new TerraformStack(new App({ stackTraces: false }), 'test');
  new AwsProvider(stack, 'aws', { region: 'us-east-1', allowedAccountIds: ['111111111111'] });
  build(stack);
  return { stack, resources: readStackResources('test', stack.toTerraform()) };
}

export const TLS_ONLY = (bucketArn: string): PolicyStatement => ({
  Sid: 'DenyInsecureTransport',
  Effect: 'Deny',
  Principal: '*',
  Action: 's3:*',
  Resource: [bucketArn, `${bucketArn}/*`],
  Condition: { Bool: { 'aws:SecureTransport': 'false' } },
});

/** A bucket that passes every S3 rule. */
export function compliantBucket(stack: TerraformStack, id = 'Bucket'): S3Bucket {
  const bucket = new S3Bucket(stack, id, { bucket: `acme-${id.toLowerCase()}` });
  new S3BucketPublicAccessBlock(stack, `${id}Pab`, {
    bucket: bucket.id,
    blockPublicAcls: true,
    blockPublicPolicy: true,
    ignorePublicAcls: true,
    restrictPublicBuckets: true,
  });
  new S3BucketServerSideEncryptionConfigurationA(stack, `${id}Sse`, {
    bucket: bucket.id,
    rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' } }],
  });
  new S3BucketPolicy(stack, `${id}Policy`, { bucket: bucket.id, policy: policyJson({ Version: '2012-10-17', Statement: [TLS_ONLY(bucket.arn)] }) });
  return bucket;
}
