import type { Construct } from 'constructs';
import type { MemberStackPlan } from '../../src/plan/plan';
import { MemberAccount } from '../organization/member-account';
import { TamperSender } from '../tamper-alerts/tamper-sender';
import { GuardDutyStack } from './guardduty-stack';

/** One invited member account (invitation mode): its detectors, and the tamper alerts of this account. */
export class MemberStack extends GuardDutyStack {
  public readonly member: MemberAccount;

  constructor(scope: Construct, plan: MemberStackPlan) {
    super(scope, plan);
    this.member = new MemberAccount(this, 'Member', {
      adminAccountId: plan.adminAccountId,
      regions: plan.regions,
      preventDestroy: plan.preventDestroy,
      existingDetectors: plan.existingDetectors,
    });
    if (plan.tamper) new TamperSender(this, 'TamperAlerts', { accountId: plan.accountId, plan: plan.tamper });
  }
}
