import { Command } from 'commander';
import { configOption } from '../common/config-option';
import type { ExitCode } from '../../src/ops/exit-code';
import type { CliIo } from '../common/io';

/** What a command's action gets: the streams and a way to set the exit code. */
export interface CommandContext {
  readonly io: CliIo;
  exit(code: ExitCode): void;
}

/** Options every threatlists command has. */
export interface CommonOptions {
  config?: string;
  json?: boolean;
}

/** A subcommand with the options every command takes (--config, --json; --help comes from commander). */
export function listCommand(name: string, summary: string, options: { json?: boolean } = {}): Command {
  const command = new Command(name).summary(summary).addOption(configOption());
  if (options.json !== false) command.option('--json', 'print the result as JSON on stdout');
  return command;
}

export function printJson(io: CliIo, value: unknown): void {
  io.stdout(`${JSON.stringify(value, null, 2)}\n`);
}
