import { type Command, InvalidArgumentError } from 'commander';
import { ROLE_ARN, ROLE_ARN_MESSAGE } from '../../src/config/role-arn';
import { parseDuration } from '../../src/ops/duration';
import { parseSeverity } from '../../src/ops/findings/severity';
import { UsageError } from '../../src/ops/usage-error';
import { configOption } from '../common/config-option';

export interface CredentialCliOptions {
  readonly config?: string;
  readonly profile?: string;
  readonly roleArn?: string;
  readonly json?: boolean;
}

export interface FanOutCliOptions extends CredentialCliOptions {
  readonly regions?: string[];
  readonly concurrency: number;
  readonly progress: boolean;
}

/** Most regions are read at once with this many in flight; each region has its own API rate limits. */
export const DEFAULT_CONCURRENCY = 8;

/** commander turns InvalidArgumentError into "option '--x <v>' argument 'y' is invalid. <message>". */
export function argument<T>(parse: (text: string) => T): (text: string) => T {
  return (text) => {
    try {
      return parse(text);
    } catch (err) {
      throw new InvalidArgumentError(err instanceof UsageError ? err.message.replace(/^[^:]*: /, '') : String(err));
    }
  };
}

export const parseList = (text: string): string[] => text.split(/[\s,]+/).filter(Boolean);

export function parsePositiveInt(max: number): (text: string) => number {
  return argument((text) => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < 1 || n > max) throw new UsageError(`: must be a whole number from 1 to ${max}`);
    return n;
  });
}

/** The config's own rule for role ARNs (src/config/role-arn.ts), with its message. */
export const parseRoleArn = argument((text) => {
  if (!ROLE_ARN.test(text)) throw new UsageError(`: ${ROLE_ARN_MESSAGE}`);
  return text;
});

export const parseSeverityArgument = argument((text) => parseSeverity(text, 'severity'));
export const parseDurationArgument = argument((text) => parseDuration(text));

/** --config, --profile, --role-arn, --json: every command. */
export function withCredentialOptions(cmd: Command): Command {
  return cmd
    .addOption(configOption())
    .option('--profile <name>', 'AWS profile (default: the SDK default credential chain)')
    .option('--role-arn <arn>', 'role to assume first, e.g. a read-only audit role', parseRoleArn)
    .option('--json', 'JSON on stdout instead of a table');
}

/** --regions, --concurrency, --no-progress: commands that read every region. */
export function withFanOutOptions(cmd: Command): Command {
  return cmd
    .option('--regions <list>', "only these of the config's regions (comma-separated)", parseList)
    .option('--concurrency <n>', 'regions read at the same time', parsePositiveInt(64), DEFAULT_CONCURRENCY)
    .option('--no-progress', 'no progress bar (there is none outside a terminal, or when CI is set)');
}
