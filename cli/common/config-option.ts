import { isAbsolute, resolve } from 'node:path';
import { configFileFromEnv } from '../../src/config/config-file';

/** Help text of the --config option, the same in every CLI. */
export const CONFIG_OPTION_HELP = 'config file (default: $GUARDDUTY_CONFIG, then guardduty.yaml)';

/** The config file a command reads: --config, else $GUARDDUTY_CONFIG, else guardduty.yaml; relative to `cwd`. */
export function resolveConfigFile(option: string | undefined, cwd: string, env: NodeJS.ProcessEnv): string {
  const file = option ?? configFileFromEnv(env);
  return isAbsolute(file) ? file : resolve(cwd, file);
}
