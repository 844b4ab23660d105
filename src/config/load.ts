import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { ConfigError, type ConfigIssue } from './issues';
import { configSchema, type GuardDutyConfig } from './schema';
import { validateConfig } from './validate';
import { lineOf } from './yaml-locations';

/** Where synth reads its config unless GUARDDUTY_CONFIG names another file. */
export const DEFAULT_CONFIG_FILE = 'guardduty.yaml';

export function configFileFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return env.GUARDDUTY_CONFIG || DEFAULT_CONFIG_FILE;
}

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

  const parsed = configSchema.safeParse(doc.toJS() ?? {}, { reportInput: true });
  if (!parsed.success) {
    throw new ConfigError(file, parsed.error.issues.flatMap((issue) => describeZodIssue(issue).map(([path, msg]) => located(path, msg))));
  }
  const issues = validateConfig(parsed.data);
  if (issues.length > 0) throw new ConfigError(file, issues.map((i) => located(i.path, i.message)));
  return parsed.data;
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
        return [[path, `must be ${article(issue.expected)}, got ${describeValue(issue.input)}`]];
      }
      return [[path, issue.message]];
    case 'invalid_value':
      return [[path, `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(' | ')}, got ${describeValue(issue.input)}`]];
    case 'invalid_union':
      if (issue.note === 'No matching discriminator' || issue.discriminator) {
        return [[path, `unknown or missing "type": ${describeValue(issue.input)}`]];
      }
      return [[path, `${describeValue(issue.input)} matches none of the allowed forms`]];
    case 'invalid_format':
      return [[path, `${describeValue(issue.input)} ${issue.message}`]];
    default:
      return [[path, issue.message]];
  }
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return JSON.stringify(value);
  return `${typeof value} ${String(value)}`;
}
