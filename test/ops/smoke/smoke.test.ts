import { FilterLogEventsCommand, type FilteredLogEvent } from '@aws-sdk/client-cloudwatch-logs';
import { ArchiveFindingsCommand, CreateSampleFindingsCommand, GetFindingsCommand, ListDetectorsCommand, ListFindingsCommand } from '@aws-sdk/client-guardduty';
import { archiveSampleFindings } from '../../../src/ops/smoke/archive-samples';
import { parseFindingEvent } from '../../../src/ops/smoke/finding-event';
import { runSmoke } from '../../../src/ops/smoke/run-smoke';
import { chooseSampleTypes, DEFAULT_SAMPLE_TYPES } from '../../../src/ops/smoke/sample-types';
import { parseConfig } from '../../../src/config';
import { type SmokePlan, smokePlanFromEstate } from '../../../src/ops/smoke/smoke-plan';
import { planEstate } from '../../../src/plan/plan';
import { buildSmokeReport, formatSmokeText } from '../../../src/ops/smoke/smoke-report';
import { awsError, MockedAws } from '../aws-mocks';
import { finding } from '../findings/finding-fixtures';

const T0 = Date.parse('2026-03-10T12:00:00.000Z');
const TYPES = DEFAULT_SAMPLE_TYPES.map((s) => s.type);
const PLAN: SmokePlan = {
  findingRegion: 'eu-west-1',
  logRegion: 'us-east-1',
  logGroupName: '/aws/events/acme-guardduty',
  types: TYPES,
  timeoutMs: 10 * 60_000,
  intervalMs: 20_000,
  archive: false,
};

/** The EventBridge event the findings rule writes to the log group. */
function findingEvent(type: string, opts: { id: string; region?: string; updatedAt: number; sample?: boolean; ingestedAt: number }): FilteredLogEvent {
  const detail = {
    schemaVersion: '2.0',
    accountId: '111111111111',
    region: opts.region ?? 'eu-west-1',
    id: opts.id,
    type,
    severity: 8,
    title: `${opts.sample === false ? '' : '[SAMPLE] '}EC2 instance i-99999999 is querying a domain name associated with a known Command & Control server.`,
    updatedAt: new Date(opts.updatedAt).toISOString(),
    service: { serviceName: 'guardduty', additionalInfo: opts.sample === false ? {} : { sample: true } },
  };
  const event = { version: '0', id: `ev-${opts.id}`, 'detail-type': 'GuardDuty Finding', source: 'aws.guardduty', account: '111111111111', region: detail.region, detail };
  return { eventId: `log-${opts.id}`, logStreamName: 's', timestamp: opts.ingestedAt - 500, ingestionTime: opts.ingestedAt, message: JSON.stringify(event) };
}

const clock = { now: () => Date.now(), sleep: (ms: number) => new Promise<void>((ok) => setTimeout(ok, ms)) };

beforeEach(() => jest.useFakeTimers({ now: T0 }));
afterEach(() => jest.useRealTimers());

function awsWithDetector(): MockedAws {
  const aws = new MockedAws();
  aws.guardduty('eu-west-1').on(ListDetectorsCommand).resolves({ DetectorIds: ['det1'] });
  aws.guardduty('eu-west-1').on(CreateSampleFindingsCommand).resolves({});
  return aws;
}

/** FilterLogEvents answers with the events ingested by the (fake) time of the call. */
function logGroupReceiving(aws: MockedAws, events: FilteredLogEvent[]) {
  aws.logs('us-east-1').on(FilterLogEventsCommand).callsFake(() => ({ events: events.filter((e) => e.ingestionTime! <= Date.now()) }));
  return aws.logs('us-east-1');
}

