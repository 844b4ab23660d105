#!/usr/bin/env node
'use strict';
/**
 * The compiled build in dist/ and its staleness rule (CONTRIBUTING.md, "Build").
 *
 * `npm run build` (this file run directly) compiles main.ts, src/, modules/
 * and cli/ with tsc (tsconfig.build.json) into dist/ and writes
 * dist/.build-manifest.json: a SHA-256 of every build input (those sources
 * plus tsconfig.json, tsconfig.build.json, this file and package-lock.json).
 *
 * Each entry (the synth app main.ts, what cdktf.json runs through
 * bin/synth, and the two CLIs) is then bundled with esbuild into one file,
 * dist/<entry>.js: one file instead of hundreds of modules to resolve and
 * load (the synth app 0.84x, threatlists 0.7x of the per-module start-up;
 * CONTRIBUTING.md "Benchmarks"). The AWS SDK stays outside guardduty-ops'
 * bundle: only the commands that call AWS load it, on first use, so
 * --help does not parse it. Launchers run a bundle with a V8 code cache
 * (bin/code-cache.js).
 *
 * The launchers (bin/threatlists, bin/guardduty-ops, bin/synth) call
 * `ensureBuilt()`: dist/ is used only when its manifest hash equals the hash
 * of the sources now (content, not mtimes: a checkout that rewrites files
 * with the same content stays fresh, an edit never goes unnoticed). The
 * manifest also keeps each input's size and mtime, so a launcher hashes only
 * when one of those moved (a stat of each input, not a read). When dist/ is
 * missing or stale, they rebuild if typescript and esbuild (both
 * devDependencies) are installed, and otherwise fail naming `npm run build`.
 * Plain JavaScript, node builtins only: it runs before anything is compiled.
 */
// node:crypto and node:child_process are loaded where used: a fresh start needs neither.
const fs = require('node:fs');
const path = require('node:path');
const { loadWithCodeCache } = require('./code-cache');
const { writeFileAtomically } = require('./write-atomically');

const ROOT = path.join(__dirname, '..');
const DIST = path.join(ROOT, 'dist');
const MANIFEST = '.build-manifest.json';
/**
 * Validated configs of the CLIs (src/config/validated-config-cache.ts): inside dist/, so a rebuild drops them,
 * in a folder per bundle build (configCache()), so a run that started before a rebuild and validates after it
 * (by the old rules) never writes where the new build reads.
 */
const CONFIG_CACHE = path.join(DIST, '.config-cache');
const LOCK = path.join(ROOT, 'dist.lock');
const SOURCE_DIRS = ['cli', 'src', 'modules'];
const SOURCE_FILES = ['main.ts', 'tsconfig.json', 'tsconfig.build.json', 'bin/build.js'];
/**
 * The installed dependencies, as far as a checkout records them: the bundles hold zod, yaml, commander and cdktf,
 * so an `npm ci` that moves one of them must rebuild (an input only where it exists: not every install has one).
 */
const DEPENDENCY_FILES = ['package-lock.json'];
/** What esbuild bundles: dist/<name>.js from the compiled entry `from`. */
const BUNDLES = [
  { name: 'synth', from: 'main.js', external: [] },
  { name: 'threatlists', from: 'cli/threatlists/main.js', external: [] },
  { name: 'guardduty-ops', from: 'cli/guardduty-ops/main.js', external: ['@aws-sdk/*'] },
];
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
  const files = [...SOURCE_FILES, ...DEPENDENCY_FILES.filter((f) => fs.existsSync(path.join(ROOT, f)))];
  for (const dir of SOURCE_DIRS) walk(dir, files);
  return files.sort();
}

