import { ExitCode } from '../../src/ops/exit-code';

/** Set to a non-empty value other than 0 to print the stack of an unexpected error. */
export const DEBUG_ENV = 'DEBUG';

/**
 * What an unexpected error (a bug, not a usage or list problem) prints: one
 * line, or the stack when $DEBUG is set.
 */
export function crashReport(name: string, err: unknown, env: NodeJS.ProcessEnv): string {
  const debug = env[DEBUG_ENV] !== undefined && env[DEBUG_ENV] !== '' && env[DEBUG_ENV] !== '0';
  if (debug && err instanceof Error && err.stack) return `${name}: unexpected error: ${err.stack}\n`;
  const message = (err instanceof Error ? err.message : String(err)).split('\n')[0]!.trim() || 'unknown error';
  return `${name}: unexpected error: ${message} (exit ${ExitCode.Internal}; ${DEBUG_ENV}=1 prints the stack)\n`;
}

/**
 * The process entry of both CLIs (bin/threatlists, bin/guardduty-ops):
 * runs `run` on the user's arguments and sets (not forces) the exit code so
 * pending output drains. A reader that stops early (`| head -1`) ends the
 * process quietly with the code so far; an unexpected error is one line on
 * stderr and exit 70 (ExitCode.Internal).
 */
export function runMain(name: string, run: (argv: readonly string[]) => Promise<number>): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE') throw err;
      process.exit(process.exitCode ?? ExitCode.Ok);
    });
  }
  run(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(crashReport(name, err, process.env));
      process.exitCode = ExitCode.Internal;
    },
  );
}
