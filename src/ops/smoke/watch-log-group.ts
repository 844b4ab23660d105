import { type CloudWatchLogsClient, paginateFilterLogEvents } from '@aws-sdk/client-cloudwatch-logs';
import { parseFindingEvent } from './finding-event';
import { CLOCK_SKEW_MS, isAwaitedSample, type SampleArrival } from './sample-arrival';

export interface WatchOptions {
  readonly logGroupName: string;
  /** Region the samples were created in. */
  readonly findingRegion: string;
  readonly types: readonly string[];
  /** When CreateSampleFindings was called (epoch ms). */
  readonly sentAt: number;
  readonly timeoutMs: number;
  readonly intervalMs: number;
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly onPoll?: (arrived: number, elapsedMs: number) => void;
}

export interface WatchResult {
  readonly arrivals: readonly SampleArrival[];
  /** Types that did not arrive before the timeout. */
  readonly missing: readonly string[];
}

/**
 * Polls the findings log group until a sample of every type has arrived or
 * the timeout passes. Every poll reads from just before the samples were
 * created, because events can be ingested out of timestamp order; events
 * already seen are skipped by id. Matching is done here rather than with a
 * filter pattern: type names carry `&`, `!` and `/`, and a pattern the
 * service rejects would fail every run.
 */
export async function watchForSamples(logs: CloudWatchLogsClient, options: WatchOptions): Promise<WatchResult> {
  const awaited = new Set(options.types);
  const arrivals: SampleArrival[] = [];
  const seen = new Set<string>();
  for (;;) {
    const pages = paginateFilterLogEvents({ client: logs }, { logGroupName: options.logGroupName, startTime: options.sentAt - CLOCK_SKEW_MS });
    for await (const page of pages) {
      for (const e of page.events ?? []) {
        const id = e.eventId ?? `${e.logStreamName}/${e.timestamp}/${e.message}`;
        if (seen.has(id)) continue;
        seen.add(id);
        const event = parseFindingEvent(e.message);
        if (!event || !isAwaitedSample(event, awaited, options.findingRegion, options.sentAt)) continue;
        const arrivedAt = e.ingestionTime ?? e.timestamp ?? options.now();
        awaited.delete(event.type);
        arrivals.push({ type: event.type, findingId: event.findingId, arrivedAt, latencyMs: arrivedAt - options.sentAt });
      }
    }
    const elapsed = options.now() - options.sentAt;
    options.onPoll?.(arrivals.length, elapsed);
    const left = options.timeoutMs - elapsed;
    if (awaited.size === 0 || left <= 0) break;
    await options.sleep(Math.min(options.intervalMs, left));
  }
  return { arrivals, missing: options.types.filter((t) => awaited.has(t)) };
}
