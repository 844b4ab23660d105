import type { Construct } from 'constructs';
import type { MemberFeaturesStackPlan } from '../../src/plan/plan';
import { MemberDetectorFeatures } from '../organization/member-detector-features';
import { GuardDutyStack } from './guardduty-stack';

/** Invitation mode: the members' protection plans, after every member stack has accepted. */
export class MemberFeaturesStack extends GuardDutyStack {
  constructor(scope: Construct, plan: MemberFeaturesStackPlan) {
    super(scope, plan);
    new MemberDetectorFeatures(this, 'MemberFeatures', { regions: plan.regions });
  }
}
