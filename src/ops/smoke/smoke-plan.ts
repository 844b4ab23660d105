import type { GuardDutyConfig } from '../../config/schema';
import { findingsLogGroupName } from '../../naming';
import { UsageError } from '../usage-error';
import { chooseSampleTypes } from './sample-types';

export interface SmokePlan {
  /** Where the samples are created. */
  readonly findingRegion: string;
  /** The findings log group lives in the home region: every region forwards to the home bus. */
  readonly logRegion: string;
  readonly logGroupName: string;
  readonly types: readonly string[];
  readonly timeoutMs: number;
  readonly intervalMs: number;
  readonly archive: boolean;
}

/** `export.minSeverity` when the caller does not say: every severity reaches the log group. */
export const DEFAULT_EXPORT_MIN_SEVERITY = 1;

export function smokePlanFromConfig(
  config: Pick<GuardDutyConfig, 'prefix' | 'homeRegion'>,
  configuredRegions: readonly string[],
  options: {
    readonly region?: string;
    readonly types?: readonly string[];
    readonly logGroupName?: string;
    readonly minSeverity?: number;
    readonly timeoutMs: number;
    readonly intervalMs: number;
    readonly archive: boolean;
  },
): SmokePlan {
  const findingRegion = options.region ?? config.homeRegion;
  if (!configuredRegions.includes(findingRegion)) {
    throw new UsageError(`--region: ${findingRegion} is not among the config's regions (${configuredRegions.join(', ')})`);
  }
  return {
    findingRegion,
    logRegion: config.homeRegion,
    logGroupName: options.logGroupName ?? findingsLogGroupName(config.prefix),
    types: chooseSampleTypes(options.types, options.minSeverity ?? DEFAULT_EXPORT_MIN_SEVERITY),
    timeoutMs: options.timeoutMs,
    intervalMs: options.intervalMs,
    archive: options.archive,
  };
}
