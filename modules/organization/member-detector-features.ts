import { DataAwsGuarddutyDetector } from '@cdktf/provider-aws/lib/data-aws-guardduty-detector';
import { GuarddutyMemberDetectorFeature } from '@cdktf/provider-aws/lib/guardduty-member-detector-feature';
import { type ITerraformDependable, TerraformIterator } from 'cdktf';
import { Construct } from 'constructs';
import type { MemberFeatures } from '../../src/features/member-overrides';
import type { FeatureStatus } from '../../src/features/resolve';

export interface MemberDetectorFeaturesProps {
  /** Per region: each member there and the plans it gets. */
  readonly regions: readonly { readonly region: string; readonly members: readonly MemberFeatures[] }[];
  /** The admin's detector, when this stack owns it (one region); otherwise it is looked up per region. */
  readonly detectorId?: string;
  /** What the member plans wait for: the organization configuration and its features. */
  readonly dependsOn?: ITerraformDependable[];
}

/**
 * Sets protection plans on member detectors from the admin account, one
 * resource per region and plan, `for_each` over the account ids (keys stay
 * the account ids, so a member's state address does not move when its
 * plans change). Each account's status, and its agent management statuses,
 * are the values of the map. One provider serves every region
 * (per-resource `region`).
 */
export class MemberDetectorFeatures extends Construct {
  constructor(scope: Construct, id: string, props: MemberDetectorFeaturesProps) {
    super(scope, id);
    for (const { region, members } of props.regions) {
      // Invitation mode lives in its own stack: the admin's detector id is only known after create.
      const detectorId = props.detectorId ?? new DataAwsGuarddutyDetector(this, `${region}-detector`, { region }).id;
      for (const name of [...new Set(members.flatMap((m) => m.features.map((f) => f.name)))]) {
        const byAccount: Record<string, Record<string, FeatureStatus>> = {};
        let additionalNames: readonly string[] = [];
        for (const member of [...members].sort((a, b) => a.accountId.localeCompare(b.accountId))) {
          const feature = member.features.find((f) => f.name === name);
          if (!feature) continue;
          additionalNames = feature.additionalConfiguration.map((c) => c.name);
          byAccount[member.accountId] = { status: feature.status, ...Object.fromEntries(feature.additionalConfiguration.map((c) => [c.name, c.status])) };
        }
        const account = TerraformIterator.fromMap(byAccount);
        new GuarddutyMemberDetectorFeature(this, `${region}-${name}`, {
          forEach: account,
          region,
          detectorId,
          accountId: account.key,
          name,
          status: account.getString('status'),
          ...(additionalNames.length > 0 ? { additionalConfiguration: additionalNames.map((c) => ({ name: c, status: account.getString(c) })) } : {}),
          ...(props.dependsOn ? { dependsOn: props.dependsOn } : {}),
        });
      }
    }
  }
}
