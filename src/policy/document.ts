/**
 * IAM policy documents as plain objects. Every policy this project writes is
 * built from these types and serialised with `policyJson`, never with
 * `DataAwsIamPolicyDocument` tokens, so guardrails and tests can read the
 * synthesized document.
 */

export type OneOrMany<T> = T | readonly T[];

export interface PolicyPrincipal {
  readonly AWS?: OneOrMany<string>;
  readonly Service?: OneOrMany<string>;
  readonly Federated?: OneOrMany<string>;
}

export interface PolicyStatement {
  readonly Sid?: string;
  readonly Effect: 'Allow' | 'Deny';
  readonly Principal?: PolicyPrincipal | '*';
  readonly NotPrincipal?: PolicyPrincipal | '*';
  readonly Action?: OneOrMany<string>;
  readonly NotAction?: OneOrMany<string>;
  readonly Resource?: OneOrMany<string>;
  readonly NotResource?: OneOrMany<string>;
  readonly Condition?: Readonly<Record<string, Readonly<Record<string, OneOrMany<string> | boolean>>>>;
}

export interface PolicyDocument {
  readonly Version: '2012-10-17';
  readonly Statement: readonly PolicyStatement[];
}

export function policyJson(doc: PolicyDocument): string {
  return JSON.stringify(doc);
}

export function asList<T>(value: OneOrMany<T> | undefined): readonly T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? (value as readonly T[]) : [value as T];
}

/**
 * Reads a synthesized policy attribute. Returns undefined when it is not a
 * plain JSON document (e.g. a `jsonencode(...)` expression), which callers
 * treat as unreadable.
 */
export function parsePolicy(value: unknown): PolicyDocument | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const doc = JSON.parse(value) as Partial<PolicyDocument> | null;
    if (!doc || typeof doc !== 'object') return undefined;
    const statements = doc.Statement as OneOrMany<PolicyStatement> | undefined;
    return { Version: '2012-10-17', Statement: asList(statements) };
  } catch {
    return undefined;
  }
}

/** Condition keys a statement tests, lower-cased (IAM condition keys are case-insensitive). */
export function conditionKeys(statement: PolicyStatement): Set<string> {
  const keys = new Set<string>();
  for (const operator of Object.values(statement.Condition ?? {})) {
    for (const key of Object.keys(operator)) keys.add(key.toLowerCase());
  }
  return keys;
}
