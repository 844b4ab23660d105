import type { AwsClients, CredentialOptions } from '../../src/ops/aws-clients';
import { type CliIo, processIo } from '../common/io';

/**
 * Everything the CLI touches outside itself, so tests run it end to end
 * with mocked SDK clients, captured output and fake timers: the shared CLI
 * I/O plus the SDK clients and a sleep.
 */
export interface OpsDeps extends CliIo {
  /** Builds the SDK clients once the credential options are known. */
  readonly clients: (options: CredentialOptions) => AwsClients;
  readonly sleep: (ms: number) => Promise<void>;
}

export function processDeps(configCache?: string): OpsDeps {
  return {
    ...processIo(configCache),
    // The AWS SDK (~0.2 s to load) only for commands that call AWS, not for --help.
    clients: (options) => (require('../../src/ops/aws-clients') as typeof import('../../src/ops/aws-clients')).createAwsClients(options),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  };
}
