/**
 * A small EventBridge event-pattern matcher for tests, so a synthesized
 * pattern can be checked against sample events instead of by string
 * comparison. It follows the EventBridge user guide, "Content filtering in
 * Amazon EventBridge event patterns", "Arrays in Amazon EventBridge event
 * patterns" and "Comparison operators for use in event patterns", and the
 * semantics of EventBridge's matching library (aws/event-ruler, README):
 *
 * - every field named in the pattern must match (AND); a field's array of
 *   matchers matches if any matcher does (OR);
 * - a value in the event that is an array matches if any of its elements
 *   does; an array of objects matches a nested pattern if one element
 *   matches all of it (event-ruler's array-consistent matching);
 * - a matcher needs the field to be present as a leaf, except
 *   `{ "exists": false }`, which matches a field that is absent or not a
 *   leaf (the guide's example: `c-count` as an object is "not a leaf node");
 * - `$or` (an array of at least two sub-patterns) matches if any of them
 *   does, ANDed with the rest of its level.
 *
 * Unknown operators throw: a pattern this matcher does not understand must
 * not pass a test by accident.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const isLeaf = (v: Json | undefined): boolean => v !== undefined && !isObject(v) && !(Array.isArray(v) && v.some(isObject));

/** Leaf values of a field: an array's elements, or the value itself. */
function leafValues(v: Json): Json[] {
  return Array.isArray(v) ? v.flatMap(leafValues) : [v];
}

function equalsValue(expected: Json, actual: Json): boolean {
  if (typeof expected === 'number' && typeof actual === 'number') return expected === actual;
  return expected === actual;
}

function ipv4ToInt(ip: string): number | undefined {
  const parts = ip.split('.');
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return undefined;
  return parts.reduce((acc, p) => acc * 256 + Number(p), 0);
}

function inCidr(cidr: string, value: string): boolean {
  const [net, bits] = cidr.split('/');
  const base = ipv4ToInt(net ?? '');
  const ip = ipv4ToInt(value);
  if (base === undefined || ip === undefined) throw new Error(`event-pattern-matcher: only IPv4 cidr is supported (${cidr})`);
  const size = 2 ** (32 - Number(bits));
  return Math.floor(ip / size) === Math.floor(base / size);
}

