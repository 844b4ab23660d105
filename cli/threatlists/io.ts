/**
 * What a command touches outside the project files: streams, working
 * directory, environment, clock. Tests run commands in-process with their
 * own; `main.ts` passes the real ones.
 */
export interface CliIo {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Progress bars only make sense on a terminal. */
  readonly stderrIsTTY: boolean;
  readonly now: () => Date;
}

export function processIo(): CliIo {
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    now: () => new Date(),
  };
}
