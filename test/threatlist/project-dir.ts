import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { ThreatListsConfig } from '../../src/threatlist';

/** A throwaway project root holding list files, for tests that read files. */
export function projectDir(files: Record<string, string>): { root: string; write(files: Record<string, string>): void; remove(): void } {
  const root = mkdtempSync(join(tmpdir(), 'threatlists-test-'));
  const write = (more: Record<string, string>) => {
    for (const [path, text] of Object.entries(more)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
  };
  write(files);
  return { root, write, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** The threatLists section with defaults filled, as loadConfig returns it. */
export function listsConfig(partial: Partial<ThreatListsConfig> = {}): ThreatListsConfig {
  return {
    trusted: { name: 'trusted', files: ['threatlists/trusted/*.txt'] },
    threat: [{ name: 'feeds', files: ['threatlists/threat/*.txt'], format: 'TXT' }],
    policy: { expiredEntries: 'error', widestTrustedPrefix: 16 },
    feeds: [],
    ...partial,
  };
}

export const NOW = new Date('2026-11-23T12:00:00Z');
