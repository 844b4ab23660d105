/**
 * Which Deny statements of a bucket policy stop one S3 request: a small
 * evaluator for tests, so a quarantine can be checked by what it blocks and
 * what it lets through rather than by its JSON. It follows the IAM user
 * guide ("Condition operators"; "IAM JSON policy elements: Condition" on a
 * key absent from the request context: a plain operator does not match, a
 * negated one - ...NotEquals - does; `Null` tests presence; `ForAnyValue`
 * over no values does not match) and treats every statement as applying to
 * every principal (the quarantine's statements are `Principal: "*"`).
 *
 * Unknown operators and unsupported statement shapes throw: a policy this
 * evaluator does not understand must not pass a test by accident.
 */

interface Statement {
  readonly Sid?: string;
  readonly Effect: 'Allow' | 'Deny';
  readonly Principal?: unknown;
  readonly Action?: string | string[];
  readonly Resource?: string | string[];
  readonly Condition?: Record<string, Record<string, string | string[] | boolean>>;
}

export interface S3Request {
  readonly action: string;
  /** Object or bucket ARN. */
  readonly resource: string;
  /** `aws:PrincipalArn`: a role's ARN for its sessions; absent for a service principal or an anonymous request. */
  readonly principalArn?: string;
  /** Tags the object has now (`s3:ExistingObjectTag/<key>`). */
  readonly existingTags?: Readonly<Record<string, string>>;
  /** Tag keys the request sets (`s3:RequestObjectTagKeys`: x-amz-tagging on PutObject, the tag set of PutObjectTagging). */
  readonly requestTagKeys?: readonly string[];
  /** @default true */
  readonly secureTransport?: boolean;
}

const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

function wildcard(pattern: string, value: string): boolean {
  const re = new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return re.test(value);
}

/** The request context values of one key, or undefined when the request does not carry it. */
function contextValues(request: S3Request, key: string): string[] | undefined {
  if (key === 'aws:PrincipalArn') return request.principalArn === undefined ? undefined : [request.principalArn];
  if (key === 'aws:SecureTransport') return [String(request.secureTransport ?? true)];
  if (key === 's3:RequestObjectTagKeys') return request.requestTagKeys && request.requestTagKeys.length > 0 ? [...request.requestTagKeys] : undefined;
  const tag = /^s3:ExistingObjectTag\/(.+)$/.exec(key);
  if (tag) {
    const value = request.existingTags?.[tag[1]!];
    return value === undefined ? undefined : [value];
  }
  throw new Error(`bucket-policy-deny: unknown condition key ${key}`);
}

function conditionMatches(operator: string, key: string, expected: string[], request: S3Request): boolean {
  const actual = contextValues(request, key);
  switch (operator) {
    case 'StringEquals':
    case 'ArnEquals':
    case 'Bool':
      return actual !== undefined && actual.some((a) => expected.includes(a));
    case 'StringNotEquals':
    case 'ArnNotEquals':
      return actual === undefined || actual.every((a) => !expected.includes(a));
    case 'Null':
      return expected.includes(actual === undefined ? 'true' : 'false');
    case 'ForAnyValue:StringEquals':
      return actual !== undefined && actual.some((a) => expected.includes(a));
    default:
      throw new Error(`bucket-policy-deny: unknown condition operator ${operator}`);
  }
}

function statementApplies(s: Statement, request: S3Request): boolean {
  if (s.Principal !== '*') throw new Error(`bucket-policy-deny: statement ${s.Sid ?? '?'} must name Principal "*"`);
  if (!list(s.Action).some((a) => wildcard(a, request.action))) return false;
  if (!list(s.Resource).some((r) => wildcard(r, request.resource))) return false;
  return Object.entries(s.Condition ?? {}).every(([operator, keys]) =>
    Object.entries(keys).every(([key, value]) => conditionMatches(operator, key, list(value).map(String), request)),
  );
}

/** Sids of the Deny statements that stop the request (empty: the bucket policy denies nothing). */
export function denyingStatements(policyJson: string, request: S3Request): string[] {
  const doc = JSON.parse(policyJson) as { Statement: Statement[] };
  return doc.Statement.filter((s) => s.Effect === 'Deny' && statementApplies(s, request)).map((s) => s.Sid ?? '?');
}
