import type { z } from 'zod';

/**
 * What is left of a value when the parts that do not parse are dropped:
 * objects keep the keys that parse, lists keep their length (an item that
 * does not parse becomes undefined, so indices still match the file),
 * records keep the entries that parse.
 */
export type Salvaged<T> = T extends readonly (infer U)[]
  ? (Salvaged<U> | undefined)[]
  : T extends object
    ? { [K in keyof T]?: Salvaged<T[K]> }
    : T;

type AnySchema = z.ZodType & { def: { type: string }; unwrap?: () => AnySchema };

/** Parses what parses, so cross-field rules can run beside structural errors. */
export function salvage<S extends z.ZodType>(schema: S, value: unknown): Salvaged<z.output<S>> | undefined {
  return salvageAny(schema as unknown as AnySchema, value) as Salvaged<z.output<S>> | undefined;
}

function salvageAny(schema: AnySchema, value: unknown): unknown {
  const whole = schema.safeParse(value);
  if (whole.success) return whole.data;
  if (value === undefined || value === null) return undefined;
  const def = schema.def as { type: string; shape?: Record<string, AnySchema>; element?: AnySchema; valueType?: AnySchema };
  switch (def.type) {
    case 'default':
    case 'optional':
      return salvageAny(schema.unwrap!(), value);
    case 'object': {
      if (typeof value !== 'object' || Array.isArray(value)) return undefined;
      const input = value as Record<string, unknown>;
      const entries = Object.entries(def.shape!).map(([key, child]) => [key, salvageAny(child, input[key])] as const);
      return Object.fromEntries(entries.filter(([, v]) => v !== undefined));
    }
    case 'array':
      return Array.isArray(value) ? value.map((item) => salvageAny(def.element!, item)) : undefined;
    case 'record': {
      if (typeof value !== 'object' || Array.isArray(value)) return undefined;
      const entries = Object.entries(value as Record<string, unknown>).map(([key, v]) => [key, salvageAny(def.valueType!, v)] as const);
      return Object.fromEntries(entries.filter(([, v]) => v !== undefined));
    }
    default:
      return undefined;
  }
}

/** The value, typed, only when it parses whole. */
export function whole<S extends z.ZodType>(schema: S, value: unknown): z.output<S> | undefined {
  const result = schema.safeParse(value);
  return result.success ? result.data : undefined;
}
