import { formatDuration } from '../duration';
import { type ExitCode, ExitCode as Codes } from '../exit-code';
import { formatTable } from '../format/text-table';
import { formatRegionError, type RegionError } from '../region-error';
import type { SmokeResult } from './run-smoke';

export interface SmokeReport {
  readonly command: 'smoke';
  readonly accountId: string;
  readonly region: string;
  readonly detectorId?: string;
  readonly logGroup: { readonly name: string; readonly region: string };
  readonly sentAt?: string;
  readonly timeoutMs: number;
  readonly samples: readonly {
    readonly type: string;
    readonly arrived: boolean;
    readonly findingId?: string;
    readonly arrivedAt?: string;
    readonly latencyMs?: number;
  }[];
  readonly archived?: number;
  readonly failure?: { readonly step: 'create' | 'watch'; readonly error: RegionError };
  readonly archiveError?: RegionError;
  readonly exitCode: ExitCode;
}

/**
 * 1 when a sample did not arrive, or the path is missing a piece (no
 * detector, no log group); 3 when the run could not find out (denied,
 * throttled), including samples that arrived but could not be archived.
 */
function exitCodeOf(result: SmokeResult): ExitCode {
  const failure = result.failure?.error;
  if (failure) return failure.kind === 'no-detector' || failure.kind === 'not-found' ? Codes.Problem : Codes.Incomplete;
  if (result.missing.length > 0) return Codes.Problem;
  return result.archiveError ? Codes.Incomplete : Codes.Ok;
}

export function buildSmokeReport(accountId: string, result: SmokeResult): SmokeReport {
  const { plan } = result;
  return {
    command: 'smoke',
    accountId,
    region: plan.findingRegion,
    ...(result.detectorId ? { detectorId: result.detectorId } : {}),
    logGroup: { name: plan.logGroupName, region: plan.logRegion },
    ...(result.sentAt !== undefined ? { sentAt: new Date(result.sentAt).toISOString() } : {}),
    timeoutMs: plan.timeoutMs,
    samples: plan.types.map((type) => {
      const arrival = result.arrivals.find((a) => a.type === type);
      return arrival
        ? { type, arrived: true, findingId: arrival.findingId, arrivedAt: new Date(arrival.arrivedAt).toISOString(), latencyMs: arrival.latencyMs }
        : { type, arrived: false };
    }),
    ...(result.archived !== undefined ? { archived: result.archived } : {}),
    ...(result.failure ? { failure: result.failure } : {}),
    ...(result.archiveError ? { archiveError: result.archiveError } : {}),
    exitCode: exitCodeOf(result),
  };
}

export function formatSmokeText(report: SmokeReport): string {
  const out = [
    `Sample findings in ${report.region}${report.detectorId ? ` (detector ${report.detectorId})` : ''} -> log group ${report.logGroup.name} in ${report.logGroup.region}, timeout ${formatDuration(report.timeoutMs)}`,
    '',
  ];
  if (report.failure?.step !== 'create') {
    const rows = report.samples.map((s) =>
      s.arrived ? [s.type, s.findingId ?? '', s.arrivedAt ?? '', formatDuration(s.latencyMs ?? 0)] : [s.type, '-', 'did not arrive', `> ${formatDuration(report.timeoutMs)}`],
    );
    out.push(formatTable(['Finding type', 'Finding id', 'Arrived', 'Latency'], rows, ['left', 'left', 'left', 'right']), '');
  }
  if (report.failure) {
    out.push(`${report.failure.step === 'create' ? 'Could not create sample findings' : 'Could not read the log group'}: ${formatRegionError(report.failure.error)}`);
    if (report.failure.error.kind === 'not-found') out.push('  The findings export (log group and EventBridge rules) is not deployed, or its name differs from --log-group.');
  }
  if (report.archived !== undefined) out.push(`Archived ${report.archived} sample finding${report.archived === 1 ? '' : 's'}.`);
  if (report.archiveError) out.push(`Could not archive the samples: ${formatRegionError(report.archiveError)}`);
  const missing = report.samples.filter((s) => !s.arrived).length;
  if (report.exitCode === Codes.Ok) out.push(`All ${report.samples.length} sample findings arrived.`);
  else if (report.exitCode === Codes.Problem) {
    out.push(report.failure ? 'Exit 1: the alert path is broken.' : `Exit 1: ${missing} of ${report.samples.length} sample findings did not arrive within ${formatDuration(report.timeoutMs)}.`);
  } else out.push('Exit 3: the run could not complete.');
  return out.join('\n') + '\n';
}
