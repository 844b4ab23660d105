import { findRegion } from '../regions/catalog';

export type RegionErrorKind =
  | 'region-not-enabled'
  | 'access-denied'
  | 'throttled'
  | 'credentials'
  | 'no-detector'
  | 'not-found'
  | 'network'
  | 'failed';

/** Why a region (or one part of it) could not be read, in words a user can act on. */
export interface RegionError {
  readonly kind: RegionErrorKind;
  /** The SDK's error name, e.g. AccessDeniedException. */
  readonly code: string;
  readonly message: string;
  readonly hint?: string;
}

/** GuardDuty has no detector in the region: nothing to read or create samples with. */
export class NoDetectorError extends Error {
  constructor(public readonly region: string) {
    super(`no GuardDuty detector in ${region}`);
    this.name = 'NoDetectorError';
  }
}

const ACCESS_DENIED = new Set(['AccessDeniedException', 'AccessDenied', 'UnauthorizedOperation', 'UnauthorizedException']);
const THROTTLED = new Set(['ThrottlingException', 'Throttling', 'TooManyRequestsException', 'RequestLimitExceeded', 'SlowDown']);
/** What AWS answers in an opt-in region the account has not enabled: the token is not valid there. */
const TOKEN_REJECTED = new Set(['UnrecognizedClientException', 'InvalidClientTokenId', 'OptInRequired', 'AuthFailure']);
const CREDENTIALS = new Set(['CredentialsProviderError', 'ExpiredTokenException', 'ExpiredToken', 'InvalidSignatureException', 'SignatureDoesNotMatch']);
const NETWORK = new Set(['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'ECONNRESET', 'EAI_AGAIN', 'TimeoutError', 'RequestTimeout']);

interface SdkErrorShape {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  $metadata?: { attempts?: number };
}

export function describeRegionError(err: unknown, region: string): RegionError {
  if (err instanceof NoDetectorError) {
    return { kind: 'no-detector', code: 'NoDetector', message: err.message, hint: `deploy the guardduty-${region} stack` };
  }
  const shape = (typeof err === 'object' && err !== null ? err : {}) as SdkErrorShape;
  const code = String((typeof shape.code === 'string' && shape.code) || shape.name || 'Error');
  const message = typeof shape.message === 'string' && shape.message ? shape.message : String(err);
  if (TOKEN_REJECTED.has(code)) {
    return findRegion(region)?.optIn
      ? { kind: 'region-not-enabled', code, message, hint: `${region} is an opt-in region the account has not enabled, or GuardDuty is denied there: enable it, or remove it from regions.optIn` }
      : { kind: 'credentials', code, message, hint: 'the credentials were rejected: check --profile / --role-arn' };
  }
  if (ACCESS_DENIED.has(code)) {
    return { kind: 'access-denied', code, message, hint: 'grant the permissions in docs/iam/, or an SCP denies this region' };
  }
  if (THROTTLED.has(code)) {
    const attempts = shape.$metadata?.attempts;
    return { kind: 'throttled', code, message, hint: `still throttled${attempts ? ` after ${attempts} attempts` : ''}: lower --concurrency or retry later` };
  }
  if (CREDENTIALS.has(code)) return { kind: 'credentials', code, message, hint: 'no usable credentials: check --profile / --role-arn' };
  if (code === 'ResourceNotFoundException') return { kind: 'not-found', code, message };
  if (NETWORK.has(code)) return { kind: 'network', code, message };
  return { kind: 'failed', code, message };
}

export function formatRegionError(error: RegionError): string {
  if (!error.hint) return `${error.code}: ${error.message}`;
  return `${error.code}: ${error.message.replace(/([^.!?])$/, '$1.')} Hint: ${error.hint}.`;
}
