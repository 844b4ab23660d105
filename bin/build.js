#!/usr/bin/env node
'use strict';
/**
 * The compiled build in dist/ and its staleness rule (CONTRIBUTING.md, "Build").
 *
 * `npm run build` (this file run directly) compiles main.ts, src/, modules/
 * and cli/ with tsc (tsconfig.build.json) into dist/ and writes
 * dist/.build-manifest.json: a SHA-256 of every build input (those sources
 * plus tsconfig.json, tsconfig.build.json and this file).
 *
 * The synth app (main.ts, what cdktf.json runs through bin/synth) is then
 * bundled with esbuild into dist/synth.js: one file instead of ~1,000
 * modules to resolve and load, 0.85x the start-up of the per-module build
 * (measured, CONTRIBUTING.md "Benchmarks"). The CLIs stay per-module: they
 * load each command's code only when it runs, which keeps --help fast.
 *
 * The launchers (bin/threatlists, bin/guardduty-ops, bin/synth) call
 * `ensureBuilt()`: dist/ is used only when its manifest hash equals the hash
 * of the sources now (content, not mtimes: a checkout that rewrites files
 * with the same content stays fresh, an edit never goes unnoticed). When it
 * is missing or stale, they rebuild if typescript and esbuild (both
 * devDependencies) are installed, and otherwise fail naming `npm run build`.
 * Plain JavaScript, node builtins only: it runs before anything is compiled.
 */
const { createHash } = require('node:crypto');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');
const DIST = path.join(ROOT, 'dist');
const MANIFEST = '.build-manifest.json';
const LOCK = path.join(ROOT, 'dist.lock');
const SOURCE_DIRS = ['cli', 'src', 'modules'];
const SOURCE_FILES = ['main.ts', 'tsconfig.json', 'tsconfig.build.json', 'bin/build.js'];
/** Exit code when dist/ cannot be made current (the CLIs' "unexpected error" code). */
const BUILD_FAILED = 70;

class BuildError extends Error {}

function walk(dir, out) {
  let entries;
  try {
    entries = fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true });
  } catch (err) {
    if (err.code === 'ENOENT') return;
    throw err;
  }
  for (const entry of entries) {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) walk(rel, out);
    else if (entry.name.endsWith('.ts')) out.push(rel);
  }
}

/** The build inputs, as sorted paths relative to the project root. */
function inputs() {
  const files = [...SOURCE_FILES];
  for (const dir of SOURCE_DIRS) walk(dir, files);
  return files.sort();
}

