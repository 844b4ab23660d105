import type { EstatePlan } from '../../plan/plan';
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

/**
 * The smoke test of one estate plan: samples in a configured region (the
 * home region unless told), watched for in the findings log group the plan
 * creates, of types at or above the severity that region's forwarding rule
 * lets through. Both come from the plan, never recomputed, so a change to
 * `export.minSeverity` or to the log group's naming follows here.
 */
export function smokePlanFromEstate(
  plan: Pick<EstatePlan, 'home' | 'regional'>,
  options: {
    readonly region?: string;
    readonly types?: readonly string[];
    /** --log-group: another log group than the plan's. */
    readonly logGroupName?: string;
    readonly timeoutMs: number;
    readonly intervalMs: number;
    readonly archive: boolean;
  },
): SmokePlan {
  const findingRegion = options.region ?? plan.home.provider.region;
  const stack = plan.regional.find((r) => r.region === findingRegion);
  if (!stack) {
    throw new UsageError(`--region: ${findingRegion} is not among the config's regions (${plan.regional.map((r) => r.region).join(', ')})`);
  }
  const logGroup = plan.home.findings.logGroup;
  return {
    findingRegion,
    logRegion: plan.home.findings.region,
    logGroupName: options.logGroupName ?? logGroup.name,
    types: chooseSampleTypes(options.types, stack.findings.forwarder.minSeverity),
    timeoutMs: options.timeoutMs,
    intervalMs: options.intervalMs,
    archive: options.archive,
  };
}
