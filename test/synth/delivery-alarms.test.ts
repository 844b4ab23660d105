import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLES, synthExample } from '../deploy/synth-examples';

// Issue "No finding lost silently": every EventBridge rule of every example alarms on its
// FailedInvocations and every dead-letter queue on its depth, in the rule's or queue's own
// region (CloudWatch alarms act only in their region), to an alarm topic of that region.

type Resource = Record<string, unknown> & { region?: string };
interface Stack {
  readonly provider: { aws: { region: string }[] };
  readonly resource?: Record<string, Record<string, Resource>>;
}

function stacks(outdir: string): [string, Stack][] {
  return readdirSync(join(outdir, 'stacks')).map((name) => [name, JSON.parse(readFileSync(join(outdir, 'stacks', name, 'cdk.tf.json'), 'utf8')) as Stack]);
}

describe.each(EXAMPLES)('examples/%s: delivery failures are alarmed where they happen', (file) => {
  const all = stacks(synthExample(file));

  it('every rule has a FailedInvocations alarm and every dead-letter queue a depth alarm, in its region, notifying a topic of that region', () => {
    const missing: string[] = [];
    let rules = 0;
    for (const [name, stack] of all) {
      const home = stack.provider.aws[0]!.region;
      const regionOf = (r: Resource) => r.region ?? home;
      const resources = (type: string) => Object.values(stack.resource?.[type] ?? {});
      const alarms = resources('aws_cloudwatch_metric_alarm');
      const topics = new Map(Object.entries(stack.resource?.aws_sns_topic ?? {}).map(([id, t]) => [`\${aws_sns_topic.${id}.arn}`, regionOf(t)]));
      const alarmed = (metric: string, dimension: string, value: string, region: string) =>
        alarms.some((a) => {
          const dims = a.dimensions as Record<string, string>;
          const actions = a.alarm_actions as string[];
          return a.metric_name === metric && dims[dimension] === value && regionOf(a) === region && actions.length > 0 && actions.every((t) => topics.get(t) === region);
        });
      for (const rule of resources('aws_cloudwatch_event_rule')) {
        rules++;
        if (!alarmed('FailedInvocations', 'RuleName', String(rule.name), regionOf(rule))) missing.push(`${name}: rule ${String(rule.name)} (${regionOf(rule)})`);
      }
      for (const queue of resources('aws_sqs_queue')) {
        if (!alarmed('ApproximateNumberOfMessagesVisible', 'QueueName', String(queue.name), regionOf(queue))) missing.push(`${name}: queue ${String(queue.name)} (${regionOf(queue)})`);
      }
    }
    expect(rules).toBeGreaterThan(0);
    expect(missing).toEqual([]);
  });
});
