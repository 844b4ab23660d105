/**
 * `npm run bench` (first part): synth as users run it, with the targets of
 * the "Fast start" issue.
 *
 * 1. The whole example estate (guardduty.yaml) against a one-region synth of
 *    the same config, both through `npx cdktf synth` (target: <= 1.2x).
 * 2. The 200-member x 33-region invitation fleet through the shipped app
 *    (bin/synth, compiled) against the same config run from the sources
 *    under ts-node, as cdktf.json ran it before the build: wall time and
 *    peak RSS of the app process (earlier target: <= 2 GB).
 *
 * Runs alternate, so machine noise hits every case alike; medians are quoted.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { regionsOfPartition } from '../src/regions/catalog';
import { median } from './median';

const ROOT = join(__dirname, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const FLEET_RUNS = Number(process.env.BENCH_FLEET_RUNS ?? 3);
const work = mkdtempSync(join(tmpdir(), 'gd-bench-'));
// The local backend refuses output folders outside the project.
const outdir = join(ROOT, 'cdktf.out.bench');

interface Sample {
  readonly s: number;
  readonly rssMb?: number;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv, rssFile?: string): Sample {
  rmSync(outdir, { recursive: true, force: true });
  const start = process.hrtime.bigint();
  const child = spawnSync(command, args, { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8' });
  const s = Number(process.hrtime.bigint() - start) / 1e9;
  if (child.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${child.stderr}${child.stdout}`);
  return { s, ...(rssFile ? { rssMb: Number(readFileSync(rssFile, 'utf8')) / 1024 } : {}) };
}


function compare(title: string, cases: Record<string, () => Sample>, runs: number): Record<string, { s: number; rssMb?: number }> {
  const samples: Record<string, Sample[]> = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
  for (const measure of Object.values(cases)) measure(); // warm the file cache
  for (let i = 0; i < runs; i++) for (const [name, measure] of Object.entries(cases)) samples[name]!.push(measure());
  console.log(`${title}, median of ${runs} runs each`);
  return Object.fromEntries(
    Object.entries(samples).map(([name, xs]) => {
      const rss = xs.map((x) => x.rssMb).filter((x): x is number => x !== undefined);
      return [name, { s: median(xs.map((x) => x.s)), ...(rss.length > 0 ? { rssMb: Math.max(...rss) } : {}) }];
    }),
  );
}

spawnSync(process.execPath, ['bin/build.js'], { cwd: ROOT, stdio: 'inherit' }); // no run below pays for a build

// 1. The example estate against one region of the same config.
const example = parseDocument(readFileSync(join(ROOT, 'guardduty.yaml'), 'utf8'));
example.set('regions', { include: [example.get('homeRegion')] });
const overrides = (example.toJS() as { overrides?: unknown[] }).overrides ?? [];
example.set('overrides', [...overrides, { rule: 'GD-DET-6', reason: 'benchmark: one region of the example estate' }]);
const oneRegion = join(work, 'one-region.yaml');
writeFileSync(oneRegion, example.toString());
const cdktf = (config: string) => () => run('npx', ['cdktf', 'synth', '--output', outdir], { GUARDDUTY_CONFIG: config });
const estate = compare('npx cdktf synth of the example', { 'one region': cdktf(oneRegion), 'whole estate': cdktf(join(ROOT, 'guardduty.yaml')) }, RUNS);
const ratio = estate['whole estate']!.s / estate['one region']!.s;
for (const [name, r] of Object.entries(estate)) console.log(`  ${name.padEnd(14)} ${r.s.toFixed(2)} s`);
console.log(`  whole estate / one region: ${ratio.toFixed(2)}x  target <= 1.2x: ${ratio <= 1.2 ? 'met' : 'NOT MET'}`);

// 2. The 200-member x 33-region fleet, shipped app against the sources under ts-node.
const optIn = regionsOfPartition('aws').filter((r) => r.optIn).map((r) => r.name);
const members = Array.from({ length: 200 }, (_, i) => {
  const account = String(300000000000 + i);
  return `  - { accountId: "${account}", email: m${i}@example.com, assumeRoleArn: "arn:aws:iam::${account}:role/GuardDutyMember" }`;
});
const fleet = join(work, 'fleet.yaml');
writeFileSync(
  fleet,
  [
    'prefix: acme',
    'homeRegion: us-east-1',
    'accounts: { admin: { accountId: "111111111111" } }',
    'detector: { features: { RUNTIME_MONITORING: { enabled: true } } }',
    `regions: { include: all, optIn: [${optIn.join(', ')}] }`,
    'members:',
    ...members,
    '',
  ].join('\n'),
);
const rssFile = join(work, 'rss');
const app = (entry: string[]) => () =>
  run(process.execPath, ['--require', './bench/report-rss.js', ...entry], { GUARDDUTY_CONFIG: fleet, CDKTF_OUTDIR: outdir, BENCH_RSS_FILE: rssFile }, rssFile);
const fleetResults = compare(
  'synth app, 200 members x 33 regions',
  { 'bin/synth (compiled)': app(['bin/synth']), 'main.ts (ts-node)': app(['--require', 'ts-node/register/transpile-only', 'main.ts']) },
  FLEET_RUNS,
);
for (const [name, r] of Object.entries(fleetResults)) console.log(`  ${name.padEnd(22)} ${r.s.toFixed(2)} s  peak RSS ${r.rssMb!.toFixed(0)} MB${r.rssMb! <= 2048 ? '' : '  (over 2 GB)'}`);
const shipped = fleetResults['bin/synth (compiled)']!;
const before = fleetResults['main.ts (ts-node)']!;
console.log(`  compiled / ts-node: wall ${(shipped.s / before.s).toFixed(2)}x, peak RSS ${(shipped.rssMb! / before.rssMb!).toFixed(2)}x`);

rmSync(outdir, { recursive: true, force: true });
rmSync(work, { recursive: true, force: true });
