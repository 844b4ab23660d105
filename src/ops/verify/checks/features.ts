import type { ResolvedFeature } from '../../../features/resolve';
import { compare, type CheckResult } from '../check-result';

export interface LiveFeature {
  readonly name: string;
  readonly status?: string;
  readonly additionalConfiguration: readonly { readonly name: string; readonly status?: string }[];
}

/**
 * Each managed feature and additional configuration against GetDetector's
 * `Features`. Features the project does not manage (AI_PROTECTION,
 * AI_ANALYST, the legacy CLOUD_TRAIL/DNS_LOGS/FLOW_LOGS data sources,
 * EKS_RUNTIME_MONITORING) are not expected and so never drift.
 */
export function checkFeatures(expected: readonly ResolvedFeature[], live: readonly LiveFeature[]): CheckResult[] {
  return expected.flatMap((feature) => {
    const liveFeature = live.find((f) => f.name === feature.name);
    return [
      compare('feature', feature.name, feature.status, liveFeature?.status),
      ...feature.additionalConfiguration.map((config) =>
        compare(
          'feature',
          `${feature.name}.${config.name}`,
          config.status,
          liveFeature?.additionalConfiguration.find((c) => c.name === config.name)?.status,
        ),
      ),
    ];
  });
}
