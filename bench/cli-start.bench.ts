/**
 * `npm run bench` (second part): start-up wall time of the shipped entry
 * points (compiled dist/ through bin/*) against the same code run through
 * ts-node, the way bin/* and cdktf.json ran it before the build; median of
 * BENCH_RUNS runs, alternating. Targets (issue "Fast start"): each CLI's
 * --help <= 0.3 s; the example's synth app <= 1.0 s.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { median } from './median';

const ROOT = join(__dirname, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const TS_NODE = ['--require', 'ts-node/register/transpile-only'];

interface Case {
  readonly name: string;
  readonly shipped: string[];
  readonly tsNode: string[];
  readonly targetS: number;
  readonly env?: NodeJS.ProcessEnv;
  /** What stdout must match: proof the run did the work. */
  readonly prints?: RegExp;
}
const cases: Case[] = [
  { name: 'threatlists --help', shipped: ['bin/threatlists', '--help'], tsNode: [...TS_NODE, 'cli/threatlists/main.ts', '--help'], targetS: 0.3, prints: /^Usage: threatlists / },
  { name: 'guardduty-ops --help', shipped: ['bin/guardduty-ops', '--help'], tsNode: [...TS_NODE, 'cli/guardduty-ops/main.ts', '--help'], targetS: 0.3, prints: /^Usage: guardduty-ops / },
  { name: 'synth app (example)', shipped: ['bin/synth'], tsNode: [...TS_NODE, 'main.ts'], targetS: 1.0, env: { CDKTF_OUTDIR: 'cdktf.out.bench' } },
];

function time(args: string[], env: NodeJS.ProcessEnv = {}, prints?: RegExp): number {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`node ${args.join(' ')} failed:\n${run.stderr}`);
  // A run that printed nothing did not do the work being timed (an entry that no longer starts itself, say).
  if (prints && !prints.test(run.stdout)) throw new Error(`node ${args.join(' ')} did not print ${prints}:\n${run.stdout}`);
  return Number(process.hrtime.bigint() - start) / 1e9;
}

time(['bin/build.js']); // dist/ current, so no run below pays for a build
const baseline = time(['-e', '0']);
console.log(`start-up wall time, median of ${RUNS} runs; shipped = compiled dist/ through bin/*, ts-node = the sources as before (node -e 0: ${baseline.toFixed(2)} s)`);
for (const c of cases) {
  const shipped: number[] = [];
  const tsNode: number[] = [];
  time(c.shipped, c.env, c.prints);
  for (let i = 0; i < RUNS; i++) {
    shipped.push(time(c.shipped, c.env, c.prints));
    tsNode.push(time(c.tsNode, c.env, c.prints));
  }
  const a = median(shipped);
  const b = median(tsNode);
  console.log(
    `  ${c.name.padEnd(22)} shipped ${a.toFixed(2)} s  ts-node ${b.toFixed(2)} s  ratio ${(a / b).toFixed(2)}x  target <= ${c.targetS} s: ${a <= c.targetS ? 'met' : 'NOT MET'}`,
  );
}
rmSync(join(ROOT, 'cdktf.out.bench'), { recursive: true, force: true });
