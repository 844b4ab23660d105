import { type PolicyDocument, policyJson } from './document';

/**
 * A value only Terraform knows (a resource's ARN, a data source's id),
 * written `{{name}}` in a planned policy: the plan decides the whole
 * document and its construct fills the slots with its own tokens, so the
 * synthesized JSON keeps `${aws_...}` references.
 */
export type Slot<N extends string> = `{{${N}}}`;

export function slot<N extends string>(name: N): Slot<N> {
  return `{{${name}}}`;
}

/** A policy of the plan with the slots its construct fills; `S` names them. */
export interface PolicyTemplate<S extends string = never> {
  readonly slots: readonly S[];
  readonly document: PolicyDocument;
}

/** A planned policy: a plain document, or one with slots. */
export type PlannedPolicy = PolicyDocument | PolicyTemplate<string>;

export function template<S extends string>(document: PolicyDocument, ...slots: S[]): PolicyTemplate<S> {
  return { slots: [...slots].sort(), document };
}

const SLOT = /\{\{([^{}]*)\}\}/g;

function mapStrings(value: unknown, fn: (s: string) => string): unknown {
  if (typeof value === 'string') return fn(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, fn));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, fn)]));
  return value;
}

/**
 * Serialises a planned policy with `policyJson`, each slot replaced by its
 * value (`undefined`: the construct has none, as the bus outside
 * organization mode has no organization id). A slot without a value, a value for a slot the policy does not
 * declare, or a declared slot the document never uses is an error: a
 * `{{name}}` must never reach Terraform.
 */
export function renderPolicy(policy: PolicyDocument): string;
export function renderPolicy<S extends string>(policy: PolicyTemplate<S>, values: Readonly<Record<S, string | undefined>>): string;
export function renderPolicy(policy: PlannedPolicy, values: Readonly<Record<string, string | undefined>> = {}): string {
  const [document, declared] = 'document' in policy ? [policy.document, new Set<string>(policy.slots)] : [policy, new Set<string>()];
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined && !declared.has(name)) throw new Error(`renderPolicy: unknown slot ${name} (the policy declares ${[...declared].join(', ') || 'none'})`);
  }
  const used = new Set<string>();
  const filled = mapStrings(document, (s) =>
    s.replace(SLOT, (_, name: string) => {
      const value = declared.has(name) ? values[name] : undefined;
      if (value === undefined) throw new Error(`renderPolicy: slot {{${name}}} has no value`);
      used.add(name);
      return value;
    }),
  ) as PolicyDocument;
  for (const name of declared) {
    if (!used.has(name)) throw new Error(`renderPolicy: slot ${name} is declared but the document never uses it`);
  }
  return policyJson(filled);
}
