import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomList } from '../../bench/lists/random-list';
import { type ListPolicy, normalizeListText, SPECIAL_RANGES } from '../../src/threatlist';

/**
 * Differential test against FireHOL iprange, the reference aggregator
 * (STYLE.md §6): for the same input, our canonical body must be byte for
 * byte what `iprange input --except special-purpose-blocks` prints. Runs
 * when `iprange` is on PATH (apt-get install iprange; .ci/run installs it);
 * elsewhere jest reports its tests skipped.
 */
// `--version` exits 1; `--has-compare` exits 0 on the FireHOL iprange this test needs.
const hasIprange = spawnSync('iprange', ['--has-compare']).status === 0;
const POLICY: ListPolicy = { kind: 'threat', today: '2026-11-23', expiredEntries: 'error', widestTrustedPrefix: 16 };

// Chosen at load time: without iprange every test below is reported skipped (never a
// passing placeholder); .ci/run installs it, so CI runs them.
// Written straight to stderr: jest prints no console output of a suite whose tests all skip.
if (!hasIprange) process.stderr.write('test/threatlist/iprange.test.ts: SKIPPED, iprange is not on PATH (apt-get install iprange to run it)\n');
const describeIfIprange = hasIprange ? describe : describe.skip;

describeIfIprange('differential test against FireHOL iprange', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'iprange-diff-'));
    writeFileSync(join(dir, 'special.txt'), `${SPECIAL_RANGES.map((r) => r.cidr).join('\n')}\n`);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    { name: 'addresses, CIDRs and ranges', seed: 1, lines: 20_000, rangeShare: 0.1, cidrShare: 0.2 },
    { name: 'dense: mostly CIDRs, some as wide as /8', seed: 2, lines: 5_000, rangeShare: 0.05, cidrShare: 0.9, shortestPrefix: 8 },
    { name: 'single addresses only', seed: 3, lines: 20_000, rangeShare: 0, cidrShare: 0 },
  ])('$name (seed $seed): same bytes as iprange', (options) => {
    const { seed } = options;
    const text = randomList(options);
    const input = join(dir, `input-${seed}.txt`);
    writeFileSync(input, text);
    const reference = spawnSync('iprange', [input, '--except', join(dir, 'special.txt')], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(reference.status).toBe(0);
    const ours = normalizeListText(text, 'input.txt', POLICY);
    expect(ours.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(ours.body.text).toBe(reference.stdout);
  });

  it('agrees on the edges of the address space', () => {
    const text = '0.0.0.0/0\n';
    const reference = spawnSync('iprange', ['-', '--except', join(dir, 'special.txt')], { input: text, encoding: 'utf8' });
    expect(reference.stdout).toMatch(/^1\.0\.0\.0\/8$/m); // the whole space minus the special blocks: not empty
    expect(normalizeListText(text, 'input.txt', POLICY).body.text).toBe(reference.stdout);
  });
});
