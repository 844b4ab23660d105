import { buildThreatLists, DiagnosticSink, formatAddress, formatDiagnostic, LIST_QUOTAS, type ListPolicy, normalizeListText, parseListText } from '../../src/threatlist';
import { listsConfig, NOW, projectDir } from './project-dir';

/**
 * The parser's edges, with named expectations that run without iprange
 * (the differential test in iprange.test.ts covers them only where
 * iprange is installed), and the entry quota counted on the CIDR lines
 * that are uploaded.
 */
function parseOne(entry: string): { ranges: string[]; diagnostics: string[] } {
  const sink = new DiagnosticSink();
  const parsed = parseListText(`${entry}\n`, 'list.txt', sink);
  const ranges = Array.from({ length: parsed.count }, (_, k) => `${formatAddress(parsed.starts[k]!)}-${formatAddress(parsed.ends[k]!)}`);
  return { ranges, diagnostics: sink.toArray().map((d) => `${d.severity} [${d.code}]`) };
}

const THREAT: ListPolicy = { kind: 'threat', today: '2026-11-23', expiredEntries: 'error', widestTrustedPrefix: 16 };

describe('parser edges', () => {
  it.each([
    ['0.0.0.0/0', '0.0.0.0-255.255.255.255'],
    ['0.0.0.0-255.255.255.255', '0.0.0.0-255.255.255.255'],
    ['198.51.100.7/32', '198.51.100.7-198.51.100.7'],
    ['255.255.255.255/32', '255.255.255.255-255.255.255.255'],
    ['0.0.0.0', '0.0.0.0-0.0.0.0'],
    ['255.255.255.255', '255.255.255.255-255.255.255.255'],
    ['0.0.0.0/32', '0.0.0.0-0.0.0.0'],
    ['128.0.0.0/1', '128.0.0.0-255.255.255.255'],
  ])('%s is the range %s', (entry, range) => {
    expect(parseOne(entry)).toEqual({ ranges: [range], diagnostics: [] });
  });

  it('0.0.0.0/0 is the whole address space, not an empty range: normalized, it keeps every public address', () => {
    const { body, diagnostics } = normalizeListText('0.0.0.0/0\n', 'list.txt', THREAT);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(body.entries).toBeGreaterThan(10);
    expect(body.text.split('\n')).toEqual(expect.arrayContaining(['1.0.0.0/8', '8.0.0.0/7', '64.0.0.0/3', '128.0.0.0/3']));
  });

  it.each(['010.1.2.3', '10.01.2.3', '1.2.3.04', '00.0.0.0'])('%s (a leading zero) is refused, never read as octal or decimal', (entry) => {
    expect(parseOne(entry)).toEqual({ ranges: [], diagnostics: ['error [malformed-address]'] });
  });

  it.each(['198.51.100.0/024', '198.51.100.0/00', '198.51.100.0/33'])('%s (a prefix with a leading zero or over 32) is refused', (entry) => {
    expect(parseOne(entry)).toEqual({ ranges: [], diagnostics: ['error [bad-prefix]'] });
  });

  it.each(['1.2.3.4/0', '198.51.100.7/24', '203.0.113.1/31', '255.255.255.255/31'])('%s (host bits set) is refused', (entry) => {
    expect(parseOne(entry)).toEqual({ ranges: [], diagnostics: ['error [host-bits]'] });
  });

  it.each(['256.0.0.1', '1.2.3', '1.2.3.4.5'])('%s is not an address', (entry) => {
    const { ranges, diagnostics } = parseOne(entry);
    expect(ranges).toEqual([]);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatch(/^error /);
  });
});

describe('entry quota on the uploaded lines', () => {
  it('600 non-adjacent six-address ranges are 2,400 CIDR lines: over the trusted quota of 2,000', () => {
    // x.y.z.1-x.y.z.6 is 4 lines (.1, .2/31, .4/31, .6); each range in its own /24, so none merge.
    const ranges = Array.from({ length: 600 }, (_, i) => `44.${i >> 8}.${i & 255}.1-44.${i >> 8}.${i & 255}.6`);
    expect(ranges[0]).toBe('44.0.0.1-44.0.0.6');
    const p = projectDir({ 'threatlists/trusted/ranges.txt': `${ranges.join('\n')}\n` });
    const { lists, diagnostics } = buildThreatLists(listsConfig({ threat: [] }), { root: p.root, now: NOW });
    p.remove();
    const trusted = lists[0]!;
    expect(trusted.body.split('\n').filter((l) => l !== '')).toHaveLength(2_400);
    expect(trusted.body.startsWith('44.0.0.1\n44.0.0.2/31\n44.0.0.4/31\n44.0.0.6\n44.0.1.1\n')).toBe(true);
    expect(trusted.entries).toBe(2_400);
    expect(trusted.entries).toBeGreaterThan(LIST_QUOTAS.trustedEntries);
    expect(diagnostics.filter((d) => d.code === 'too-many-entries').map(formatDiagnostic)).toEqual([
      'threatlists/trusted/ranges.txt: error [too-many-entries] trusted IPSet "trusted" has 2,400 entries after merging, over GuardDuty\'s quota of 2,000; list wider ranges or move entries out',
    ]);
  });

  it('500 such ranges, 2,000 lines, are exactly at the quota and pass', () => {
    const ranges = Array.from({ length: 500 }, (_, i) => `44.${i >> 8}.${i & 255}.1-44.${i >> 8}.${i & 255}.6`);
    const p = projectDir({ 'threatlists/trusted/ranges.txt': `${ranges.join('\n')}\n` });
    const { lists, diagnostics } = buildThreatLists(listsConfig({ threat: [] }), { root: p.root, now: NOW });
    p.remove();
    expect(lists[0]!.entries).toBe(2_000);
    expect(diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([]);
  });
});
