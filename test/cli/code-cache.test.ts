import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The launchers' V8 code cache (bin/code-cache.js), run in child processes: the cache is written as a process exits.
const CODE_CACHE = join(__dirname, '..', '..', 'bin', 'code-cache.js');

describe('bin/code-cache.js', () => {
  let dist: string;
  beforeEach(() => {
    dist = mkdtempSync(join(tmpdir(), 'gd-code-cache-'));
    // A module that uses require, module.exports and __dirname the way a bundle does.
    writeFileSync(join(dist, 'app.js'), "const path = require('node:path');\nmodule.exports = { answer: 42, here: path.basename(__dirname) };\n");
  });
  afterEach(() => {
    rmSync(dist, { recursive: true, force: true });
  });

  /** The cache files by name and command (each is also named after the build of app.js it was made from). */
  function caches(): string[] {
    return readdirSync(join(dist, '.code-cache'))
      .map((f) => f.replace(/\.\d+-\d+\.v8$/, ''))
      .sort();
  }

  /** Loads app.js as a launcher would for `<launcher> <command>`, and prints what it exported and what became of the cache. */
  function run(command: string, status = 0): { exports: { answer: number; here: string }; cache: string } {
    const script = `const { loadWithCodeCache } = require(${JSON.stringify(CODE_CACHE)});
      const { exports, cache } = loadWithCodeCache(${JSON.stringify(join(dist, 'app.js'))}, ${JSON.stringify(dist)}, 'app', ['node', 'launcher', ${JSON.stringify(command)}]);
      process.stdout.write(JSON.stringify({ exports, cache }));`;
    const child = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    expect(child.stderr).toBe('');
    expect(child.status).toBe(status);
    return JSON.parse(child.stdout) as { exports: { answer: number; here: string }; cache: string };
  }

  it('runs the module as CommonJS, writes a cache at exit and uses it on the next start of the same command', () => {
    const first = run('normalize');
    expect(first).toEqual({ exports: { answer: 42, here: dist.split('/').pop() }, cache: 'missing' });
    expect(caches()).toEqual(['app.normalize']);
    expect(run('normalize').cache).toBe('accepted');
    // Another command has its own cache: it compiles other functions.
    expect(run('validate').cache).toBe('missing');
    expect(caches()).toEqual(['app.normalize', 'app.validate']);
  });

  it('a cache V8 refuses (another Node, a damaged file) is replaced, and the module still runs', () => {
    run('normalize');
    writeFileSync(join(dist, '.code-cache', readdirSync(join(dist, '.code-cache'))[0]!), Buffer.alloc(4096, 7));
    const damaged = run('normalize');
    expect(damaged).toEqual({ exports: { answer: 42, here: dist.split('/').pop() }, cache: 'rejected' });
    expect(run('normalize').cache).toBe('accepted');
  });

  it('where the cache cannot be written (a read-only dist/), the module runs without one and without an error', () => {
    // A file where the cache folder belongs: the write fails for every user, root included (chmod does not stop root).
    writeFileSync(join(dist, '.code-cache'), '');
    expect(run('normalize')).toEqual({ exports: { answer: 42, here: dist.split('/').pop() }, cache: 'missing' });
    expect(run('normalize').cache).toBe('missing');
    expect(readdirSync(dist).sort()).toEqual(['.code-cache', 'app.js']);
  });

  it('arguments that are not a command name share one cache file', () => {
    run('--help');
    run('../../etc');
    expect(caches()).toEqual(['app._']);
  });

  it('a file that is not ASCII is read as UTF-8', () => {
    writeFileSync(join(dist, 'app.js'), 'module.exports = { answer: 42, here: "≤ 1.0× — ok" };\n');
    expect(run('normalize').exports.here).toBe('≤ 1.0× — ok');
  });

  it('a run that fails writes no cache: a mistyped command leaves nothing named after it', () => {
    writeFileSync(join(dist, 'app.js'), 'process.exitCode = 2;\nmodule.exports = { answer: 42, here: "" };\n');
    expect(run('nromalize', 2).cache).toBe('missing');
    expect(readdirSync(dist)).toEqual(['app.js']);
  });
  it('a run that started before a rebuild and exits after it leaves no cache the new build would take for its own', async () => {
    // V8 checks a cache against its source's length only: a cache of the old build, accepted for a new one of the same
    // length, runs the old code. Here the run on the old build writes its cache (at exit) into the new dist/.
    writeFileSync(join(dist, 'app.js'), 'module.exports = { answer: 42, here: "OLD!" };\n');
    const go = join(dist, '..', `${dist.split('/').pop()}.go`);
    const script = `const { loadWithCodeCache } = require(${JSON.stringify(CODE_CACHE)});
      loadWithCodeCache(${JSON.stringify(join(dist, 'app.js'))}, ${JSON.stringify(dist)}, 'app', ['node', 'launcher', 'normalize']);
      process.stdout.write('loaded\\n');
      const fs = require('node:fs');
      while (!fs.existsSync(${JSON.stringify(go)})) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);`;
    const long = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      await new Promise<void>((resolve) => long.stdout.once('data', () => resolve()));
      // The rebuild: a new folder put in place of dist/, its bundle the same length as the old one.
      const next = `${dist}.next`;
      mkdirSync(next);
      writeFileSync(join(next, 'app.js'), 'module.exports = { answer: 42, here: "NEW!" };\n');
      rmSync(dist, { recursive: true, force: true });
      renameSync(next, dist);
    } finally {
      writeFileSync(go, '');
    }
    const status = await new Promise<number | null>((resolve) => long.once('exit', resolve));
    rmSync(go, { force: true });
    expect(status).toBe(0);
    expect(existsSync(join(dist, '.code-cache'))).toBe(true); // the old run did write its cache into the new dist/
    expect(run('normalize').exports.here).toBe('NEW!');
    expect(run('normalize')).toEqual({ exports: { answer: 42, here: 'NEW!' }, cache: 'accepted' });
  });
});
