import { DETECTOR_FEATURES, type DetectorFeatureName } from './catalog';
import { type FeatureSettings, type ResolvedFeature, resolveDetectorFeatures, type SkippedFeature } from './resolve';

/** One `memberOverrides` entry as this module reads it. */
export interface MemberOverride {
  readonly accounts: readonly string[];
  readonly features: FeatureSettings;
}

/** One member account's plans in one region. */
export interface MemberFeatures {
  readonly accountId: string;
  readonly features: readonly ResolvedFeature[];
}

/** The plans one account's overrides name, merged (validation refuses two overrides of the same account and plan). */
export function accountOverride(overrides: readonly MemberOverride[], accountId: string): FeatureSettings {
  const merged: Record<string, unknown> = {};
  for (const o of overrides.filter((o) => o.accounts.includes(accountId))) {
    for (const name of DETECTOR_FEATURES) if (o.features[name] !== undefined) merged[name] = o.features[name];
  }
  return merged as FeatureSettings;
}

export interface ResolvedMemberFeatures {
  /** Every managed plan of the member: the override where one is set, the detector's otherwise. */
  readonly all: MemberFeatures;
  /** Only the plans the overrides name (organization mode leaves the rest to auto-enable). */
  readonly overridden: MemberFeatures;
  /** Overridden plans the region does not offer. */
  readonly skipped: readonly SkippedFeature[];
}

/**
 * One member's plans in one region: the detector's settings with the
 * account's overrides laid over them, resolved exactly like the detector's
 * (defaults, agent management following its feature, plans the region
 * does not offer skipped).
 */
export function resolveMemberFeatures(detector: FeatureSettings, overrides: readonly MemberOverride[], accountId: string, region: string): ResolvedMemberFeatures {
  const override = accountOverride(overrides, accountId);
  const named = new Set(DETECTOR_FEATURES.filter((n) => override[n] !== undefined));
  const { features, skipped } = resolveDetectorFeatures({ ...detector, ...override }, region);
  const isNamed = (f: { name: DetectorFeatureName }) => named.has(f.name);
  return {
    all: { accountId, features },
    overridden: { accountId, features: features.filter(isNamed) },
    skipped: skipped.filter(isNamed),
  };
}
