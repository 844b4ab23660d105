import { type AwsClients, type CredentialOptions, createAwsClients } from '../../src/ops/aws-clients';

/**
 * Everything the CLI touches outside itself, so tests run it end to end
 * with mocked SDK clients, captured output and fake timers.
 */
export interface OpsDeps {
  /** Builds the SDK clients once the credential options are known. */
  readonly clients: (options: CredentialOptions) => AwsClients;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  /** stderr is an interactive terminal: progress may be drawn there. */
  readonly isTTY: boolean;
  readonly env: NodeJS.ProcessEnv;
}

export function processDeps(): OpsDeps {
  return {
    clients: createAwsClients,
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    now: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    isTTY: process.stderr.isTTY === true,
    env: process.env,
  };
}
