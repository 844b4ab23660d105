import { type AffectedResource, formatResource } from './affected-resource';
import type { FindingRecord } from './finding-record';
import { type SeverityBand, severityBand } from './severity';

export type BandCounts = Readonly<Record<SeverityBand, number>> & { readonly total: number };

export interface RegionBandCounts extends BandCounts {
  readonly region: string;
}

export interface TypeCount {
  readonly type: string;
  readonly findings: number;
  readonly maxSeverity: number;
}

export interface ResourceCount {
  readonly resource: AffectedResource;
  readonly accountId: string;
  readonly region: string;
  readonly findings: number;
  readonly maxSeverity: number;
  readonly types: readonly string[];
}

export interface FindingsSummary {
  readonly total: BandCounts;
  /** Every region that was read, findings or not, in the order given. */
  readonly byRegion: readonly RegionBandCounts[];
  /** Most findings first, then most severe. */
  readonly byType: readonly TypeCount[];
  /** The resources with the most findings (ties: most severe first). */
  readonly topResources: readonly ResourceCount[];
}

function bandCounts(records: readonly FindingRecord[]): BandCounts {
  const counts = { Low: 0, Medium: 0, High: 0, Critical: 0, total: records.length };
  for (const r of records) counts[severityBand(r.severity)]++;
  return counts;
}

export function summariseFindings(records: readonly FindingRecord[], regions: readonly string[], topResources = 10): FindingsSummary {
  const byType = new Map<string, { findings: number; maxSeverity: number }>();
  const byResource = new Map<string, { resource: AffectedResource; accountId: string; region: string; findings: number; maxSeverity: number; types: Set<string> }>();
  for (const r of records) {
    const t = byType.get(r.type) ?? { findings: 0, maxSeverity: 0 };
    byType.set(r.type, { findings: t.findings + 1, maxSeverity: Math.max(t.maxSeverity, r.severity) });
    const key = `${r.accountId}|${r.region}|${formatResource(r.resource)}`;
    const res = byResource.get(key) ?? { resource: r.resource, accountId: r.accountId, region: r.region, findings: 0, maxSeverity: 0, types: new Set<string>() };
    res.findings++;
    res.maxSeverity = Math.max(res.maxSeverity, r.severity);
    res.types.add(r.type);
    byResource.set(key, res);
  }
  const busiest = <T extends { findings: number; maxSeverity: number }>(a: T, b: T) => b.findings - a.findings || b.maxSeverity - a.maxSeverity;
  return {
    total: bandCounts(records),
    byRegion: regions.map((region) => ({ region, ...bandCounts(records.filter((r) => r.region === region)) })),
    byType: [...byType].map(([type, t]) => ({ type, ...t })).sort((a, b) => busiest(a, b) || a.type.localeCompare(b.type)),
    topResources: [...byResource.values()]
      .filter((r) => r.resource.id !== '-')
      .sort((a, b) => busiest(a, b) || formatResource(a.resource).localeCompare(formatResource(b.resource)))
      .slice(0, topResources)
      .map((r) => ({ ...r, types: [...r.types].sort() })),
  };
}
