/**
 * What an IAM role ARN must look like, for the config's roles and for the
 * operations CLI's --role-arn alike: one rule, one message. Its own module,
 * free of zod, so a CLI can check an argument without loading the schema.
 */
export const ROLE_ARN = /^arn:aws(-us-gov|-cn)?:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;

export const ROLE_ARN_MESSAGE = 'must be an IAM role ARN such as arn:aws:iam::111111111111:role/GuardDutyDeployer';

/**
 * Why a well-formed role ARN does not fit where it is used: another
 * partition than the config's, or (when the role must be in one account)
 * another account.
 */
export function roleArnMismatches(roleArn: string, partition: string, accountId?: string): string[] {
  const [, arnPartition, , , arnAccount] = roleArn.split(':');
  const problems: string[] = [];
  if (arnPartition !== partition) problems.push(`role is in partition ${arnPartition}, but the config's partition is ${partition}`);
  if (accountId && arnAccount !== accountId) problems.push(`role belongs to account ${arnAccount}, not ${accountId}`);
  return problems;
}
