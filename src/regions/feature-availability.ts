import type { DetectorFeatureName } from '../features/catalog';

/**
 * Regions where a detector feature is not offered. AWS: "some data sources
 * might not be available in all Regions"; enabling one there fails the
 * apply, so such features are skipped with a warning instead.
 * Source: Amazon GuardDuty User Guide, "Region-specific feature
 * availability" (guardduty_regions.html), read 2026-11.
 */
export const FEATURE_UNAVAILABLE_IN: Readonly<Partial<Record<DetectorFeatureName, readonly string[]>>> = {
  RDS_LOGIN_EVENTS: ['ap-east-2'],
};

export function isFeatureAvailable(feature: DetectorFeatureName, region: string): boolean {
  return !(FEATURE_UNAVAILABLE_IN[feature] ?? []).includes(region);
}
