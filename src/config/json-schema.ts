import { z } from 'zod';
import { configSchema } from './schema';

type JsonSchema = {
  type?: string | string[];
  description?: string;
  default?: unknown;
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  additionalProperties?: JsonSchema | boolean;
  propertyNames?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  [key: string]: unknown;
};

/** The config's JSON Schema, as editors read it (the input form: defaults are optional). */
export function configJsonSchema(): JsonSchema {
  const schema = z.toJSONSchema(configSchema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return { ...schema, title: 'guardduty-cdktf config' };
}

export function configJsonSchemaText(): string {
  return `${JSON.stringify(configJsonSchema(), null, 2)}\n`;
}

interface ReferenceRow {
  readonly key: string;
  readonly type: string;
  readonly required: boolean;
  readonly defaultValue: string;
  readonly description: string;
}

function typeOf(s: JsonSchema): string {
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(' \\| ');
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return alternatives.map(typeOf).join(' \\| ');
  if (s.type === 'array') return `list of ${s.items ? typeOf(s.items) : 'any'}`;
  if (s.type === 'object') return s.properties ? 'mapping' : `map of ${typeof s.additionalProperties === 'object' ? typeOf(s.additionalProperties) : 'any'}`;
  return typeof s.type === 'string' ? s.type : 'any';
}

function rows(s: JsonSchema, prefix: string, required: boolean, out: ReferenceRow[]): void {
  const variants = s.oneOf ?? s.anyOf;
  if (variants?.every((v) => v.properties?.type?.const !== undefined)) {
    // A tagged union (backend): one block of rows per `type`.
    for (const v of variants) rows(v, `${prefix} (type: ${String(v.properties!.type!.const)})`, required, out);
    return;
  }
  if (prefix) {
    out.push({
      key: prefix,
      type: typeOf(s),
      required,
      defaultValue: s.default === undefined ? '' : JSON.stringify(s.default),
      description: (s.description ?? '').replace(/\|/g, '\\|'),
    });
  }
  for (const [key, child] of Object.entries(s.properties ?? {})) {
    if (key === '$schema') continue;
    rows(child, prefix ? `${prefix.replace(/ \(type: .*\)$/, '')}.${key}` : key, (s.required ?? []).includes(key), out);
  }
  // A list of mappings (members, threatLists.threat): document the fields of one item.
  if (s.type === 'array' && s.items?.properties) {
    for (const [key, child] of Object.entries(s.items.properties)) rows(child, `${prefix}[].${key}`, (s.items.required ?? []).includes(key), out);
  }
}

/** The config reference table of docs/configuration.md, generated from the schema so the two cannot drift. */
export function configReferenceMarkdown(): string {
  const out: ReferenceRow[] = [];
  rows(configJsonSchema(), '', true, out);
  const lines = ['| Key | Type | Required | Default | Description |', '| --- | --- | --- | --- | --- |'];
  for (const r of out) {
    lines.push(`| \`${r.key}\` | ${r.type} | ${r.required ? 'yes' : ''} | ${r.defaultValue ? `\`${r.defaultValue}\`` : ''} | ${r.description} |`);
  }
  return `${lines.join('\n')}\n`;
}
