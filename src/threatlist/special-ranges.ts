import { parseRange } from './ipv4';
import { RangeSet } from './range-set';

/**
 * Address blocks GuardDuty never sees as a remote internet address
 * (GUARDDUTY-FACTS, IP lists: private addresses have no effect on
 * findings), from the IANA IPv4 Special-Purpose Address Registry (RFC 6890).
 * An entry inside one is a warning and is dropped from the uploaded list.
 *
 * The documentation blocks (RFC 5737: 192.0.2.0/24, 198.51.100.0/24,
 * 203.0.113.0/24) are deliberately NOT here: they are the addresses meant
 * for examples, the shipped example lists use them, and keeping them costs
 * nothing because no real traffic comes from them. See
 * docs/threat-lists.md ("Documentation ranges").
 */

export type SpecialRangeCategory = 'private' | 'loopback' | 'link-local' | 'multicast' | 'reserved';

export interface SpecialRange {
  readonly cidr: string;
  readonly category: SpecialRangeCategory;
  /** Diagnostic code of an entry inside it. */
  readonly code: `${SpecialRangeCategory}-range`;
  /** What the block is, with its RFC. */
  readonly purpose: string;
  readonly start: number;
  readonly end: number;
}

const TABLE: readonly (readonly [cidr: string, category: SpecialRangeCategory, purpose: string])[] = [
  ['0.0.0.0/8', 'reserved', '"this network", RFC 1122'],
  ['10.0.0.0/8', 'private', 'RFC 1918'],
  ['100.64.0.0/10', 'private', 'shared address space for carrier-grade NAT, RFC 6598'],
  ['127.0.0.0/8', 'loopback', 'RFC 1122'],
  ['169.254.0.0/16', 'link-local', 'RFC 3927'],
  ['172.16.0.0/12', 'private', 'RFC 1918'],
  ['192.0.0.0/24', 'reserved', 'IETF protocol assignments, RFC 6890'],
  ['192.168.0.0/16', 'private', 'RFC 1918'],
  ['198.18.0.0/15', 'reserved', 'benchmarking, RFC 2544'],
  ['224.0.0.0/4', 'multicast', 'RFC 5771'],
  ['240.0.0.0/4', 'reserved', 'future use and limited broadcast, RFC 1112 and RFC 919'],
];

export const SPECIAL_RANGES: readonly SpecialRange[] = TABLE.map(([cidr, category, purpose]) => {
  const [start, end] = parseRange(cidr)!;
  return { cidr, category, code: `${category}-range` as const, purpose, start, end };
});

export const SPECIAL_SET: RangeSet = RangeSet.of(SPECIAL_RANGES.map((r) => [r.start, r.end] as const));

/** RFC 5737 documentation blocks: kept (see above). */
export const DOCUMENTATION_RANGES: readonly string[] = ['192.0.2.0/24', '198.51.100.0/24', '203.0.113.0/24'];

const NONE: readonly SpecialRange[] = [];

/** First octets that hold any special block: a cheap test that clears most public entries at once. */
const SPECIAL_FIRST_OCTET = new Uint8Array(256);
for (const r of SPECIAL_RANGES) {
  for (let octet = r.start >>> 24; octet <= r.end >>> 24; octet++) SPECIAL_FIRST_OCTET[octet] = 1;
}

/** The special blocks that [start, end] touches, in address order (usually none). */
export function specialRangesTouching(start: number, end: number): readonly SpecialRange[] {
  const first = start >>> 24;
  if (first === end >>> 24 && SPECIAL_FIRST_OCTET[first] === 0) return NONE;
  return SPECIAL_RANGES.filter((r) => r.start <= end && start <= r.end);
}
