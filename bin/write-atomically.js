'use strict';
/**
 * The launchers' atomic write (the build manifest, the code caches): beside
 * the target under a temporary name, then renamed, so a parallel launcher
 * never reads half a file. src/files/write-atomically.ts is the same for the
 * compiled code; this one is plain JavaScript because it runs before
 * anything is compiled. Throws what the write threw, leaving no temporary
 * file behind.
 */
const fs = require('node:fs');
const path = require('node:path');

function writeFileAtomically(file, data) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temporary, data);
    fs.renameSync(temporary, file);
  } catch (err) {
    fs.rmSync(temporary, { force: true });
    throw err;
  }
}

module.exports = { writeFileAtomically };
