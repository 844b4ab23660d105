import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Command, Option } from 'commander';
import { DEFAULT_CONFIG_FILE } from '../../../src/config/config-file';
import { formatRegionsText } from '../../../src/ops/regions/format-regions';
import { buildRegionsReport } from '../../../src/ops/regions/regions-report';
import { type Partition, PARTITIONS, regionsOfPartition } from '../../../src/regions/catalog';
import { ConfigError } from '../../../src/config/issues';
import { loadConfigWithCache } from '../../../src/config/validated-config-cache';
import { asShown, type ConfigFile, resolveConfigFile } from '../../common/config-option';
import { type CredentialCliOptions, withCredentialOptions } from '../common-options';
import type { OpsDeps } from '../deps';
import { credentialOptions } from '../estate';
import { guardedAction } from '../guarded-action';

interface RegionsOptions extends CredentialCliOptions {
  readonly partition: Partition;
}

/**
 * The config is optional here: `regions` is how a new config gets its
 * `regions:` block. Without --config or $GUARDDUTY_CONFIG it reads
 * guardduty.yaml only if there is one.
 */
function configFileFor(options: RegionsOptions, deps: OpsDeps): ConfigFile | undefined {
  if (!options.config && !deps.env.GUARDDUTY_CONFIG && !existsSync(resolve(deps.cwd, DEFAULT_CONFIG_FILE))) return undefined;
  return resolveConfigFile(options.config, deps.cwd, deps.env);
}

export function defineRegionsCommand(cmd: Command, deps: OpsDeps, finish: (code: number) => void): void {
  withCredentialOptions(cmd)
    .description("list the account's enabled regions and print the regions: block for the config; exit 1 if the config differs")
    .addOption(new Option('--partition <partition>', 'partition, when there is no config').choices(PARTITIONS).default('aws'))
    .action(
      guardedAction<RegionsOptions>('regions', deps, finish, async (options) => {
        const configFile = configFileFor(options, deps);
        const load = (file: ConfigFile) => {
          try {
            return loadConfigWithCache(file.path, deps.configCache);
          } catch (err) {
            throw err instanceof ConfigError ? asShown(err, file) : err;
          }
        };
        const config = configFile ? load(configFile) : undefined;
        const partition = config?.partition ?? options.partition;
        const homeRegion = config?.homeRegion ?? regionsOfPartition(partition)[0]!.name;
        const clients = deps.clients(credentialOptions(options, config, homeRegion));
        const sts = clients.sts(homeRegion);
        // Loaded on first use: the STS and Account clients are not needed for --help.
        const { assertCallerAccount, callerAccountId } = require('../../../src/ops/caller-account') as typeof import('../../../src/ops/caller-account');
        const { listEnabledRegions } = require('../../../src/ops/regions/enabled-regions') as typeof import('../../../src/ops/regions/enabled-regions');
        const accountId = config ? await assertCallerAccount(sts, config.accounts.admin.accountId) : ((await callerAccountId(sts)) ?? '(unknown)');
        const enabled = await listEnabledRegions(clients.account(homeRegion));
        const report = buildRegionsReport({
          accountId,
          partition,
          enabled,
          ...(config && configFile ? { selection: config.regions, configFile: configFile.shown } : {}),
        });
        deps.stdout(options.json ? JSON.stringify(report, null, 2) + '\n' : formatRegionsText(report));
        return report.exitCode;
      }),
    );
}
