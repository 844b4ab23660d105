import { GuarddutyOrganizationAdminAccount } from '@cdktf/provider-aws/lib/guardduty-organization-admin-account';
import { Construct } from 'constructs';

export interface DelegatedAdminProps {
  /** The security account that becomes GuardDuty administrator. */
  readonly adminAccountId: string;
  /** Every enabled region: delegation is regional. */
  readonly regions: readonly string[];
  /** One of `regions`, designated before all the others. */
  readonly firstRegion: string;
}

/**
 * Run in the Organizations management account: designates the GuardDuty
 * delegated administrator in every region, each through the provider-6
 * per-resource `region` argument so one provider serves them all.
 * Designating creates the admin's detector where it has none; the regional
 * stacks import it (docs/deploying.md: AWS Organizations).
 *
 * The first region is designated alone and every other one `depends_on` it:
 * designating in every region at once failed in all but one region, and the
 * rest went through once one had finished (aws-secure-environment-accelerator
 * issue 778).
 */
export class DelegatedAdmin extends Construct {
  public readonly delegations: readonly GuarddutyOrganizationAdminAccount[];

  constructor(scope: Construct, id: string, props: DelegatedAdminProps) {
    super(scope, id);
    if (!props.regions.includes(props.firstRegion)) throw new Error(`DelegatedAdmin: firstRegion ${props.firstRegion} is not one of the regions`);
    const first = new GuarddutyOrganizationAdminAccount(this, props.firstRegion, { adminAccountId: props.adminAccountId, region: props.firstRegion });
    this.delegations = props.regions.map((region) =>
      region === props.firstRegion ? first : new GuarddutyOrganizationAdminAccount(this, region, { adminAccountId: props.adminAccountId, region, dependsOn: [first] }),
    );
  }
}
