import fc from 'fast-check';
import { formatAddress, formatCidr, type ListPolicy, normalizeListText, parseRange, RangeSet, SPECIAL_RANGES } from '../../src/threatlist';

/**
 * Invariants of normalization, each checked against a deliberately naive
 * reference: sets of single addresses, expanded from small ranges.
 */

const POLICY: ListPolicy = { kind: 'threat', today: '2026-11-23', expiredEntries: 'error', widestTrustedPrefix: 16 };
const RUNS = { numRuns: 150 };

/** A 1,024-address window somewhere in the IPv4 space (special-purpose blocks included), so references stay small. */
const windowBase = fc.integer({ min: 0, max: 2 ** 22 - 1 }).map((n) => n * 1024);

interface Entry {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** One entry inside the window: an address, an aligned CIDR or a range, in any of the accepted spellings. */
function entryIn(base: number): fc.Arbitrary<Entry> {
  const address = fc.integer({ min: 0, max: 1023 }).map((o) => base + o);
  const single = fc.tuple(address, fc.constantFrom('', '/32')).map(([a, suffix]): Entry => ({ start: a, end: a, text: formatAddress(a) + suffix }));
  const cidr = fc.tuple(fc.integer({ min: 22, max: 32 }), address).map(([prefix, a]): Entry => {
    const size = 2 ** (32 - prefix);
    const start = a - (a % size);
    return { start, end: start + size - 1, text: formatCidr(start, prefix) + (prefix === 32 ? '/32' : '') };
  });
  const range = fc.tuple(address, fc.integer({ min: 0, max: 300 }), fc.constantFrom('-', ' - ', '\t-\t')).map(([a, length, dash]): Entry => {
    const end = Math.min(base + 1023, a + length);
    return { start: a, end, text: `${formatAddress(a)}${dash}${formatAddress(end)}` };
  });
  return fc.oneof(single, cidr, range);
}

/** List text around the entries: comments, blank lines, odd spacing, CRLF. */
function listText(entries: readonly Entry[], noise: readonly number[]): string {
  return entries
    .map((e, i) => {
      const n = noise[i % noise.length] ?? 0;
      const lead = n % 3 === 0 ? '  ' : '';
      const trail = n % 4 === 0 ? '  # owner=sec ticket=T-1' : n % 5 === 0 ? '\t# a note' : '';
      const before = n % 7 === 0 ? '# comment line\n\n' : '';
      return `${before}${lead}${e.text}${trail}${n % 6 === 0 ? '\r' : ''}`;
    })
    .join('\n');
}

const listArbitrary = windowBase.chain((base) =>
  fc.record({ base: fc.constant(base), entries: fc.array(entryIn(base), { minLength: 0, maxLength: 40 }), noise: fc.array(fc.nat(1000), { minLength: 1, maxLength: 10 }) }),
);

function isSpecial(address: number): boolean {
  return SPECIAL_RANGES.some((r) => r.start <= address && address <= r.end);
}

function referenceAddresses(entries: readonly Entry[]): Set<number> {
  const out = new Set<number>();
  for (const e of entries) for (let a = e.start; a <= e.end; a++) if (!isSpecial(a)) out.add(a);
  return out;
}

function addressesOf(body: string): Set<number> {
  const out = new Set<number>();
  for (const line of body.split('\n').filter(Boolean)) {
    const [start, end] = parseRange(line)!;
    for (let a = start; a <= end; a++) out.add(a);
  }
  return out;
}

/**
 * The unique minimal CIDR decomposition, top-down: a block entirely in
 * the set is emitted whole, a block partly in it is split in two. A
 * different algorithm from the engine's bottom-up alignment walk.
 */
function referenceCidrs(addresses: Set<number>): string[] {
  const sorted = [...addresses].sort((a, b) => a - b);
  const countIn = (start: number, end: number) => {
    let lo = 0;
    while (lo < sorted.length && sorted[lo]! < start) lo++;
    let n = 0;
    for (let i = lo; i < sorted.length && sorted[i]! <= end; i++) n++;
    return n;
  };
  const out: string[] = [];
  const visit = (start: number, prefix: number) => {
    const size = 2 ** (32 - prefix);
    const n = countIn(start, start + size - 1);
    if (n === 0) return;
    if (n === size) {
      out.push(formatCidr(start, prefix));
      return;
    }
    visit(start, prefix + 1);
    visit(start + size / 2, prefix + 1);
  };
  if (sorted.length > 0) {
    // Start from the /20 around the window: the top of the tree holds nothing else.
    const first = sorted[0]! - (sorted[0]! % 4096);
    for (let block = first; block <= sorted[sorted.length - 1]!; block += 4096) visit(block, 20);
  }
  return out;
}

describe('normalization properties (fast-check)', () => {
  it('preserves the address set: the output holds exactly the listed addresses GuardDuty does not ignore', () => {
    fc.assert(
      fc.property(listArbitrary, ({ entries, noise }) => {
        const { body, diagnostics } = normalizeListText(listText(entries, noise), 'list.txt', POLICY);
        expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        expect(addressesOf(body.text)).toEqual(referenceAddresses(entries));
      }),
      RUNS,
    );
  });

  it('is minimal: the output is the unique minimal CIDR cover, so no two lines can merge', () => {
    fc.assert(
      fc.property(listArbitrary, ({ entries, noise }) => {
        const lines = normalizeListText(listText(entries, noise), 'list.txt', POLICY).body.text.split('\n').filter(Boolean);
        expect(lines).toEqual(referenceCidrs(referenceAddresses(entries)));
        for (let i = 1; i < lines.length; i++) {
          const [aStart, aEnd] = parseRange(lines[i - 1]!)!;
          const [bStart, bEnd] = parseRange(lines[i]!)!;
          const size = aEnd - aStart + 1;
          const buddies = size === bEnd - bStart + 1 && bStart === aEnd + 1 && aStart % (size * 2) === 0;
          expect(buddies).toBe(false);
          expect(bStart).toBeGreaterThan(aEnd);
        }
      }),
      RUNS,
    );
  });

  it('is idempotent: normalizing the canonical body gives it back byte for byte', () => {
    fc.assert(
      fc.property(listArbitrary, ({ entries, noise }) => {
        const once = normalizeListText(listText(entries, noise), 'list.txt', POLICY).body;
        const twice = normalizeListText(once.text, 'list.txt', POLICY).body;
        expect(twice.text).toBe(once.text);
        expect(twice.sha256).toBe(once.sha256);
      }),
      RUNS,
    );
  });

  it('is byte-identical for the same address set, whatever the order, duplicates or spelling', () => {
    fc.assert(
      fc.property(
        listArbitrary.chain((l) => fc.record({ list: fc.constant(l), order: fc.shuffledSubarray(l.entries, { minLength: l.entries.length, maxLength: l.entries.length }) })),
        ({ list, order }) => {
          const a = normalizeListText(listText(list.entries, list.noise), 'a.txt', POLICY).body;
          // Same addresses again: reordered, every entry twice, and each as single addresses.
          const singles = order.flatMap((e) => Array.from({ length: Math.min(e.end - e.start + 1, 64) }, (_, i) => formatAddress(e.start + i)));
          const rest = order.filter((e) => e.end - e.start + 1 > 64).map((e) => e.text);
          const b = normalizeListText([...singles, ...rest, ...order.map((e) => e.text)].join('\n'), 'b.txt', POLICY).body;
          expect(b.text).toBe(a.text);
          expect(b.sha256).toBe(a.sha256);
        },
      ),
      RUNS,
    );
  });

  it('set operations agree with plain sets of addresses', () => {
    const smallSet = fc.array(fc.tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 20 })), { maxLength: 12 });
    fc.assert(
      fc.property(smallSet, smallSet, (xs, ys) => {
        const toSet = (rs: [number, number][]) => RangeSet.of(rs.map(([s, l]) => [s, s + l] as const));
        const expand = (rs: [number, number][]) => new Set(rs.flatMap(([s, l]) => Array.from({ length: l + 1 }, (_, i) => s + i)));
        const members = (s: RangeSet) => new Set(Array.from({ length: 230 }, (_, a) => a).filter((a) => s.indexOf(a) >= 0));
        const [a, b, ea, eb] = [toSet(xs), toSet(ys), expand(xs), expand(ys)];
        expect(members(a.union(b))).toEqual(new Set([...ea, ...eb]));
        expect(members(a.intersect(b))).toEqual(new Set([...ea].filter((x) => eb.has(x))));
        expect(members(a.subtract(b))).toEqual(new Set([...ea].filter((x) => !eb.has(x))));
        expect(a.addresses).toBe(ea.size);
      }),
      { numRuns: 300 },
    );
  });
});
