import { TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import type { MemberStackPlan } from '../../src/stacks/plan';
import { MemberAccount } from '../organization/member-account';
import { addAwsProvider } from './aws-provider';
import { addBackend } from './backend';

/** One invited member account (invitation mode). */
export class MemberStack extends TerraformStack {
  public readonly member: MemberAccount;

  constructor(scope: Construct, plan: MemberStackPlan) {
    super(scope, plan.name);
    addAwsProvider(this, plan.provider);
    addBackend(this, plan.backend);
    this.member = new MemberAccount(this, 'Member', {
      adminAccountId: plan.adminAccountId,
      regions: plan.regions,
      preventDestroy: plan.preventDestroy,
      existingDetectors: plan.existingDetectors,
    });
  }
}
