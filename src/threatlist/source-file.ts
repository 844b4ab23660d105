import { compareText, DiagnosticSink, type ListDiagnostic } from './diagnostics';
import { entryText } from './entry-text';
import { parseListText } from './parse';

/** What `threatlists normalize --write` did to one source file. */
export interface NormalizedSource {
  /** The normalized text; equal to the input when nothing changed. */
  readonly text: string;
  readonly changed: boolean;
  readonly entries: number;
  /** Exact duplicates folded into one line. */
  readonly duplicatesRemoved: number;
  /** Syntax errors: a file with any is left as it is. */
  readonly diagnostics: readonly ListDiagnostic[];
}

interface SourceEntry {
  readonly start: number;
  readonly end: number;
  /** The entry in canonical spelling. */
  readonly text: string;
  /** What follows `#` on the entry's line, trimmed; '' if none. */
  readonly comment: string;
  /** Comment lines directly above the entry: they travel with it. */
  readonly leading: string[];
}

/**
 * Sorts and de-duplicates a list source file (the DESIGN contract for
 * `normalize --write`), keeping what reviewers wrote:
 * - each entry keeps its trailing `# expires=… owner=… ticket=…` comment;
 * - comment lines directly above an entry move with the entry;
 * - the file's opening comment block stays on top when a blank line
 *   separates it from the entries;
 * - entries are sorted by address, spelt canonically (`a.b.c.d`, `a.b.c.d/n`,
 *   ranges stay ranges), and an entry repeated with the same or no
 *   comment is kept once. Overlapping but different entries are all kept:
 *   each may carry its own expiry; the build merges them.
 * The result is idempotent. Files with syntax errors are not touched.
 */
export function normalizeSourceText(text: string, file: string): NormalizedSource {
  const sink = new DiagnosticSink();
  const parsed = parseListText(text, file, sink);
  const errors = sink.toArray().filter((d) => d.severity === 'error');
  if (errors.length > 0) return { text, changed: false, entries: parsed.count, duplicatesRemoved: 0, diagnostics: errors };

  const rawLines = text.replace(/^\uFEFF/, '').split('\n');
  if (rawLines[rawLines.length - 1] === '') rawLines.pop();
  const lines = rawLines.map((l) => l.replace(/\s+$/, ''));
  const entryAtLine = new Map<number, number>();
  for (let k = 0; k < parsed.count; k++) entryAtLine.set(parsed.lines[k] - 1, k);

  // The header: the opening lines up to the last blank line before the
  // first entry. Comments right above an entry (no blank line between)
  // belong to that entry, the first one included.
  let headerEnd = lines.length;
  if (parsed.count > 0) headerEnd = Math.max(0, lines.slice(0, parsed.lines[0] - 1).lastIndexOf(''));
  const header = trimBlankEdges(lines.slice(0, headerEnd));

  const entries: SourceEntry[] = [];
  let pending: string[] = [];
  for (let i = headerEnd; i < lines.length; i++) {
    const line = lines[i]!;
    const k = entryAtLine.get(i);
    if (k === undefined) {
      const trimmed = line.trim();
      if (trimmed === '') pending = [];
      else pending.push(trimmed);
      continue;
    }
    const hash = line.indexOf('#');
    entries.push({
      start: parsed.starts[k],
      end: parsed.ends[k],
      text: entryText(parsed.starts[k], parsed.ends[k], parsed.forms[k]),
      comment: hash >= 0 ? line.slice(hash + 1).trim() : '',
      leading: pending,
    });
    pending = [];
  }
  const footer = pending;

  entries.sort((a, b) => a.start - b.start || a.end - b.end || compareText(a.text, b.text) || compareText(a.comment, b.comment));
  const kept: SourceEntry[] = [];
  let duplicatesRemoved = 0;
  for (const entry of entries) {
    // Sorted, so an entry's duplicates sit at the end of `kept`.
    let twin = -1;
    for (let j = kept.length - 1; j >= 0 && kept[j]!.start === entry.start && kept[j]!.end === entry.end; j--) {
      const k = kept[j]!;
      if (k.text === entry.text && (k.comment === entry.comment || entry.comment === '' || k.comment === '')) twin = j;
    }
    if (twin < 0) {
      kept.push(entry);
      continue;
    }
    duplicatesRemoved++;
    const first = kept[twin]!;
    kept[twin] = {
      ...first,
      comment: first.comment || entry.comment,
      leading: [...first.leading, ...entry.leading.filter((l) => !first.leading.includes(l))],
    };
  }

  const out: string[] = [...header];
  if (header.length > 0 && kept.length > 0) out.push('');
  for (const entry of kept) {
    out.push(...entry.leading);
    out.push(entry.comment ? `${entry.text}  # ${entry.comment}` : entry.text);
  }
  if (footer.length > 0) {
    if (out.length > 0) out.push('');
    out.push(...footer);
  }
  const normalized = out.length > 0 ? `${out.join('\n')}\n` : '';
  return { text: normalized, changed: normalized !== text, entries: kept.length, duplicatesRemoved, diagnostics: [] };
}

function trimBlankEdges(lines: string[]): string[] {
  let from = 0;
  let to = lines.length;
  while (from < to && lines[from] === '') from++;
  while (to > from && lines[to - 1] === '') to--;
  return lines.slice(from, to);
}
