import { TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import type { ManagementStackPlan } from '../../src/stacks/plan';
import { DelegatedAdmin } from '../organization/delegated-admin';
import { addAwsProvider } from './aws-provider';
import { addBackend } from './backend';

/** The Organizations management account (organization mode only). */
export class ManagementStack extends TerraformStack {
  public readonly delegatedAdmin: DelegatedAdmin;

  constructor(scope: Construct, plan: ManagementStackPlan) {
    super(scope, plan.name);
    addAwsProvider(this, plan.provider);
    addBackend(this, plan.backend);
    this.delegatedAdmin = new DelegatedAdmin(this, 'DelegatedAdmin', { adminAccountId: plan.adminAccountId, regions: plan.regions });
  }
}
