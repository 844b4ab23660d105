'use strict';
/**
 * Loads a compiled file of dist/ with a V8 code cache beside it, so a CLI
 * start does not compile the same JavaScript again on every run.
 *
 * Node 20 has no module compile cache (module.enableCompileCache() arrived
 * in Node 22.1), so this does what it does with the public `vm` API: the
 * file runs as a CommonJS module through `vm.Script` with `cachedData`, and
 * when there was no cache, or V8 refused it (another Node version or V8
 * flags: `script.cachedDataRejected`), the process writes one as it exits
 * with status 0. A cache made at exit holds every function the run
 * compiled; one made before running holds only the top level and started
 * 1.33x slower (CONTRIBUTING.md, "Build and launchers"). Commands compile
 * different functions, so each command (the first argument) has its own.
 *
 * The caches live in dist/.code-cache/ and go with dist/ when it is
 * rebuilt. V8 checks a cache against its source's length, not its content
 * (a cache of another source of the same length is accepted and runs that
 * other code), so a cache is also named after the very file it was made
 * from (inode and mtime): a run that started on the old build and exits
 * after a rebuild writes its cache into the new dist/ under the old file's
 * name, where no run of the new build looks. They are written to a
 * temporary name and renamed, so parallel runs (jest workers) never read
 * half a file; where dist/ is read-only the write is skipped and every run
 * compiles, as without a cache.
 */
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const { createRequire, wrap } = require('node:module');
const { isAscii } = require('node:buffer');
const { writeFileAtomically } = require('./write-atomically');

/** The cache's file name part for this run's command: its first argument when it looks like a command name. */
function commandKey(argv) {
  const first = argv[2];
  return first !== undefined && /^[a-z][a-z0-9-]{0,40}$/.test(first) ? first : '_';
}

function readCache(file) {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

function writeCache(file, data) {
  try {
    writeFileAtomically(file, data);
  } catch {
    // A read-only dist/: every run compiles, as without a cache.
  }
}

/** The file's bytes and which file they are (inode and mtime of the open file, not of a path a rebuild may replace meanwhile). */
function readSource(file) {
  const fd = fs.openSync(file, 'r');
  try {
    const stat = fs.fstatSync(fd, { bigint: true });
    return { bytes: fs.readFileSync(fd), build: `${stat.ino}-${stat.mtimeNs}` };
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Runs `file` (absolute, in `dist`) as a CommonJS module with the code cache
 * of `name` and this command. Returns its exports, what became of the
 * cache: 'accepted' (V8 used it), 'missing' or 'rejected' (one is written at
 * exit), and `build`, which names the very file that ran (its inode and
 * mtime) for caches of anything else that file computes.
 */
function loadWithCodeCache(file, dist, name, argv = process.argv) {
  const { bytes, build } = readSource(file);
  const cacheFile = path.join(dist, '.code-cache', `${name}.${commandKey(argv)}.${build}.v8`);
  const cachedData = readCache(cacheFile);
  // An ASCII file (bin/build.js makes the bundles so) is a one-byte string: threatlists.js decodes in ~2 ms against ~7 ms
  // with one non-ASCII character (a two-byte string). latin1 saves a little more (~0.4 ms) than UTF-8 on the same ASCII bytes.
  const source = bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
  const script = new vm.Script(wrap(source), { filename: file, cachedData });
  const cache = cachedData === undefined ? 'missing' : script.cachedDataRejected ? 'rejected' : 'accepted';
  // Only a run that succeeded: a typo (`threatlists nromalize`) must not leave a cache named after it.
  if (cache !== 'accepted') process.once('exit', (code) => code === 0 && writeCache(cacheFile, script.createCachedData()));
  const mod = { exports: {}, id: file, filename: file, loaded: false };
  script.runInThisContext()(mod.exports, createRequire(file), mod, file, path.dirname(file));
  mod.loaded = true;
  return { exports: mod.exports, cache, build };
}

module.exports = { loadWithCodeCache, commandKey };
