/**
 * `npm run iam`: regenerates the CI roles' least-privilege policies,
 * docs/iam/ci-<plan|deploy>-<admin|management|member|malware>.json, from
 * src/deploy/iam-actions.ts. The files name the examples' prefix (`acme`),
 * partition `aws` and account ids; `--print <file name> [--prefix p]
 * [--account id] [--partition aws-us-gov] [--quarantined-buckets a,b]` prints
 * one policy for your own estate instead (quarantined buckets: the
 * malwareProtection buckets of that account with a quarantine, whose policy
 * the deploy role writes). `--check` only compares and exits 1 when a file is stale
 * (the test suite checks the same).
 */
import { join } from 'node:path';
import { type CiPolicyTarget, type CiRole, ciRolePolicy } from '../src/deploy/ci-policies';
import { ACCOUNT_KINDS, type AccountKind } from '../src/deploy/iam-actions';
import { staleFiles, writeOrCheck } from './generated-files';

export const IAM_DIR = join(__dirname, '..', 'docs', 'iam');

/** The account ids of the examples (examples/organization.yaml, invitation.yaml). */
export const EXAMPLE_ACCOUNTS: Readonly<Record<AccountKind, string>> = {
  admin: '111111111111',
  management: '222222222222',
  member: '333333333333',
  malware: '555555555555',
};
export const EXAMPLE_PREFIX = 'acme';
export const CI_ROLES: readonly CiRole[] = ['plan', 'deploy'];

export function ciPolicyFileName(role: CiRole, account: AccountKind): string {
  return `ci-${role}-${account}.json`;
}

export function ciPolicyText(role: CiRole, account: AccountKind, target: CiPolicyTarget): string {
  return JSON.stringify(ciRolePolicy(account, role, target), null, 2) + '\n';
}

/** Every generated file with its wanted content. */
export function ciPolicyFiles(): [string, string][] {
  return CI_ROLES.flatMap((role) =>
    ACCOUNT_KINDS.map((account): [string, string] => [
      join(IAM_DIR, ciPolicyFileName(role, account)),
      ciPolicyText(role, account, { partition: 'aws', accountId: EXAMPLE_ACCOUNTS[account], prefix: EXAMPLE_PREFIX }),
    ]),
  );
}

export function staleIamFiles(): [string, string][] {
  return staleFiles(ciPolicyFiles());
}

function option(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function main(args: readonly string[]): number {
  const print = option(args, '--print');
  if (print !== undefined) {
    const match = /^ci-(plan|deploy)-(admin|management|member|malware)(\.json)?$/.exec(print);
    if (!match) {
      process.stderr.write(`--print takes ci-<plan|deploy>-<admin|management|member|malware>, not ${print}\n`);
      return 2;
    }
    const [, role, account] = match as unknown as [string, CiRole, AccountKind];
    const target = {
      partition: option(args, '--partition') ?? 'aws',
      accountId: option(args, '--account') ?? EXAMPLE_ACCOUNTS[account],
      prefix: option(args, '--prefix') ?? EXAMPLE_PREFIX,
      quarantinedBuckets: (option(args, '--quarantined-buckets') ?? '').split(',').filter((b) => b !== ''),
    };
    process.stdout.write(ciPolicyText(role, account, target));
    return 0;
  }
  return writeOrCheck(staleIamFiles(), args.includes('--check'), 'npm run iam');
}

if (require.main === module) process.exit(main(process.argv.slice(2)));
