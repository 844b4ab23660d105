import { GuarddutyMember } from '@cdktf/provider-aws/lib/guardduty-member';
import { TerraformIterator } from 'cdktf';
import { Construct } from 'constructs';

export interface InvitedMembersProps {
  /** The admin's detector in this region. */
  readonly detectorId: string;
  readonly members: readonly { readonly accountId: string; readonly email: string }[];
  readonly invitationMessage: string;
  readonly disableEmailNotification: boolean;
}

/**
 * The admin's side of invitation mode in one region: a member per account,
 * invited, as one `for_each` block so a fleet of thousands of members
 * synthesizes as fast as one. The members' protection plans are set later,
 * by the member-features stack, once they have accepted.
 */
export class InvitedMembers extends Construct {
  public readonly members: GuarddutyMember;

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
  }
}
