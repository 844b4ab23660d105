import { CloudWatchClient, DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import { GetQueueAttributesCommand, GetQueueUrlCommand, QueueDoesNotExist, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { checkAlarms, checkDeadLetterQueues } from '../../../src/ops/verify/checks/delivery-failures';
import { ALARM_NAMES_PER_CALL, readAlarms } from '../../../src/ops/verify/read/alarms';
import { readDeadLetterQueues } from '../../../src/ops/verify/read/dead-letter-queues';
import { awsError } from '../aws-mocks';

const CREDENTIALS = { accessKeyId: 'AKIDTESTONLY', secretAccessKey: 'test-only' };
const URL = 'https://sqs.eu-west-1.amazonaws.com/111111111111/acme-guardduty-dlq';

describe('checkDeadLetterQueues', () => {
  it('is ok for an empty queue, drift for a missing one, failing for one holding findings, with how to read them', () => {
    const results = checkDeadLetterQueues(
      ['acme-guardduty-dlq', 'acme-guardduty-home-dlq', 'acme-other-dlq'],
      [
        { name: 'acme-guardduty-dlq', state: 'present', url: URL, messages: 3 },
        { name: 'acme-guardduty-home-dlq', state: 'present', url: URL.replace('-dlq', '-home-dlq'), messages: 0 },
        { name: 'acme-other-dlq', state: 'missing' },
      ],
      'eu-west-1',
    );
    expect(results.map((r) => `${r.subject} ${r.live} ${r.status}`)).toEqual([
      'acme-guardduty-dlq 3 messages failing',
      'acme-guardduty-home-dlq 0 messages ok',
      'acme-other-dlq (none) drift',
    ]);
    expect(results[0]!.hint).toContain(`aws sqs receive-message --region eu-west-1 --queue-url ${URL}`);
    expect(results[0]!.hint).toMatch(/findings EventBridge failed to deliver/);
    expect(results[0]!.hint).toMatch(/ERROR_CODE, ERROR_MESSAGE/);
    expect(results[1]!.hint).toBeUndefined();
  });
});

describe('checkAlarms', () => {
  it('is ok in OK and in INSUFFICIENT_DATA (a quiet rule has no datapoints), failing in ALARM with its reason, drift when missing', () => {
    const results = checkAlarms(
      ['a-ok', 'a-no-data', 'a-alarm', 'a-missing'],
      [
        { name: 'a-ok', state: 'OK' },
        { name: 'a-no-data', state: 'INSUFFICIENT_DATA' },
        { name: 'a-alarm', state: 'ALARM', reason: 'Threshold Crossed: 1 datapoint [4.0] was greater than the threshold (0.0).', since: '2026-03-10T12:00:00.000Z' },
      ],
    );
    expect(results.map((r) => `${r.subject} ${r.live} ${r.status}`)).toEqual([
      'a-ok OK ok',
      'a-no-data INSUFFICIENT_DATA ok',
      'a-alarm ALARM since 2026-03-10T12:00:00.000Z failing',
      'a-missing (none) drift',
    ]);
    expect(results[2]!.hint).toMatch(/^Threshold Crossed: 1 datapoint \[4\.0\]/);
  });
});

describe('readDeadLetterQueues', () => {
  const client = new SQSClient({ region: 'eu-west-1', credentials: CREDENTIALS });
  const sqs = mockClient(client);
  beforeEach(() => sqs.reset());
  afterAll(() => sqs.restore());

  it('reads the depth of each queue by name, and a queue SQS does not know as missing', async () => {
    sqs.on(GetQueueUrlCommand, { QueueName: 'acme-guardduty-dlq' }).resolves({ QueueUrl: URL });
    sqs.on(GetQueueUrlCommand, { QueueName: 'acme-gone-dlq' }).rejects(new QueueDoesNotExist({ message: 'The specified queue does not exist.', $metadata: {} }));
    sqs.on(GetQueueAttributesCommand, { QueueUrl: URL }).resolves({ Attributes: { ApproximateNumberOfMessages: '7' } });
    expect(await readDeadLetterQueues(client, ['acme-guardduty-dlq', 'acme-gone-dlq'])).toEqual([
      { name: 'acme-guardduty-dlq', state: 'present', url: URL, messages: 7 },
      { name: 'acme-gone-dlq', state: 'missing' },
    ]);
    expect(sqs.commandCalls(GetQueueAttributesCommand)[0]!.args[0].input).toEqual({ QueueUrl: URL, AttributeNames: ['ApproximateNumberOfMessages'] });
  });

  it('lets any other error through (the part becomes unreadable, not a missing queue)', async () => {
    sqs.on(GetQueueUrlCommand).rejects(awsError('AccessDenied', 'not authorized to perform: sqs:GetQueueUrl'));
    await expect(readDeadLetterQueues(client, ['acme-guardduty-dlq'])).rejects.toThrow(/sqs:GetQueueUrl/);
  });
});

describe('readAlarms', () => {
  const client = new CloudWatchClient({ region: 'eu-west-1', credentials: CREDENTIALS });
  const cw = mockClient(client);
  beforeEach(() => cw.reset());
  afterAll(() => cw.restore());

  it('reads every page: the alarm on page 2 is read', async () => {
    const tokens: (string | undefined)[] = [];
    cw.on(DescribeAlarmsCommand).callsFake((input: { NextToken?: string }) => {
      tokens.push(input.NextToken);
      return input.NextToken === 'page-2'
        ? { MetricAlarms: [{ AlarmName: 'acme-guardduty-dlq-not-empty', StateValue: 'ALARM', StateReason: 'Threshold Crossed' }] }
        : { MetricAlarms: [{ AlarmName: 'acme-guardduty-findings-failed-invocations', StateValue: 'OK' }], NextToken: 'page-2' };
    });
    const alarms = await readAlarms(client, ['acme-guardduty-findings-failed-invocations', 'acme-guardduty-dlq-not-empty']);
    expect(alarms).toEqual([
      { name: 'acme-guardduty-findings-failed-invocations', state: 'OK' },
      { name: 'acme-guardduty-dlq-not-empty', state: 'ALARM', reason: 'Threshold Crossed' },
    ]);
    expect(tokens).toEqual([undefined, 'page-2']);
  });

  it('asks for at most 100 names per call (the API limit) and reads them all', async () => {
    const names = Array.from({ length: 230 }, (_, i) => `acme-alarm-${i}`);
    cw.on(DescribeAlarmsCommand).callsFake((input: { AlarmNames: string[] }) => ({ MetricAlarms: input.AlarmNames.map((AlarmName) => ({ AlarmName, StateValue: 'OK' })) }));
    const alarms = await readAlarms(client, names);
    expect(alarms.map((a) => a.name)).toEqual(names);
    expect(cw.commandCalls(DescribeAlarmsCommand).map((c) => c.args[0].input.AlarmNames!.length)).toEqual([ALARM_NAMES_PER_CALL, ALARM_NAMES_PER_CALL, 30]);
  });
});
