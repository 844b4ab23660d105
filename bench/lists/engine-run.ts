/**
 * One benchmark run of our engine, in its own process (so its peak RSS is
 * its own): reads a list file through buildThreatLists exactly as synth
 * would, writes the body. Prints phase timings as JSON on stdout.
 * Usage: node engine-run.js <input> <output>
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { buildThreatLists } from '../../src/threatlist/build';
import { renderCanonicalBody } from '../../src/threatlist/canonical';
import { DiagnosticSink } from '../../src/threatlist/diagnostics';
import { parseListBytes } from '../../src/threatlist/parse';
import { RangeSet } from '../../src/threatlist/range-set';
import { SPECIAL_SET } from '../../src/threatlist/special-ranges';
import { removeExpired, reportIgnoredAddresses } from '../../src/threatlist/validate';

const [input, output, mode] = process.argv.slice(2) as [string, string, string | undefined];
const t0 = performance.now();
if (mode === 'phases') {
  // Same work as buildThreatLists, with a clock between the phases.
  const bytes = readFileSync(input);
  const t1 = performance.now();
  const sink = new DiagnosticSink();
  const parsed = parseListBytes(bytes, 'bench.txt', sink);
  const t2 = performance.now();
  removeExpired(parsed, { expiredEntries: 'error', today: '2026-11-23' }, sink);
  const t3 = performance.now();
  const merged = RangeSet.fromRanges(parsed.starts, parsed.ends, parsed.count);
  if (merged.intersects(SPECIAL_SET)) reportIgnoredAddresses(parsed, sink);
  const set = merged.subtract(SPECIAL_SET);
  const t4 = performance.now();
  const body = renderCanonicalBody(set);
  const t5 = performance.now();
  writeFileSync(output, body.text);
  const round = (ms: number) => Math.round(ms);
  process.stdout.write(JSON.stringify({ read: round(t1 - t0), parse: round(t2 - t1), expiry: round(t3 - t2), 'aggregate+validate': round(t4 - t3), render: round(t5 - t4), entries: body.entries }));
} else {
  const { lists, diagnostics } = buildThreatLists(
    { threat: [{ name: 'bench', files: [basename(input)], format: 'TXT' }], policy: { expiredEntries: 'error', widestTrustedPrefix: 16 }, feeds: [] },
    { root: dirname(input), now: new Date() },
  );
  writeFileSync(output, lists[0]!.body);
  process.stdout.write(JSON.stringify({ ms: Math.round(performance.now() - t0), entries: lists[0]!.entries, diagnostics: diagnostics.length }));
}
