import { type CloudWatchClient, paginateDescribeAlarms } from '@aws-sdk/client-cloudwatch';
import type { LiveAlarm } from '../checks/delivery-failures';

/** DescribeAlarms takes at most 100 names per call (CloudWatch API Reference, DescribeAlarms, `AlarmNames`). */
export const ALARM_NAMES_PER_CALL = 100;

/**
 * The named metric alarms with their state, 100 names per call, every page
 * of each. An alarm that does not exist is simply not in the answer.
 */
export async function readAlarms(client: CloudWatchClient, names: readonly string[]): Promise<LiveAlarm[]> {
  const alarms: LiveAlarm[] = [];
  for (let i = 0; i < names.length; i += ALARM_NAMES_PER_CALL) {
    for await (const page of paginateDescribeAlarms({ client }, { AlarmNames: names.slice(i, i + ALARM_NAMES_PER_CALL) })) {
      for (const a of page.MetricAlarms ?? []) {
        alarms.push({
          name: a.AlarmName ?? '',
          state: a.StateValue ?? '',
          ...(a.StateReason ? { reason: a.StateReason } : {}),
          ...(a.StateUpdatedTimestamp ? { since: a.StateUpdatedTimestamp.toISOString() } : {}),
        });
      }
    }
  }
  return alarms;
}
