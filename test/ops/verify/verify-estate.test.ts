import { DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import { GetQueueAttributesCommand, GetQueueUrlCommand } from '@aws-sdk/client-sqs';
import {
  DescribeOrganizationConfigurationCommand,
  GetIPSetCommand,
  GetThreatIntelSetCommand,
  ListDetectorsCommand,
  ListFiltersCommand,
  ListIPSetsCommand,
  ListMembersCommand,
  ListPublishingDestinationsCommand,
  ListThreatIntelSetsCommand,
} from '@aws-sdk/client-guardduty';
import { parseConfig } from '../../../src/config';
import { expectationsFromPlan, type RegionExpectations } from '../../../src/ops/verify/expectations';
import { verifyEstate } from '../../../src/ops/verify/verify-estate';
import { buildVerifyReport, formatVerifyText } from '../../../src/ops/verify/verify-report';
import { planEstate } from '../../../src/plan/plan';
import { awsError, liveFeaturesAsConfigured, MockedAws } from '../aws-mocks';

const CONFIG = parseConfig(`
prefix: acme
homeRegion: us-east-1
accounts: { admin: { accountId: "111111111111" } }
regions: { include: [us-east-1, eu-west-1, af-south-1], optIn: [af-south-1] }
overrides: [{ rule: GD-DET-6, reason: "a test estate of a few regions keeps its output small" }]
detector:
  features:
    RUNTIME_MONITORING: { enabled: true, additionalConfiguration: { EC2_AGENT_MANAGEMENT: false } }
`);
// Catalog order: us-east-1, af-south-1, eu-west-1.
const EXPECTATIONS = expectationsFromPlan(planEstate(CONFIG));
const expectationsOf = (region: string) => EXPECTATIONS.find((e) => e.region === region)!;

const LIST = 's3://acme-gd-lists-111111111111-us-east-1/threatlists/feeds/0123456789abcdef.txt';

async function verify(aws: MockedAws, expectations: readonly RegionExpectations[] = EXPECTATIONS) {
  const outcomes = await verifyEstate(aws.clients, expectations, { concurrency: 4 });
  return buildVerifyReport({ accountId: '111111111111', configFile: 'guardduty.yaml', outcomes });
}

describe('verify across regions', () => {
  it('exits 0 when every region matches', async () => {
    const aws = new MockedAws();
    for (const r of ['us-east-1', 'eu-west-1', 'af-south-1']) aws.detector(r, { features: liveFeaturesAsConfigured() });
    const report = await verify(aws);
    expect(report.summary).toEqual({ regions: 3, ok: 3, pending: 0, drift: 0, failing: 0, incomplete: 0, unreadable: 0 });
    expect(report.exitCode).toBe(0);
    expect(formatVerifyText(report)).toContain('3 regions: 3 ok, 0 drift, 0 pending, 0 unreadable. No drift.');
    expect(report.regions.flatMap((r) => r.checks).filter((c) => c.check === 'dead-letter-queue')).toHaveLength(4);
  });

  it('reports the detection rules the config lifts, with their reasons, on every run, without calling them drift', async () => {
    const aws = new MockedAws();
    for (const r of ['us-east-1', 'eu-west-1', 'af-south-1']) aws.detector(r, { features: liveFeaturesAsConfigured() });
    const outcomes = await verifyEstate(aws.clients, EXPECTATIONS, { concurrency: 4 });
    const report = buildVerifyReport({ accountId: '111111111111', configFile: 'guardduty.yaml', outcomes, overrides: planEstate(CONFIG).overrides });
    expect(report.overrides).toEqual([expect.stringMatching(/^override GD-DET-6 \(a test estate of a few regions keeps its output small\): leaves out 15 regions/)]);
    expect(report.exitCode).toBe(0);
    expect(formatVerifyText(report)).toMatch(/Detection rules lifted by the config:\n {2}override GD-DET-6 \(a test estate/);
  });

  it('finds drift in one region (a feature off, another frequency) and a missing detector in another', async () => {
    const aws = new MockedAws();
    aws.detector('us-east-1', { features: liveFeaturesAsConfigured() });
    aws.detector('eu-west-1', { frequency: 'SIX_HOURS', features: liveFeaturesAsConfigured({ S3_DATA_EVENTS: 'DISABLED' }) });
    aws.guardduty('af-south-1').on(ListDetectorsCommand).resolves({ DetectorIds: [] });
    const report = await verify(aws);
    expect(report.exitCode).toBe(1);
    expect(report.regions.map((r) => `${r.region} ${r.verdict}`)).toEqual(['us-east-1 ok', 'af-south-1 drift', 'eu-west-1 drift']);
    const drift = report.regions.flatMap((r) => r.checks.filter((c) => c.status === 'drift').map((c) => `${r.region} ${c.subject}: ${c.live}`));
    expect(drift).toEqual(['af-south-1 detector: (none)', 'eu-west-1 findingPublishingFrequency: SIX_HOURS', 'eu-west-1 S3_DATA_EVENTS: DISABLED']);
    const text = formatVerifyText(report);
    expect(text).toMatch(/eu-west-1\s+feature\s+S3_DATA_EVENTS\s+ENABLED\s+DISABLED\s+DRIFT/);
    expect(text).toContain('Exit 1: the live estate differs from the config.');
  });

  it('reports an opt-in region the account has not enabled, and still checks the others (exit 3)', async () => {
    const aws = new MockedAws();
    aws.detector('us-east-1', { features: liveFeaturesAsConfigured() });
    aws.detector('eu-west-1', { features: liveFeaturesAsConfigured() });
    aws.guardduty('af-south-1').on(ListDetectorsCommand).rejects(awsError('UnrecognizedClientException', 'The security token included in the request is invalid.'));
    const report = await verify(aws);
    expect(report.exitCode).toBe(3);
    expect(report.regions[1]).toMatchObject({ region: 'af-south-1', verdict: 'unreadable', error: { kind: 'region-not-enabled' } });
    expect(formatVerifyText(report)).toMatch(/Could not read:\n  af-south-1: UnrecognizedClientException: .*opt-in region/);
  });

  it('prefers exit 1 to exit 3 when there is drift and an unreadable region', async () => {
    const aws = new MockedAws();
    aws.detector('us-east-1', { status: 'DISABLED', features: liveFeaturesAsConfigured() });
    aws.detector('eu-west-1', { features: liveFeaturesAsConfigured() });
    aws.guardduty('af-south-1').on(ListDetectorsCommand).rejects(awsError('ThrottlingException', 'Rate exceeded', 8));
    const report = await verify(aws);
    expect(report.exitCode).toBe(1);
    expect(report.summary).toMatchObject({ drift: 1, unreadable: 1 });
  });

  it('checks lists, destination, members and filters when expected, paging through ListIPSets', async () => {
    const aws = new MockedAws();
    const gd = aws.detector('us-east-1', { id: 'd1', features: liveFeaturesAsConfigured() });
    gd.on(ListIPSetsCommand).resolvesOnce({ IpSetIds: [], NextToken: 'page2' }).resolvesOnce({ IpSetIds: ['trusted1'] });
    gd.on(GetIPSetCommand, { IpSetId: 'trusted1' }).resolves({ Name: 'acme-trusted', Format: 'TXT', Location: LIST.replace('feeds', 'trusted'), Status: 'ACTIVATING' });
    gd.on(ListThreatIntelSetsCommand).resolves({ ThreatIntelSetIds: ['threat1'] });
    gd.on(GetThreatIntelSetCommand, { ThreatIntelSetId: 'threat1' }).resolves({ Name: 'acme-feeds', Format: 'TXT', Location: LIST, Status: 'ACTIVE' });
    // The publishing destination is the one aws.detector() sets up: PUBLISHING to the findings bucket.
    gd.on(ListMembersCommand).resolves({ Members: [{ AccountId: '333333333333', MasterId: '111111111111', Email: 'a@b.c', RelationshipStatus: 'Enabled', UpdatedAt: '' }] });
    gd.on(DescribeOrganizationConfigurationCommand).resolves({ AutoEnableOrganizationMembers: 'ALL', MemberAccountLimitReached: false });
    gd.on(ListFiltersCommand).resolves({ FilterNames: ['acme-nlb', 'by-hand'] });

    const expectations: RegionExpectations[] = [
      {
        ...expectationsOf('us-east-1'),
        ipSets: [
          { kind: 'trusted', name: 'acme-trusted', location: LIST.replace('feeds', 'trusted') },
          { kind: 'threat', name: 'acme-feeds', location: LIST },
        ],
        publishingDestination: { destinationArn: 'arn:aws:s3:::acme-gd-findings-111111111111-us-east-1', kmsKeyArn: 'arn:aws:kms:us-east-1:111111111111:key/k' },
        members: { mode: 'organization', autoEnable: 'ALL' },
        filters: ['acme-nlb'],
      },
    ];
    const report = await verify(aws, expectations);
    const region = report.regions[0]!;
    expect(region.checks.filter((c) => c.status !== 'ok').map((c) => `${c.check} ${c.subject} ${c.status}`)).toEqual([
      'ip-set trusted acme-trusted pending',
      'filter by-hand drift',
    ]);
    expect(gd.commandCalls(ListIPSetsCommand)).toHaveLength(2);
    expect(gd.commandCalls(ListMembersCommand)[0]!.args[0].input).toMatchObject({ DetectorId: 'd1', OnlyAssociated: 'false' });
    expect(report.exitCode).toBe(1);
  });

  it('marks a part it cannot read (ListMembers denied) unreadable and checks the rest', async () => {
    const aws = new MockedAws();
    const gd = aws.detector('eu-west-1', { features: liveFeaturesAsConfigured() });
    gd.on(ListMembersCommand).rejects(awsError('AccessDeniedException', 'not authorized to perform: guardduty:ListMembers'));
    gd.on(ListFiltersCommand).resolves({ FilterNames: ['acme-nlb'] });
    const report = await verify(aws, [{ ...expectationsOf('eu-west-1'), members: { mode: 'invitation', accounts: [] }, filters: ['acme-nlb'] }]);
    expect(report.regions[0]!.verdict).toBe('incomplete');
    expect(report.regions[0]!.checks.find((c) => c.status === 'unreadable')).toMatchObject({ check: 'members', live: expect.stringContaining('guardduty:ListMembers') });
    expect(report.regions[0]!.checks.find((c) => c.check === 'filter')!.status).toBe('ok');
    expect(report.exitCode).toBe(3);
  });

  describe('organization mode in a region where this account is not the delegated administrator', () => {
    // GuardDuty's answer there: a generic BadRequestException (terraform-provider-aws issue 34765).
    const NOT_DELEGATED = 'The request is rejected because an invalid or out-of-range value is specified as an input parameter.';
    const orgExpectations = (): RegionExpectations[] => [{ ...expectationsOf('eu-west-1'), members: { mode: 'organization', autoEnable: 'ALL' } }];
    const estateAnswering = (err: Error) => {
      const aws = new MockedAws();
      const gd = aws.detector('eu-west-1', { features: liveFeaturesAsConfigured() });
      gd.on(ListMembersCommand).resolves({ Members: [] });
      gd.on(DescribeOrganizationConfigurationCommand).rejects(err);
      return aws;
    };

    it('is drift (exit 1) that says to delegate the region, not an unreadable region', async () => {
      const report = await verify(estateAnswering(awsError('BadRequestException', NOT_DELEGATED)), orgExpectations());
      expect(report.regions[0]!.verdict).toBe('drift');
      expect(report.regions[0]!.checks.filter((c) => c.status !== 'ok')).toEqual([
        { check: 'members', subject: 'delegated administrator', expected: 'this account', live: expect.stringMatching(/not delegated in this region: deploy guardduty-management/), status: 'drift' },
      ]);
      expect(report.exitCode).toBe(1);
    });

    it.each([
      ['throttled', awsError('ThrottlingException', 'Rate exceeded', 3)],
      ['denied to the ops role', awsError('AccessDeniedException', 'not authorized to perform: guardduty:DescribeOrganizationConfiguration')],
      ['another bad request', awsError('BadRequestException', 'The request is rejected because the input detectorId is not owned by the current account.')],
    ])('stays unreadable (exit 3) when %s', async (_, err) => {
      const report = await verify(estateAnswering(err), orgExpectations());
      expect(report.regions[0]!.checks.find((c) => c.check === 'members')).toMatchObject({ status: 'unreadable' });
      expect(report.exitCode).toBe(3);
    });
  });

  describe('failed deliveries: dead-letter queues and alarms', () => {
    it('reads the queues and alarms the plan names, in their region, and is ok when they are quiet', async () => {
      const aws = new MockedAws();
      aws.detector('us-east-1', { features: liveFeaturesAsConfigured() });
      const report = await verify(aws, [expectationsOf('us-east-1')]);
      expect(report.exitCode).toBe(0);
      expect(aws.sqs('us-east-1').commandCalls(GetQueueUrlCommand).map((c) => c.args[0].input.QueueName)).toEqual(['acme-guardduty-home-dlq', 'acme-guardduty-dlq']);
      expect(aws.cloudwatch('us-east-1').commandCalls(DescribeAlarmsCommand)[0]!.args[0].input.AlarmNames).toEqual(expectationsOf('us-east-1').delivery!.alarms);
      const delivery = report.regions[0]!.checks.filter((c) => c.check === 'dead-letter-queue' || c.check === 'alarm');
      expect(delivery.map((c) => `${c.check} ${c.subject} ${c.status}`)).toEqual([
        'dead-letter-queue acme-guardduty-home-dlq ok',
        'dead-letter-queue acme-guardduty-dlq ok',
        ...expectationsOf('us-east-1').delivery!.alarms.map((a) => `alarm ${a} ok`),
      ]);
    });

    it('reports a queue holding findings and an alarm in ALARM as failing (exit 1), with what to do, in text and JSON', async () => {
      const aws = new MockedAws();
      aws.detector('eu-west-1', { features: liveFeaturesAsConfigured() });
      aws.sqs('eu-west-1').on(GetQueueAttributesCommand).resolves({ Attributes: { ApproximateNumberOfMessages: '4' } });
      aws.cloudwatch('eu-west-1').on(DescribeAlarmsCommand).resolves({
        MetricAlarms: [
          { AlarmName: 'acme-guardduty-findings-failed-invocations', StateValue: 'ALARM', StateReason: 'Threshold Crossed: 1 datapoint [4.0] was greater than the threshold (0.0).' },
          { AlarmName: 'acme-guardduty-dlq-not-empty', StateValue: 'INSUFFICIENT_DATA' },
        ],
      });
      const report = await verify(aws, [expectationsOf('eu-west-1')]);
      expect(report.exitCode).toBe(1);
      expect(report.regions[0]!.verdict).toBe('failing');
      expect(report.summary).toMatchObject({ failing: 1, drift: 0 });
      expect(report.regions[0]!.checks.filter((c) => c.status !== 'ok')).toEqual([
        expect.objectContaining({ check: 'dead-letter-queue', subject: 'acme-guardduty-dlq', live: '4 messages', status: 'failing', hint: expect.stringContaining('aws sqs receive-message --region eu-west-1 --queue-url https://sqs.eu-west-1.amazonaws.com/111111111111/acme-guardduty-dlq') }),
        expect.objectContaining({ check: 'alarm', subject: 'acme-guardduty-findings-failed-invocations', status: 'failing', hint: expect.stringContaining('Threshold Crossed') }),
      ]);
      const json = JSON.parse(JSON.stringify(report)) as typeof report;
      expect(json.regions[0]!.checks.some((c) => c.check === 'dead-letter-queue' && c.status === 'failing')).toBe(true);
      const text = formatVerifyText(report);
      expect(text).toMatch(/eu-west-1\s+dead-letter-queue\s+acme-guardduty-dlq\s+empty\s+4 messages\s+FAILING/);
      expect(text).toContain('What to do:\n  eu-west-1 acme-guardduty-dlq: 4 messages: findings EventBridge failed to deliver.');
      expect(text).toContain('Exit 1: findings failed delivery');
    });

    it('reports a missing queue and a missing alarm as drift', async () => {
      const aws = new MockedAws();
      aws.detector('eu-west-1', { features: liveFeaturesAsConfigured() });
      aws.sqs('eu-west-1').on(GetQueueUrlCommand).rejects(Object.assign(awsError('QueueDoesNotExist', 'The specified queue does not exist.')));
      aws.cloudwatch('eu-west-1').on(DescribeAlarmsCommand).resolves({ MetricAlarms: [] });
      const report = await verify(aws, [expectationsOf('eu-west-1')]);
      expect(report.regions[0]!.checks.filter((c) => c.status !== 'ok').map((c) => `${c.check} ${c.subject} ${c.live} ${c.status}`)).toEqual([
        'dead-letter-queue acme-guardduty-dlq (none) drift',
        'alarm acme-guardduty-findings-failed-invocations (none) drift',
        'alarm acme-guardduty-dlq-not-empty (none) drift',
      ]);
      expect(report.exitCode).toBe(1);
    });

    it('marks the queues unreadable (exit 3) when SQS denies the ops role, and still checks the alarms', async () => {
      const aws = new MockedAws();
      aws.detector('eu-west-1', { features: liveFeaturesAsConfigured() });
      aws.sqs('eu-west-1').on(GetQueueUrlCommand).rejects(awsError('AccessDenied', 'not authorized to perform: sqs:GetQueueUrl'));
      const report = await verify(aws, [expectationsOf('eu-west-1')]);
      expect(report.regions[0]!.verdict).toBe('incomplete');
      expect(report.regions[0]!.checks.find((c) => c.check === 'dead-letter-queue')).toMatchObject({ status: 'unreadable', live: expect.stringContaining('sqs:GetQueueUrl') });
      expect(report.regions[0]!.checks.filter((c) => c.check === 'alarm').every((c) => c.status === 'ok')).toBe(true);
      expect(report.exitCode).toBe(3);
    });
  });

  it('does not call the APIs of capabilities the config does not manage', async () => {
    const aws = new MockedAws();
    const gd = aws.detector('us-east-1', { features: liveFeaturesAsConfigured() });
    await verify(aws, [expectationsOf('us-east-1')]);
    // No threat lists and no members in CONFIG; filters and the S3 export are always managed.
    expect(gd.commandCalls(ListIPSetsCommand)).toHaveLength(0);
    expect(gd.commandCalls(ListMembersCommand)).toHaveLength(0);
    expect(gd.commandCalls(ListFiltersCommand)).toHaveLength(1);
    expect(gd.commandCalls(ListPublishingDestinationsCommand)).toHaveLength(1);
  });

  it('reports a filter in the account that the config does not create as drift', async () => {
    const aws = new MockedAws();
    aws.detector('us-east-1', { features: liveFeaturesAsConfigured() }).on(ListFiltersCommand).resolves({ FilterNames: ['hand-made'] });
    const report = await verify(aws, [expectationsOf('us-east-1')]);
    expect(report.regions[0]!.checks.find((c) => c.check === 'filter')).toMatchObject({ status: 'drift' });
    expect(report.exitCode).toBe(1);
  });

  it('lists every check with --all', async () => {
    const aws = new MockedAws();
    aws.detector('us-east-1', { features: liveFeaturesAsConfigured() });
    const text = formatVerifyText(await verify(aws, [expectationsOf('us-east-1')]), { all: true });
    expect(text).toMatch(/us-east-1\s+feature\s+LAMBDA_NETWORK_LOGS\s+ENABLED\s+ENABLED\s+ok/);
  });
});
