import type { InputTransformer } from '../../src/alerts/message';

/**
 * The text an EventBridge input transformer with a quoted (string) template
 * makes of `event`, the part between the quotes (an SNS subscriber gets the
 * quotes too: the input_template `"hello"` arrives by email as "hello",
 * hashicorp/terraform-provider-aws#43253), modelling only what the
 * EventBridge user guide documents ("Amazon EventBridge input
 * transformation"): input paths in dot notation with array indices; a path
 * missing from the event leaves its variable out ("that variable isn't
 * created and won't appear in the output", Common Issues; AWS's own
 * rendering, recorded in localstack's validated snapshot
 * tests/aws/services/events/test_events_inputs.snapshot.json, leaves
 * nothing in its place and still delivers); a string, number or boolean
 * value as it is, since "EventBridge doesn't escape values extracted by
 * Input Path" (Common Issues). What the guide does not document, this
 * refuses (throws) rather than guess, so no test can rest on it: a value
 * with a double quote, backslash or control character, which unescaped
 * would break the JSON string the template is; a null, object or array
 * value; a JSON object template.
 */
export function renderInputTemplate(transformer: InputTransformer, event: unknown): string {
  const template = transformer.inputTemplate;
  if (!(template.length >= 2 && template.startsWith('"') && template.endsWith('"'))) {
    throw new Error(`${template.slice(0, 20)}...: a JSON object template is not modelled, only a quoted (string) one`);
  }
  const values = Object.fromEntries(Object.entries(transformer.inputPaths).map(([name, path]) => [name, resolvePath(event, path)]));
  return template.slice(1, -1).replace(/<([A-Za-z0-9_.-]+)>/g, (whole, name: string) => {
    if (!(name in values)) return whole;
    const value = values[name];
    if (value === undefined) return '';
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    if (typeof value !== 'string') {
      throw new Error(`<${name}> is ${JSON.stringify(value)}: how EventBridge renders a null, object or array in a string template is not modelled`);
    }
    // JSON string escapes: a quote, a backslash, a control character (RFC 8259, section 7).
    if (/["\\\u0000-\u001f]/.test(value)) {
      throw new Error(`<${name}> is ${JSON.stringify(value)}: EventBridge does not escape values, and what it does with one that would need escaping is not documented`);
    }
    return value;
  });
}

function resolvePath(event: unknown, path: string): unknown {
  if (!path.startsWith('$')) throw new Error(`input path ${path} does not start with $`);
  const steps = [...path.slice(1).matchAll(/\.([A-Za-z0-9_-]+)|\[(\d+)\]/g)].map((m) => m[1] ?? Number(m[2]));
  let at: unknown = event;
  for (const step of steps) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string | number, unknown>)[step];
  }
  return at;
}
