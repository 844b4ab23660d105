import type { ListKind } from './validate';

/**
 * GuardDuty's limits on IP lists (GUARDDUTY-FACTS, IP lists): one trusted
 * IPSet and up to six ThreatIntelSets per detector; a trusted list of at
 * most 2,000 entries, a threat list of at most 250,000; a file of at most
 * 35 MB. They apply to what is uploaded, so they are checked on the
 * canonical output, after duplicates and overlaps are merged.
 */
export const LIST_QUOTAS = {
  trustedEntries: 2_000,
  threatEntries: 250_000,
  /** AWS says "35 MB" without saying which MB: the decimal reading is the stricter one. */
  fileBytes: 35_000_000,
  threatIntelSetsPerDetector: 6,
} as const;

export function entryQuota(kind: ListKind): number {
  return kind === 'trusted' ? LIST_QUOTAS.trustedEntries : LIST_QUOTAS.threatEntries;
}

/** `12.5%`, for quota use in reports. */
export function percentOf(used: number, limit: number): string {
  const pct = (used / limit) * 100;
  if (pct > 0 && pct < 0.1) return '<0.1%';
  return `${pct < 10 && pct > 0 ? pct.toFixed(1) : Math.round(pct)}%`;
}
