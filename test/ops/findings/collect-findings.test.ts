import { GetFindingsCommand, ListDetectorsCommand, ListFindingsCommand } from '@aws-sdk/client-guardduty';
import { collectFindings, GET_FINDINGS_BATCH } from '../../../src/ops/findings/collect-findings';
import { collectEstateFindings } from '../../../src/ops/findings/findings-estate';
import { awsError, MockedAws } from '../aws-mocks';
import { finding } from './finding-fixtures';

/** ListFindings pages of 50 ids, GetFindings answering whatever ids it is asked for. */
function withFindings(aws: MockedAws, region: string, count: number, over: Parameters<typeof finding>[0] = {}, lastToken?: string) {
  const gd = aws.guardduty(region);
  gd.on(ListDetectorsCommand).resolves({ DetectorIds: [`det-${region}`] });
  const ids = Array.from({ length: count }, (_, i) => `${region}-${i}`);
  const pages = ids.length === 0 ? [[]] : Array.from({ length: Math.ceil(ids.length / 50) }, (_, p) => ids.slice(p * 50, p * 50 + 50));
  // The paginator reuses one input object, so record what each call asked for as it happens.
  const tokens: (string | undefined)[] = [];
  gd.on(ListFindingsCommand).callsFake((input: { NextToken?: string }) => {
    tokens.push(input.NextToken);
    const p = input.NextToken ? Number(input.NextToken.slice(1)) : 0;
    return { FindingIds: pages[p], ...(p < pages.length - 1 ? { NextToken: `t${p + 1}` } : lastToken !== undefined ? { NextToken: lastToken } : {}) };
  });
  gd.on(GetFindingsCommand).callsFake((input: { FindingIds: string[] }) => ({ Findings: input.FindingIds.map((Id) => finding({ Id, ...over })) }));
  return Object.assign(gd, { tokens });
}

describe('collectFindings', () => {
  it('follows ListFindings pagination and fetches in batches of at most 50 ids', async () => {
    const aws = new MockedAws();
    const gd = withFindings(aws, 'us-east-1', 120);
    const out = await collectFindings(aws.clients.guardduty('us-east-1'), 'det-us-east-1', { Criterion: {} }, { maxFindings: 1000 });
    expect(out.findings).toHaveLength(120);
    expect(out.truncated).toBe(false);
    expect(gd.tokens).toEqual([undefined, 't1', 't2']);
    expect(gd.commandCalls(ListFindingsCommand)[0]!.args[0].input).toMatchObject({ MaxResults: 50, SortCriteria: { AttributeName: 'severity', OrderBy: 'DESC' } });
    const batches = gd.commandCalls(GetFindingsCommand).map((c) => c.args[0].input.FindingIds!.length);
    expect(batches).toEqual([50, 50, 20]);
    expect(Math.max(...batches)).toBeLessThanOrEqual(GET_FINDINGS_BATCH);
  });

  it('stops at maxFindings and says so', async () => {
    const aws = new MockedAws();
    const gd = withFindings(aws, 'us-east-1', 150);
    const out = await collectFindings(aws.clients.guardduty('us-east-1'), 'det-us-east-1', { Criterion: {} }, { maxFindings: 60 });
    expect(out.findings).toHaveLength(60);
    expect(out.truncated).toBe(true);
    expect(gd.commandCalls(ListFindingsCommand)).toHaveLength(2);
  });

  it('is not truncated when exactly maxFindings match and the last page says so with an empty nextToken', async () => {
    // GuardDuty ends ListFindings with `nextToken: ""`, not without one.
    const aws = new MockedAws();
    const gd = withFindings(aws, 'us-east-1', 100, {}, '');
    const out = await collectFindings(aws.clients.guardduty('us-east-1'), 'det-us-east-1', { Criterion: {} }, { maxFindings: 100 });
    expect(out.findings).toHaveLength(100);
    expect(out.truncated).toBe(false);
    expect(gd.tokens).toEqual([undefined, 't1']);
  });

  it('is truncated when exactly maxFindings were read and a real nextToken follows', async () => {
    const aws = new MockedAws();
    withFindings(aws, 'us-east-1', 150);
    const out = await collectFindings(aws.clients.guardduty('us-east-1'), 'det-us-east-1', { Criterion: {} }, { maxFindings: 100 });
    expect(out).toMatchObject({ truncated: true });
    expect(out.findings).toHaveLength(100);
  });

  it('reads an empty region with one call and no GetFindings', async () => {
    const aws = new MockedAws();
    const gd = withFindings(aws, 'us-east-1', 0);
    const out = await collectFindings(aws.clients.guardduty('us-east-1'), 'det-us-east-1', { Criterion: {} }, { maxFindings: 10 });
    expect(out).toEqual({ findings: [], truncated: false });
    expect(gd.commandCalls(GetFindingsCommand)).toHaveLength(0);
  });
});

describe('collectEstateFindings', () => {
  it('reads every region, reports a denied region and a region without detector, and keeps going', async () => {
    const aws = new MockedAws();
    withFindings(aws, 'us-east-1', 3, { Severity: 8 });
    withFindings(aws, 'eu-west-1', 2, { Severity: 3, Title: '[SAMPLE] x' });
    aws.guardduty('ap-south-1').on(ListDetectorsCommand).resolves({ DetectorIds: [] });
    aws.guardduty('sa-east-1').on(ListDetectorsCommand).rejects(awsError('AccessDeniedException', 'explicit deny in a service control policy'));
    const outcomes = await collectEstateFindings((r) => aws.clients.guardduty(r), ['us-east-1', 'eu-west-1', 'ap-south-1', 'sa-east-1'], { archived: false, includeSamples: false }, {
      concurrency: 2,
      maxFindingsPerRegion: 100,
    });
    expect(outcomes.map((o) => (o.ok ? `${o.region}: ${o.value.records.length}` : `${o.region}: ${o.error.kind}`))).toEqual([
      'us-east-1: 3',
      'eu-west-1: 0',
      'ap-south-1: no-detector',
      'sa-east-1: access-denied',
    ]);
    const first = outcomes[0]!;
    expect(first.ok && first.value.records.every((r) => r.region === 'us-east-1' && r.band === 'High')).toBe(true);
  });
});
