import { formatAnnotations } from './annotations';
import { cidrsOf } from './cidr-cover';
import type { DiagnosticSink } from './diagnostics';
import { entryText } from './entry-text';
import { formatAddress } from './ipv4';
import type { ParsedListFile } from './parse';
import { specialRangesTouching } from './special-ranges';

export type ListKind = 'trusted' | 'threat';

/** Names in GuardDuty's terms, for messages. */
export const LIST_KIND_TITLE: Record<ListKind, string> = { trusted: 'trusted IPSet', threat: 'ThreatIntelSet' };

/** What an entry past its `expires=` date is: an error (synth fails) or a warning (the entry is dropped). */
export const EXPIRED_ENTRY_RULES = ['error', 'warn'] as const;
export type ExpiredEntryRule = (typeof EXPIRED_ENTRY_RULES)[number];

export interface ListPolicy {
  readonly kind: ListKind;
  /** Trusted entries wider than this prefix length are errors. */
  readonly widestTrustedPrefix: number;
  readonly expiredEntries: ExpiredEntryRule;
  /** Today as `YYYY-MM-DD` (UTC); an entry expires after its `expires=` day. */
  readonly today: string;
}

/**
 * Applies the list policy to one parsed file: expired entries (error or
 * warning, and left out of the list either way), trusted entries wider
 * than the policy allows (errors), and addresses GuardDuty ignores
 * (warnings; they are subtracted when the list is aggregated).
 */
export function applyListPolicy(parsed: ParsedListFile, policy: ListPolicy, sink: DiagnosticSink): void {
  removeExpired(parsed, policy, sink);
  if (policy.kind === 'trusted') checkTrustedWidth(parsed, policy.widestTrustedPrefix, sink);
  reportIgnoredAddresses(parsed, sink);
}

/** Trusted entries wider than the policy's prefix length are errors (unless GuardDuty ignores all of the entry anyway). */
export function checkTrustedWidth(parsed: ParsedListFile, widestTrustedPrefix: number, sink: DiagnosticSink): void {
  const { starts, ends, lines, forms, file } = parsed;
  const widest = 2 ** (32 - widestTrustedPrefix);
  for (let k = 0; k < parsed.count; k++) {
    const size = ends[k] - starts[k] + 1;
    if (size <= widest) continue;
    let ignored = 0;
    for (const special of specialRangesTouching(starts[k], ends[k])) ignored += Math.min(ends[k], special.end) - Math.max(starts[k], special.start) + 1;
    if (ignored === size) continue;
    sink.error(
      'trusted-too-wide',
      file,
      lines[k],
      `${entryText(starts[k], ends[k], forms[k])} is wider than /${widestTrustedPrefix} (policy.widestTrustedPrefix): ` +
        `it would trust ${size.toLocaleString('en-US')} addresses, and GuardDuty raises no threat-list finding for a trusted address; ` +
        'list narrower ranges, or raise the policy deliberately',
    );
  }
}

/**
 * A warning at each entry that holds private, loopback, link-local,
 * multicast or reserved addresses. The build calls it only when the merged
 * list touches such a block at all, which spares a pass over a feed of a
 * million public addresses.
 */
export function reportIgnoredAddresses(parsed: ParsedListFile, sink: DiagnosticSink): void {
  const { starts, ends, lines, forms, file } = parsed;
  for (let k = 0; k < parsed.count; k++) {
    const start = starts[k];
    const end = ends[k];
    for (const special of specialRangesTouching(start, end)) {
      const from = Math.max(start, special.start);
      const to = Math.min(end, special.end);
      const form = forms[k];
      sink.warning(special.code, file, lines[k], () => {
        const entry = entryText(start, end, form);
        const what = `${special.category} (${special.purpose}, ${special.cidr})`;
        return from === start && to === end
          ? `${entry} is ${what}: GuardDuty ignores it, so it is left out of the uploaded list`
          : `${entry} includes ${partText(from, to)}, ${what}: GuardDuty ignores those addresses, so they are left out of the uploaded list`;
      });
    }
  }
}

/** Expired entries: an error or a warning per policy, and out of the arrays either way. */
export function removeExpired(parsed: ParsedListFile, policy: Pick<ListPolicy, 'today' | 'expiredEntries'>, sink: DiagnosticSink): void {
  const expired = new Set<number>();
  for (const entry of parsed.annotated) {
    const { expires } = entry.annotations;
    if (expires === undefined || expires >= policy.today) continue;
    expired.add(entry.index);
    const text = entryText(parsed.starts[entry.index], parsed.ends[entry.index], parsed.forms[entry.index]);
    const rest = formatAnnotations({ ...entry.annotations, expires: undefined });
    sink.add(
      policy.expiredEntries === 'error' ? 'error' : 'warning',
      'expired',
      parsed.file,
      entry.line,
      `${text} expired on ${expires}${rest ? ` (${rest})` : ''}: ` +
        (policy.expiredEntries === 'error'
          ? 'remove the entry or extend its expires= date (policy.expiredEntries: error)'
          : 'it is left out of the uploaded list; remove it or extend its expires= date'),
    );
  }
  if (expired.size === 0) return;

  // Compact the arrays in place, keeping annotation indexes in step.
  const newIndex = new Int32Array(parsed.count);
  let out = 0;
  for (let k = 0; k < parsed.count; k++) {
    if (expired.has(k)) {
      newIndex[k] = -1;
      continue;
    }
    newIndex[k] = out;
    parsed.starts[out] = parsed.starts[k];
    parsed.ends[out] = parsed.ends[k];
    parsed.lines[out] = parsed.lines[k];
    parsed.forms[out] = parsed.forms[k];
    out++;
  }
  parsed.count = out;
  parsed.annotated = parsed.annotated.filter((a) => newIndex[a.index] >= 0);
  for (const a of parsed.annotated) a.index = newIndex[a.index];
}

/** The part of an entry inside a special block, as CIDRs when that is short. */
function partText(from: number, to: number): string {
  const cidrs = cidrsOf(from, to);
  return cidrs.length <= 3 ? cidrs.join(', ') : `${formatAddress(from)}-${formatAddress(to)}`;
}
