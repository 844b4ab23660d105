import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { writeFileAtomically } from '../files/write-atomically';
import type { GuardDutyConfig } from './schema';

/**
 * loadConfig, keeping each config that validated in `cacheDir` under the
 * SHA-256 of its bytes, so the next run of a CLI on the same file skips
 * YAML, zod and the cross-field rules (~60 ms of a `threatlists` start;
 * CONTRIBUTING.md, "Build and launchers").
 *
 * Exact because validation is a function of the text alone: nothing under
 * src/config reads the clock, the environment or another file (loadConfig
 * reads the one file; the lists are read and checked later, every run).
 * The launchers keep the cache in dist/, so it goes with every rebuild, in
 * a folder of the bundle build they run (bin/build.js configCache()), so a
 * run that began before a rebuild does not write into the new build's: a
 * changed schema or rule never meets a config validated by the old one.
 * Only a config that validated is written, so a broken one fails with its
 * messages every time; an unreadable or foreign cache file is a miss.
 *
 * Without `cacheDir` (tests, the sources under ts-node) this is loadConfig.
 * This module imports neither zod nor yaml: a hit loads neither.
 */
export function loadConfigWithCache(file: string, cacheDir: string | undefined): GuardDutyConfig {
  // Loaded on a miss only: zod, yaml and the schema are most of a CLI's start-up.
  const load = () => require('./load') as typeof import('./load');
  if (cacheDir === undefined) return load().loadConfig(file);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return load().loadConfig(file); // its ConfigError names the file and the reason
  }
  const entry = join(cacheDir, `${createHash('sha256').update(bytes).digest('hex')}.v8`);
  const hit = readEntry(entry);
  if (hit !== undefined) return hit;
  const config = load().parseConfig(bytes.toString('utf8'), file);
  writeEntry(entry, config);
  return config;
}

function readEntry(entry: string): GuardDutyConfig | undefined {
  try {
    const value: unknown = deserialize(readFileSync(entry));
    return typeof value === 'object' && value !== null ? (value as GuardDutyConfig) : undefined;
  } catch {
    return undefined;
  }
}

/** Atomically (parallel runs never read half an entry); a cache that cannot be written is skipped. */
function writeEntry(entry: string, config: GuardDutyConfig): void {
  try {
    writeFileAtomically(entry, serialize(config));
  } catch {
    // A read-only dist/: every run validates, as without a cache.
  }
}
