import { isAbsolute, relative, resolve } from 'node:path';
import { Option } from 'commander';
import { configFileFromEnv } from '../../src/config/config-file';
import { ConfigError } from '../../src/config/issues';

/** Help text of the --config option, the same in every CLI. */
export const CONFIG_OPTION_HELP = 'config file (default: $GUARDDUTY_CONFIG, then guardduty.yaml)';

/** `-c, --config <file>`: the one definition every command of both CLIs adds. */
export function configOption(): Option {
  return new Option('-c, --config <file>', CONFIG_OPTION_HELP);
}

export interface ConfigFile {
  /** Absolute: what is read. */
  readonly path: string;
  /** Relative to the working directory, for messages and reports. */
  readonly shown: string;
}

/** The config file a command reads: --config, else $GUARDDUTY_CONFIG, else guardduty.yaml; relative to `cwd`. */
export function resolveConfigFile(option: string | undefined, cwd: string, env: NodeJS.ProcessEnv): ConfigFile {
  const file = option ?? configFileFromEnv(env);
  const path = isAbsolute(file) ? file : resolve(cwd, file);
  return { path, shown: relative(cwd, path) || path };
}

/** The same ConfigError naming the file as the user did, so both CLIs word a bad --config alike. */
export function asShown(err: ConfigError, file: ConfigFile): ConfigError {
  return err.file === file.shown ? err : new ConfigError(file.shown, err.issues);
}
