import type { Construct } from 'constructs';
import type { ManagementStackPlan } from '../../src/plan/plan';
import { DelegatedAdmin } from '../organization/delegated-admin';
import { GuardDutyStack } from './guardduty-stack';

/** The Organizations management account (organization mode only). */
export class ManagementStack extends GuardDutyStack {
  public readonly delegatedAdmin: DelegatedAdmin;

  constructor(scope: Construct, plan: ManagementStackPlan) {
    super(scope, plan);
    this.delegatedAdmin = new DelegatedAdmin(this, 'DelegatedAdmin', { adminAccountId: plan.adminAccountId, regions: plan.regions, firstRegion: plan.firstRegion });
  }
}
