import { daysBetween, utcDay } from './annotations';
import type { BuiltList, DetailedThreatListBuild } from './build';
import { compareText, countBySeverity } from './diagnostics';
import { formatCidr } from './ipv4';
import { entryQuota, LIST_QUOTAS } from './quotas';
import { RangeSet } from './range-set';
import type { ListKind } from './validate';

export interface ListSnapshot {
  readonly entries: number;
  readonly addresses: number;
  readonly bytes: number;
  readonly sha256: string;
}

export interface ExpiringEntry {
  readonly file: string;
  readonly line: number;
  readonly entry: string;
  readonly expires: string;
  /** Days from today; 0 = last day today. */
  readonly days: number;
  readonly owner?: string;
  readonly ticket?: string;
}

/** A set of addresses as the report shows it: counts plus the first CIDRs. */
export interface AddressChange {
  readonly addresses: number;
  /** CIDRs in the minimal cover. */
  readonly cidrs: number;
  /** The first `listLimit` of them. */
  readonly listed: readonly string[];
}

export interface ListChange {
  readonly name: string;
  readonly kind: ListKind;
  readonly format: BuiltList['format'];
  readonly status: 'added' | 'removed' | 'changed' | 'unchanged';
  readonly base?: ListSnapshot;
  readonly head?: ListSnapshot;
  /** TXT lists: addresses in head and not in base. */
  readonly added: AddressChange;
  readonly removed: AddressChange;
  /** The widest CIDRs among the added addresses, widest first. */
  readonly widestNew: readonly string[];
  /** ThreatIntelSets: addresses newly shadowed by the trusted list (trusted wins in GuardDuty). */
  readonly newOverlaps: AddressChange;
  readonly expiringSoon: readonly ExpiringEntry[];
  readonly quota: { readonly entries: number; readonly entryLimit: number; readonly bytes: number; readonly byteLimit: number };
}

export interface ThreatListsDiff {
  readonly baseRef: string;
  readonly expiringWithinDays: number;
  readonly lists: readonly ListChange[];
  readonly errors: number;
  readonly warnings: number;
}

export interface DiffOptions {
  /** Label of the base revision, e.g. `origin/main`. */
  readonly baseRef: string;
  readonly now: Date;
  /** @default 30 */
  readonly expiringWithinDays?: number;
  /** CIDRs listed per section before the report says "and N more". @default 50 */
  readonly listLimit?: number;
}

/**
 * What a pull request changes in the lists: per list, addresses added and
 * removed (as address sets, so re-ordering or re-merging a file is no
 * change), quota use, overlaps with the trusted list that are new, entries
 * expiring soon and the widest new ranges. Lists are matched by name.
 */
export function diffThreatLists(base: DetailedThreatListBuild, head: DetailedThreatListBuild, options: DiffOptions): ThreatListsDiff {
  const within = options.expiringWithinDays ?? 30;
  const limit = options.listLimit ?? 50;
  const today = utcDay(options.now);
  const baseByName = new Map(base.lists.map((l) => [l.name, l]));
  const headNames = new Set(head.lists.map((l) => l.name));
  const trustedSet = (build: DetailedThreatListBuild) => {
    const trusted = build.lists.find((l) => l.kind === 'trusted');
    return trusted ? build.details.get(trusted.name)!.set : RangeSet.EMPTY;
  };
  const [baseTrusted, headTrusted] = [trustedSet(base), trustedSet(head)];

  const lists: ListChange[] = [];
  for (const h of head.lists) {
    const b = baseByName.get(h.name);
    const headSet = head.details.get(h.name)!.set;
    const baseSet = b ? base.details.get(b.name)!.set : RangeSet.EMPTY;
    const added = headSet.subtract(baseSet);
    const overlaps =
      h.kind === 'threat' && h.format === 'TXT'
        ? headTrusted.intersect(headSet).subtract(baseTrusted.intersect(baseSet))
        : RangeSet.EMPTY;
    const expiringSoon = head.details
      .get(h.name)!
      .annotated.filter((a) => a.annotations.expires !== undefined)
      .map((a) => ({ a, days: daysBetween(today, a.annotations.expires!) }))
      .filter(({ days }) => days >= 0 && days <= within)
      .map(({ a, days }): ExpiringEntry => ({
        file: a.file,
        line: a.line,
        entry: a.entry,
        expires: a.annotations.expires!,
        days,
        ...(a.annotations.owner !== undefined ? { owner: a.annotations.owner } : {}),
        ...(a.annotations.ticket !== undefined ? { ticket: a.annotations.ticket } : {}),
      }))
      .sort((x, y) => x.days - y.days || compareText(x.file, y.file) || x.line - y.line);
    lists.push({
      name: h.name,
      kind: h.kind,
      format: h.format,
      status: !b ? 'added' : b.sha256 === h.sha256 ? 'unchanged' : 'changed',
      ...(b ? { base: snapshot(b) } : {}),
      head: snapshot(h),
      added: describe(added, limit),
      removed: describe(baseSet.subtract(headSet), limit),
      widestNew: widest(added, 5),
      newOverlaps: describe(overlaps, limit),
      expiringSoon,
      quota: { entries: h.entries, entryLimit: entryQuota(h.kind), bytes: Buffer.byteLength(h.body, 'utf8'), byteLimit: LIST_QUOTAS.fileBytes },
    });
  }
  for (const b of base.lists) {
    if (headNames.has(b.name)) continue;
    const baseSet = base.details.get(b.name)!.set;
    lists.push({
      name: b.name,
      kind: b.kind,
      format: b.format,
      status: 'removed',
      base: snapshot(b),
      added: describe(RangeSet.EMPTY, limit),
      removed: describe(baseSet, limit),
      widestNew: [],
      newOverlaps: describe(RangeSet.EMPTY, limit),
      expiringSoon: [],
      quota: { entries: 0, entryLimit: entryQuota(b.kind), bytes: 0, byteLimit: LIST_QUOTAS.fileBytes },
    });
  }
  const { errors, warnings } = countBySeverity(head.diagnostics);
  return { baseRef: options.baseRef, expiringWithinDays: within, lists, errors, warnings };
}

function snapshot(list: BuiltList): ListSnapshot {
  return { entries: list.entries, addresses: list.addresses, bytes: Buffer.byteLength(list.body, 'utf8'), sha256: list.sha256 };
}

function describe(set: RangeSet, limit: number): AddressChange {
  return { addresses: set.addresses, cidrs: set.cidrCount, listed: set.toCidrs(limit) };
}

/** The `count` widest CIDRs of a set wider than one address, widest first, then by address. */
function widest(set: RangeSet, count: number): string[] {
  const best: { start: number; prefix: number }[] = [];
  set.forEachCidr((start, prefix) => {
    if (prefix === 32 || (best.length === count && prefix >= best[best.length - 1]!.prefix)) return;
    best.push({ start, prefix });
    best.sort((a, b) => a.prefix - b.prefix || a.start - b.start);
    if (best.length > count) best.pop();
  });
  return best.map((b) => formatCidr(b.start, b.prefix));
}
