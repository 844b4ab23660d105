/**
 * `npm run bench`: synth wall time and peak RSS of a 1-region config against
 * the full 33-region estate (target: <= 2x) and against invitation mode
 * with 200 members x 33 regions (target: <= 5x, peak RSS <= 2 GB), all
 * through the same entry cdktf.json runs (main.ts under ts-node),
 * alternating runs so machine noise hits every case alike.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { regionsOfPartition } from '../src/regions/catalog';

const ROOT = join(__dirname, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

const work = mkdtempSync(join(tmpdir(), 'gd-bench-'));
const optIn = regionsOfPartition('aws').filter((r) => r.optIn).map((r) => r.name);
const head = 'prefix: acme\nhomeRegion: us-east-1\naccounts: { admin: { accountId: "111111111111" } }\ndetector: { features: { RUNTIME_MONITORING: { enabled: true } } }\n';
const allRegions = `regions: { include: all, optIn: [${optIn.join(', ')}] }\n`;
const fleet = Array.from({ length: 200 }, (_, i) => {
  const account = String(300000000000 + i);
  return `  - { accountId: "${account}", email: m${i}@example.com, assumeRoleArn: "arn:aws:iam::${account}:role/GuardDutyMember" }`;
}).join('\n');
const configs = {
  '1 region': `${head}regions: { include: [us-east-1] }\n`,
  '33 regions': `${head}${allRegions}`,
  '200 members x 33 regions': `${head}${allRegions}members:\n${fleet}\n`,
};
const TARGETS: Record<string, { ratio: number; rssMb?: number }> = {
  '33 regions': { ratio: 2 },
  '200 members x 33 regions': { ratio: 5, rssMb: 2048 },
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

const results = Object.keys(configs).map((k) => ({
  name: k,
  ms: median(samples[k]!.map((s) => s.ms)),
  rssMb: Math.max(...samples[k]!.map((s) => s.rssMb)),
}));
const one = results[0]!;
console.log(`synth through main.ts (ts-node, transpile-only), median of ${RUNS} runs each; ratio against ${one.name}`);
for (const r of results) {
  const target = TARGETS[r.name];
  const ratio = r.ms / one.ms;
  const verdict = target
    ? `  target <= ${target.ratio}x${target.rssMb ? ` and <= ${target.rssMb} MB` : ''}: ${ratio <= target.ratio && (!target.rssMb || r.rssMb <= target.rssMb) ? 'met' : 'NOT MET'}`
    : '';
  console.log(`  ${r.name.padEnd(26)} ${r.ms.toFixed(0).padStart(6)} ms  ${ratio.toFixed(2)}x  peak RSS ${r.rssMb.toFixed(0).padStart(4)} MB${verdict}`);
}
rmSync(work, { recursive: true, force: true });
