/**
 * Trailing annotations on an entry: `203.0.113.7  # expires=2027-01-31 owner=netops ticket=SEC-123`.
 * Words without `=` are a free-text note. A `key=value` word must be a known
 * key with a valid value: a misspelt `expire=` would otherwise silently turn
 * a temporary entry into a permanent one.
 */

export interface EntryAnnotations {
  /** Last day the entry is in effect, `YYYY-MM-DD` (UTC). */
  readonly expires?: string;
  readonly owner?: string;
  readonly ticket?: string;
}

export const ANNOTATION_KEYS = ['expires', 'owner', 'ticket'] as const;
type AnnotationKey = (typeof ANNOTATION_KEYS)[number];

export interface ParsedAnnotations {
  readonly annotations: EntryAnnotations;
  readonly problems: readonly string[];
}

const KEY_VALUE = /^([A-Za-z][\w-]*)=(.*)$/;
/** `expires:2027-01-31`, `Expires 2027-01-31`: an annotation meant, but not written as key=value. */
const KEY_WITHOUT_EQUALS = /^(expires|owner|ticket)(:.*)?$/i;

/** Parses the text after `#` on an entry line. */
export function parseAnnotations(comment: string): ParsedAnnotations {
  const values: { -readonly [K in AnnotationKey]?: string } = {};
  const problems: string[] = [];
  for (const word of comment.split(/\s+/)) {
    if (word === '') continue;
    const pair = KEY_VALUE.exec(word);
    if (!pair) {
      const meant = KEY_WITHOUT_EQUALS.exec(word);
      if (meant) problems.push(`"${word}" looks like an annotation: write ${meant[1]!.toLowerCase()}=<value>`);
      continue;
    }
    const [, key, value] = pair as unknown as [string, string, string];
    if (!(ANNOTATION_KEYS as readonly string[]).includes(key)) {
      const known = ANNOTATION_KEYS.find((k) => k === key.toLowerCase() || k.startsWith(key.toLowerCase()) || key.toLowerCase().startsWith(k));
      problems.push(`unknown annotation "${key}"${known ? ` (did you mean ${known}=?)` : ''}: known ones are ${ANNOTATION_KEYS.join(', ')}`);
      continue;
    }
    const typed = key as AnnotationKey;
    if (values[typed] !== undefined) {
      problems.push(`${key}= is given twice`);
      continue;
    }
    if (value === '') {
      problems.push(`${key}= has no value`);
      continue;
    }
    if (typed === 'expires' && !isCalendarDate(value)) {
      problems.push(`expires=${value} is not a date: write expires=YYYY-MM-DD`);
      continue;
    }
    values[typed] = value;
  }
  return { annotations: values, problems };
}

/** `YYYY-MM-DD` naming a real day (no 2027-02-30). */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const [y, m, d] = text.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** `YYYY-MM-DD` of an instant, in UTC: the day annotations are compared against. */
export function utcDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** Whole days from `today` to `day` (both `YYYY-MM-DD`); negative when `day` is past. */
export function daysBetween(today: string, day: string): number {
  return Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

export function hasAnnotations(a: EntryAnnotations): boolean {
  return a.expires !== undefined || a.owner !== undefined || a.ticket !== undefined;
}

/** `expires=… owner=… ticket=…` for messages and reports. */
export function formatAnnotations(a: EntryAnnotations): string {
  return ANNOTATION_KEYS.filter((k) => a[k] !== undefined)
    .map((k) => `${k}=${a[k]}`)
    .join(' ');
}
