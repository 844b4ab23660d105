import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, normalize } from 'node:path';

/**
 * The one place the engine touches the file system. Everything else takes
 * text or bytes, so tests and `threatlists diff` (which reads another git
 * revision) can hand the engine other files.
 */
export interface ListFileReader {
  /** Project-relative files a config path or glob names, sorted; empty if none. */
  expand(pattern: string): string[];
  /** Raw bytes of a project-relative file (the parser reads bytes: no decode of a 35 MB list); throws an Error whose message says why not. */
  read(file: string): Uint8Array;
}

/** Glob syntax tinyglobby understands; a path without any is a plain file name. */
const GLOB_CHARACTERS = /[*?[\]{}()!+@]/;

/** Reads list files under the project root. */
export function projectFileReader(root: string): ListFileReader {
  return {
    expand(pattern) {
      if (!GLOB_CHARACTERS.test(pattern)) {
        const file = normalize(pattern);
        const path = isAbsolute(file) ? file : join(root, file);
        return existsSync(path) && statSync(path).isFile() ? [file] : [];
      }
      // Loaded on first use: a config of plain paths (and the benchmark) skips its start-up cost.
      const { globSync } = require('tinyglobby') as typeof import('tinyglobby');
      return globSync(pattern, { cwd: root, onlyFiles: true, expandDirectories: false }).sort();
    },
    read(file) {
      return readFileSync(isAbsolute(file) ? file : join(root, file));
    },
  };
}
