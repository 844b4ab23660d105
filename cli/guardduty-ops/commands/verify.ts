import type { Command } from 'commander';
import { narrowRegions } from '../../../src/ops/region-scope';
import { expectationsFromPlan } from '../../../src/ops/verify/expectations';
import { buildVerifyReport, formatVerifyText } from '../../../src/ops/verify/verify-report';
import { type FanOutCliOptions, withCredentialOptions, withFanOutOptions } from '../common-options';
import type { OpsDeps } from '../deps';
import { connect, loadPlanForCommand, progressFor } from '../estate';
import { guardedAction } from '../guarded-action';

interface VerifyOptions extends FanOutCliOptions {
  readonly all?: boolean;
}

export function defineVerifyCommand(cmd: Command, deps: OpsDeps, finish: (code: number) => void): void {
  withFanOutOptions(withCredentialOptions(cmd))
    .description('check the live estate against the config in every region; exit 1 on drift')
    .option('--all', 'list every check, not only drift, pending and unreadable ones')
    .action(
      guardedAction<VerifyOptions>('verify', deps, finish, async (options) => {
        const loaded = loadPlanForCommand(options, deps);
        const all = expectationsFromPlan(loaded.plan);
        const regions = narrowRegions(all.map((e) => e.region), options.regions);
        const { clients, accountId } = await connect(loaded, options, deps);
        const progress = progressFor(options, deps, regions.length);
        // Loaded on first use: the GuardDuty, SQS and CloudWatch SDK clients are not needed for --help.
        const { verifyEstate } = require('../../../src/ops/verify/verify-estate') as typeof import('../../../src/ops/verify/verify-estate');
        const outcomes = await verifyEstate(
          clients,
          all.filter((e) => regions.includes(e.region)),
          { concurrency: options.concurrency, onSettled: (r) => progress.settled(r) },
        );
        progress.finish();
        const report = buildVerifyReport({ accountId, configFile: loaded.configFile, outcomes, overrides: loaded.plan.overrides });
        deps.stdout(options.json ? JSON.stringify(report, null, 2) + '\n' : formatVerifyText(report, { all: options.all === true }));
        return report.exitCode;
      }),
    );
}
