import type { Construct } from 'constructs';
import type { MemberStackPlan } from '../../src/plan/plan';
import { MemberAccount } from '../organization/member-account';
import { GuardDutyStack } from './guardduty-stack';

/** One invited member account (invitation mode). */
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
  }
}
