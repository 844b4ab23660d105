/**
 * EventBridge patterns for GuardDuty findings. Every finding (and update)
 * reaches the default bus of its region as source `aws.guardduty`,
 * detail-type `GuardDuty Finding`; severity is a number, matched with a
 * `numeric` pattern, and types by prefix.
 */
export interface FindingSelector {
  /** Lowest severity that matches (1 matches everything). */
  readonly minSeverity: number;
  /** Finding type prefixes, e.g. `Recon:EC2/`. @default - every type */
  readonly typePrefixes?: readonly string[];
  /**
   * Also match Malware Protection for S3 scan results that found threats
   * (they carry no severity or type, so neither filter applies to them).
   * @default false
   */
  readonly malwareScanResults?: boolean;
}

/**
 * The scan result GuardDuty puts on the default bus of the protected
 * bucket's account and region: detail-type `GuardDuty Malware Protection
 * Object Scan Result`, `detail.scanResultDetails.scanResultStatus`
 * THREATS_FOUND for malware (GuardDuty user guide, "Monitoring S3 object
 * scans with Amazon EventBridge",
 * https://docs.aws.amazon.com/guardduty/latest/ug/monitor-with-eventbridge-s3-malware-protection.html).
 */
export const MALWARE_SCAN_RESULT_DETAIL_TYPE = 'GuardDuty Malware Protection Object Scan Result';

/** Scan results that found threats, and nothing else (clean, skipped and failed scans carry another status). */
export function scanResultEventPattern(): Record<string, unknown> {
  return { source: ['aws.guardduty'], ...threatsFound() };
}

function threatsFound() {
  return { 'detail-type': [MALWARE_SCAN_RESULT_DETAIL_TYPE], detail: { scanResultDetails: { scanResultStatus: ['THREATS_FOUND'] } } };
}

export function findingEventPattern(selector: FindingSelector): Record<string, unknown> {
  const detail: Record<string, unknown> = {};
  if (selector.minSeverity > 1) detail.severity = [{ numeric: ['>=', selector.minSeverity] }];
  if (selector.typePrefixes && selector.typePrefixes.length > 0) detail.type = selector.typePrefixes.map((prefix) => ({ prefix }));
  const findings = {
    'detail-type': ['GuardDuty Finding'],
    ...(Object.keys(detail).length > 0 ? { detail } : {}),
  };
  if (!selector.malwareScanResults) return { source: ['aws.guardduty'], ...findings };
  // One rule for both: `$or` of two patterns (EventBridge user guide, "Comparison operators for use in event patterns", Or matching with $or).
  return {
    source: ['aws.guardduty'],
    $or: [findings, threatsFound()],
  };
}
