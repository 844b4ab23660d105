import type { FindingPublishingFrequency } from '../../features/catalog';
import type { MemberFeatures } from '../../features/member-overrides';
import type { AutoEnable, ResolvedFeature } from '../../features/resolve';
import type { EstatePlan } from '../../plan/plan';
import type { ListKind } from '../../threatlist/validate';


export interface ExpectedDetector {
  readonly findingPublishingFrequency: FindingPublishingFrequency;
  /** Every managed feature with its explicit status; features unavailable in the region are absent. */
  readonly features: readonly ResolvedFeature[];
}

/** The trusted IPSet or one ThreatIntelSet, as synth registers it. */
export interface ExpectedIpSet {
  readonly kind: ListKind;
  /** GuardDuty name: `ipListSetName(prefix, list)`. */
  readonly name: string;
  /** Content-hashed object: `s3://<listBucketName>/<listObjectKey>` (any accepted location form). */
  readonly location: string;
}

export interface ExpectedPublishingDestination {
  /** Bucket ARN, optionally with a key prefix: `arn:aws:s3:::bucket/prefix`. */
  readonly destinationArn: string;
  /**
   * Compared when known. Synth looks the findings key up by alias (its ARN
   * holds a UUID), so the plan does not know it and only the bucket is checked.
   */
  readonly kmsKeyArn?: string;
}

/** A bucket of the admin account under Malware Protection for S3 in this region. */
export interface ExpectedProtectedBucket {
  readonly bucketName: string;
  readonly roleArn: string;
  /** ENABLED or DISABLED. */
  readonly tagging: 'ENABLED' | 'DISABLED';
}

export interface ExpectedOrganizationFeature {
  readonly name: string;
  readonly autoEnable: AutoEnable;
  readonly additionalConfiguration: readonly { readonly name: string; readonly autoEnable: AutoEnable }[];
}

export type ExpectedMembers =
  | {
      readonly mode: 'organization';
      /** `AutoEnableOrganizationMembers`; with ALL every member must be Enabled. */
      readonly autoEnable: AutoEnable;
      /** Organization configuration per feature, when the plan decides it. */
      readonly features?: readonly ExpectedOrganizationFeature[];
    }
  | { readonly mode: 'invitation'; readonly accounts: readonly { readonly accountId: string }[] };

/**
 * What `guardduty-ops verify` expects of one region of the admin account.
 * The detector is always checked; every other part is checked only when
 * present, so a capability the config does not manage is not reported as
 * drift. `publishingDestination: 'none'` means the config exports nowhere
 * and a live destination is drift.
 */
export interface RegionExpectations {
  readonly region: string;
  readonly detector: ExpectedDetector;
  /** The complete set: a live set that is not listed is drift. */
  readonly ipSets?: readonly ExpectedIpSet[];
  readonly publishingDestination?: ExpectedPublishingDestination | 'none';
  readonly members?: ExpectedMembers;
  /**
   * The member plans synth sets from the admin account: invitation mode
   * every member's plans, organization mode only the overridden plans of
   * the accounts in `memberOverrides` (the rest follow auto-enable).
   */
  readonly memberFeatures?: readonly MemberFeatures[];
  /** Names of every filter (suppression rule) the config creates: `filterName(prefix, suppression)`. */
  readonly filters?: readonly string[];
  /** The admin account's protected buckets here: each needs an ACTIVE plan. */
  readonly malwareProtection?: readonly ExpectedProtectedBucket[];
}

/**
 * The expectations of every regional stack of a plan, in plan order: the
 * detector and features, the IP list sets at their content-hashed
 * locations (when the config has lists), the publishing destination, the
 * members of either mode, and the suppression filters.
 */
export function expectationsFromPlan(plan: EstatePlan): RegionExpectations[] {
  const listsManaged = plan.home.threatLists !== undefined;
  return plan.regional.map((stack) => ({
    region: stack.region,
    detector: {
      findingPublishingFrequency: stack.detector.findingPublishingFrequency,
      features: stack.detector.features,
    },
    ...(listsManaged ? { ipSets: stack.ipListSets.map(({ kind, name, location }) => ({ kind, name, location })) } : {}),
    publishingDestination: stack.findings.publishingDestination ? { destinationArn: stack.findings.publishingDestination.bucketArn } : 'none',
    ...(stack.organization
      ? { members: { mode: 'organization' as const, autoEnable: stack.organization.autoEnable, features: stack.organization.features } }
      : stack.invitation
        ? { members: { mode: 'invitation' as const, accounts: stack.invitation.members.map(({ accountId }) => ({ accountId })) } }
        : {}),
    ...memberFeaturesOf(stack),
    filters: stack.findings.filters.map((f) => f.filterName),
    ...(stack.protectedBuckets
      ? { malwareProtection: stack.protectedBuckets.map((b) => ({ bucketName: b.bucketName, roleArn: b.role.arn, tagging: b.tagObjects ? ('ENABLED' as const) : ('DISABLED' as const) })) }
      : {}),
  }));
}

function memberFeaturesOf(stack: EstatePlan['regional'][number]): { memberFeatures?: readonly MemberFeatures[] } {
  const memberFeatures = stack.organization?.memberFeatures ?? stack.invitation?.memberFeatures ?? [];
  return memberFeatures.length > 0 ? { memberFeatures } : {};
}
