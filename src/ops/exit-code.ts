/**
 * Exit codes shared by both CLIs (DESIGN.md, "Contracts between the
 * capabilities"). When a run finds drift and also fails to read some
 * regions, drift wins: it is a definite, actionable answer, whereas
 * retrying an unreadable region cannot make drift go away.
 */
export const ExitCode = {
  Ok: 0,
  /** Drift, findings over the --fail-on threshold, a sample finding that never arrived. */
  Problem: 1,
  /** Bad arguments, a config error, credentials for the wrong account: nothing was checked. */
  Usage: 2,
  /** Some regions (or parts of them) could not be read. */
  Incomplete: 3,
  /** An unexpected error (a bug): one line on stderr, the stack with DEBUG=1 (cli/common/main.ts). 70 is sysexits' EX_SOFTWARE. */
  Internal: 70,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export function exitCodeOf(outcome: { readonly problem: boolean; readonly incomplete: boolean }): ExitCode {
  if (outcome.problem) return ExitCode.Problem;
  return outcome.incomplete ? ExitCode.Incomplete : ExitCode.Ok;
}
