import { GuarddutyDetector } from '@cdktf/provider-aws/lib/guardduty-detector';
import { GuarddutyInviteAccepter } from '@cdktf/provider-aws/lib/guardduty-invite-accepter';
import { TerraformIterator } from 'cdktf';
import { Construct } from 'constructs';
import { ImportBlock } from '../terraform/import-block';
import { resourceAddress } from '../terraform/address';

export interface MemberAccountProps {
  /** The GuardDuty administrator that sent the invitations. */
  readonly adminAccountId: string;
  /** Regions where this account is a member. */
  readonly regions: readonly string[];
  /**
   * Adds `prevent_destroy` to the member detectors.
   * @default true
   */
  readonly preventDestroy?: boolean;
  /**
   * Detectors the account already has, region -> id: imported, since a
   * second detector in a region fails with "detector already exists".
   * @default - every detector is created
   */
  readonly existingDetectors?: Readonly<Record<string, string>>;
}

/**
 * Run in an invited member account: its detector in each region and the
 * acceptance of the admin's invitation there. One provider serves every
 * region through the provider-6 per-resource `region` argument. The
 * detector has no finding_publishing_frequency and no features: the
 * administrator sets both for its members.
 */
export class MemberAccount extends Construct {
  public readonly detectors: GuarddutyDetector;
  public readonly accepters: GuarddutyInviteAccepter;

  constructor(scope: Construct, id: string, props: MemberAccountProps) {
    super(scope, id);
    const region = TerraformIterator.fromList([...props.regions]);
    this.detectors = new GuarddutyDetector(this, 'Detector', {
      forEach: region,
      region: region.value,
      enable: true,
      lifecycle: { preventDestroy: props.preventDestroy ?? true },
    });
    for (const [existingRegion, detectorId] of Object.entries(props.existingDetectors ?? {})) {
      const address = `${resourceAddress(this.detectors)}[${JSON.stringify(existingRegion)}]`;
      // Every instance sets `region`, so every import id names it (<id>@<region>):
      // the one in the provider's own region needs no suffix, but it is correct with one.
      new ImportBlock(this, `Import-${existingRegion}`, address, detectorId, existingRegion);
    }
    const detector = TerraformIterator.fromResources(this.detectors);
    this.accepters = new GuarddutyInviteAccepter(this, 'InviteAccepter', {
      forEach: detector,
      region: detector.key,
      detectorId: detector.getString('id'),
      masterAccountId: props.adminAccountId,
    });
  }
}
