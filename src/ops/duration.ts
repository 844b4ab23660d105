import { UsageError } from './usage-error';

const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** `90s`, `10m`, `2h`, `7d`, `1w`; a bare number is seconds. */
export function parseDuration(text: string, option = 'duration'): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h|d|w)?$/.exec(text.trim());
  if (!match) throw new UsageError(`${option}: "${text}" is not a duration such as 90s, 10m, 2h or 7d`);
  return Math.round(Number(match[1]) * UNIT_MS[match[2] ?? 's']!);
}

/** `--since 7d` (that long before now) or an ISO date/time (`2026-01-31`, `2026-01-31T12:00:00Z`); epoch ms. */
export function parseSince(text: string, now: number): number {
  if (/^\d{4}-\d{2}-\d{2}/.test(text.trim())) {
    const time = Date.parse(text.trim());
    if (Number.isNaN(time)) throw new UsageError(`--since: "${text}" is not a valid date`);
    return time;
  }
  return now - parseDuration(text, '--since');
}

/** `2m 05s`, `48s`, `850ms`: for latencies. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))}ms`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds}s`;
  return `${Math.floor(seconds / 60)}m ${String(seconds % 60).padStart(2, '0')}s`;
}
