import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { ConfigError, type ConfigIssue } from './issues';
import { configSchema, type GuardDutyConfig } from './schema';
import { parseSections, validateConfig } from './validate';
import { lineOf } from './yaml-locations';
import { DEFAULT_CONFIG_FILE } from './config-file';

export { configFileFromEnv, DEFAULT_CONFIG_FILE } from './config-file';

/** Reads and validates a config file; throws a ConfigError listing every problem. */
export function loadConfig(file: string): GuardDutyConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError(file, [{ path: [], message: `cannot read the file: ${(err as Error).message}` }]);
  }
  return parseConfig(text, file);
}

/** Parses YAML text into a validated config with defaults filled in. */
export function parseConfig(text: string, file = DEFAULT_CONFIG_FILE): GuardDutyConfig {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new ConfigError(
      file,
      doc.errors.map((e) => ({ path: [], message: `YAML: ${e.message.split('\n')[0]}`, line: lineCounter.linePos(e.pos[0]).line })),
    );
  }
  const located = (path: readonly (string | number)[], message: string): ConfigIssue => ({
    path,
    message,
    line: lineOf(doc, lineCounter, path),
  });

  const raw = doc.toJS() ?? {};
  // jitless: a process parses its config once, and zod's fast path first compiles a function per object schema with
  // `new Function` (ParseContext.jitless, "Skip eval-based fast path"), which costs more than that one parse saves.
  const parsed = configSchema.safeParse(raw, { reportInput: true, jitless: true });
  const structural = parsed.success ? [] : parsed.error.issues.flatMap(describeZodIssue);
  const crossField = validateConfig(parsed.success ? parsed.data : parseSections(raw)).map((i): Described => [i.path, i.message]);
  const issues = [...structural, ...crossField].map(([path, message]) => located(path, message));
  if (issues.length > 0 || !parsed.success) throw new ConfigError(file, byLine(issues));
  return parsed.data;
}

/** Issues in file order, so the report reads top to bottom. */
function byLine(issues: ConfigIssue[]): ConfigIssue[] {
  return [...issues].sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity) || comparePaths(a.path, b.path));
}

function comparePaths(a: readonly (string | number)[], b: readonly (string | number)[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const [x, y] = [a[i]!, b[i]!];
    if (x === y) continue;
    return typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
  }
  return a.length - b.length;
}

type Described = [readonly (string | number)[], string];

/** zod's issues in the words of this config: what was found, what is allowed. */
function describeZodIssue(issue: z.core.$ZodIssue): Described[] {
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key): Described => [[...path, key], `unknown key "${key}"`]);
    case 'invalid_type':
      if (issue.input === undefined) return [[path, 'is required']];
      if (issue.message.startsWith('Invalid input')) {
        return [[path, `must be ${article(yamlType(issue.expected))}, got ${describeValue(issue.input)}`]];
      }
      return [[path, issue.message]];
    case 'invalid_value':
      return [[path, `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(' | ')}, got ${describeValue(issue.input)}`]];
    case 'invalid_union': {
      if (issue.discriminator) {
        const found = (issue.input as Record<string, unknown> | undefined)?.[issue.discriminator];
        const options = 'options' in issue ? (issue.options ?? []) : [];
        return [[path, `must be one of ${options.map((o) => JSON.stringify(o)).join(' | ')}, got ${describeValue(found)}`]];
      }
      const forms = issue.errors.map((option) => {
        const first = option[0];
        if (first?.code === 'invalid_value') return first.values.map((v) => JSON.stringify(v)).join(' | ');
        if (first?.code === 'invalid_type') return article(yamlType(first.expected));
        return first?.message ?? 'another form';
      });
      return [[path, `must be ${forms.join(' or ')}, got ${describeValue(issue.input)}`]];
    }
    case 'invalid_format':
      return [[path, `${describeValue(issue.input)} ${issue.message}`]];
    default:
      return [[path, issue.message]];
  }
}

/** zod's type names in YAML's words. */
function yamlType(type: string): string {
  return type === 'array' ? 'list' : type === 'object' ? 'mapping' : type;
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return JSON.stringify(value);
  return `${typeof value} ${String(value)}`;
}
