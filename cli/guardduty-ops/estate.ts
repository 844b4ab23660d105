import { configFileFromEnv } from '../../src/config/config-file';
import type { AwsClients } from '../../src/ops/aws-clients';
import { assertCallerAccount } from '../../src/ops/caller-account';
import { createProgress, type Progress } from '../../src/ops/progress';
import type { LoadedPlan } from '../../src/plan/load-plan';
import type { CredentialCliOptions, FanOutCliOptions } from './common-options';
import type { OpsDeps } from './deps';

/**
 * The same config, lists and plan synth reads (so verify expects the
 * content-hashed list locations synth produced); a ConfigError or
 * ThreatListError stops the run with exit 2. Commands that do not check
 * the lists (findings, smoke) pass `skip`: an expired list entry is list
 * hygiene for synth and verify, and must not block incident tooling.
 */
export function loadPlanForCommand(options: CredentialCliOptions, deps: OpsDeps, threatLists: 'build' | 'skip' = 'build'): LoadedPlan {
  // Loaded on first use: the config schema and the list engine cost ~160 ms that --help does not need.
  const { loadPlan } = require('../../src/plan/load-plan') as typeof import('../../src/plan/load-plan');
  return loadPlan(options.config ?? configFileFromEnv(deps.env), { root: deps.cwd, now: new Date(deps.now()), threatLists });
}

export interface Connection {
  readonly clients: AwsClients;
  readonly accountId: string;
}

/** Clients for the admin account, after confirming the credentials reach it. */
export async function connect({ config }: LoadedPlan, options: CredentialCliOptions, deps: OpsDeps): Promise<Connection> {
  const clients = deps.clients({
    ...(options.profile ? { profile: options.profile } : {}),
    ...(options.roleArn ? { roleArn: options.roleArn } : {}),
    stsRegion: config.homeRegion,
  });
  const accountId = await assertCallerAccount(clients.sts(config.homeRegion), config.accounts.admin.accountId);
  return { clients, accountId };
}

export function progressFor(options: FanOutCliOptions, deps: OpsDeps, total: number): Progress {
  const enabled = deps.isTTY && options.progress && !deps.env.CI;
  return createProgress({ enabled, total, write: deps.stderr });
}
