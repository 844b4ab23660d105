import type { AddressChange, ListChange, ThreatListsDiff } from './diff';
import { percentOf } from './quotas';
import { LIST_KIND_TITLE } from './validate';

/** First line of the report: the workflow finds its earlier comment by it and edits it. */
export const DIFF_REPORT_MARKER = '<!-- threatlists-diff -->';

/** The pull-request comment: a summary table, then a section per changed list. */
export function renderDiffMarkdown(diff: ThreatListsDiff): string {
  const out: string[] = [DIFF_REPORT_MARKER, `## IP list changes against \`${diff.baseRef}\``, ''];
  if (diff.lists.length === 0) {
    out.push('No IP lists are configured (`threatLists` in the config).', '');
    return out.join('\n');
  }
  out.push('| List | Set | Status | Entries | Addresses | Quota use |', '| --- | --- | --- | ---: | ---: | ---: |');
  for (const l of diff.lists) {
    out.push(
      `| \`${l.name}\` | ${LIST_KIND_TITLE[l.kind]} (${l.format}) | ${l.status} | ${l.format === 'TXT' ? change(l.base?.entries, l.head?.entries) : '—'} | ` +
        `${l.format === 'TXT' ? change(l.base?.addresses, l.head?.addresses) : '—'} | ${quotaCell(l)} |`,
    );
  }
  out.push('');

  for (const l of diff.lists) {
    const notes = sectionLines(l, diff.expiringWithinDays);
    if (l.status === 'unchanged' && notes.length === 0) continue;
    out.push(`### \`${l.name}\` — ${LIST_KIND_TITLE[l.kind]}`, '');
    if (l.format !== 'TXT' && l.status !== 'unchanged') {
      out.push(`- ${l.format} file ${l.status}: ${bytes(l.base?.bytes)} → ${bytes(l.head?.bytes)}, sha256 \`${(l.head?.sha256 ?? '').slice(0, 16)}\``);
    }
    out.push(...notes, '');
  }

  const validation =
    diff.errors + diff.warnings === 0
      ? 'Validation: no errors, no warnings.'
      : `Validation: ${plural(diff.errors, 'error')}, ${plural(diff.warnings, 'warning')} — see \`threatlists validate\` (annotated on the files in this PR).`;
  out.push(validation, '');
  return out.join('\n');
}

function sectionLines(l: ListChange, withinDays: number): string[] {
  const lines: string[] = [];
  if (l.format === 'TXT') {
    if (l.added.addresses > 0) lines.push(`- **Added** ${addressList(l.added)}`);
    if (l.removed.addresses > 0) lines.push(`- **Removed** ${addressList(l.removed)}`);
    if (l.widestNew.length > 0) lines.push(`- **Widest new ranges:** ${l.widestNew.map(code).join(', ')}`);
    if (l.newOverlaps.addresses > 0) {
      lines.push(`- **New overlap with the trusted list** (GuardDuty ignores these threat entries, trusted wins): ${addressList(l.newOverlaps)}`);
    }
  }
  if (l.expiringSoon.length > 0) {
    lines.push(`- **Expiring within ${withinDays} days:**`, '', '  | Entry | Expires | In | Owner | Ticket | Where |', '  | --- | --- | ---: | --- | --- | --- |');
    for (const e of l.expiringSoon) {
      lines.push(`  | ${code(e.entry)} | ${e.expires} | ${e.days === 0 ? 'today' : `${e.days} d`} | ${e.owner ?? ''} | ${e.ticket ?? ''} | ${e.file}:${e.line} |`);
    }
  }
  return lines;
}

function addressList(c: AddressChange): string {
  const head = `${plural(c.addresses, 'address', 'addresses')} in ${plural(c.cidrs, 'CIDR')}: `;
  const more = c.cidrs > c.listed.length ? `, and ${(c.cidrs - c.listed.length).toLocaleString('en-US')} more` : '';
  return head + c.listed.map(code).join(', ') + more;
}

function change(before: number | undefined, after: number | undefined): string {
  const a = after ?? 0;
  if (before === undefined) return `${n(a)} (new)`;
  const delta = a - before;
  return delta === 0 ? n(a) : `${n(before)} → ${n(a)} (${delta > 0 ? '+' : '−'}${n(Math.abs(delta))})`;
}

function quotaCell(l: ListChange): string {
  if (l.status === 'removed') return '—';
  const size = `${bytes(l.quota.bytes)} of 35 MB`;
  return l.format === 'TXT' ? `${n(l.quota.entries)} / ${n(l.quota.entryLimit)} (${percentOf(l.quota.entries, l.quota.entryLimit)}); ${size}` : size;
}

function bytes(value: number | undefined): string {
  if (value === undefined) return '—';
  if (value < 10_000) return `${n(value)} B`;
  if (value < 10_000_000) return `${(value / 1000).toFixed(0)} kB`;
  return `${(value / 1_000_000).toFixed(1)} MB`;
}

function code(text: string): string {
  return `\`${text}\``;
}

function n(value: number): string {
  return value.toLocaleString('en-US');
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${n(count)} ${count === 1 ? one : many}`;
}
