import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { UsageError } from '../../src/ops/usage-error';

/** A git revision's list files, copied into a temporary directory laid out like the project. */
export interface RevisionCheckout {
  readonly dir: string;
  /** The revision as git resolved it. */
  readonly commit: string;
  dispose(): void;
}

/**
 * Copies the files a revision has under the fixed part of each pattern
 * (`threatlists/threat/*.txt` → `threatlists/threat/`) into a temporary
 * directory, read with `git show <ref>:<path>`. The engine then builds that
 * directory exactly as it builds the working tree: same globs, same
 * reader. A file absent at the revision is simply not there, i.e. empty.
 */
export function checkoutRevision(root: string, ref: string, patterns: readonly string[]): RevisionCheckout {
  const git = (args: string[]): Buffer => execFileSync('git', args, { cwd: root, maxBuffer: 512 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  let commit: string;
  try {
    commit = git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]).toString().trim();
  } catch (err) {
    const stderr = String((err as { stderr?: Buffer }).stderr ?? '');
    if (/not a git repository/i.test(stderr)) throw new UsageError(`${root} is not in a git repository: diff compares against a git revision`);
    throw new UsageError(`git does not know the revision "${ref}" (fetch it first, e.g. git fetch origin ${ref})`);
  }

  const prefixes = [...new Set(patterns.map(fixedPrefix))];
  const listed = git(['ls-tree', '-r', '-z', '--name-only', commit, '--', ...prefixes])
    .toString()
    .split('\0')
    .filter((p) => p !== '');
  const dir = mkdtempSync(join(tmpdir(), 'threatlists-base-'));
  try {
    for (const path of listed) {
      const target = join(dir, path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, git(['show', `${commit}:./${path}`]));
    }
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return { dir, commit, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The directories of a glob before its first wildcard: `threatlists/threat/*.txt` → `threatlists/threat`. */
export function fixedPrefix(pattern: string): string {
  const segments = pattern.replace(/^\.\//, '').split('/');
  const fixed: string[] = [];
  for (const segment of segments) {
    if (/[*?[\]{}()!+@]/.test(segment)) break;
    fixed.push(segment);
  }
  return fixed.length > 0 ? fixed.join('/') : '.';
}
