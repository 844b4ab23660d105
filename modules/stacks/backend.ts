import { CloudBackend, LocalBackend, NamedCloudWorkspace, S3Backend, type TerraformStack } from 'cdktf';
import type { BackendPlan } from '../../src/plan/plan';

/** One state per stack, as the config's backend says. */
export function addBackend(stack: TerraformStack, plan: BackendPlan): void {
  switch (plan.type) {
    case 'local':
      new LocalBackend(stack, { path: plan.path });
      return;
    case 's3': {
      new S3Backend(stack, {
        bucket: plan.bucket,
        key: plan.key,
        region: plan.region,
        encrypt: true,
        ...(plan.roleArn ? { assumeRole: { roleArn: plan.roleArn } } : {}),
      });
      // cdktf 0.21's S3BackendConfig has no lockfile option; Terraform >= 1.10 reads it.
      if (plan.useLockfile) stack.addOverride('terraform.backend.s3.use_lockfile', true);
      return;
    }
    case 'cloud':
      new CloudBackend(stack, {
        organization: plan.organization,
        hostname: plan.hostname,
        workspaces: new NamedCloudWorkspace(plan.workspace),
      });
      return;
  }
}
