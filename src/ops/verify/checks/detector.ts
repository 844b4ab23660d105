import { compare, type CheckResult, result } from '../check-result';
import type { ExpectedDetector } from '../expectations';
import { checkFeatures, type LiveFeature } from './features';

export interface LiveDetector {
  readonly detectorId: string;
  readonly status?: string;
  readonly findingPublishingFrequency?: string;
  readonly features: readonly LiveFeature[];
}

/** Detector present and ENABLED, its publishing frequency, then every feature. */
export function checkDetector(expected: ExpectedDetector, live: LiveDetector | undefined): CheckResult[] {
  if (!live) return [result('detector', 'detector', 'ENABLED', '(none)', 'drift')];
  return [
    compare('detector', live.detectorId, 'ENABLED', live.status),
    compare('publishing-frequency', 'findingPublishingFrequency', expected.findingPublishingFrequency, live.findingPublishingFrequency),
    ...checkFeatures(expected.features, live.features),
  ];
}
