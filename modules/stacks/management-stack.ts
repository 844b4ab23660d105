import type { Construct } from 'constructs';
import type { ManagementStackPlan } from '../../src/plan/plan';
import { DelegatedAdmin } from '../organization/delegated-admin';
import { TamperSender } from '../tamper-alerts/tamper-sender';
import { GuardDutyStack } from './guardduty-stack';

/** The Organizations management account (organization mode only): the delegation, and the tamper alerts of this account. */
export class ManagementStack extends GuardDutyStack {
  public readonly delegatedAdmin: DelegatedAdmin;

  constructor(scope: Construct, plan: ManagementStackPlan) {
    super(scope, plan);
    this.delegatedAdmin = new DelegatedAdmin(this, 'DelegatedAdmin', { adminAccountId: plan.adminAccountId, regions: plan.regions, firstRegion: plan.firstRegion });
    if (plan.tamper) new TamperSender(this, 'TamperAlerts', { accountId: plan.provider.accountId, plan: plan.tamper });
  }
}
