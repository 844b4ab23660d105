import { describeRegionError, type RegionError } from './region-error';

export type RegionOutcome<T> =
  | { readonly region: string; readonly ok: true; readonly value: T }
  | { readonly region: string; readonly ok: false; readonly error: RegionError };

export interface FanOutOptions {
  /** Regions read at the same time. Each region has its own GuardDuty rate limits, so a handful in parallel is safe. */
  readonly concurrency: number;
  /** Called as each region finishes, for the progress bar. */
  readonly onSettled?: (region: string) => void;
}

/**
 * Runs `work` for every region with bounded concurrency. A region that
 * throws becomes an error outcome and the others carry on: one region not
 * enabled, denied by an SCP or throttled must not hide the rest.
 * Outcomes are in the order of `regions`, whatever order they finish in.
 */
export async function forEachRegion<T>(
  regions: readonly string[],
  work: (region: string) => Promise<T>,
  options: FanOutOptions,
): Promise<RegionOutcome<T>[]> {
  const outcomes: RegionOutcome<T>[] = new Array(regions.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < regions.length) {
      const index = next++;
      const region = regions[index]!;
      try {
        outcomes[index] = { region, ok: true, value: await work(region) };
      } catch (err) {
        outcomes[index] = { region, ok: false, error: describeRegionError(err, region) };
      }
      options.onSettled?.(region);
    }
  };
  const workers = Math.max(1, Math.min(options.concurrency, regions.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return outcomes;
}
