import type { Construct } from 'constructs';
import type { RegionalStackPlan } from '../../src/plan/plan';
import { GuardDutyDetector } from '../detector/guardduty-detector';
import { DeliveryFailures } from '../findings-export/delivery-failures';
import { PublishingDestination } from '../findings-export/publishing-destination';
import { RegionalForwarder } from '../findings-export/regional-forwarder';
import { VpcFlowLogs } from '../flow-logs/vpc-flow-logs';
import { InvitedMembers } from '../organization/invited-members';
import { MemberDetectorFeatures } from '../organization/member-detector-features';
import { SuppressionFilters } from '../suppression/suppression-filters';
import { TamperForwarder } from '../tamper-alerts/tamper-forwarder';
import { IpListSets } from '../threat-lists/ip-list-sets';
import { OrganizationConfiguration } from '../organization/organization-configuration';
import { ProtectedBucket } from '../malware-protection/protected-bucket';
import { GuardDutyStack } from './guardduty-stack';

/**
 * One enabled region of the admin account: its detector and everything hung
 * on it (organization configuration, invited members, findings forwarding,
 * publishing destination, suppression filters, flow logs).
 */
export class RegionalStack extends GuardDutyStack {
  public readonly detector: GuardDutyDetector;

  constructor(scope: Construct, plan: RegionalStackPlan) {
    super(scope, plan);
    this.detector = new GuardDutyDetector(this, 'Detector', {
      findingPublishingFrequency: plan.detector.findingPublishingFrequency,
      features: plan.detector.features,
      preventDestroy: plan.detector.preventDestroy,
      ...(plan.detector.importId ? { importId: plan.detector.importId } : {}),
    });
    const detectorId = this.detector.detector.id;
    if (plan.organization) {
      const organization = new OrganizationConfiguration(this, 'Organization', { detectorId, autoEnable: plan.organization.autoEnable, features: plan.organization.features });
      if (plan.organization.memberFeatures.length > 0) {
        // After the organization configuration: a member update while auto-enable settles answers
        // "unprocessed accounts" (terraform-provider-aws PR 35625, "Eventual consistency").
        new MemberDetectorFeatures(this, 'MemberOverrides', {
          regions: [{ region: plan.region, members: plan.organization.memberFeatures }],
          detectorId,
          dependsOn: [organization.configuration, ...organization.features],
        });
      }
    }
    if (plan.invitation) {
      new InvitedMembers(this, 'Members', {
        detectorId,
        members: plan.invitation.members,
        invitationMessage: plan.invitation.message,
        disableEmailNotification: plan.invitation.disableEmailNotification,
      });
    }
    const findings = plan.findings;
    const failures = new DeliveryFailures(this, 'DeliveryFailures', { accountId: plan.provider.accountId, plan: findings.delivery });
    new RegionalForwarder(this, 'FindingsForwarder', { ...findings.forwarder, delivery: failures.targetDelivery });
    if (findings.tamper) new TamperForwarder(this, 'TamperForwarder', { ...findings.tamper, delivery: failures.targetDelivery });
    if (findings.publishingDestination) new PublishingDestination(this, 'PublishingDestination', { detectorId, ...findings.publishingDestination });
    if (findings.filters.length > 0) new SuppressionFilters(this, 'Suppressions', { detectorId, filters: findings.filters });
    if (findings.flowLogs) new VpcFlowLogs(this, 'FlowLogs', findings.flowLogs);
    if (plan.ipListSets.length > 0) new IpListSets(this, 'IpLists', { detectorId, sets: plan.ipListSets });
    for (const bucket of plan.protectedBuckets ?? []) new ProtectedBucket(this, `MalwareProtection-${bucket.bucketName}`, { bucket });
  }
}
