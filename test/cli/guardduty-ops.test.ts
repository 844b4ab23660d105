import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListRegionsCommand } from '@aws-sdk/client-account';
import { FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { CreateSampleFindingsCommand, GetFindingsCommand, ListDetectorsCommand, ListFindingsCommand } from '@aws-sdk/client-guardduty';
import type { OpsDeps } from '../../cli/guardduty-ops/deps';
import { run } from '../../cli/guardduty-ops/program';
import type { CredentialOptions } from '../../src/ops/aws-clients';
import { awsError, liveFeaturesAsConfigured, MockedAws } from '../ops/aws-mocks';
import { finding, portProbeFinding } from '../ops/findings/finding-fixtures';

const CONFIG = join(__dirname, '..', 'ops', 'fixtures', 'estate.yaml');
const BROKEN = join(__dirname, '..', 'ops', 'fixtures', 'broken.yaml');
const REGIONS = ['us-east-1', 'af-south-1', 'eu-west-1'];

function cli(aws: MockedAws, over: Partial<OpsDeps> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const credentials: CredentialOptions[] = [];
  const deps: OpsDeps = {
    clients: (options) => {
      credentials.push(options);
      return aws.clients;
    },
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    now: () => Date.now(),
    sleep: (ms) => new Promise((ok) => setTimeout(ok, ms)),
    isTTY: false,
    cwd: process.cwd(),
    env: {},
    ...over,
  };
  return {
    run: (...args: string[]) => run(args, deps),
    stdout: () => out.join(''),
    stderr: () => err.join(''),
    json: () => JSON.parse(out.join('')) as Record<string, unknown> & { regions: Record<string, unknown>[] },
    credentials,
  };
}

/** The admin account with a matching detector in every region. */
function healthyEstate(): MockedAws {
  const aws = new MockedAws().callerIs('111111111111');
  for (const r of REGIONS) aws.detector(r, { features: liveFeaturesAsConfigured() });
  return aws;
}

describe('guardduty-ops: usage', () => {
  it('prints help with the exit codes (0)', async () => {
    const c = cli(new MockedAws());
    expect(await c.run('--help')).toBe(0);
    expect(c.stdout()).toContain('Exit codes:\n  0  ok');
    expect(await c.run('verify', '--help')).toBe(0);
    expect(c.stdout()).toContain('--regions <list>');
  });

  it('exits 2 on an unknown command, an unknown option, a bad value, no command', async () => {
    for (const args of [['bogus'], ['verify', '--nope'], ['verify', '--concurrency', '0'], ['findings', '--fail-on', 'severe'], ['smoke', '--timeout', 'soon'], []]) {
      const c = cli(new MockedAws());
      expect(await c.run(...args)).toBe(2);
    }
    const c = cli(new MockedAws());
    await c.run('findings', '--fail-on', 'severe');
    expect(c.stderr()).toContain('"severe" is not a severity');
  });

  it('exits 2 on a config error, with every problem listed, and still prints JSON with --json', async () => {
    const aws = new MockedAws();
    const c = cli(aws);
    expect(await c.run('verify', '--config', BROKEN, '--json')).toBe(2);
    expect(c.stderr()).toContain('accounts.admin.accountId');
    expect(c.json()).toMatchObject({ command: 'verify', exitCode: 2, error: { message: expect.stringContaining('broken.yaml') } });
    expect(c.credentials).toEqual([]);
  });

  it('reads $GUARDDUTY_CONFIG when there is no --config', async () => {
    const c = cli(new MockedAws(), { env: { GUARDDUTY_CONFIG: BROKEN } });
    expect(await c.run('verify')).toBe(2);
    expect(c.stderr()).toContain('broken.yaml');
  });

  it('exits 2 before reading anything when the credentials are for another account', async () => {
    const aws = new MockedAws().callerIs('999999999999');
    const c = cli(aws);
    expect(await c.run('verify', '--config', CONFIG)).toBe(2);
    expect(c.stderr()).toContain("the credentials are for account 999999999999, but the config's admin account is 111111111111");
    expect(aws.guardduty('us-east-1').commandCalls(ListDetectorsCommand)).toHaveLength(0);
  });

  it('exits 3 when there are no credentials at all', async () => {
    const aws = new MockedAws();
    aws.sts('us-east-1').rejects(awsError('CredentialsProviderError', 'Could not load credentials from any providers'));
    const c = cli(aws);
    expect(await c.run('findings', '--config', CONFIG)).toBe(3);
    expect(c.stderr()).toContain('could not run: CredentialsProviderError');
  });

  it('passes --profile and --role-arn to the credential chain, with the home region for STS', async () => {
    const c = cli(healthyEstate());
    await c.run('verify', '--config', CONFIG, '--profile', 'audit', '--role-arn', 'arn:aws:iam::111111111111:role/GuardDutyAudit');
    expect(c.credentials).toEqual([{ profile: 'audit', roleArn: 'arn:aws:iam::111111111111:role/GuardDutyAudit', stsRegion: 'us-east-1' }]);
    expect(await cli(healthyEstate()).run('verify', '--config', CONFIG, '--role-arn', 'GuardDutyAudit')).toBe(2);
  });
});

describe('guardduty-ops verify', () => {
  it('exits 0 and prints the JSON report when every region matches', async () => {
    const c = cli(healthyEstate());
    expect(await c.run('verify', '--config', CONFIG, '--json')).toBe(0);
    const report = c.json();
    expect(Object.keys(report)).toEqual(['command', 'accountId', 'configFile', 'exitCode', 'summary', 'regions', 'overrides']);
    // The fixture lifts GD-DET-6 (three regions): every run says so, with the reason.
    expect(report.overrides).toEqual([expect.stringMatching(/^override GD-DET-6 \(a test estate of a few regions keeps its output small\)/)]);
    expect(report).toMatchObject({ command: 'verify', accountId: '111111111111', configFile: CONFIG, exitCode: 0, summary: { regions: 3, ok: 3 } });
    expect(report.regions.map((r) => r.region)).toEqual(REGIONS);
    expect(report.regions[0]).toMatchObject({ verdict: 'ok', detectorId: 'detuseast1', checks: expect.arrayContaining([{ check: 'feature', subject: 'S3_DATA_EVENTS', expected: 'ENABLED', live: 'ENABLED', status: 'ok' }]) });
  });

  it('exits 1 on drift and prints the drift table', async () => {
    const aws = healthyEstate();
    aws.detector('eu-west-1', { features: liveFeaturesAsConfigured({ EBS_MALWARE_PROTECTION: 'DISABLED' }) });
    const c = cli(aws);
    expect(await c.run('verify', '--config', CONFIG)).toBe(1);
    expect(c.stdout()).toMatch(/eu-west-1\s+feature\s+EBS_MALWARE_PROTECTION\s+ENABLED\s+DISABLED\s+DRIFT/);
    expect(c.stdout()).toContain('3 regions: 2 ok, 1 drift, 0 pending, 0 unreadable.');
  });

  it('exits 3 when a region cannot be read, reporting it and checking the rest', async () => {
    const aws = healthyEstate();
    aws.guardduty('af-south-1').on(ListDetectorsCommand).rejects(awsError('UnrecognizedClientException', 'The security token included in the request is invalid.'));
    const c = cli(aws);
    expect(await c.run('verify', '--config', CONFIG, '--json')).toBe(3);
    expect(c.json().regions[1]).toMatchObject({ region: 'af-south-1', verdict: 'unreadable', error: { kind: 'region-not-enabled', code: 'UnrecognizedClientException' } });
  });

  it('--regions reads only the regions named', async () => {
    const aws = healthyEstate();
    const c = cli(aws);
    expect(await c.run('verify', '--config', CONFIG, '--regions', 'eu-west-1')).toBe(0);
    expect(aws.guardduty('us-east-1').commandCalls(ListDetectorsCommand)).toHaveLength(0);
    expect(aws.guardduty('eu-west-1').commandCalls(ListDetectorsCommand)).toHaveLength(1);
    expect(await cli(healthyEstate()).run('verify', '--config', CONFIG, '--regions', 'me-south-1')).toBe(2);
  });

  it('draws progress on a terminal only, never in CI', async () => {
    const tty = cli(healthyEstate(), { isTTY: true });
    await tty.run('verify', '--config', CONFIG);
    expect(tty.stderr()).toContain('3/3 regions');
    const ci = cli(healthyEstate(), { isTTY: true, env: { CI: 'true' } });
    await ci.run('verify', '--config', CONFIG);
    expect(ci.stderr()).toBe('');
    const off = cli(healthyEstate(), { isTTY: true });
    await off.run('verify', '--config', CONFIG, '--no-progress');
    expect(off.stderr()).toBe('');
  });
});

describe('guardduty-ops findings', () => {
  function withFindings(): MockedAws {
    const aws = new MockedAws().callerIs('111111111111');
    const byRegion: Record<string, ReturnType<typeof finding>[]> = {
      'us-east-1': [portProbeFinding(), finding({ Severity: 8.1, Type: 'Backdoor:EC2/C&CActivity.B!DNS' })],
      'af-south-1': [],
      'eu-west-1': [finding({ Severity: 4.5 }), finding({ Severity: 8, Title: '[SAMPLE] left out by default' })],
    };
    for (const [region, findings] of Object.entries(byRegion)) {
      const gd = aws.guardduty(region);
      gd.on(ListDetectorsCommand).resolves({ DetectorIds: ['d'] });
      gd.on(ListFindingsCommand).resolves({ FindingIds: findings.map((f) => f.Id!) });
      gd.on(GetFindingsCommand).callsFake((input: { FindingIds: string[] }) => ({ Findings: findings.filter((f) => input.FindingIds.includes(f.Id!)) }));
    }
    return aws;
  }

  it('prints the summary and exits 0 without a threshold', async () => {
    const c = cli(withFindings());
    expect(await c.run('findings', '--config', CONFIG)).toBe(0);
    expect(c.stdout()).toMatch(/All regions\s+1\s+1\s+1\s+0\s+3/);
    expect(c.stdout()).toContain('Probed ports (Recon:EC2/PortProbeUnprotectedPort)');
  });

  it('exits 1 when a finding reaches --fail-on', async () => {
    const c = cli(withFindings());
    expect(await c.run('findings', '--config', CONFIG, '--fail-on', 'high', '--json')).toBe(1);
    const report = c.json();
    expect(Object.keys(report)).toEqual(['command', 'accountId', 'query', 'threshold', 'exitCode', 'summary', 'portProbes', 'maliciousObjects', 'regions', 'findings']);
    expect(report).toMatchObject({ exitCode: 1, threshold: { severity: 7, band: 'High', breaching: 1 }, query: { archived: false, includeSamples: false } });
    expect((report.findings as { severity: number }[]).map((f) => f.severity)).toEqual([8.1, 4.5, 2]);
    expect(await cli(withFindings()).run('findings', '--config', CONFIG, '--fail-on', 'critical')).toBe(0);
  });

  it('passes the filters to ListFindings and includes samples on request', async () => {
    const aws = withFindings();
    jest.useFakeTimers({ now: Date.parse('2026-03-10T12:00:00Z') });
    try {
      const c = cli(aws);
      expect(await c.run('findings', '--config', CONFIG, '--min-severity', 'medium', '--since', '7d', '--archived', '--include-samples', '--regions', 'eu-west-1', '--format', 'csv')).toBe(0);
      expect(aws.guardduty('eu-west-1').commandCalls(ListFindingsCommand)[0]!.args[0].input.FindingCriteria).toEqual({
        Criterion: {
          'service.archived': { Equals: ['true'] },
          severity: { GreaterThanOrEqual: 4 },
          updatedAt: { GreaterThanOrEqual: Date.parse('2026-03-03T12:00:00Z') },
        },
      });
      expect(c.stdout().trimEnd().split('\n')).toHaveLength(3);
    } finally {
      jest.useRealTimers();
    }
  });

  it('renders Markdown, and rejects --json with another --format', async () => {
    const c = cli(withFindings());
    expect(await c.run('findings', '--config', CONFIG, '--format', 'markdown')).toBe(0);
    expect(c.stdout()).toContain('## GuardDuty findings');
    expect(await cli(withFindings()).run('findings', '--config', CONFIG, '--format', 'csv', '--json')).toBe(2);
    expect(await cli(withFindings()).run('findings', '--config', CONFIG, '--format', 'xml')).toBe(2);
  });
});

describe('guardduty-ops smoke', () => {
  const T0 = Date.parse('2026-03-10T12:00:00Z');
  beforeEach(() => jest.useFakeTimers({ now: T0 }));
  afterEach(() => jest.useRealTimers());

  function smokeEstate(arriving: string[]): MockedAws {
    const aws = new MockedAws().callerIs('111111111111');
    aws.guardduty('us-east-1').on(ListDetectorsCommand).resolves({ DetectorIds: ['d1'] });
    aws.guardduty('us-east-1').on(CreateSampleFindingsCommand).resolves({});
    const events = arriving.map((type, i) => ({
      eventId: `e${i}`,
      ingestionTime: T0 + 60_000 * (i + 1),
      message: JSON.stringify({ 'detail-type': 'GuardDuty Finding', region: 'us-east-1', detail: { id: `s${i}`, type, region: 'us-east-1', updatedAt: new Date(T0 + 1000).toISOString(), title: '[SAMPLE] x' } }),
    }));
    aws.logs('us-east-1').on(FilterLogEventsCommand).callsFake(() => ({ events: events.filter((e) => e.ingestionTime <= Date.now()) }));
    return aws;
  }

  it('exits 0 when every sample arrives, with the latency per finding in JSON', async () => {
    const c = cli(smokeEstate(['Backdoor:EC2/C&CActivity.B!DNS', 'CryptoCurrency:EC2/BitcoinTool.B!DNS']));
    const running = c.run('smoke', '--config', CONFIG, '--json');
    await jest.advanceTimersByTimeAsync(5 * 60_000);
    expect(await running).toBe(0);
    const report = c.json();
    expect(report).toMatchObject({
      command: 'smoke',
      region: 'us-east-1',
      logGroup: { name: '/aws/events/acme-guardduty', region: 'us-east-1' },
      samples: [
        { type: 'Backdoor:EC2/C&CActivity.B!DNS', arrived: true, findingId: 's0', latencyMs: 60_000 },
        { type: 'CryptoCurrency:EC2/BitcoinTool.B!DNS', arrived: true, findingId: 's1', latencyMs: 120_000 },
      ],
      exitCode: 0,
    });
  });

  it('exits 1 when a sample does not arrive before --timeout', async () => {
    const c = cli(smokeEstate(['Backdoor:EC2/C&CActivity.B!DNS']));
    const running = c.run('smoke', '--config', CONFIG, '--timeout', '3m', '--interval', '30s');
    await jest.advanceTimersByTimeAsync(4 * 60_000);
    expect(await running).toBe(1);
    expect(c.stdout()).toMatch(/CryptoCurrency:EC2\/BitcoinTool\.B!DNS\s+-\s+did not arrive\s+> 3m 00s/);
  });

  it('rejects a region outside the config (2)', async () => {
    expect(await cli(smokeEstate([])).run('smoke', '--config', CONFIG, '--region', 'ap-south-1')).toBe(2);
  });
});

describe('guardduty-ops regions', () => {
  function accountWith(regions: [string, string][]): MockedAws {
    const aws = new MockedAws().callerIs('111111111111');
    aws.account('us-east-1').on(ListRegionsCommand).resolves({ Regions: regions.map(([RegionName, RegionOptStatus]) => ({ RegionName, RegionOptStatus: RegionOptStatus as 'ENABLED' })) });
    return aws;
  }

  it('exits 0 when the config covers the enabled regions it includes', async () => {
    const c = cli(accountWith([['us-east-1', 'ENABLED_BY_DEFAULT'], ['eu-west-1', 'ENABLED_BY_DEFAULT'], ['af-south-1', 'ENABLED']]));
    expect(await c.run('regions', '--config', CONFIG, '--json')).toBe(0);
    const report = c.json();
    expect(Object.keys(report)).toEqual(['command', 'accountId', 'partition', 'configFile', 'regions', 'suggested', 'configBlock', 'differences', 'exitCode']);
    expect(report.suggested).toEqual({ include: 'all', optIn: ['af-south-1'], exclude: [] });
  });

  it('exits 1 when the account has an enabled opt-in region the config leaves out', async () => {
    const c = cli(accountWith([['us-east-1', 'ENABLED_BY_DEFAULT'], ['eu-west-1', 'ENABLED_BY_DEFAULT'], ['af-south-1', 'ENABLED'], ['il-central-1', 'ENABLED']]));
    expect(await c.run('regions', '--config', CONFIG)).toBe(1);
    expect(c.stdout()).toContain('il-central-1 is enabled for the account but has no detector in the config: add it to regions.optIn');
    expect(c.stdout()).toContain('optIn: [af-south-1, il-central-1]');
  });

  it('works without a config, to write the first one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gd-ops-'));
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const aws = accountWith([['us-east-1', 'ENABLED_BY_DEFAULT'], ['me-central-1', 'ENABLED']]);
      const c = cli(aws);
      expect(await c.run('regions')).toBe(0);
      expect(c.stdout()).toContain('Account 111111111111 (aws): 2 enabled regions');
      expect(c.stdout()).toContain('optIn: [me-central-1]');
      expect(c.credentials[0]).toEqual({ stsRegion: 'us-east-1' });
    } finally {
      process.chdir(cwd);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
