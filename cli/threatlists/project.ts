import { relative, resolve } from 'node:path';
import { asShown, resolveConfigFile } from '../common/config-option';
import { UsageError } from '../../src/ops/usage-error';
import { loadConfigWithCache } from '../../src/config/validated-config-cache';
import { ConfigError } from '../../src/config/issues';
import type { GuardDutyConfig } from '../../src/config/schema';
import type { ThreatListsConfig } from '../../src/threatlist';
import type { CliIo } from '../common/io';

/** The project a command works on: its root (the working directory) and config. */
export interface Project {
  readonly root: string;
  /** As given or found, for messages. */
  readonly configFile: string;
  readonly config: GuardDutyConfig;
  /** The config's threatLists section, or undefined when it has none. */
  readonly lists: ThreatListsConfig | undefined;
}

/** Loads the config; a config that does not load is a usage error (exit 2) with the loader's message. */
export function loadProject(configOption: string | undefined, io: CliIo): Project {
  const file = resolveConfigFile(configOption, io.cwd, io.env);
  try {
    const config = loadConfigWithCache(file.path, io.configCache);
    return { root: io.cwd, configFile: file.shown, config, lists: config.threatLists };
  } catch (err) {
    if (err instanceof ConfigError) throw new UsageError(asShown(err, file).message);
    throw err;
  }
}

/** A path the user typed, as a project-relative path with forward slashes (the form diagnostics use). */
export function projectPath(root: string, cwd: string, file: string): string {
  return relative(root, resolve(cwd, file)).split('\\').join('/');
}
