import { DataAwsGuarddutyDetector } from '@cdktf/provider-aws/lib/data-aws-guardduty-detector';
import { GuarddutyMemberDetectorFeature } from '@cdktf/provider-aws/lib/guardduty-member-detector-feature';
import { TerraformIterator } from 'cdktf';
import { Construct } from 'constructs';
import type { ResolvedFeature } from '../../src/features/resolve';

export interface MemberDetectorFeaturesProps {
  /** Per region: the members there and the plans they get (the admin's own). */
  readonly regions: readonly { readonly region: string; readonly accountIds: readonly string[]; readonly features: readonly ResolvedFeature[] }[];
}

/**
 * Invitation mode, admin account: sets every protection plan on the
 * detectors of the members that accepted. One provider serves every
 * region (per-resource `region`); the admin's detector of each region is
 * looked up, since its id is only known after create.
 */
export class MemberDetectorFeatures extends Construct {
  constructor(scope: Construct, id: string, props: MemberDetectorFeaturesProps) {
    super(scope, id);
    for (const { region, accountIds, features } of props.regions) {
      const admin = new DataAwsGuarddutyDetector(this, `${region}-detector`, { region });
      for (const feature of features) {
        const account = TerraformIterator.fromList([...accountIds].sort());
        new GuarddutyMemberDetectorFeature(this, `${region}-${feature.name}`, {
          forEach: account,
          region,
          detectorId: admin.id,
          accountId: account.value,
          name: feature.name,
          status: feature.status,
          ...(feature.additionalConfiguration.length > 0
            ? { additionalConfiguration: feature.additionalConfiguration.map((c) => ({ name: c.name, status: c.status })) }
            : {}),
        });
      }
    }
  }
}
