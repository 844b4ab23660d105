import type { Command } from 'commander';
import { formatDuration } from '../../../src/ops/duration';
import { smokePlanFromEstate } from '../../../src/ops/smoke/smoke-plan';
import { buildSmokeReport, formatSmokeText } from '../../../src/ops/smoke/smoke-report';
import { type CredentialCliOptions, parseDurationArgument, parseList, withCredentialOptions } from '../common-options';
import type { OpsDeps } from '../deps';
import { connect, loadPlanForCommand } from '../estate';
import { guardedAction } from '../guarded-action';

interface SmokeOptions extends CredentialCliOptions {
  readonly region?: string;
  readonly types?: string[];
  readonly timeout: number;
  readonly interval: number;
  readonly archive?: boolean;
  readonly logGroup?: string;
  readonly progress: boolean;
}

/** New findings reach EventBridge within about 5 minutes (AWS); twice that before giving up. */
const DEFAULT_TIMEOUT = '10m';
/** FilterLogEvents is cheap but scans the group: a poll every 20 s is plenty against minutes of latency. */
const DEFAULT_INTERVAL = '20s';

export function defineSmokeCommand(cmd: Command, deps: OpsDeps, finish: (code: number) => void): void {
  withCredentialOptions(cmd)
    .description('create sample findings and time their arrival in the findings log group; exit 1 if one does not arrive')
    .option('--region <region>', 'region to create the samples in (default: homeRegion)')
    .option('--types <list>', 'sample finding types, comma-separated (default: two High EC2 types)', parseList)
    .option('--timeout <duration>', 'how long to wait for every sample', parseDurationArgument, parseDurationArgument(DEFAULT_TIMEOUT))
    .option('--interval <duration>', 'time between log group polls', parseDurationArgument, parseDurationArgument(DEFAULT_INTERVAL))
    .option('--archive', 'archive the sample findings afterwards')
    .option('--log-group <name>', 'log group to watch (default: the findings log group synth creates)')
    .option('--no-progress', 'no waiting status on the terminal')
    .action(
      guardedAction<SmokeOptions>('smoke', deps, finish, async (options) => {
        // Smoke tests the export path, not the IP lists: a list problem must not block it.
        const loaded = loadPlanForCommand(options, deps, 'skip');
        const plan = smokePlanFromEstate(loaded.plan, {
          timeoutMs: options.timeout,
          intervalMs: options.interval,
          archive: options.archive === true,
          ...(options.region ? { region: options.region } : {}),
          ...(options.types ? { types: options.types } : {}),
          ...(options.logGroup ? { logGroupName: options.logGroup } : {}),
        });
        const { clients, accountId } = await connect(loaded, options, deps);
        const live = deps.isTTY && options.progress && !deps.env.CI;
        // Loaded on first use: the GuardDuty and CloudWatch Logs clients are not needed for --help.
        const { runSmoke } = require('../../../src/ops/smoke/run-smoke') as typeof import('../../../src/ops/smoke/run-smoke');
        const result = await runSmoke(clients, plan, { now: deps.now, sleep: deps.sleep }, (arrived, elapsed) => {
          if (live) deps.stderr(`\r\x1b[2K${arrived}/${plan.types.length} arrived after ${formatDuration(elapsed)}`);
        });
        if (live) deps.stderr('\r\x1b[2K');
        const report = buildSmokeReport(accountId, result);
        deps.stdout(options.json ? JSON.stringify(report, null, 2) + '\n' : formatSmokeText(report));
        return report.exitCode;
      }),
    );
}
