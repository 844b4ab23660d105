import type { FindingCriteria } from '@aws-sdk/client-guardduty';
import type { FindingRecord } from './finding-record';

/** What `guardduty-ops findings` asks for. */
export interface FindingQuery {
  readonly minSeverity?: number;
  /** Findings updated at or after this time (epoch ms). */
  readonly updatedSince?: number;
  /** `Recon:`, `UnauthorizedAccess:EC2/`, or a whole type. */
  readonly typePrefix?: string;
  /** Archived findings (what suppression rules hid) instead of current ones. */
  readonly archived: boolean;
  /** Sample findings (CreateSampleFindings) are left out unless asked for. */
  readonly includeSamples: boolean;
}

/**
 * The server-side part of a query. Severity is filtered with its floor
 * because the criterion takes an integer (GreaterThanOrEqual is a long)
 * while severities are decimals; the type prefix has no criterion
 * (`type` matches whole values), so both finish in `matchesQuery`.
 */
export function findingCriteria(query: FindingQuery): FindingCriteria {
  return {
    Criterion: {
      'service.archived': { Equals: [String(query.archived)] },
      ...(query.minSeverity !== undefined ? { severity: { GreaterThanOrEqual: Math.floor(query.minSeverity) } } : {}),
      ...(query.updatedSince !== undefined ? { updatedAt: { GreaterThanOrEqual: query.updatedSince } } : {}),
    },
  };
}

export function matchesQuery(record: FindingRecord, query: FindingQuery): boolean {
  if (query.minSeverity !== undefined && record.severity < query.minSeverity) return false;
  if (query.typePrefix && !record.type.startsWith(query.typePrefix)) return false;
  return query.includeSamples || !record.sample;
}

/** `current, severity >= 7.0, type Recon:*, updated since 2026-01-31T00:00:00.000Z` */
export function describeQuery(query: FindingQuery): string {
  return [
    query.archived ? 'archived' : 'current',
    ...(query.minSeverity !== undefined ? [`severity >= ${query.minSeverity.toFixed(1)}`] : []),
    ...(query.typePrefix ? [`type ${query.typePrefix}*`] : []),
    ...(query.updatedSince !== undefined ? [`updated since ${new Date(query.updatedSince).toISOString()}`] : []),
    query.includeSamples ? 'samples included' : 'samples left out',
  ].join(', ');
}
