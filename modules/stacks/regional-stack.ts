import { TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import type { RegionalStackPlan } from '../../src/stacks/plan';
import { GuardDutyDetector } from '../detector/guardduty-detector';
import { InvitedMembers } from '../organization/invited-members';
import { OrganizationConfiguration } from '../organization/organization-configuration';
import { addAwsProvider } from './aws-provider';
import { addBackend } from './backend';

/** One enabled region of the admin account: its detector and everything hung on it (organization configuration, invited members). */
export class RegionalStack extends TerraformStack {
  public readonly detector: GuardDutyDetector;

  constructor(scope: Construct, plan: RegionalStackPlan) {
    super(scope, plan.name);
    addAwsProvider(this, plan.provider);
    addBackend(this, plan.backend);
    this.detector = new GuardDutyDetector(this, 'Detector', {
      findingPublishingFrequency: plan.detector.findingPublishingFrequency,
      features: plan.detector.features,
      preventDestroy: plan.detector.preventDestroy,
      ...(plan.detector.importId ? { importId: plan.detector.importId } : {}),
    });
    const detectorId = this.detector.detector.id;
    if (plan.organization) {
      new OrganizationConfiguration(this, 'Organization', { detectorId, autoEnable: plan.organization.autoEnable, features: plan.organization.features });
    }
    if (plan.invitation) {
      new InvitedMembers(this, 'Members', {
        detectorId,
        members: plan.invitation.members,
        invitationMessage: plan.invitation.message,
        disableEmailNotification: plan.invitation.disableEmailNotification,
        memberFeatures: plan.invitation.memberFeatures,
      });
    }
  }
}
