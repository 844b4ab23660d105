import { formatMarkdownTable } from '../format/markdown-table';
import type { FindingsReport } from './findings-report';
import { regionNotes, reportHeading, reportSections, verdictLine } from './report-sections';

/** `--format markdown`: the same tables for a ticket, a PR comment or a CI job summary. */
export function formatFindingsMarkdown(report: FindingsReport): string {
  const out = [`## GuardDuty findings`, '', reportHeading(report), ''];
  for (const s of reportSections(report)) {
    out.push(`### ${s.title}`, '', formatMarkdownTable(s.headers, s.rows, s.numeric), '');
    if (s.notes) out.push(...s.notes, '');
    if (s.hints) out.push(...s.hints.map((h) => `- ${h}`), '');
  }
  const notes = regionNotes(report);
  if (notes.length > 0) out.push(...notes.map((n) => `- ${n}`), '');
  out.push(`**${verdictLine(report)}**`);
  return out.join('\n') + '\n';
}
