import type { FindingEvent } from './finding-event';

export interface SampleArrival {
  readonly type: string;
  readonly findingId: string;
  /** When CloudWatch Logs ingested the event (epoch ms). */
  readonly arrivedAt: number;
  /** From the CreateSampleFindings call to ingestion: the whole alert path. */
  readonly latencyMs: number;
}

/**
 * How far this machine's clock may be ahead of AWS's before a fresh
 * sample's updatedAt looks older than the moment it was created.
 */
export const CLOCK_SKEW_MS = 60_000;

/**
 * A sample of a type still awaited, from the smoke region, updated by this
 * run (not a sample left over from an earlier one).
 */
export function isAwaitedSample(event: FindingEvent, awaited: ReadonlySet<string>, region: string, sentAt: number): boolean {
  return event.sample && awaited.has(event.type) && event.region === region && (event.updatedAt === undefined || event.updatedAt >= sentAt - CLOCK_SKEW_MS);
}
