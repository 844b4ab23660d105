import { App } from 'cdktf';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildEstateStacks } from '../../modules/estate-stacks';
import { parseConfig } from '../../src/config';
import { findingsBusPolicy } from '../../src/export/policies';
import { planEstate } from '../../src/plan/plan';

const ADMIN = '111111111111';
const config = (extra = '') =>
  parseConfig(`
prefix: acme
homeRegion: us-east-1
accounts: { admin: { accountId: "${ADMIN}" } }
regions: { include: [us-east-1, eu-west-1] }
overrides: [{ rule: GD-DET-6, reason: "a test estate of a few regions keeps its output small" }]
alerts:
  - { name: high, minSeverity: High, sns: { subscriptions: [ { protocol: email, endpoint: sec@example.com } ] } }
${extra}`);

describe('delivery failures in the plan', () => {
  const plan = planEstate(
    config(`export:
  operationalAlarms:
    subscriptions:
      - { protocol: email, endpoint: ops@example.com }
      - { protocol: lambda, endpoint: "arn:aws:lambda:us-east-1:${ADMIN}:function:pager" }`),
  );
  const regional = plan.regional.find((r) => r.region === 'eu-west-1')!.findings.delivery;
  const home = plan.home.findings.delivery;

  it('retries every target for the documented maxima: 24 hours, 185 attempts', () => {
    expect(regional.retryPolicy).toEqual({ maximumEventAgeInSeconds: 86400, maximumRetryAttempts: 185 });
    expect(home.retryPolicy).toEqual(regional.retryPolicy);
  });

  it('names one queue per stack in its region, kept 14 days', () => {
    expect(regional.queue).toMatchObject({ name: 'acme-guardduty-dlq', arn: `arn:aws:sqs:eu-west-1:${ADMIN}:acme-guardduty-dlq`, messageRetentionSeconds: 1209600 });
    expect(home.queue).toMatchObject({ name: 'acme-guardduty-home-dlq', arn: `arn:aws:sqs:us-east-1:${ADMIN}:acme-guardduty-home-dlq` });
  });

  it("lets EventBridge send only for this estate's rules of the queue's region, over TLS", () => {
    const [allow, deny] = regional.queue.policy.Statement;
    expect(allow).toMatchObject({
      Principal: { Service: 'events.amazonaws.com' },
      Action: 'sqs:SendMessage',
      Condition: { StringEquals: { 'aws:SourceAccount': ADMIN }, ArnEquals: { 'aws:SourceArn': [`arn:aws:events:eu-west-1:${ADMIN}:rule/acme-guardduty-findings`] } },
    });
    expect(deny).toMatchObject({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } });
    expect(home.queue.policy.Statement[0]!.Condition!['ArnEquals']!['aws:SourceArn']).toEqual([
      `arn:aws:events:us-east-1:${ADMIN}:rule/acme-guardduty-findings/acme-guardduty-to-logs`,
      `arn:aws:events:us-east-1:${ADMIN}:rule/acme-guardduty-findings/acme-alert-high`,
    ]);
  });

  it('alarms on FailedInvocations with RuleName for the default bus, EventBusName and RuleName for the home bus, and on queue depth', () => {
    expect(regional.alarms.map((a) => [a.name, a.metricName, a.dimensions])).toEqual([
      ['acme-guardduty-findings-failed-invocations', 'FailedInvocations', { RuleName: 'acme-guardduty-findings' }],
      ['acme-guardduty-dlq-not-empty', 'ApproximateNumberOfMessagesVisible', { QueueName: 'acme-guardduty-dlq' }],
    ]);
    expect(home.alarms.find((a) => a.name === 'acme-alert-high-failed-invocations')!.dimensions).toEqual({ EventBusName: 'acme-guardduty-findings', RuleName: 'acme-alert-high' });
    expect(home.alarms.every((a) => a.threshold === 0 && a.comparisonOperator === 'GreaterThanThreshold' && a.treatMissingData === 'notBreaching')).toBe(true);
  });

  it('lets CloudWatch use the alarm key only for these alarms of this account', () => {
    const statement = regional.alarmTopic.keyPolicy.Statement.find((s) => s.Sid === 'CloudWatchEncryptsTheEstateAlarms')!;
    expect(statement).toMatchObject({
      Principal: { Service: 'cloudwatch.amazonaws.com' },
      Action: ['kms:GenerateDataKey*', 'kms:Decrypt'],
      Condition: { StringEquals: { 'aws:SourceAccount': ADMIN }, ArnEquals: { 'aws:SourceArn': regional.alarms.map((a) => a.arn) } },
    });
    expect(regional.alarmTopic).toMatchObject({ name: 'acme-gd-ops-alarms', keyAlias: 'alias/acme-gd-ops-alarms' });
    expect(home.alarmTopic.name).toBe('acme-gd-home-ops-alarms');
  });

  it('subscribes the operational alarm endpoints, a Lambda with a permission in its own region', () => {
    expect(regional.alarmTopic.subscriptions).toEqual([
      { protocol: 'email', endpoint: 'ops@example.com' },
      { protocol: 'lambda', endpoint: `arn:aws:lambda:us-east-1:${ADMIN}:function:pager`, functionRegion: 'us-east-1' },
    ]);
  });
});

describe('the findings bus policy', () => {
  it('denies events:PutEvents to every principal but the forwarder role', () => {
    const role = `arn:aws:iam::${ADMIN}:role/acme-guardduty-forwarder`;
    const deny = findingsBusPolicy('arn:bus', role).Statement.find((s) => s.Effect === 'Deny')!;
    expect(deny).toMatchObject({ Principal: '*', Action: 'events:PutEvents', Resource: 'arn:bus', Condition: { ArnNotEquals: { 'aws:PrincipalArn': role } } });
  });
});

describe('delivery failures in the stacks', () => {
  type Json = { resource: Record<string, Record<string, Record<string, unknown>>> };
  const estate = buildEstateStacks(new App({ outdir: mkdtempSync(join(tmpdir(), 'gd-delivery-')), stackTraces: false }), planEstate(config()));

  it.each(['guardduty-home', 'guardduty-us-east-1', 'guardduty-eu-west-1'])("%s: every EventBridge target retries and dead-letters to its own stack's queue", (name) => {
    const json = estate.stacks.find((s) => s.node.id === name)!.toTerraform() as Json;
    const [queueId] = Object.keys(json.resource['aws_sqs_queue']!);
    const targets = Object.values(json.resource['aws_cloudwatch_event_target']!);
    expect(targets.length).toBeGreaterThan(0);
    for (const t of targets) {
      expect(t['dead_letter_config']).toEqual({ arn: `\${aws_sqs_queue.${queueId}.arn}` });
      expect(t['retry_policy']).toEqual({ maximum_event_age_in_seconds: 86400, maximum_retry_attempts: 185 });
    }
    expect(Object.values(json.resource['aws_sqs_queue']!)[0]).toMatchObject({ sqs_managed_sse_enabled: true, message_retention_seconds: 1209600 });
    const [topicId] = Object.keys(json.resource['aws_sns_topic']!).filter((k) => k.startsWith('DeliveryFailures_'));
    for (const alarm of Object.values(json.resource['aws_cloudwatch_metric_alarm']!)) {
      expect(alarm['alarm_actions']).toEqual([`\${aws_sns_topic.${topicId}.arn}`]);
    }
    expect(json.resource['aws_sns_topic']![topicId!]!['kms_master_key_id']).toMatch(/^\$\{aws_kms_key\.DeliveryFailures_AlarmKey_[A-Z0-9]+\.arn\}$/);
  });
});
