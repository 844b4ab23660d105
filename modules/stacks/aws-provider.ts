import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import type { Construct } from 'constructs';
import type { ProviderPlan } from '../../src/plan/plan';

/**
 * The stack's AWS provider. `allowed_account_ids` makes Terraform refuse to
 * touch any other account, so wrong credentials fail before any change.
 */
export function addAwsProvider(scope: Construct, plan: ProviderPlan): AwsProvider {
  return new AwsProvider(scope, 'aws', {
    region: plan.region,
    allowedAccountIds: [plan.accountId],
    ...(plan.assumeRoleArn ? { assumeRole: [{ roleArn: plan.assumeRoleArn, sessionName: 'guardduty-cdktf' }] } : {}),
    ...(Object.keys(plan.defaultTags).length > 0 ? { defaultTags: [{ tags: { ...plan.defaultTags } }] } : {}),
  });
}
