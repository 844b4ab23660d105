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
}

export function findingEventPattern(selector: FindingSelector): Record<string, unknown> {
  const detail: Record<string, unknown> = {};
  if (selector.minSeverity > 1) detail.severity = [{ numeric: ['>=', selector.minSeverity] }];
  if (selector.typePrefixes && selector.typePrefixes.length > 0) detail.type = selector.typePrefixes.map((prefix) => ({ prefix }));
  return {
    source: ['aws.guardduty'],
    'detail-type': ['GuardDuty Finding'],
    ...(Object.keys(detail).length > 0 ? { detail } : {}),
  };
}
