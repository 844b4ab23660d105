/**
 * What a command touches outside the project files, the same for both CLIs:
 * streams, working directory, environment, clock. Tests run commands
 * in-process with their own; `runMain` passes the real ones.
 */
export interface CliIo {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** stderr is an interactive terminal: progress may be drawn there. */
  readonly isTTY: boolean;
  /** Milliseconds since the epoch. */
  readonly now: () => number;
  /** Where validated configs are kept between runs (src/config/validated-config-cache.ts); none: every run validates. */
  readonly configCache?: string;
}

/** The real streams, cwd, environment and clock; `configCache` as the launcher gives it. */
export function processIo(configCache?: string): CliIo {
  return {
    ...(configCache !== undefined ? { configCache } : {}),
    cwd: process.cwd(),
    env: process.env,
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    isTTY: process.stderr.isTTY === true,
    now: () => Date.now(),
  };
}
