import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { CliIo } from '../../cli/common/io';
import { run } from '../../cli/threatlists/program';

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `threatlists <args>` in-process with captured streams. */
export async function threatlists(args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv; now?: Date; tty?: boolean }): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    cwd: options.cwd,
    env: options.env ?? {},
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    isTTY: options.tty ?? false,
    now: () => (options.now ?? new Date('2026-11-23T12:00:00Z')).getTime(),
  };
  const code = await run(args, io);
  return { code, stdout, stderr };
}

/** The example config's head plus a threatLists section. */
export function configWithLists(threatLists: string): string {
  return `prefix: acme\nhomeRegion: us-east-1\naccounts:\n  admin: { accountId: "111111111111" }\nthreatLists:\n${threatLists}`;
}

export const DEFAULT_LISTS = `  trusted: { name: trusted, files: [threatlists/trusted/*.txt] }
  threat: [ { name: feeds, files: [threatlists/threat/*.txt], format: TXT } ]
  policy: { expiredEntries: error, widestTrustedPrefix: 16 }
`;

/** A temporary project: guardduty.yaml and list files. */
export function cliProject(files: Record<string, string>) {
  const root = mkdtempSync(join(tmpdir(), 'threatlists-cli-'));
  const write = (more: Record<string, string>) => {
    for (const [path, text] of Object.entries(more)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
  };
  write({ 'guardduty.yaml': configWithLists(DEFAULT_LISTS), ...files });
  return { root, write, remove: () => rmSync(root, { recursive: true, force: true }) };
}