function wildcardMatches(pattern: string, value: string): boolean {
  const re = new RegExp(`^${pattern.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 's');
  return re.test(value);
}

function numericMatches(spec: Json, value: Json): boolean {
  if (!Array.isArray(spec) || typeof value !== 'number') return false;
  for (let i = 0; i < spec.length; i += 2) {
    const op = spec[i];
    const bound = spec[i + 1];
    if (typeof bound !== 'number') throw new Error(`event-pattern-matcher: numeric bound must be a number (${JSON.stringify(spec)})`);
    const ok = op === '<' ? value < bound : op === '<=' ? value <= bound : op === '>' ? value > bound : op === '>=' ? value >= bound : op === '=' ? value === bound : undefined;
    if (ok === undefined) throw new Error(`event-pattern-matcher: unknown numeric operator ${String(op)}`);
    if (!ok) return false;
  }
  return true;
}

/** `anything-but`: a value, a list of values, or a prefix / suffix / equals-ignore-case / wildcard. */
function anythingButMatches(spec: Json, value: Json): boolean {
  if (isObject(spec)) {
    const [op, arg] = Object.entries(spec)[0] ?? [];
    if (typeof value !== 'string') return true;
    const args = Array.isArray(arg) ? arg : [arg];
    if (op === 'prefix') return !args.some((a) => typeof a === 'string' && value.startsWith(a));
    if (op === 'suffix') return !args.some((a) => typeof a === 'string' && value.endsWith(a));
    if (op === 'equals-ignore-case') return !args.some((a) => typeof a === 'string' && a.toLowerCase() === value.toLowerCase());
    if (op === 'wildcard') return !args.some((a) => typeof a === 'string' && wildcardMatches(a, value));
    throw new Error(`event-pattern-matcher: unknown anything-but operator ${String(op)}`);
  }
  const excluded = Array.isArray(spec) ? spec : [spec];
  return !excluded.some((e) => equalsValue(e, value));
}

/** One matcher of a leaf field against one leaf value (the field is present). */
function matcherMatches(matcher: Json, value: Json): boolean {
  if (!isObject(matcher)) return equalsValue(matcher, value);
  const entries = Object.entries(matcher);
  if (entries.length !== 1) throw new Error(`event-pattern-matcher: a matcher has one operator (${JSON.stringify(matcher)})`);
  const [op, arg] = entries[0]!;
  switch (op) {
    case 'prefix':
      if (isObject(arg)) return typeof value === 'string' && typeof arg['equals-ignore-case'] === 'string' && value.toLowerCase().startsWith(arg['equals-ignore-case'].toLowerCase());
      return typeof value === 'string' && typeof arg === 'string' && value.startsWith(arg);
    case 'suffix':
      if (isObject(arg)) return typeof value === 'string' && typeof arg['equals-ignore-case'] === 'string' && value.toLowerCase().endsWith(arg['equals-ignore-case'].toLowerCase());
      return typeof value === 'string' && typeof arg === 'string' && value.endsWith(arg);
    case 'equals-ignore-case':
      return typeof value === 'string' && typeof arg === 'string' && value.toLowerCase() === arg.toLowerCase();
    case 'wildcard':
      return typeof value === 'string' && typeof arg === 'string' && wildcardMatches(arg, value);
    case 'anything-but':
      return anythingButMatches(arg, value);
    case 'numeric':
      return numericMatches(arg, value);
    case 'cidr':
      return typeof value === 'string' && typeof arg === 'string' && inCidr(arg, value);
    case 'exists':
      return arg === true;
    default:
      throw new Error(`event-pattern-matcher: unknown operator ${op}`);
  }
}

function fieldMatches(matchers: Json[], value: Json | undefined): boolean {
  const values = isLeaf(value) ? leafValues(value!) : [];
  // An empty array carries no value: the field is as good as absent.
  if (values.length === 0) return matchers.some((m) => isObject(m) && m.exists === false);
  return matchers.some((m) => (isObject(m) && 'exists' in m ? m.exists === true : values.some((v) => matcherMatches(m, v))));
}

function objectMatches(pattern: JsonObject, event: Json | undefined): boolean {
  // An array of objects: one element has to match the whole sub-pattern.
  if (Array.isArray(event)) return event.some((e) => objectMatches(pattern, e));
  for (const [key, spec] of Object.entries(pattern)) {
    if (key === '$or') {
      if (!Array.isArray(spec) || spec.length < 2 || !spec.every(isObject)) throw new Error('event-pattern-matcher: $or takes an array of two or more patterns');
      if (!spec.some((branch) => objectMatches(branch as JsonObject, event))) return false;
      continue;
    }
    const value = isObject(event) ? event[key] : undefined;
    if (Array.isArray(spec)) {
      if (!fieldMatches(spec, value)) return false;
    } else if (isObject(spec)) {
      // A nested pattern only matches an object (or an array of them); exists:false below it may match its absence.
      if (value === undefined || (!isObject(value) && !Array.isArray(value))) {
        if (!objectMatches(spec, {})) return false;
      } else if (!objectMatches(spec, value)) return false;
    } else {
      throw new Error(`event-pattern-matcher: field ${key} must be an array of matchers or a nested pattern`);
    }
  }
  return true;
}

/** Whether EventBridge would deliver `event` to a rule with `pattern`. */
export function eventMatchesPattern(pattern: unknown, event: unknown): boolean {
  if (!isObject(pattern as Json)) throw new Error('event-pattern-matcher: a pattern is a JSON object');
  return objectMatches(pattern as JsonObject, event as Json);
}
