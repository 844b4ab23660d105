/** The config file a command reads by default. */
export const DEFAULT_CONFIG_FILE = 'guardduty.yaml';

/**
 * `$GUARDDUTY_CONFIG`, then guardduty.yaml. Its own module, free of zod and
 * yaml, so a CLI's `--help` does not pay for loading the schema.
 */
export function configFileFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return env.GUARDDUTY_CONFIG || DEFAULT_CONFIG_FILE;
}
