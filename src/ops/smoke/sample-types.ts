import { UsageError } from '../usage-error';

export interface SampleType {
  readonly type: string;
  /** GuardDuty's default severity for the type. */
  readonly severity: number;
}

/**
 * What `smoke` creates unless --types says otherwise. Both are High
 * (default severity 8: "Default severity: High" in the finding-type
 * reference), so they clear any export minimum up to 7, and both are DNS
 * findings on EC2, which none of the NLB preset's suppressions (port
 * probes, Tor and malicious-IP callers) archives: a suppressed sample never
 * reaches EventBridge and would fail the test for the wrong reason.
 */
export const DEFAULT_SAMPLE_TYPES: readonly SampleType[] = [
  { type: 'Backdoor:EC2/C&CActivity.B!DNS', severity: 8 },
  { type: 'CryptoCurrency:EC2/BitcoinTool.B!DNS', severity: 8 },
];

/** ThreatPurpose:ResourceTypeAffected/ThreatFamilyName..., at most 50 characters (the API's limit). */
const FINDING_TYPE = /^[A-Za-z]+:[A-Za-z0-9]+\/\S+$/;

export function chooseSampleTypes(requested: readonly string[] | undefined, minSeverity: number): string[] {
  if (requested && requested.length > 0) {
    const bad = requested.filter((t) => !FINDING_TYPE.test(t) || t.length > 50);
    if (bad.length > 0) throw new UsageError(`--types: ${bad.map((t) => JSON.stringify(t)).join(', ')} is not a finding type such as Backdoor:EC2/C&CActivity.B!DNS`);
    return [...new Set(requested)];
  }
  const types = DEFAULT_SAMPLE_TYPES.filter((s) => s.severity >= minSeverity).map((s) => s.type);
  if (types.length === 0) {
    throw new UsageError(`no default sample type reaches the export's minimum severity ${minSeverity}: name types at or above it with --types`);
  }
  return types;
}