describe('smoke: samples through to the log group', () => {
  it('times each sample from CreateSampleFindings to ingestion, ignoring leftovers, real findings and other regions', async () => {
    const aws = awsWithDetector();
    const logs = logGroupReceiving(aws, [
      findingEvent(TYPES[0]!, { id: 'old-sample', updatedAt: T0 - 3_600_000, ingestedAt: T0 - 3_500_000 }),
      findingEvent(TYPES[0]!, { id: 'real', sample: false, updatedAt: T0 + 1000, ingestedAt: T0 + 30_000 }),
      findingEvent(TYPES[0]!, { id: 'other-region', region: 'us-east-1', updatedAt: T0 + 1000, ingestedAt: T0 + 30_000 }),
      findingEvent(TYPES[0]!, { id: 's1', updatedAt: T0 + 2000, ingestedAt: T0 + 95_000 }),
      findingEvent(TYPES[1]!, { id: 's2', updatedAt: T0 + 2000, ingestedAt: T0 + 130_000 }),
    ]);
    const running = runSmoke(aws.clients, PLAN, clock);
    await jest.advanceTimersByTimeAsync(3 * 60_000);
    const result = await running;

    expect(result.missing).toEqual([]);
    expect(result.arrivals.map((a) => [a.type, a.findingId, a.latencyMs])).toEqual([
      [TYPES[0], 's1', 95_000],
      [TYPES[1], 's2', 130_000],
    ]);
    expect(aws.guardduty('eu-west-1').commandCalls(CreateSampleFindingsCommand)[0]!.args[0].input).toEqual({ DetectorId: 'det1', FindingTypes: TYPES });
    // Polls at 0, 20, ..., 140 s: the second sample is in on the poll at 140 s, then it stops.
    expect(logs.commandCalls(FilterLogEventsCommand)).toHaveLength(8);
    expect(logs.commandCalls(FilterLogEventsCommand)[0]!.args[0].input).toMatchObject({ logGroupName: '/aws/events/acme-guardduty', startTime: T0 - 60_000 });

    const report = buildSmokeReport('111111111111', result);
    expect(report.exitCode).toBe(0);
    const text = formatSmokeText(report);
    expect(text).toMatch(/Backdoor:EC2\/C&CActivity\.B!DNS\s+s1\s+2026-03-10T12:01:35\.000Z\s+1m 35s/);
    expect(text).toContain('All 2 sample findings arrived.');
  });

  it('gives up at the timeout and exits 1 for the sample that never came', async () => {
    const aws = awsWithDetector();
    const logs = logGroupReceiving(aws, [findingEvent(TYPES[0]!, { id: 's1', updatedAt: T0 + 2000, ingestedAt: T0 + 45_000 })]);
    const running = runSmoke(aws.clients, PLAN, clock);
    await jest.advanceTimersByTimeAsync(PLAN.timeoutMs + 60_000);
    const result = await running;

    expect(result.missing).toEqual([TYPES[1]]);
    expect(result.arrivals).toHaveLength(1);
    // One poll at 0 s, then every 20 s up to and including the 10-minute mark.
    expect(logs.commandCalls(FilterLogEventsCommand)).toHaveLength(31);
    const report = buildSmokeReport('111111111111', result);
    expect(report.exitCode).toBe(1);
    expect(report.samples[1]).toEqual({ type: TYPES[1], arrived: false });
    expect(formatSmokeText(report)).toContain('Exit 1: 1 of 2 sample findings did not arrive within 10m 00s.');
  });

  it('says the export is missing when the log group does not exist (exit 1), and still archives with --archive', async () => {
    const aws = awsWithDetector();
    aws.logs('us-east-1').on(FilterLogEventsCommand).rejects(awsError('ResourceNotFoundException', 'The specified log group does not exist.'));
    const gd = aws.guardduty('eu-west-1');
    gd.on(ListFindingsCommand).resolves({ FindingIds: [] });
    const result = await runSmoke(aws.clients, { ...PLAN, archive: true }, clock);
    expect(result.failure).toMatchObject({ step: 'watch', error: { kind: 'not-found' } });
    expect(result.archived).toBe(0);
    const report = buildSmokeReport('111111111111', result);
    expect(report.exitCode).toBe(1);
    expect(formatSmokeText(report)).toContain('The findings export (log group and EventBridge rules) is not deployed');
  });

  it('exits 1 without a detector, 3 when denied', async () => {
    const none = new MockedAws();
    none.guardduty('eu-west-1').on(ListDetectorsCommand).resolves({ DetectorIds: [] });
    const noDetector = buildSmokeReport('111111111111', await runSmoke(none.clients, PLAN, clock));
    expect(noDetector).toMatchObject({ exitCode: 1, failure: { step: 'create', error: { kind: 'no-detector' } } });
    expect(none.guardduty('eu-west-1').commandCalls(CreateSampleFindingsCommand)).toHaveLength(0);

    const denied = awsWithDetector();
    denied.guardduty('eu-west-1').on(CreateSampleFindingsCommand).rejects(awsError('AccessDeniedException', 'not authorized to perform: guardduty:CreateSampleFindings'));
    const report = buildSmokeReport('111111111111', await runSmoke(denied.clients, PLAN, clock));
    expect(report.exitCode).toBe(3);
    expect(formatSmokeText(report)).toContain('Could not create sample findings: AccessDeniedException');
  });
});

