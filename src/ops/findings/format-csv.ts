import { formatCsv } from '../format/csv';
import type { FindingsReport } from './findings-report';
import { formatPorts } from './port-probe';

export const CSV_HEADERS = ['region', 'accountId', 'severity', 'band', 'type', 'resourceType', 'resourceId', 'title', 'count', 'updatedAt', 'archived', 'sample', 'probedPorts', 'id'] as const;

/** `--format csv`: one row per finding, for a spreadsheet or a SIEM import. */
export function formatFindingsCsv(report: FindingsReport): string {
  return formatCsv(
    CSV_HEADERS,
    report.findings.map((f) => [
      f.region,
      f.accountId,
      f.severity,
      f.band,
      f.type,
      f.resource.type,
      f.resource.id,
      f.title,
      f.count,
      f.updatedAt,
      String(f.archived),
      String(f.sample),
      f.portProbe ? formatPorts(f.portProbe) : '',
      f.id,
    ]),
  );
}
