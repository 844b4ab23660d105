import { GuarddutyOrganizationConfiguration } from '@cdktf/provider-aws/lib/guardduty-organization-configuration';
import { GuarddutyOrganizationConfigurationFeature } from '@cdktf/provider-aws/lib/guardduty-organization-configuration-feature';
import { Construct } from 'constructs';
import type { AutoEnable, OrganizationFeature } from '../../src/features/resolve';

export interface OrganizationConfigurationProps {
  /** The admin's detector in this region. */
  readonly detectorId: string;
  /** auto_enable_organization_members. */
  readonly autoEnable: AutoEnable;
  /** One entry per feature, mirroring the admin detector. */
  readonly features: readonly OrganizationFeature[];
}

/**
 * The admin's organization configuration in one region. Each feature
 * depends on the configuration: created before it, GuardDuty answers
 * BadRequestException (public modules paper over this with sleeps).
 */
export class OrganizationConfiguration extends Construct {
  public readonly configuration: GuarddutyOrganizationConfiguration;
  public readonly features: readonly GuarddutyOrganizationConfigurationFeature[];

  constructor(scope: Construct, id: string, props: OrganizationConfigurationProps) {
    super(scope, id);
    this.configuration = new GuarddutyOrganizationConfiguration(this, 'Resource', {
      detectorId: props.detectorId,
      autoEnableOrganizationMembers: props.autoEnable,
    });
    this.features = props.features.map(
      (f) =>
        new GuarddutyOrganizationConfigurationFeature(this, f.name, {
          detectorId: props.detectorId,
          name: f.name,
          autoEnable: f.autoEnable,
          ...(f.additionalConfiguration.length > 0
            ? { additionalConfiguration: f.additionalConfiguration.map((c) => ({ name: c.name, autoEnable: c.autoEnable })) }
            : {}),
          dependsOn: [this.configuration],
        }),
    );
  }
}
