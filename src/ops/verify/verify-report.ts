import { type ExitCode, exitCodeOf } from '../exit-code';
import type { RegionOutcome } from '../fan-out';
import { formatTable } from '../format/text-table';
import { formatRegionError, type RegionError } from '../region-error';
import type { CheckResult } from './check-result';
import type { RegionVerification } from './verify-region';

/**
 * Worst first: drift > failing (a dead-letter queue holds findings, a
 * delivery alarm is in ALARM) > unreadable > incomplete (some part
 * unreadable) > pending > ok.
 */
export type RegionVerdict = 'drift' | 'failing' | 'unreadable' | 'incomplete' | 'pending' | 'ok';

export interface VerifyRegionReport {
  readonly region: string;
  readonly verdict: RegionVerdict;
  readonly detectorId?: string;
  /** Every check, ok ones included. */
  readonly checks: readonly CheckResult[];
  /** Why the region could not be read at all. */
  readonly error?: RegionError;
}

export interface VerifyReport {
  readonly command: 'verify';
  readonly accountId: string;
  readonly configFile: string;
  readonly exitCode: ExitCode;
  readonly summary: { readonly regions: number } & Readonly<Record<RegionVerdict, number>>;
  readonly regions: readonly VerifyRegionReport[];
  /** Detection rules the config lifts, with their reasons: reported on every run, never drift. */
  readonly overrides: readonly string[];
}

function verdictOf(checks: readonly CheckResult[]): RegionVerdict {
  if (checks.some((c) => c.status === 'drift')) return 'drift';
  if (checks.some((c) => c.status === 'failing')) return 'failing';
  if (checks.some((c) => c.status === 'unreadable')) return 'incomplete';
  return checks.some((c) => c.status === 'pending') ? 'pending' : 'ok';
}

export function buildVerifyReport(args: {
  readonly accountId: string;
  readonly configFile: string;
  readonly outcomes: readonly RegionOutcome<RegionVerification>[];
  readonly overrides?: readonly string[];
}): VerifyReport {
  const regions = args.outcomes.map((o): VerifyRegionReport =>
    o.ok
      ? { region: o.region, verdict: verdictOf(o.value.checks), ...(o.value.detectorId ? { detectorId: o.value.detectorId } : {}), checks: o.value.checks }
      : { region: o.region, verdict: 'unreadable', checks: [], error: o.error },
  );
  const count = (v: RegionVerdict) => regions.filter((r) => r.verdict === v).length;
  const summary = {
    regions: regions.length,
    ok: count('ok'),
    pending: count('pending'),
    drift: count('drift'),
    failing: count('failing'),
    incomplete: count('incomplete'),
    unreadable: count('unreadable'),
  };
  const exitCode = exitCodeOf({ problem: summary.drift + summary.failing > 0, incomplete: summary.unreadable + summary.incomplete > 0 });
  return { command: 'verify', accountId: args.accountId, configFile: args.configFile, exitCode, summary, regions, overrides: args.overrides ?? [] };
}

const STATUS_LABEL: Readonly<Record<CheckResult['status'], string>> = { ok: 'ok', pending: 'pending', drift: 'DRIFT', failing: 'FAILING', unreadable: 'UNREADABLE' };

/**
 * The drift table: every check that is not ok (all of them with `all`),
 * then regions that could not be read, then one summary line.
 */
export function formatVerifyText(report: VerifyReport, options: { readonly all?: boolean } = {}): string {
  const rows = report.regions.flatMap((r) =>
    r.checks.filter((c) => options.all || c.status !== 'ok').map((c) => [r.region, c.check, c.subject, c.expected, c.live, STATUS_LABEL[c.status]]),
  );
  const out = [`Account ${report.accountId}, ${report.summary.regions} region${report.summary.regions === 1 ? '' : 's'} of ${report.configFile}`, ''];
  if (rows.length > 0) out.push(formatTable(['Region', 'Check', 'Resource', 'Expected', 'Live', 'Status'], rows), '');
  const hints = report.regions.flatMap((r) => r.checks.filter((c) => c.status !== 'ok' && c.hint).map((c) => `  ${r.region} ${c.subject}: ${c.hint}`));
  if (hints.length > 0) out.push('What to do:', ...hints, '');
  const unreadable = report.regions.filter((r) => r.error);
  if (unreadable.length > 0) {
    out.push('Could not read:', ...unreadable.map((r) => `  ${r.region}: ${formatRegionError(r.error!)}`), '');
  }
  if (report.overrides.length > 0) out.push('Detection rules lifted by the config:', ...report.overrides.map((o) => `  ${o}`), '');
  const s = report.summary;
  const parts = [`${s.ok} ok`, `${s.drift} drift`, ...(s.failing ? [`${s.failing} failing delivery`] : []), `${s.pending} pending`, ...(s.incomplete ? [`${s.incomplete} partly read`] : []), `${s.unreadable} unreadable`];
  out.push(`${s.regions} regions: ${parts.join(', ')}. ${verdictSentence(report)}`);
  return out.join('\n') + '\n';
}

function verdictSentence(report: VerifyReport): string {
  const failing = report.regions.some((r) => r.checks.some((c) => c.status === 'failing'));
  if (report.exitCode === 1 && report.summary.drift === 0) return 'Exit 1: findings failed delivery (a dead-letter queue holds messages or an alarm is in ALARM).';
  if (report.exitCode === 1) return `Exit 1: the live estate differs from the config${failing ? ', and findings failed delivery' : ''}.`;
  if (report.exitCode === 3) return 'Exit 3: some regions could not be read.';
  return report.summary.pending > 0 ? 'No drift (some changes still settling).' : 'No drift.';
}
