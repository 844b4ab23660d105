import { z } from 'zod';
import { ROLE_ARN, ROLE_ARN_MESSAGE } from './role-arn';

/** Building blocks shared by the config sections. */

export const accountId = z
  .string({ error: 'must be a 12-digit AWS account id in quotes (YAML reads unquoted digits as a number and drops leading zeros)' })
  .regex(/^\d{12}$/, 'must be a 12-digit AWS account id');

export const roleArn = z.string().regex(ROLE_ARN, ROLE_ARN_MESSAGE);

export const regionName = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'must be a region name such as eu-west-1');

export const detectorId = z.string().regex(/^[a-f0-9]{32}$/, 'must be a GuardDuty detector id (32 lowercase hex characters)');

/** Resource names GuardDuty, SNS and EventBridge accept, and that fit inside longer names. */
export const shortName = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be 1-40 characters: lowercase letters, digits and "-"');

export const arnOf = (service: string, example: string) =>
  z.string().regex(new RegExp(`^arn:aws(-us-gov|-cn)?:${service}:`), `must be an ARN such as ${example}`);

/** A KMS key by key ARN (not an alias: an IAM statement on an alias ARN does not cover the key). */
export const kmsKeyArn = z
  .string()
  .regex(
    /^arn:aws(-us-gov|-cn)?:kms:[a-z0-9-]+:\d{12}:key\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})$/,
    'must be a KMS key ARN such as arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab (a key ARN, not an alias)',
  );
