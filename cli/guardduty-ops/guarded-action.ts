import { ConfigError } from '../../src/config/issues';
import { ThreatListError } from '../../src/plan/threat-list-error';
import { ExitCode } from '../../src/ops/exit-code';
import { describeRegionError, formatRegionError } from '../../src/ops/region-error';
import { UsageError } from '../../src/ops/usage-error';
import type { OpsDeps } from './deps';

/**
 * Wraps a command's action: its exit code on success; on failure the
 * message on stderr (and a JSON error object on stdout with --json, so a
 * pipeline always gets JSON) and 2 for usage/config mistakes, 3 for
 * anything that stopped the run from reading AWS (no credentials...).
 */
export function guardedAction<O extends { json?: boolean; format?: string }>(
  command: string,
  deps: OpsDeps,
  finish: (code: number) => void,
  action: (options: O) => Promise<number>,
): (options: O) => Promise<void> {
  return async (options) => {
    try {
      finish(await action(options));
    } catch (err) {
      const usage = err instanceof ConfigError || err instanceof ThreatListError || err instanceof UsageError;
      const code = usage ? ExitCode.Usage : ExitCode.Incomplete;
      const message = usage ? (err as Error).message : `could not run: ${formatRegionError(describeRegionError(err, ''))}`;
      deps.stderr(`guardduty-ops ${command}: ${message}\n`);
      if (options.json || options.format === 'json') {
        deps.stdout(JSON.stringify({ command, exitCode: code, error: { message } }, null, 2) + '\n');
      }
      finish(code);
    }
  };
}