describe('archiveSampleFindings', () => {
  it('reads every ListFindings page: a sample on page 2 (which ends with nextToken "") is archived too', async () => {
    const aws = new MockedAws();
    const gd = aws.guardduty('eu-west-1');
    const tokens: (string | undefined)[] = [];
    gd.on(ListFindingsCommand).callsFake((input: { NextToken?: string }) => {
      tokens.push(input.NextToken);
      return input.NextToken === 'page-2' ? { FindingIds: ['s2'], NextToken: '' } : { FindingIds: ['s1'], NextToken: 'page-2' };
    });
    gd.on(GetFindingsCommand).callsFake((input: { FindingIds: string[] }) => ({
      Findings: input.FindingIds.map((Id) => finding({ Id, Service: { AdditionalInfo: { Value: '{"sample":true}', Type: 'default' } } })),
    }));
    gd.on(ArchiveFindingsCommand).resolves({});
    expect(await archiveSampleFindings(aws.clients.guardduty('eu-west-1'), 'det1', TYPES, T0)).toBe(2);
    expect(tokens).toEqual([undefined, 'page-2']);
    expect(gd.commandCalls(ArchiveFindingsCommand)[0]!.args[0].input.FindingIds).toEqual(['s1', 's2']);
  });

  it('archives only samples of the smoke types updated since the run, 50 ids per call', async () => {
    const aws = new MockedAws();
    const gd = aws.guardduty('eu-west-1');
    const ids = Array.from({ length: 61 }, (_, i) => `id${i}`);
    gd.on(ListFindingsCommand).resolves({ FindingIds: ids });
    gd.on(GetFindingsCommand).callsFake((input: { FindingIds: string[] }) => ({
      Findings: input.FindingIds.map((Id) =>
        Id === 'id60' ? finding({ Id, Title: 'A real finding of the same type' }) : finding({ Id, Service: { AdditionalInfo: { Value: '{"sample":true}', Type: 'default' } } }),
      ),
    }));
    gd.on(ArchiveFindingsCommand).resolves({});
    expect(await archiveSampleFindings(aws.clients.guardduty('eu-west-1'), 'det1', TYPES, T0)).toBe(60);
    expect(gd.commandCalls(ListFindingsCommand)[0]!.args[0].input.FindingCriteria).toEqual({
      Criterion: { type: { Equals: TYPES }, 'service.archived': { Equals: ['false'] }, updatedAt: { GreaterThanOrEqual: T0 - 60_000 } },
    });
    const archived = gd.commandCalls(ArchiveFindingsCommand).map((c) => c.args[0].input.FindingIds!);
    expect(archived.map((a) => a.length)).toEqual([50, 10]);
    expect(archived.flat()).not.toContain('id60');
  });
});

