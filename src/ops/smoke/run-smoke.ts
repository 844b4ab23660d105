import { CreateSampleFindingsCommand } from '@aws-sdk/client-guardduty';
import type { AwsClients } from '../aws-clients';
import { findDetectorId } from '../detector-id';
import { describeRegionError, NoDetectorError, type RegionError } from '../region-error';
import { archiveSampleFindings } from './archive-samples';
import type { SampleArrival } from './sample-arrival';
import type { SmokePlan } from './smoke-plan';
import { watchForSamples } from './watch-log-group';

export interface SmokeResult {
  readonly plan: SmokePlan;
  readonly detectorId?: string;
  /** When CreateSampleFindings was called (epoch ms). */
  readonly sentAt?: number;
  readonly arrivals: readonly SampleArrival[];
  readonly missing: readonly string[];
  /** Samples archived afterwards (with --archive). */
  readonly archived?: number;
  /** The step that failed: creating the samples, or watching the log group. */
  readonly failure?: { readonly step: 'create' | 'watch'; readonly error: RegionError };
  readonly archiveError?: RegionError;
}

export interface SmokeClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

/**
 * The manual "generate sample findings" check, made a test: create samples,
 * wait for each in the findings log group, time the whole path, and
 * optionally archive the samples so they do not linger among real findings.
 */
export async function runSmoke(
  clients: Pick<AwsClients, 'guardduty' | 'logs'>,
  plan: SmokePlan,
  clock: SmokeClock,
  onPoll?: (arrived: number, elapsedMs: number) => void,
): Promise<SmokeResult> {
  const guardduty = clients.guardduty(plan.findingRegion);
  let detectorId: string | undefined;
  let sentAt: number;
  try {
    detectorId = await findDetectorId(guardduty);
    if (!detectorId) throw new NoDetectorError(plan.findingRegion);
    sentAt = clock.now();
    await guardduty.send(new CreateSampleFindingsCommand({ DetectorId: detectorId, FindingTypes: [...plan.types] }));
  } catch (err) {
    return {
      plan,
      ...(detectorId ? { detectorId } : {}),
      arrivals: [],
      missing: plan.types,
      failure: { step: 'create', error: describeRegionError(err, plan.findingRegion) },
    };
  }

  let watched: Pick<SmokeResult, 'arrivals' | 'missing' | 'failure'>;
  try {
    watched = await watchForSamples(clients.logs(plan.logRegion), {
      logGroupName: plan.logGroupName,
      findingRegion: plan.findingRegion,
      types: plan.types,
      sentAt,
      timeoutMs: plan.timeoutMs,
      intervalMs: plan.intervalMs,
      now: clock.now,
      sleep: clock.sleep,
      ...(onPoll ? { onPoll } : {}),
    });
  } catch (err) {
    watched = { arrivals: [], missing: plan.types, failure: { step: 'watch', error: describeRegionError(err, plan.logRegion) } };
  }

  if (!plan.archive) return { plan, detectorId, sentAt, ...watched };
  try {
    const archived = await archiveSampleFindings(guardduty, detectorId, plan.types, sentAt);
    return { plan, detectorId, sentAt, ...watched, archived };
  } catch (err) {
    return { plan, detectorId, sentAt, ...watched, archiveError: describeRegionError(err, plan.findingRegion) };
  }
}
