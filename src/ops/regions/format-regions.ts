import { formatTable } from '../format/text-table';
import type { RegionsReport } from './regions-report';

export function formatRegionsText(report: RegionsReport): string {
  const withConfig = report.regions.some((r) => r.inConfig !== undefined);
  const headers = ['Region', 'Location', 'Status', 'GuardDuty', ...(withConfig ? ['In config'] : [])];
  const rows = report.regions.map((r) => [
    r.name,
    r.location ?? '',
    r.optStatus,
    r.guardDuty === 'yes' ? 'yes' : r.guardDuty === 'no' ? 'NOT AVAILABLE' : 'unknown',
    ...(withConfig ? [r.inConfig ? 'yes' : 'no'] : []),
  ]);
  const out = [
    `Account ${report.accountId} (${report.partition}): ${report.regions.length} enabled regions`,
    '',
    formatTable(headers, rows),
    '',
    `Paste into ${report.configFile ?? 'guardduty.yaml'}:`,
    '',
    report.configBlock,
  ];
  if (report.differences.length > 0) {
    out.push(`The config differs from the account:`, ...report.differences.map((d) => `  - ${d}`), '', 'Exit 1.');
  }
  return out.join('\n').replace(/\n*$/, '\n');
}
