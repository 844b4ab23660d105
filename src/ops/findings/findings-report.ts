import { type ExitCode, exitCodeOf } from '../exit-code';
import type { RegionOutcome } from '../fan-out';
import type { RegionError } from '../region-error';
import type { FindingQuery } from './finding-query';
import type { FindingRecord } from './finding-record';
import type { RegionFindings } from './findings-estate';
import { type PortProbe, portProbeHint } from './port-probe';
import { type SeverityBand, severityBand } from './severity';
import { type FindingsSummary, summariseFindings } from './summarise';

export interface FindingsRegionReport {
  readonly region: string;
  readonly status: 'read' | 'unreadable';
  readonly detectorId?: string;
  readonly findings: number;
  readonly truncated: boolean;
  readonly error?: RegionError;
}

export interface PortProbeReport {
  readonly region: string;
  readonly accountId: string;
  readonly findingId: string;
  readonly severity: number;
  readonly count: number;
  readonly probe: PortProbe;
  readonly hint: string;
}

/**
 * `--fail-on <severity>`: exit 1 when at least one finding matching the
 * query is at or above that severity.
 */
export interface Threshold {
  readonly severity: number;
  readonly band: SeverityBand;
  /** Findings at or above the threshold. */
  readonly breaching: number;
}

/** Object:S3/MaliciousFile findings of one bucket (Malware Protection for S3). */
export interface MaliciousObjectsReport {
  readonly bucket: string;
  readonly accountId: string;
  readonly region: string;
  readonly findings: number;
  /** Keys the findings name, sorted. */
  readonly keys: readonly string[];
}

export interface FindingsReport {
  readonly command: 'findings';
  readonly accountId: string;
  readonly query: FindingQuery;
  readonly threshold?: Threshold;
  readonly exitCode: ExitCode;
  readonly summary: FindingsSummary;
  readonly portProbes: readonly PortProbeReport[];
  /** Malicious objects found by Malware Protection for S3, by bucket (most findings first). */
  readonly maliciousObjects: readonly MaliciousObjectsReport[];
  readonly regions: readonly FindingsRegionReport[];
  /** Most severe first. */
  readonly findings: readonly FindingRecord[];
}

export function buildFindingsReport(args: {
  readonly accountId: string;
  readonly query: FindingQuery;
  readonly failOn?: number;
  readonly outcomes: readonly RegionOutcome<RegionFindings>[];
  readonly topResources?: number;
}): FindingsReport {
  const regions = args.outcomes.map((o): FindingsRegionReport =>
    o.ok
      ? { region: o.region, status: 'read', detectorId: o.value.detectorId, findings: o.value.records.length, truncated: o.value.truncated }
      : { region: o.region, status: 'unreadable', findings: 0, truncated: false, error: o.error },
  );
  const findings = args.outcomes
    .flatMap((o) => (o.ok ? o.value.records : []))
    .sort((a, b) => b.severity - a.severity || a.region.localeCompare(b.region) || a.type.localeCompare(b.type));
  const threshold =
    args.failOn !== undefined
      ? { severity: args.failOn, band: severityBand(args.failOn), breaching: findings.filter((f) => f.severity >= args.failOn!).length }
      : undefined;
  const portProbes = findings.flatMap((f): PortProbeReport[] =>
    f.portProbe
      ? [{ region: f.region, accountId: f.accountId, findingId: f.id, severity: f.severity, count: f.count, probe: f.portProbe, hint: portProbeHint(f.portProbe) }]
      : [],
  );
  const byBucket = new Map<string, { bucket: string; accountId: string; region: string; findings: number; keys: Set<string> }>();
  for (const f of findings) {
    if (!f.maliciousObject) continue;
    const id = `${f.accountId}|${f.region}|${f.maliciousObject.bucket}`;
    const entry = byBucket.get(id) ?? { bucket: f.maliciousObject.bucket, accountId: f.accountId, region: f.region, findings: 0, keys: new Set<string>() };
    entry.findings++;
    if (f.maliciousObject.key) entry.keys.add(f.maliciousObject.key);
    byBucket.set(id, entry);
  }
  const maliciousObjects = [...byBucket.values()]
    .map((b) => ({ ...b, keys: [...b.keys].sort() }))
    .sort((a, b) => b.findings - a.findings || a.bucket.localeCompare(b.bucket));
  const readRegions = regions.filter((r) => r.status === 'read').map((r) => r.region);
  return {
    command: 'findings',
    accountId: args.accountId,
    query: args.query,
    ...(threshold ? { threshold } : {}),
    exitCode: exitCodeOf({ problem: (threshold?.breaching ?? 0) > 0, incomplete: regions.some((r) => r.status === 'unreadable') }),
    summary: summariseFindings(findings, readRegions, args.topResources),
    portProbes,
    maliciousObjects,
    regions,
    findings,
  };
}
