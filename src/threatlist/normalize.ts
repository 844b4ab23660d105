import { type CanonicalBody, renderCanonicalBody } from './canonical';
import { DiagnosticSink, type ListDiagnostic } from './diagnostics';
import { parseListText } from './parse';
import { RangeSet } from './range-set';
import { SPECIAL_SET } from './special-ranges';
import { applyListPolicy, type ListPolicy } from './validate';

/** Every diagnostic of one list file on its own: syntax, annotations and policy (no list-level checks). */
export function checkListText(text: string, file: string, policy: ListPolicy): ListDiagnostic[] {
  return normalizeListText(text, file, policy).diagnostics;
}

export interface NormalizedList {
  /** Addresses GuardDuty receives: the entries, merged, without special-purpose addresses. */
  readonly set: RangeSet;
  readonly body: CanonicalBody;
  readonly diagnostics: ListDiagnostic[];
  /** Diagnostics per severity and code, including those past the per-code cap. */
  readonly totals: ReturnType<DiagnosticSink['totals']>;
}

/** Parse, validate and normalize one list text into the canonical body (what one single-file list uploads). */
export function normalizeListText(text: string, file: string, policy: ListPolicy): NormalizedList {
  const sink = new DiagnosticSink();
  const parsed = parseListText(text, file, sink);
  applyListPolicy(parsed, policy, sink);
  const set = RangeSet.fromRanges(parsed.starts, parsed.ends, parsed.count).subtract(SPECIAL_SET);
  return { set, body: renderCanonicalBody(set), diagnostics: sink.toArray(), totals: sink.totals() };
}
