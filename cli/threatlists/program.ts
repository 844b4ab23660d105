import { Command, CommanderError } from 'commander';
import { ConfigError } from '../../src/config/issues';
import { ExitCode } from '../../src/ops/exit-code';
import { UsageError } from '../../src/ops/usage-error';
import type { CommandContext } from './command-context';
import { diffCommand } from './commands/diff';
import { fetchCommand } from './commands/fetch';
import { normalizeCommand } from './commands/normalize';
import { statsCommand } from './commands/stats';
import { validateCommand } from './commands/validate';
import type { CliIo } from '../common/io';

/**
 * `threatlists <command>`: runs one command and returns its exit code
 * (0 ok, 1 list errors, 2 usage or config error). In-process and
 * side-effect free apart from `io` and the list files, so tests call it
 * directly.
 */
export async function run(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  let code: ExitCode = ExitCode.Ok;
  const ctx: CommandContext = {
    io,
    exit: (c) => {
      code = c;
    },
  };
  const program = new Command('threatlists')
    .description('Validate, normalize, diff, fetch and count the GuardDuty IP lists under threatlists/ (trusted IPSet and ThreatIntelSets).')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(threatlists <command> --help for usage)')
    .helpCommand(false);
  for (const command of [validateCommand, normalizeCommand, diffCommand, fetchCommand, statsCommand]) {
    program.addCommand(
      command(ctx)
        .exitOverride()
        .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
        .showHelpAfterError('(threatlists <command> --help for usage)'),
    );
  }

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? ExitCode.Ok : ExitCode.Usage;
    if (err instanceof UsageError || err instanceof ConfigError) {
      io.stderr(`threatlists: ${err.message}\n`);
      return ExitCode.Usage;
    }
    throw err;
  }
}
