/**
 * Exit codes shared by the project's CLIs (DESIGN: CLIs): scripts and CI
 * tell "the lists are wrong" from "the command was called wrong".
 */
export const EXIT = {
  ok: 0,
  /** List errors, drift, findings over threshold. */
  failed: 1,
  /** Bad arguments or a config that does not load. */
  usage: 2,
  /** Some regions could not be read. */
  incomplete: 3,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A mistake in how the command was called: reported without a stack, exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
