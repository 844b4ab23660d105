import { type AwsClients, type CredentialOptions, createAwsClients } from '../../src/ops/aws-clients';
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

export function processDeps(): OpsDeps {
  return {
    ...processIo(),
    clients: createAwsClients,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  };
}
