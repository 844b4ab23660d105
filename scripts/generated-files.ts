/** What the generators (`npm run schema`, `npm run iam`) share: finding stale files, and writing or checking them. */
import { readFileSync, writeFileSync } from 'node:fs';

/** The files whose content differs from the wanted text (or that are missing), with that text. */
export function staleFiles(wanted: readonly [string, string][]): [string, string][] {
  return wanted.filter(([file, text]) => {
    try {
      return readFileSync(file, 'utf8') !== text;
    } catch {
      return true;
    }
  });
}

/** `--check`: names each stale file and returns 1 when any is; otherwise writes them and returns 0. */
export function writeOrCheck(stale: readonly [string, string][], check: boolean, command: string): number {
  if (check) {
    for (const [file] of stale) process.stderr.write(`${file} is out of date: run ${command}\n`);
    return stale.length > 0 ? 1 : 0;
  }
  for (const [file, text] of stale) {
    writeFileSync(file, text);
    process.stdout.write(`wrote ${file}\n`);
  }
  return 0;
}
