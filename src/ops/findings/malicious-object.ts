import type { Finding } from '@aws-sdk/client-guardduty';

/**
 * The finding type of Malware Protection for S3: an object GuardDuty
 * scanned and found malicious (GuardDuty user guide, "Malware Protection for
 * S3 finding type"). Generated only where the bucket's account has a
 * detector; the bucket and object are in the finding's S3 bucket details.
 */
export const MALICIOUS_OBJECT_TYPE = 'Object:S3/MaliciousFile';

export interface MaliciousObject {
  readonly bucket: string;
  /** Object key, when the finding names it. */
  readonly key?: string;
}

export function maliciousObjectOf(finding: Finding): MaliciousObject | undefined {
  if (finding.Type !== MALICIOUS_OBJECT_TYPE) return undefined;
  const bucket = finding.Resource?.S3BucketDetails?.[0];
  const key = bucket?.S3ObjectDetails?.[0]?.Key;
  return { bucket: bucket?.Name ?? '-', ...(key ? { key } : {}) };
}
