import { Command, CommanderError } from 'commander';
import { ExitCode } from '../../src/ops/exit-code';
import { defineFindingsCommand } from './commands/findings';
import { defineRegionsCommand } from './commands/regions';
import { defineSmokeCommand } from './commands/smoke';
import { defineSynthDiffCommand } from './commands/synth-diff';
import { defineVerifyCommand } from './commands/verify';
import { defineWavesCommand } from './commands/waves';
import type { OpsDeps } from './deps';

const EXIT_CODES_HELP = `
Exit codes:
  0  ok
  1  drift or failed deliveries (verify), findings over --fail-on, a sample finding that did not arrive, regions config differs from the account,
     more deploy waves than --max-waves
  2  usage or config error (nothing was checked)
  3  incomplete: some regions could not be read
  70 unexpected error (a bug): one line on stderr, DEBUG=1 prints the stack`;

/**
 * Runs `guardduty-ops <args>` and resolves to the exit code. `args` are the
 * user's arguments (process.argv without node and the script).
 */
export async function run(args: readonly string[], deps: OpsDeps): Promise<number> {
  let exitCode: number = ExitCode.Ok;
  const finish = (code: number) => {
    exitCode = code;
  };
  const program = new Command('guardduty-ops')
    .description('Operate the GuardDuty estate of guardduty.yaml: regions, drift, findings, end-to-end smoke test.')
    .exitOverride()
    .configureOutput({ writeOut: deps.stdout, writeErr: deps.stderr })
    .showHelpAfterError('(add --help for usage)')
    .addHelpText('after', EXIT_CODES_HELP);
  // Subcommands made with .command() inherit exitOverride and the output settings.
  defineRegionsCommand(program.command('regions'), deps, finish);
  defineVerifyCommand(program.command('verify'), deps, finish);
  defineFindingsCommand(program.command('findings'), deps, finish);
  defineSmokeCommand(program.command('smoke'), deps, finish);
  defineWavesCommand(program.command('waves'), deps, finish);
  defineSynthDiffCommand(program.command('synth-diff'), deps, finish);
  for (const sub of program.commands) sub.addHelpText('after', EXIT_CODES_HELP);

  try {
    await program.parseAsync([...args], { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.code === 'commander.helpDisplayed' || err.code === 'commander.version' ? ExitCode.Ok : ExitCode.Usage;
    }
    throw err;
  }
  return exitCode;
}
