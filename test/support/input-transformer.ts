import type { InputTransformer } from '../../src/alerts/message';

/**
 * What an SNS subscriber reads for `event` through an EventBridge input
 * transformer: each input path resolved in the event (dot notation and
 * array indices, the subset EventBridge documents in "Amazon EventBridge
 * input transformation"), a path missing from the event rendered as
 * nothing, and a quoted template delivered as the plain text it holds.
 * Values are escaped for the JSON string they are placed in, as
 * EventBridge does for every variable but its predefined aws.events.event.
 */
export function renderInputTemplate(transformer: InputTransformer, event: unknown): string {
  const values = Object.fromEntries(Object.entries(transformer.inputPaths).map(([name, path]) => [name, resolvePath(event, path)]));
  const filled = transformer.inputTemplate.replace(/<([A-Za-z0-9_.-]+)>/g, (whole, name: string) => {
    if (!(name in values)) return whole;
    const value = values[name];
    if (value === undefined) return '';
    return JSON.stringify(typeof value === 'string' ? value : JSON.stringify(value)).slice(1, -1);
  });
  return filled.startsWith('"') ? (JSON.parse(filled) as string) : filled;
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