describe('smoke inputs', () => {
  it('parses finding events and ignores anything else in the log group', () => {
    const event = findingEvent(TYPES[0]!, { id: 'x', updatedAt: T0, ingestedAt: T0 });
    expect(parseFindingEvent(event.message)).toEqual({ findingId: 'x', type: TYPES[0], region: 'eu-west-1', updatedAt: T0, sample: true });
    expect(parseFindingEvent('not json')).toBeUndefined();
    expect(parseFindingEvent(JSON.stringify({ 'detail-type': 'AWS API Call via CloudTrail', detail: {} }))).toBeUndefined();
    expect(parseFindingEvent(undefined)).toBeUndefined();
  });

  it('defaults to High sample types and checks named ones', () => {
    expect(chooseSampleTypes(undefined, 1)).toEqual(TYPES);
    expect(() => chooseSampleTypes(undefined, 9)).toThrow(/--types/);
    expect(chooseSampleTypes(['Recon:EC2/PortProbeUnprotectedPort', 'Recon:EC2/PortProbeUnprotectedPort'], 9)).toEqual(['Recon:EC2/PortProbeUnprotectedPort']);
    expect(() => chooseSampleTypes(['PortProbe'], 1)).toThrow(/not a finding type/);
  });

  const estate = (extra = '', override = '') =>
    planEstate(
      parseConfig(`
prefix: acme
homeRegion: us-east-1
accounts: { admin: { accountId: "111111111111" } }
regions: { include: [us-east-1, eu-west-1] }
overrides: [{ rule: GD-DET-6, reason: "a test estate of a few regions keeps its output small" }${override}]
${extra}
`),
    );
  const OPTIONS = { timeoutMs: 1, intervalMs: 1, archive: false };

  it('watches the log group synth names, in the home region, for samples made in a configured region', () => {
    const plan = estate();
    expect(smokePlanFromEstate(plan, OPTIONS)).toMatchObject({ findingRegion: 'us-east-1', logRegion: 'us-east-1', logGroupName: plan.home.findings.logGroup.name, types: TYPES });
    expect(smokePlanFromEstate(plan, OPTIONS).logGroupName).toBe('/aws/events/acme-guardduty');
    expect(smokePlanFromEstate(plan, { ...OPTIONS, region: 'eu-west-1' })).toMatchObject({ findingRegion: 'eu-west-1', logRegion: 'us-east-1' });
    expect(() => smokePlanFromEstate(plan, { ...OPTIONS, region: 'ap-south-1' })).toThrow(/--region: ap-south-1 is not among the config's regions \(us-east-1, eu-west-1\)/);
  });

  it("takes the log group and the severity threshold from the plan: change the config or the plan, smoke follows", () => {
    const plan = estate();
    // The log group is the plan's, whatever it is named.
    const renamed = { ...plan, home: { ...plan.home, findings: { ...plan.home.findings, logGroup: { ...plan.home.findings.logGroup, name: '/elsewhere/findings' } } } };
    expect(smokePlanFromEstate(renamed, OPTIONS).logGroupName).toBe('/elsewhere/findings');
    // export.minSeverity critical (9): no default sample (High, 8) would reach the log group.
    expect(() => smokePlanFromEstate(estate('export: { minSeverity: Critical }', ', { rule: GD-DET-3, reason: "only critical findings leave this test account" }'), OPTIONS)).toThrow(/minimum severity 9: name types at or above it with --types/);
    expect(smokePlanFromEstate(estate('export: { minSeverity: High }'), OPTIONS).types).toEqual(TYPES);
    // The threshold is the finding region's forwarding rule's.
    const strictInEu = { ...plan, regional: plan.regional.map((r) => (r.region === 'eu-west-1' ? { ...r, findings: { ...r.findings, forwarder: { ...r.findings.forwarder, minSeverity: 9 } } } : r)) };
    expect(smokePlanFromEstate(strictInEu, OPTIONS).types).toEqual(TYPES);
    expect(() => smokePlanFromEstate(strictInEu, { ...OPTIONS, region: 'eu-west-1' })).toThrow(/minimum severity 9/);
  });
});
