/**
 * `npm run bench:lists`: parse + validate + normalize a generated list of
 * 1,000,000 IPv4 addresses and CIDRs (seeded, so every run sees the same
 * file) with our engine, FireHOL iprange and cidr-tools' mergeCidr. Each
 * tool runs in its own child process, so wall time and peak RSS are its
 * own; rounds alternate the tools so machine noise hits all of them.
 * Targets: engine <= 1.0x iprange's wall time, <= 200 MB peak RSS.
 *
 * The shipped entry point runs too: `node bin/threatlists normalize --list
 * big` (compiled dist/, config loaded and validated, header written) on the
 * same file, whose address lines must equal iprange's output byte for byte.
 * It runs twice over: as a user's second and later runs see it (the code
 * cache and the validated-config cache in dist/ written by an earlier run),
 * and cold, with both caches removed before each run (a first run after a
 * build). The target is judged on the first; both are printed.
 * The generated list merges to about 180,000 entries, under GuardDuty's
 * 250,000 per ThreatIntelSet (CIDRs up to /11, like a feed), so the CLI
 * prints it rather than refusing it.
 *
 * The engine runs as JavaScript transpiled once before timing (as a build
 * would ship it), not through ts-node, whose start-up would dominate.
 * Environment: BENCH_RUNS (default 5), BENCH_LINES (default 1000000).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { randomList } from './lists/random-list';
import { SPECIAL_SET } from '../src/threatlist/special-ranges';
import { median } from './median';

const ROOT = join(__dirname, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const LINES = Number(process.env.BENCH_LINES ?? 1_000_000);
const SEED = 20261123;
const TARGET = { ratio: 1.0, rssMb: 200 };

const work = mkdtempSync(join(tmpdir(), 'gd-lists-bench-'));
// Inside the project: list paths in a config are relative to the project root (cdktf.out* is git-ignored).
const projectWork = mkdtempSync(join(ROOT, 'cdktf.out.bench-lists-'));
const input = join(projectWork, 'list.txt');
const config = join(projectWork, 'config.yaml');

/** Feeds carry public addresses: lines touching a special-purpose block are regenerated, so every tool has the same job. */
function generate(): string {
  const lines: string[] = [];
  let seed = SEED;
  while (lines.length < LINES) {
    for (const line of randomList({ lines: LINES, seed: seed++, cidrShare: 0.2, shortestPrefix: 11 }).split('\n')) {
      if (line === '' || lines.length === LINES) continue;
      const [address, prefix = '32'] = line.split('/');
      const start = address!.split('.').reduce((a, o) => a * 256 + Number(o), 0);
      if (!SPECIAL_SET.overlaps(start, start + 2 ** (32 - Number(prefix)) - 1)) lines.push(line);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Transpiles the engine and the two runners into `work/js`, keeping the project's layout. */
function transpile(): string {
  const out = join(work, 'js');
  const sources = [
    ...readdirSync(join(ROOT, 'src/threatlist')).map((f) => join(ROOT, 'src/threatlist', f)),
    join(ROOT, 'bench/lists/engine-run.ts'),
    join(ROOT, 'bench/lists/cidr-tools-run.ts'),
  ];
  for (const file of sources) {
    const js = ts.transpileModule(readFileSync(file, 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
      fileName: file,
    }).outputText;
    const target = join(out, relative(ROOT, file)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, js);
  }
  return out;
}

interface Sample {
  readonly ms: number;
  readonly rssMb: number | undefined;
  readonly report: string;
}

const gnuTime = existsSync('/usr/bin/time') && spawnSync('/usr/bin/time', ['-f', '%M', 'true']).status === 0;

/** Runs a command, timing it from outside; peak RSS from GNU time when present. */
function measure(command: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): Sample {
  const rssFile = join(work, 'rss');
  const [cmd, argv] = gnuTime ? ['/usr/bin/time', ['-f', '%M', '-o', rssFile, command, ...args]] : [command, [...args]];
  const start = process.hrtime.bigint();
  const run = spawnSync(cmd, argv, { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${run.status}):\n${run.stderr}`);
  const rssMb = gnuTime ? Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) / 1024 : undefined;
  return { ms, rssMb, report: run.stdout };
}

/** A list file without its `#` header (the CLI's names the sources and the sha256). */
const addressLines = (file: string) => readFileSync(file, 'utf8').replace(/^(#.*\n)+/, '');
const lineCount = (file: string) => addressLines(file).split('\n').filter(Boolean).length;

function main(): void {
  process.stdout.write(`generating ${LINES.toLocaleString('en-US')} lines (seed ${SEED})... `);
  writeFileSync(input, generate());
  console.log(`${(statSync(input).size / 1e6).toFixed(1)} MB`);
  writeFileSync(
    config,
    `prefix: bench\nhomeRegion: us-east-1\naccounts: { admin: { accountId: "111111111111" } }\nthreatLists:\n  threat: [ { name: big, files: [${relative(ROOT, input)}] } ]\n`,
  );
  const js = transpile();
  const env = { ...process.env, NODE_PATH: join(ROOT, 'node_modules') };
  const cidrToolsEntry = pathToFileURL(require.resolve('cidr-tools')).href;
  const hasIprange = spawnSync('iprange', ['--has-compare']).status === 0;
  const outputs = { engine: join(work, 'engine.txt'), shipped: join(work, 'shipped.txt'), shippedCold: join(work, 'shipped.txt'), iprange: join(work, 'iprange.txt'), cidrTools: join(work, 'cidr-tools.txt') };
  spawnSync(process.execPath, [join(ROOT, 'bin/build.js')], { cwd: ROOT, stdio: 'inherit' }); // no timed run pays for a build

  const shippedRun = () => measure('sh', ['-c', 'cd "$1" && exec "$2" bin/threatlists normalize -c "$3" --list big > "$4"', 'sh', ROOT, process.execPath, config, outputs.shipped]);
  const dropCaches = () => {
    for (const cache of ['.code-cache', '.config-cache']) rmSync(join(ROOT, 'dist', cache), { recursive: true, force: true });
  };

  type Tool = 'engine' | 'shipped' | 'shippedCold' | 'iprange' | 'cidrTools';
  const tools: { key: Tool; name: string; run: () => Sample }[] = [
    { key: 'engine', name: 'threatlists engine (node)', run: () => measure(process.execPath, [join(js, 'bench/lists/engine-run.js'), input, outputs.engine], env) },
    { key: 'shipped', name: 'bin/threatlists normalize', run: shippedRun },
    {
      key: 'shippedCold',
      name: '  the same, cold (no caches)',
      run: () => {
        dropCaches();
        return shippedRun();
      },
    },
    ...(hasIprange
      ? [{ key: 'iprange' as const, name: 'FireHOL iprange', run: () => measure('sh', ['-c', 'exec iprange "$1" > "$2"', 'iprange', input, outputs.iprange]) }]
      : []),
    { key: 'cidrTools', name: 'cidr-tools mergeCidr (node)', run: () => measure(process.execPath, [join(js, 'bench/lists/cidr-tools-run.js'), input, outputs.cidrTools, cidrToolsEntry], env) },
  ];
  if (!hasIprange) console.log('iprange is not on PATH (apt-get install iprange): skipping it and the ratio to it');

  const samples = new Map<Tool, Sample[]>(tools.map((t) => [t.key, []]));
  for (const t of tools) t.run(); // warm the file cache and the transpiled code
  for (let round = 0; round < RUNS; round++) {
    const order = round % 2 === 0 ? tools : [...tools].reverse();
    for (const t of order) samples.get(t.key)!.push(t.run());
  }
  const phases = JSON.parse(measure(process.execPath, [join(js, 'bench/lists/engine-run.js'), input, outputs.engine, 'phases'], env).report) as Record<string, number>;

  const rows = tools.map((t) => {
    const s = samples.get(t.key)!;
    const rss = s.map((x) => x.rssMb).filter((x): x is number => x !== undefined);
    return { key: t.key, name: t.name, ms: median(s.map((x) => x.ms)), rssMb: rss.length > 0 ? Math.max(...rss) : undefined, lines: lineCount(outputs[t.key]) };
  });
  console.log(`\nparse + validate + normalize, ${LINES.toLocaleString('en-US')} lines, median wall time of ${RUNS} runs per tool, each in its own process`);
  for (const r of rows) {
    console.log(
      `  ${r.name.padEnd(28)} ${r.ms.toFixed(0).padStart(6)} ms   peak RSS ${r.rssMb === undefined ? '  n/a' : r.rssMb.toFixed(0).padStart(5)} MB   ${r.lines.toLocaleString('en-US')} output lines`,
    );
  }
  console.log(`  engine phases (one run, in-process): ${Object.entries(phases).filter(([k]) => k !== 'entries').map(([k, v]) => `${k} ${v} ms`).join(', ')}`);

  const engine = rows.find((r) => r.key === 'engine')!;
  const iprange = rows.find((r) => r.key === 'iprange');
  const shipped = rows.find((r) => r.key === 'shipped')!;
  const cidrTools = rows.find((r) => r.key === 'cidrTools')!;
  if (iprange) {
    const ratio = engine.ms / iprange.ms;
    console.log(`  engine / iprange wall time  ${ratio.toFixed(2)}x   (target <= ${TARGET.ratio.toFixed(1)}x: ${ratio <= TARGET.ratio ? 'met' : 'NOT MET'})`);
    const shippedRatio = shipped.ms / iprange.ms;
    console.log(`  bin/threatlists / iprange   ${shippedRatio.toFixed(2)}x   (target <= ${TARGET.ratio.toFixed(1)}x: ${shippedRatio <= TARGET.ratio ? 'met' : 'NOT MET'})`);
    console.log(`    cold (first run after a build) ${(rows.find((r) => r.key === 'shippedCold')!.ms / iprange.ms).toFixed(2)}x`);
    console.log(`  bin/threatlists address lines identical to iprange's: ${addressLines(outputs.shipped) === readFileSync(outputs.iprange, 'utf8') ? 'yes, byte for byte' : 'NO'}`);
    console.log(`  cidr-tools / iprange        ${(cidrTools.ms / iprange.ms).toFixed(2)}x`);
    const same = readFileSync(outputs.engine, 'utf8') === readFileSync(outputs.iprange, 'utf8');
    console.log(`  engine output identical to iprange's: ${same ? 'yes, byte for byte' : 'NO'}`);
  }
  if (engine.rssMb !== undefined) {
    console.log(`  engine peak RSS             ${engine.rssMb.toFixed(0)} MB   (target <= ${TARGET.rssMb} MB: ${engine.rssMb <= TARGET.rssMb ? 'met' : 'NOT MET'})`);
    console.log(`  bin/threatlists peak RSS    ${shipped.rssMb!.toFixed(0)} MB   (target <= ${TARGET.rssMb} MB: ${shipped.rssMb! <= TARGET.rssMb ? 'met' : 'NOT MET'})`);
  } else {
    console.log('  peak RSS needs GNU time (/usr/bin/time); not measured');
  }
}

try {
  main();
} finally {
  rmSync(work, { recursive: true, force: true });
  rmSync(projectWork, { recursive: true, force: true });
}
