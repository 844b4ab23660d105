import { cidrsOf, DOCUMENTATION_RANGES, formatAddress, parseAddress, parseRange, RangeSet, SPECIAL_SET, widestPrefix } from '../../src/threatlist';

const ip = (text: string) => parseAddress(text)!;
const set = (...ranges: string[]) => RangeSet.of(ranges.map((r) => parseRange(r)!));

describe('IPv4 addresses as unsigned numbers', () => {
  it('round-trips the ends of the address space (no int32 sign flip above 127.255.255.255)', () => {
    for (const text of ['0.0.0.0', '127.255.255.255', '128.0.0.0', '203.0.113.9', '255.255.255.255']) expect(formatAddress(ip(text))).toBe(text);
    expect(ip('255.255.255.255')).toBe(0xffffffff);
  });

  it('rejects leading zeros (octal to some tools) and octets over 255', () => {
    expect(parseAddress('010.0.0.1')).toBeUndefined();
    expect(parseAddress('256.0.0.1')).toBeUndefined();
    expect(parseAddress('1.2.3')).toBeUndefined();
  });

  it('reads CIDRs only when the host bits are clear', () => {
    expect(parseRange('198.51.100.0/24')).toEqual([ip('198.51.100.0'), ip('198.51.100.255')]);
    expect(parseRange('198.51.100.7/24')).toBeUndefined();
    expect(parseRange('0.0.0.0/0')).toEqual([0, 0xffffffff]);
  });
});

describe('minimal CIDR cover', () => {
  it('splits a range at its alignment', () => {
    expect(cidrsOf(ip('198.51.100.1'), ip('198.51.100.10'))).toEqual(['198.51.100.1', '198.51.100.2/31', '198.51.100.4/30', '198.51.100.8/31', '198.51.100.10']);
  });

  it('covers the whole address space with /0 and the top address alone', () => {
    expect(cidrsOf(0, 0xffffffff)).toEqual(['0.0.0.0/0']);
    expect(cidrsOf(0xffffffff, 0xffffffff)).toEqual(['255.255.255.255']);
    expect(cidrsOf(ip('128.0.0.0'), 0xffffffff)).toEqual(['128.0.0.0/1']);
  });

  it('knows the widest block of a range', () => {
    expect(widestPrefix(ip('203.0.0.0'), ip('203.1.0.0'))).toBe(16);
    expect(widestPrefix(ip('198.0.0.0'), ip('198.1.255.255'))).toBe(15);
  });
});

describe('RangeSet', () => {
  it('merges overlapping and adjacent ranges into disjoint ones', () => {
    const s = set('198.51.100.0/25', '198.51.100.128/25', '198.51.100.5', '203.0.113.1-203.0.113.3', '203.0.113.4');
    expect(s.toCidrs()).toEqual(['198.51.100.0/24', '203.0.113.1', '203.0.113.2/31', '203.0.113.4']);
    expect(s.size).toBe(2);
    expect(s.addresses).toBe(256 + 4);
  });

  it('intersects, subtracts and unites', () => {
    const a = set('198.51.100.0/24');
    const b = set('198.51.100.128/25', '203.0.113.0/24');
    expect(a.intersect(b).toCidrs()).toEqual(['198.51.100.128/25']);
    expect(a.subtract(b).toCidrs()).toEqual(['198.51.100.0/25']);
    expect(b.subtract(a).toCidrs()).toEqual(['203.0.113.0/24']);
    expect(a.union(b).toCidrs()).toEqual(['198.51.100.0/24', '203.0.113.0/24']);
    expect(set('0.0.0.0/0').subtract(set('0.0.0.0', '255.255.255.255')).addresses).toBe(2 ** 32 - 2);
  });

  it('answers overlap and membership by binary search', () => {
    const s = set('198.51.100.0/28', '203.0.113.0/24');
    expect(s.overlaps(ip('198.51.100.15'), ip('198.51.100.20'))).toBe(true);
    expect(s.overlaps(ip('198.51.100.16'), ip('203.0.112.255'))).toBe(false);
    expect(s.indexOf(ip('203.0.113.200'))).toBe(1);
    expect(s.indexOf(ip('1.1.1.1'))).toBe(-1);
  });

  it('sorts large unsorted inputs (radix path) like small ones', () => {
    const starts = new Uint32Array(5000);
    const ends = new Uint32Array(5000);
    let x = 12345;
    for (let i = 0; i < starts.length; i++) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      starts[i] = x;
      ends[i] = Math.min(0xffffffff, x + (i % 7));
    }
    const pairs = Array.from(starts, (s, i) => [s, ends[i]!] as const).sort((a, b) => a[0] - b[0]);
    const viaRadix = RangeSet.fromRanges(starts.slice(), ends.slice());
    const viaInsertion = pairs.reduce((acc, p) => acc.union(RangeSet.of([p])), RangeSet.EMPTY);
    expect(viaRadix.equals(viaInsertion)).toBe(true);
  });
});

describe('special-purpose blocks', () => {
  it('leave the RFC 5737 documentation ranges alone: the shipped examples use them (docs/threat-lists.md, "Documentation ranges")', () => {
    for (const cidr of DOCUMENTATION_RANGES) expect(SPECIAL_SET.intersects(set(cidr))).toBe(false);
  });

  it('cover private, loopback, link-local, multicast and reserved space', () => {
    for (const address of ['10.1.2.3', '172.31.255.255', '192.168.0.1', '100.64.0.1', '127.0.0.1', '169.254.169.254', '224.0.0.1', '255.255.255.255', '0.0.0.0']) {
      expect(SPECIAL_SET.indexOf(ip(address))).toBeGreaterThanOrEqual(0);
    }
    expect(SPECIAL_SET.indexOf(ip('8.8.8.8'))).toBe(-1);
  });
});
