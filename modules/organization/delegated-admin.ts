import { GuarddutyOrganizationAdminAccount } from '@cdktf/provider-aws/lib/guardduty-organization-admin-account';
import { Construct } from 'constructs';

export interface DelegatedAdminProps {
  /** The security account that becomes GuardDuty administrator. */
  readonly adminAccountId: string;
  /** Every enabled region: delegation is regional. */
  readonly regions: readonly string[];
}

/**
 * Run in the Organizations management account: designates the GuardDuty
 * delegated administrator in every region, each through the provider-6
 * per-resource `region` argument so one provider serves them all.
 * Designating creates the admin's detector where it has none; the regional
 * stacks import it (README: organization mode).
 */
export class DelegatedAdmin extends Construct {
  public readonly delegations: readonly GuarddutyOrganizationAdminAccount[];

  constructor(scope: Construct, id: string, props: DelegatedAdminProps) {
    super(scope, id);
    this.delegations = props.regions.map(
      (region) => new GuarddutyOrganizationAdminAccount(this, region, { adminAccountId: props.adminAccountId, region }),
    );
  }
}
