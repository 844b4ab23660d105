import type { GuardDutyConfig } from '../../src/config/schema';
import { ConfigError } from '../../src/config/issues';
import { roleArnMismatches } from '../../src/config/role-arn';
import type { AwsClients, CredentialOptions } from '../../src/ops/aws-clients';
import { createProgress, type Progress } from '../../src/ops/progress';
import { UsageError } from '../../src/ops/usage-error';
import type { LoadedPlan } from '../../src/plan/load-plan';
import { asShown, resolveConfigFile } from '../common/config-option';
import type { CredentialCliOptions, FanOutCliOptions } from './common-options';
import type { OpsDeps } from './deps';

/**
 * The same config, lists and plan synth reads (so verify expects the
 * content-hashed list locations synth produced); a ConfigError or
 * ThreatListError stops the run with exit 2. Commands that do not check
 * the lists (findings, smoke) pass `skip`: an expired list entry is list
 * hygiene for synth and verify, and must not block incident tooling.
 * The config file is found and named as threatlists finds and names it.
 */
export function loadPlanForCommand(options: CredentialCliOptions, deps: OpsDeps, threatLists: 'build' | 'skip' = 'build'): LoadedPlan {
  // Loaded on first use: the config schema and the list engine cost ~160 ms that --help does not need.
  const { loadPlan } = require('../../src/plan/load-plan') as typeof import('../../src/plan/load-plan');
  const file = resolveConfigFile(options.config, deps.cwd, deps.env);
  try {
    return loadPlan(file.path, { root: deps.cwd, now: new Date(deps.now()), threatLists, shownAs: file.shown, ...(deps.configCache !== undefined ? { configCache: deps.configCache } : {}) });
  } catch (err) {
    throw err instanceof ConfigError ? asShown(err, file) : err;
  }
}

/**
 * The credential chain's options. A --role-arn must also fit the config as
 * the config's own roles must (src/config/role-arn.ts): its partition, and
 * the admin account every command reads.
 */
export function credentialOptions(options: CredentialCliOptions, config: Pick<GuardDutyConfig, 'partition' | 'homeRegion' | 'accounts'> | undefined, stsRegion: string): CredentialOptions {
  if (options.roleArn && config) {
    const problems = roleArnMismatches(options.roleArn, config.partition, config.accounts.admin.accountId);
    if (problems.length > 0) throw new UsageError(`--role-arn: ${problems.join('; ')}`);
  }
  return {
    ...(options.profile ? { profile: options.profile } : {}),
    ...(options.roleArn ? { roleArn: options.roleArn } : {}),
    stsRegion,
  };
}

export interface Connection {
  readonly clients: AwsClients;
  readonly accountId: string;
}

/** Clients for the admin account, after confirming the credentials reach it. */
export async function connect({ config }: LoadedPlan, options: CredentialCliOptions, deps: OpsDeps): Promise<Connection> {
  const clients = deps.clients(credentialOptions(options, config, config.homeRegion));
  // Loaded on first use, like the plan above: the STS client is not needed for --help.
  const { assertCallerAccount } = require('../../src/ops/caller-account') as typeof import('../../src/ops/caller-account');
  const accountId = await assertCallerAccount(clients.sts(config.homeRegion), config.accounts.admin.accountId);
  return { clients, accountId };
}

export function progressFor(options: FanOutCliOptions, deps: OpsDeps, total: number): Progress {
  const enabled = deps.isTTY && options.progress && !deps.env.CI;
  return createProgress({ enabled, total, write: deps.stderr });
}
