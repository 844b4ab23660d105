import { GetCallerIdentityCommand, type STSClient } from '@aws-sdk/client-sts';
import { UsageError } from './usage-error';

/**
 * Reading the wrong account would report every region as drift (no
 * detector), so the run stops first, like the stacks' allowed_account_ids.
 * GetCallerIdentity needs no IAM permission.
 */
export async function assertCallerAccount(sts: STSClient, expectedAccountId: string): Promise<string> {
  const account = await callerAccountId(sts);
  if (account !== expectedAccountId) {
    throw new UsageError(
      `the credentials are for account ${account ?? '(unknown)'}, but the config's admin account is ${expectedAccountId}: use --profile or --role-arn to reach ${expectedAccountId}`,
    );
  }
  return account;
}

export async function callerAccountId(sts: STSClient): Promise<string | undefined> {
  return (await sts.send(new GetCallerIdentityCommand({}))).Account;
}
