import { DiagnosticSink, type ListDiagnostic } from './diagnostics';
import type { FeedConfig } from './lists-config';
import { normalizeListText } from './normalize';
import { parseListText } from './parse';

/** Where `threatlists fetch` writes feeds; the example config's threat glob reads it. */
export const FEED_DIRECTORY = 'threatlists/threat';

/**
 * TXT feeds become `threatlists/threat/<name>.txt`. Other formats are kept
 * byte for byte under their format's name (`<name>.stix`, …), so a `*.txt`
 * glob never reads a STIX file as TXT; their provenance goes beside them.
 */
export function feedFile(feed: Pick<FeedConfig, 'name' | 'format'>): string {
  return `${FEED_DIRECTORY}/${feed.name}.${feed.format === 'TXT' ? 'txt' : feed.format.toLowerCase()}`;
}

/** Sidecar holding the provenance of a non-TXT feed (a `#` header would corrupt it). */
export function provenanceFile(feed: Pick<FeedConfig, 'name' | 'format'>): string {
  return `${feedFile(feed)}.provenance`;
}

export interface Provenance {
  readonly feed: string;
  readonly url: string;
  readonly licence: string;
  readonly fetchedAt: string;
  readonly sourceSha256: string;
  readonly sourceBytes: number;
}

export interface TextFeed {
  /** Canonical entry lines: sorted, merged, special-purpose addresses dropped. */
  readonly body: string;
  readonly entries: number;
  readonly addresses: number;
  /** Lines of the download. */
  readonly sourceLines: number;
  /** Lines that were not IPv4 entries (IPv6, junk), counted by diagnostic code. */
  readonly skipped: Readonly<Record<string, number>>;
  /** Entries GuardDuty ignores (private, reserved, …), dropped. */
  readonly specialEntries: number;
  /** The first problems, for the user to look at. */
  readonly samples: readonly ListDiagnostic[];
}

/**
 * Reads a downloaded TXT feed leniently: feeds comment with `#` or `;`
 * (Spamhaus DROP: `1.10.16.0/20 ; SBL256894`) and may carry text after the
 * address; the first word of each line is the entry. What is not an IPv4
 * entry is skipped and counted; the result is the canonical list, sorted
 * and merged, so each refresh is a small, reviewable diff.
 */
export function convertTextFeed(download: string, name: string): TextFeed {
  const firstWords = download
    .split('\n')
    .map((line) => {
      const cut = line.search(/[#;]/);
      return (cut >= 0 ? line.slice(0, cut) : line).trim().split(/\s+/)[0] ?? '';
    })
    .join('\n');
  // Feeds carry no annotations, so the policy's expiry and trusted-width rules never apply.
  const { set, body, diagnostics, totals } = normalizeListText(firstWords, name, { kind: 'threat', widestTrustedPrefix: 0, expiredEntries: 'warn', today: '' });
  const skipped: Record<string, number> = {};
  let specialEntries = 0;
  for (const t of totals) {
    if (t.severity === 'error') skipped[t.code] = t.count;
    else specialEntries += t.count;
  }
  return {
    body: body.text,
    entries: body.entries,
    addresses: set.addresses,
    sourceLines: download.split('\n').length - (download.endsWith('\n') ? 1 : 0),
    skipped,
    specialEntries,
    samples: diagnostics.slice(0, 5),
  };
}

/** The file `fetch` writes for a TXT feed: provenance header, then the entries. */
export function renderTextFeedFile(provenance: Provenance, feed: TextFeed): string {
  const skipped = Object.entries(feed.skipped)
    .map(([code, count]) => `${count} ${code}`)
    .join(', ');
  return [
    `# Feed "${provenance.feed}", written by \`threatlists fetch\`: refresh it with that command rather than by hand.`,
    ...provenanceLines(provenance),
    `# entries: ${feed.entries} (from ${feed.sourceLines} source lines${skipped ? `; skipped: ${skipped}` : ''}${feed.specialEntries ? `; ${feed.specialEntries} private or reserved dropped` : ''})`,
    '',
    feed.body,
  ].join('\n');
}

/** The sidecar of a non-TXT feed. */
export function renderProvenanceFile(provenance: Provenance): string {
  return `${[`# Provenance of feed "${provenance.feed}" (the file beside this one), written by \`threatlists fetch\`.`, ...provenanceLines(provenance)].join('\n')}\n`;
}

function provenanceLines(p: Provenance): string[] {
  return [`# url: ${p.url}`, `# licence: ${p.licence}`, `# fetched-at: ${p.fetchedAt}`, `# source-sha256: ${p.sourceSha256}`, `# source-bytes: ${p.sourceBytes}`];
}

/** `# key: value` lines of a header written by `fetch`. */
export function readProvenance(text: string): Partial<Record<'url' | 'licence' | 'fetched-at' | 'source-sha256' | 'source-bytes', string>> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n', 12)) {
    const m = /^# (url|licence|fetched-at|source-sha256|source-bytes): (.*)$/.exec(line);
    if (m) out[m[1]!] = m[2]!;
  }
  return out;
}

/** Entries in a list file (any comments and headers ignored). */
export function countEntries(text: string): number {
  return parseListText(text, '', new DiagnosticSink()).count;
}

export interface DownloadCheck {
  /** What was downloaded: entries (TXT) or bytes (other formats). */
  readonly size: number;
  /** The same measure of the file it would replace; 0 when there is none. */
  readonly previous: number;
  readonly unit: 'entries' | 'bytes';
  /** TXT only. */
  readonly maxEntries?: number;
  /** Accept a download less than half the size of the current file. */
  readonly allowShrink: boolean;
}

/**
 * Why a download must not replace the current file, or undefined. An empty
 * feed or one that suddenly halves is far more often a failed or truncated
 * download (an error page, a rate limit) than a real change, and replacing
 * a good list with it would silently switch detection off.
 */
export function refuseDownload(check: DownloadCheck): string | undefined {
  const { size, previous, unit } = check;
  const count = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? unit.replace(/ies$/, 'y').replace(/s$/, '') : unit}`;
  if (size === 0) return `the download has no ${unit}; keeping the current file`;
  if (check.maxEntries !== undefined && size > check.maxEntries) {
    return `the download has ${count(size)}, over the feed's maxEntries of ${check.maxEntries.toLocaleString('en-US')}`;
  }
  if (!check.allowShrink && previous > 0 && size * 2 < previous) {
    return (
      `the download has ${count(size)}, fewer than half of the ${previous.toLocaleString('en-US')} in the current file ` +
      '(truncated or failed download?); keeping the current file. Pass --allow-shrink if the feed really shrank'
    );
  }
  return undefined;
}
