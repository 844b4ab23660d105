import { formatTable } from '../format/text-table';
import type { FindingsReport } from './findings-report';
import { regionNotes, reportHeading, reportSections, verdictLine } from './report-sections';

/** `--format table` (the default): the summary tables for a terminal or a CI log. */
export function formatFindingsText(report: FindingsReport): string {
  const out = [reportHeading(report), ''];
  for (const s of reportSections(report)) {
    out.push(s.title, formatTable(s.headers, s.rows, s.numeric.map((n) => (n ? 'right' : 'left'))));
    if (s.notes) out.push('', ...s.notes);
    if (s.hints) out.push('', ...s.hints.map((h) => `  → ${h}`));
    out.push('');
  }
  const notes = regionNotes(report);
  if (notes.length > 0) out.push(...notes, '');
  out.push(verdictLine(report));
  return out.join('\n') + '\n';
}
