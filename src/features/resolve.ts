import { isFeatureAvailable } from '../regions/feature-availability';
import { DETECTOR_FEATURES, type DetectorFeatureName, FEATURE_DEFAULT_ENABLED, RUNTIME_MONITORING_ADDITIONAL, type RuntimeMonitoringAdditionalName } from './catalog';

/** The features a config asks for (what this module reads of `detector.features`): left out means the default. */
export type FeatureSettings = {
  readonly [N in DetectorFeatureName]?: { readonly enabled?: boolean | undefined } & (N extends 'RUNTIME_MONITORING'
    ? { readonly additionalConfiguration?: { readonly [A in RuntimeMonitoringAdditionalName]?: boolean | undefined } | undefined }
    : unknown);
};

export type FeatureStatus = 'ENABLED' | 'DISABLED';

export interface ResolvedAdditionalConfiguration {
  readonly name: string;
  readonly status: FeatureStatus;
}

export interface ResolvedFeature {
  readonly name: DetectorFeatureName;
  readonly status: FeatureStatus;
  readonly additionalConfiguration: readonly ResolvedAdditionalConfiguration[];
}

export interface SkippedFeature {
  readonly name: DetectorFeatureName;
  /** Whether the config wanted it on: only then is the skip worth a warning. */
  readonly wanted: boolean;
  readonly reason: string;
}

/** The features one region's detector gets: every managed feature with an explicit status. */
export interface RegionFeatures {
  readonly features: readonly ResolvedFeature[];
  readonly skipped: readonly SkippedFeature[];
}

const status = (enabled: boolean): FeatureStatus => (enabled ? 'ENABLED' : 'DISABLED');

/**
 * Resolves the configured features for one region: defaults for features
 * left out, additional configurations that follow their feature unless set,
 * and features GuardDuty does not offer in the region skipped (enabling
 * them there fails the apply).
 */
export function resolveDetectorFeatures(config: FeatureSettings, region: string): RegionFeatures {
  const features: ResolvedFeature[] = [];
  const skipped: SkippedFeature[] = [];
  for (const name of DETECTOR_FEATURES) {
    const enabled = config[name]?.enabled ?? FEATURE_DEFAULT_ENABLED[name];
    if (!isFeatureAvailable(name, region)) {
      skipped.push({ name, wanted: enabled, reason: `${name} is not available in ${region}` });
      continue;
    }
    const additionalConfiguration =
      name === 'RUNTIME_MONITORING'
        ? RUNTIME_MONITORING_ADDITIONAL.map((n) => ({
            name: n,
            status: status(enabled && (config.RUNTIME_MONITORING?.additionalConfiguration?.[n] ?? true)),
          }))
        : [];
    features.push({ name, status: status(enabled), additionalConfiguration });
  }
  return { features, skipped };
}

/** Which organization members get GuardDuty (or a feature) automatically: every account, those that join from now on, none. */
export const AUTO_ENABLE_MEMBERS = ['ALL', 'NEW', 'NONE'] as const;
export type AutoEnable = (typeof AUTO_ENABLE_MEMBERS)[number];

export interface OrganizationFeature {
  readonly name: DetectorFeatureName;
  readonly autoEnable: AutoEnable;
  readonly additionalConfiguration: readonly { readonly name: string; readonly autoEnable: AutoEnable }[];
}

/**
 * The organization configuration mirrors the admin detector: a feature (or
 * agent management) that is on for the admin is auto-enabled for members
 * as `organization.autoEnable` says; one that is off is auto-enabled for
 * nobody.
 */
export function organizationFeatures(features: readonly ResolvedFeature[], autoEnable: AutoEnable): OrganizationFeature[] {
  const follow = (s: FeatureStatus): AutoEnable => (s === 'ENABLED' ? autoEnable : 'NONE');
  return features.map((f) => ({
    name: f.name,
    autoEnable: follow(f.status),
    additionalConfiguration: f.additionalConfiguration.map((c) => ({ name: c.name, autoEnable: follow(c.status) })),
  }));
}
