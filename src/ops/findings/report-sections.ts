import { formatRegionError } from '../region-error';
import { formatResource } from './affected-resource';
import { describeQuery } from './finding-query';
import { MALICIOUS_OBJECT_TYPE } from './malicious-object';
import type { FindingsReport } from './findings-report';
import { formatPorts } from './port-probe';
import { BAND_NAMES, formatSeverity } from './severity';

/** One table of the findings report, shared by the text and Markdown renderings. */
export interface ReportSection {
  readonly title: string;
  readonly headers: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** Right-aligned (numeric) columns. */
  readonly numeric: readonly boolean[];
  /** Lines under the table. */
  readonly notes?: readonly string[];
  /** Remediation, one line per resource (probed ports). */
  readonly hints?: readonly string[];
}

export const TOP_TYPES = 15;

export function reportHeading(report: FindingsReport): string {
  const read = report.regions.filter((r) => r.status === 'read').length;
  return `Findings in account ${report.accountId}, ${read} of ${report.regions.length} regions read (${describeQuery(report.query)})`;
}

export function reportSections(report: FindingsReport): ReportSection[] {
  const { summary } = report;
  const counts = (c: { Low: number; Medium: number; High: number; Critical: number; total: number }) => [...BAND_NAMES.map((b) => String(c[b])), String(c.total)];
  // 33 rows of zeros would bury the regions that matter: those are named in one note.
  const quiet = summary.byRegion.filter((r) => r.total === 0).map((r) => r.region);
  const sections: ReportSection[] = [
    {
      title: 'By region and severity',
      headers: ['Region', ...BAND_NAMES, 'Total'],
      rows: [...summary.byRegion.filter((r) => r.total > 0).map((r) => [r.region, ...counts(r)]), ['All regions', ...counts(summary.total)]],
      numeric: [false, true, true, true, true, true],
      ...(quiet.length > 0 ? { notes: [`No findings in ${quiet.length === summary.byRegion.length ? 'any region read' : quiet.join(', ')}.`] } : {}),
    },
  ];
  if (summary.byType.length > 0) {
    const more = summary.byType.length - TOP_TYPES;
    sections.push({
      title: `By type${more > 0 ? ` (top ${TOP_TYPES} of ${summary.byType.length})` : ''}`,
      headers: ['Type', 'Findings', 'Max severity'],
      rows: summary.byType.slice(0, TOP_TYPES).map((t) => [t.type, String(t.findings), formatSeverity(t.maxSeverity)]),
      numeric: [false, true, false],
    });
  }
  if (summary.topResources.length > 0) {
    sections.push({
      title: 'Most affected resources',
      headers: ['Resource', 'Account', 'Region', 'Findings', 'Max severity', 'Types'],
      rows: summary.topResources.map((r) => [formatResource(r.resource), r.accountId, r.region, String(r.findings), formatSeverity(r.maxSeverity), r.types.join(', ')]),
      numeric: [false, false, false, true, false, false],
    });
  }
  if (report.maliciousObjects.length > 0) {
    const total = report.maliciousObjects.reduce((n, b) => n + b.findings, 0);
    sections.push({
      title: `Malicious S3 objects (${MALICIOUS_OBJECT_TYPE}): ${total} finding${total === 1 ? '' : 's'}`,
      headers: ['Bucket', 'Account', 'Region', 'Findings', 'Objects'],
      rows: report.maliciousObjects.map((b) => [b.bucket, b.accountId, b.region, String(b.findings), b.keys.join(', ') || '-']),
      numeric: [false, false, false, true, false],
    });
  }
  if (report.portProbes.length > 0) {
    sections.push({
      title: 'Probed ports (Recon:EC2/PortProbeUnprotectedPort)',
      headers: ['Region', 'Instance', 'Security groups', 'Ports', 'Probed by', 'Count'],
      rows: report.portProbes.map((p) => [
        p.region,
        p.probe.instanceId,
        p.probe.securityGroups.join(', ') || '-',
        formatPorts(p.probe),
        p.probe.probers.map((x) => (x.country ? `${x.ip} (${x.country})` : x.ip)).join(', ') || '-',
        String(p.count),
      ]),
      numeric: [false, false, false, false, false, true],
      hints: [...new Set(report.portProbes.map((p) => `${p.probe.instanceId}: ${p.hint}`))],
    });
  }
  return sections;
}

/** Unreadable and truncated regions, one line each. */
export function regionNotes(report: FindingsReport): string[] {
  return report.regions.flatMap((r) => {
    if (r.error) return [`${r.region}: could not read: ${formatRegionError(r.error)}`];
    if (r.truncated) return [`${r.region}: more findings matched than --max-findings; the least severe were left out`];
    return [];
  });
}

export function verdictLine(report: FindingsReport): string {
  const total = report.summary.total.total;
  const parts = [`${total} finding${total === 1 ? '' : 's'}`];
  if (report.threshold) {
    const t = report.threshold;
    parts.push(`${t.breaching} at or above ${t.severity.toFixed(1)} (${t.band}, --fail-on)`);
  }
  const exit = report.exitCode === 1 ? 'Exit 1: findings over the threshold.' : report.exitCode === 3 ? 'Exit 3: some regions could not be read.' : '';
  return `${parts.join('; ')}.${exit ? ` ${exit}` : ''}`;
}