/** SHA-256 over every input's path and content. */
function inputsHash(files = inputs()) {
  const hash = require('node:crypto').createHash('sha256');
  for (const file of files) {
    hash.update(`${file}\0`);
    hash.update(fs.readFileSync(path.join(ROOT, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** Each input's size and mtime: when none moved since the manifest was written, the content has not been re-read. */
function inputStats(files) {
  const stats = {};
  for (const file of files) {
    const stat = fs.statSync(path.join(ROOT, file));
    stats[file] = `${stat.size}:${stat.mtimeMs}`;
  }
  return stats;
}

function sameStats(a, b) {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

function readManifest() {
  try {
    return JSON.parse(fs.readFileSync(path.join(DIST, MANIFEST), 'utf8'));
  } catch {
    return undefined;
  }
}

/** Atomically: a launcher never reads half a manifest. */
function writeManifest(dir, manifest) {
  writeFileAtomically(path.join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
}

/**
 * Why dist/ cannot be used as it is, or undefined when it is current. The
 * content hash decides; the stats only skip it when no input was touched.
 */
function staleness() {
  const manifest = readManifest();
  if (!manifest) return 'dist/ has not been built';
  const files = inputs();
  // Stats before the hash: a file edited in between then differs from its recorded stat, and the next start hashes again.
  const stats = inputStats(files);
  if (manifest.stats && sameStats(manifest.stats, stats)) return undefined;
  if (manifest.hash !== inputsHash(files)) return 'a source changed since dist/ was built';
  // Same content, touched files (a checkout, a branch switch and back): remember the stats so the next start skips the hash.
  refreshStats(manifest.hash, stats);
  return undefined;
}

/**
 * Records `stats` in the manifest of the build whose hash was just found
 * current. Under dist.lock, which every build holds until its dist/ is in
 * place, and only while the manifest is still that build's: written without
 * both, a build that replaced dist/ meanwhile (from edited sources) got the
 * old hash written over its own, and once the edit was undone its output
 * passed for the old sources'. When the lock is held (a build is running)
 * or cannot be taken (a read-only checkout), nothing is written and the next
 * start hashes again.
 */
function refreshStats(hash, stats) {
  try {
    fs.writeFileSync(LOCK, String(process.pid), { flag: 'wx' });
  } catch {
    return;
  }
  try {
    const manifest = readManifest();
    if (manifest && manifest.hash === hash) writeManifest(DIST, { ...manifest, stats });
  } catch {
    // A read-only dist/ stays usable: each start hashes.
  } finally {
    fs.rmSync(LOCK, { force: true });
  }
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

/**
 * esbuild escapes non-ASCII characters in strings and regular expressions
 * but keeps some comments as written (a few in zod hold "—" or "à"); one
 * such character makes the whole bundle a two-byte string to decode and
 * scan. Escaped here too, every bundle is ASCII, which the launchers read
 * as a one-byte string (bin/code-cache.js). Only in lines that are a
 * `//` comment, where `\uXXXX` is inert text: esbuild keeps non-ASCII as
 * written in template literals too (their raw text, which String.raw and
 * other tags read), where an escape would change what the code computes.
 * Anything else stays UTF-8: correct, read slower, and
 * test/cli/dist.test.ts then names the bundle that is not ASCII.
 */
function asciiOnly(file) {
  const text = fs.readFileSync(file, 'utf8');
  const ascii = text
    .split('\n')
    .map((line) => (/^\s*\/\//.test(line) ? line.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : line))
    .join('\n');
  if (ascii !== text) fs.writeFileSync(file, ascii);
}

/** What builds that failed or were killed left beside dist/ (called under dist.lock: no build is running). */
function removeLeftovers() {
  for (const entry of fs.readdirSync(ROOT)) {
    if (!/^dist\.(next|old)-\d+(-\d+)?$/.test(entry)) continue;
    try {
      fs.rmSync(path.join(ROOT, entry), { recursive: true, force: true, maxRetries: 3 });
    } catch {
      // Left for the next build.
    }
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
  const files = inputs();
  const stats = inputStats(files);
  const hash = inputsHash(files);
  const next = `${DIST}.next-${process.pid}`;
  fs.rmSync(next, { recursive: true, force: true });
  removeLeftovers();
  // Emit only (isolatedModules): the output equals a type-checked build; npm run typecheck checks types.
  const run = require('node:child_process').spawnSync(
    process.execPath,
    [tsc, '-p', path.join(ROOT, 'tsconfig.build.json'), '--noCheck', '--noResolve', '--outDir', next],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (run.status !== 0) {
    fs.rmSync(next, { recursive: true, force: true });
    throw new BuildError(`tsc failed (exit ${run.status}):\n${run.stdout}${run.stderr}`);
  }
  for (const bundle of BUNDLES) {
    try {
      esbuild.buildSync({
        entryPoints: [path.join(next, bundle.from)],
        outfile: path.join(next, `${bundle.name}.js`),
        bundle: true,
        platform: 'node',
        target: 'node20',
        external: bundle.external,
        logLevel: 'silent',
      });
    } catch (err) {
      fs.rmSync(next, { recursive: true, force: true });
      throw new BuildError(`esbuild failed to bundle ${bundle.name}:\n${err.message}`);
    }
    asciiOnly(path.join(next, `${bundle.name}.js`));
  }
  const versions = { typescript: require(path.join(path.dirname(tsc), '..', 'package.json')).version, esbuild: esbuild.version };
  writeManifest(next, { hash, ...versions, stats });
  replaceDist(next);
}

/**
 * Puts `next` in place of dist/ while runs of the old build may still write
 * their caches into dist/ (at exit, bin/code-cache.js; the validated
 * configs): removed in place, a folder such a write adds to failed the
 * removal (ENOTEMPTY) and the build with it, leaving dist/ half deleted. So
 * the old dist/ is renamed aside first and removed after, and a dist/ that
 * a write made anew between the two renames is moved aside in turn. A late
 * write lands in a folder named after the old bundle, which the new build
 * never reads.
 */
function replaceDist(next) {
  const aside = [];
  for (let attempt = 0; ; attempt++) {
    const old = `${DIST}.old-${process.pid}-${attempt}`;
    try {
      fs.renameSync(DIST, old);
      aside.push(old);
    } catch (err) {
      if (err.code !== 'ENOENT') throw err;
    }
    try {
      fs.renameSync(next, DIST);
      break;
    } catch (err) {
      if (!['ENOTEMPTY', 'EEXIST'].includes(err.code) || attempt >= 10) throw err;
    }
  }
  for (const old of aside) {
    try {
      fs.rmSync(old, { recursive: true, force: true, maxRetries: 3 });
    } catch {
      // Still written into by a run of the old build: git-ignored, and removed by the next build.
    }
  }
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
 * Entry of a launcher: makes dist/ current and returns the exports of
 * dist/<rel>.js (a bundle such as 'threatlists', or one compiled module),
 * run with its code cache. Build failures end the process with one line
 * naming the fix.
 */
function load(name, rel) {
  try {
    ensureBuilt();
  } catch (err) {
    if (!(err instanceof BuildError)) throw err;
    process.stderr.write(`${name}: ${err.message}\n`);
    process.exit(BUILD_FAILED);
  }
  const { exports, build } = loadWithCodeCache(path.join(DIST, `${rel}.js`), DIST, rel.replaceAll('/', '.'));
  loadedBuilds.set(rel, build);
  return exports;
}

/** Which build (bin/code-cache.js) of each file load() ran in this process. */
const loadedBuilds = new Map();

/** The validated-config cache of the build of dist/<rel>.js that load() ran: that build's rules alone fill it. */
function configCache(rel) {
  const build = loadedBuilds.get(rel);
  if (build === undefined) throw new Error(`configCache('${rel}') before load()`);
  return path.join(CONFIG_CACHE, build);
}

module.exports = { ROOT, DIST, CONFIG_CACHE, configCache, BUNDLES, asciiOnly, inputs, inputsHash, staleness, ensureBuilt, build, load, BuildError };

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
