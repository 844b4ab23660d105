/**
 * `npm run bench`: synth wall time of a 1-region config against the full
 * 33-region estate, both through the same entry cdktf.json runs (main.ts
 * under ts-node), alternating runs so machine noise hits both alike.
 * Target (issue #3): all regions <= 2x one region.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { regionsOfPartition } from '../src/regions/catalog';

const ROOT = join(__dirname, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const TARGET_RATIO = 2;

const work = mkdtempSync(join(tmpdir(), 'gd-bench-'));
const optIn = regionsOfPartition('aws').filter((r) => r.optIn).map((r) => r.name);
const head = 'prefix: acme\nhomeRegion: us-east-1\naccounts: { admin: { accountId: "111111111111" } }\ndetector: { features: { RUNTIME_MONITORING: { enabled: true } } }\n';
const configs = {
  '1 region': `${head}regions: { include: [us-east-1] }\n`,
  '33 regions': `${head}regions: { include: all, optIn: [${optIn.join(', ')}] }\n`,
};

interface Sample {
  readonly ms: number;
  readonly rssMb: number;
}

function runOnce(name: string, text: string): Sample {
  const file = join(work, `${name.replace(/\W+/g, '-')}.yaml`);
  writeFileSync(file, text);
  const outdir = join(work, 'out');
  const rssFile = join(work, 'rss');
  rmSync(outdir, { recursive: true, force: true });
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ['--require', 'ts-node/register/transpile-only', '--require', './bench/report-rss.js', 'main.ts'], {
    cwd: ROOT,
    env: { ...process.env, GUARDDUTY_CONFIG: file, CDKTF_OUTDIR: outdir, BENCH_RSS_FILE: rssFile },
    encoding: 'utf8',
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (run.status !== 0) throw new Error(`synth of ${name} failed:\n${run.stderr}`);
  return { ms, rssMb: Number(readFileSync(rssFile, 'utf8')) / 1024 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const samples: Record<string, Sample[]> = Object.fromEntries(Object.keys(configs).map((k) => [k, []]));
for (const [name, text] of Object.entries(configs)) runOnce(name, text); // warm the file cache
for (let i = 0; i < RUNS; i++) {
  for (const [name, text] of Object.entries(configs)) samples[name]!.push(runOnce(name, text));
}

const [one, all] = Object.keys(configs).map((k) => ({
  name: k,
  ms: median(samples[k]!.map((s) => s.ms)),
  rssMb: Math.max(...samples[k]!.map((s) => s.rssMb)),
}));
const ratio = all!.ms / one!.ms;
console.log(`synth through main.ts (ts-node, transpile-only), median of ${RUNS} runs each`);
for (const r of [one!, all!]) console.log(`  ${r.name.padEnd(10)} ${r.ms.toFixed(0).padStart(6)} ms   peak RSS ${r.rssMb.toFixed(0)} MB`);
console.log(`  ratio      ${ratio.toFixed(2)}x   (target <= ${TARGET_RATIO}x: ${ratio <= TARGET_RATIO ? 'met' : 'NOT MET'})`);
rmSync(work, { recursive: true, force: true });