/** SHA-256 over every input's path and content. */
function inputsHash() {
  const hash = createHash('sha256');
  for (const file of inputs()) {
    hash.update(`${file}\0`);
    hash.update(fs.readFileSync(path.join(ROOT, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

function readManifest() {
  try {
    return JSON.parse(fs.readFileSync(path.join(DIST, MANIFEST), 'utf8'));
  } catch {
    return undefined;
  }
}

/** Why dist/ cannot be used as it is, or undefined when it is current. */
function staleness(hash = inputsHash()) {
  const manifest = readManifest();
  if (!manifest) return 'dist/ has not been built';
  if (manifest.hash !== hash) return 'a source changed since dist/ was built';
  return undefined;
}

function tscPath() {
  try {
    return require.resolve('typescript/lib/tsc.js', { paths: [ROOT] });
  } catch {
    return undefined;
  }
}

function esbuildPath() {
  try {
    return require.resolve('esbuild', { paths: [ROOT] });
  } catch {
    return undefined;
  }
}

/** What a build needs that a production install lacks, as the subject of "... not installed", or undefined. */
function missingBuildTools() {
  const missing = [...(tscPath() ? [] : ['typescript']), ...(esbuildPath() ? [] : ['esbuild'])];
  if (missing.length === 0) return undefined;
  return missing.length === 1 ? `${missing[0]} (a devDependency) is` : `${missing.join(' and ')} (devDependencies) are`;
}

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

/**
 * Runs `fn` holding dist.lock, so parallel launchers (jest workers, two
 * terminals) do not build over each other. A lock whose process is gone is
 * taken over. Returns false when another process built meanwhile.
 */
function withLock(fn, stillNeeded) {
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      fs.writeFileSync(LOCK, String(process.pid), { flag: 'wx' });
      break;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      const holder = Number(fs.readFileSync(LOCK, 'utf8') || 0);
      if (holder && !alive(holder)) {
        fs.rmSync(LOCK, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new BuildError(`dist.lock is held by process ${holder}; remove it if no build is running`);
      sleep(100);
    }
  }
  try {
    if (!stillNeeded()) return false;
    fn();
    return true;
  } finally {
    fs.rmSync(LOCK, { force: true });
  }
}

/** Compiles into a fresh folder, writes its manifest, then puts it in place of dist/. */
function compile() {
  const missing = missingBuildTools();
  if (missing) {
    throw new BuildError(`${missing} not installed: install with dev dependencies and run \`npm run build\``);
  }
  const tsc = tscPath();
  const esbuild = require(esbuildPath());
  const hash = inputsHash();
  const next = `${DIST}.next-${process.pid}`;
  fs.rmSync(next, { recursive: true, force: true });
  // Emit only (isolatedModules): the output equals a type-checked build; npm run typecheck checks types.
  const run = spawnSync(process.execPath, [tsc, '-p', path.join(ROOT, 'tsconfig.build.json'), '--noCheck', '--noResolve', '--outDir', next], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (run.status !== 0) {
    fs.rmSync(next, { recursive: true, force: true });
    throw new BuildError(`tsc failed (exit ${run.status}):\n${run.stdout}${run.stderr}`);
  }
  try {
    esbuild.buildSync({
      entryPoints: [path.join(next, 'main.js')],
      outfile: path.join(next, 'synth.js'),
      bundle: true,
      platform: 'node',
      target: 'node20',
      logLevel: 'silent',
    });
  } catch (err) {
    fs.rmSync(next, { recursive: true, force: true });
    throw new BuildError(`esbuild failed to bundle the synth app:\n${err.message}`);
  }
  const versions = { typescript: require(path.join(path.dirname(tsc), '..', 'package.json')).version, esbuild: esbuild.version };
  fs.writeFileSync(path.join(next, MANIFEST), `${JSON.stringify({ hash, ...versions }, null, 2)}\n`);
  fs.rmSync(DIST, { recursive: true, force: true });
  fs.renameSync(next, DIST);
}

/** `npm run build`: always compiles. */
function build() {
  withLock(compile, () => true);
}

/**
 * Makes dist/ current for a launcher: nothing to do when fresh (one hash of
 * the sources, ~10 ms), else a rebuild, else (no typescript) a BuildError
 * naming `npm run build`.
 */
function ensureBuilt() {
  const why = staleness();
  if (why === undefined) return;
  const missing = missingBuildTools();
  if (missing) {
    throw new BuildError(`${why}, and ${missing} not installed to rebuild it: run \`npm run build\` in a checkout with dev dependencies`);
  }
  if (process.stderr.isTTY) process.stderr.write(`${why}: building dist/ (npm run build)...\n`);
  withLock(compile, () => staleness() !== undefined);
}

/**
 * Entry of a launcher: makes dist/ current and returns the compiled module
 * `rel` (e.g. 'cli/threatlists/main'). Build failures end the process with
 * one line naming the fix.
 */
function load(name, rel) {
  try {
    ensureBuilt();
  } catch (err) {
    if (!(err instanceof BuildError)) throw err;
    process.stderr.write(`${name}: ${err.message}\n`);
    process.exit(BUILD_FAILED);
  }
  return require(path.join(DIST, `${rel}.js`));
}

module.exports = { ROOT, DIST, inputs, inputsHash, staleness, ensureBuilt, build, load, BuildError };

if (require.main === module) {
  const started = Date.now();
  try {
    build();
  } catch (err) {
    if (!(err instanceof BuildError)) throw err;
    process.stderr.write(`build: ${err.message}\n`);
    process.exit(BUILD_FAILED);
  }
  process.stdout.write(`built dist/ from ${inputs().length} inputs in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}
