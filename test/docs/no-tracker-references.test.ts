import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Docs, comments and test names describe the behaviour itself, not the
 * planning document or tracker item it came from: a reader of the
 * repository has neither. References to other projects' trackers in prose
 * ("terraform-provider-aws issue 3380") are fine and not matched.
 */
const root = join(__dirname, '..', '..');

const PATTERNS: readonly RegExp[] = [
  /\bseed [0-9]/i, // a planning document by number
  /\bissues? #[0-9]/i, // this project's tracker
  /(^|[\s(])#[0-9]+ \(/, // a bare tracker number followed by a parenthesis
];

const TEXT_FILE = /\.(ts|js|json|md|ya?ml|txt)$|^\.ci\/run$|^bin\//;
const SKIPPED = new Set(['package-lock.json']);

function trackedTextFiles(): string[] {
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' });
  return listed
    .split('\0')
    .filter((path) => path !== '' && !SKIPPED.has(path) && !path.startsWith('node_modules') && TEXT_FILE.test(path));
}

/** `file:line: text` for each line matching one of the patterns. */
export function trackerReferences(files: readonly string[], read: (file: string) => string): string[] {
  return files.flatMap((file) => {
    let text: string;
    try {
      text = read(file);
    } catch {
      return []; // listed by git but deleted in the working tree
    }
    return text.split('\n').flatMap((line, i) => (PATTERNS.some((p) => p.test(line)) ? [`${file}:${i + 1}: ${line.trim()}`] : []));
  });
}

describe('no references to planning documents or tracker numbers', () => {
  it('in any tracked text file', () => {
    const files = trackedTextFiles();
    expect(files).toEqual(expect.arrayContaining(['README.md', 'main.ts']));
    expect(trackerReferences(files, (file) => readFileSync(join(root, file), 'utf8'))).toEqual([]);
  });

  it('catches a planted reference of each kind, and leaves other projects\u2019 issue numbers alone', () => {
    const planted: Record<string, string> = {
      'a.md': ['As seed ' + '004 walks through', 'fine: a seeded PRNG'].join('\n'),
      'b.ts': ['// issue ' + '#6: export', '// terraform-provider-aws issue 3380'].join('\n'),
      'c.md': 'Targets (#' + '5 (iprange)',
    };
    expect(trackerReferences(Object.keys(planted), (f) => planted[f] ?? '')).toEqual([
      'a.md:1: As seed ' + '004 walks through',
      'b.ts:1: // issue ' + '#6: export',
      'c.md:1: Targets (#' + '5 (iprange)',
    ]);
  });
});
