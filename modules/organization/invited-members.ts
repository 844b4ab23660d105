import { GuarddutyMember } from '@cdktf/provider-aws/lib/guardduty-member';
import { GuarddutyMemberDetectorFeature } from '@cdktf/provider-aws/lib/guardduty-member-detector-feature';
import { TerraformIterator } from 'cdktf';
import { Construct } from 'constructs';
import type { ResolvedFeature } from '../../src/features/resolve';

export interface InvitedMembersProps {
  /** The admin's detector in this region. */
  readonly detectorId: string;
  readonly members: readonly { readonly accountId: string; readonly email: string }[];
  readonly invitationMessage: string;
  readonly disableEmailNotification: boolean;
  /** Set by the admin on every member detector. */
  readonly memberFeatures: readonly ResolvedFeature[];
}

/**
 * The admin's side of invitation mode in one region: a member per account
 * (invited) and the member detectors' features. Each is one `for_each`
 * block, so a fleet of thousands of members synthesizes as fast as one.
 */
export class InvitedMembers extends Construct {
  public readonly members: GuarddutyMember;
  public readonly memberFeatures: readonly GuarddutyMemberDetectorFeature[];

  constructor(scope: Construct, id: string, props: InvitedMembersProps) {
    super(scope, id);
    const sorted = [...props.members].sort((a, b) => a.accountId.localeCompare(b.accountId));
    const byAccount = TerraformIterator.fromMap(Object.fromEntries(sorted.map((m) => [m.accountId, m.email])));
    this.members = new GuarddutyMember(this, 'Member', {
      forEach: byAccount,
      detectorId: props.detectorId,
      accountId: byAccount.key,
      email: byAccount.value,
      invite: true,
      invitationMessage: props.invitationMessage,
      disableEmailNotification: props.disableEmailNotification,
    });
    const accounts = sorted.map((m) => m.accountId);
    this.memberFeatures = props.memberFeatures.map((feature) => {
      const account = TerraformIterator.fromList(accounts);
      return new GuarddutyMemberDetectorFeature(this, feature.name, {
        forEach: account,
        detectorId: props.detectorId,
        accountId: account.value,
        name: feature.name,
        status: feature.status,
        ...(feature.additionalConfiguration.length > 0
          ? { additionalConfiguration: feature.additionalConfiguration.map((c) => ({ name: c.name, status: c.status })) }
          : {}),
        dependsOn: [this.members],
      });
    });
  }
}
