import { ListRegionsCommand } from '@aws-sdk/client-account';
import { parseConfig } from '../../../src/config';
import { listEnabledRegions } from '../../../src/ops/regions/enabled-regions';
import { formatRegionsText } from '../../../src/ops/regions/format-regions';
import { buildRegionsReport } from '../../../src/ops/regions/regions-report';
import { MockedAws } from '../aws-mocks';

const DEFAULT_REGIONS = ['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'ap-south-1', 'ap-southeast-1', 'ap-southeast-2', 'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3', 'ca-central-1', 'eu-central-1', 'eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-north-1', 'sa-east-1'];
const enabled = [
  ...DEFAULT_REGIONS.map((name) => ({ name, optStatus: 'ENABLED_BY_DEFAULT' })),
  { name: 'eu-central-2', optStatus: 'ENABLED' },
  { name: 'af-south-1', optStatus: 'ENABLED' },
  { name: 'ap-southeast-6', optStatus: 'ENABLED' },
];

describe('listEnabledRegions', () => {
  it('asks for ENABLED and ENABLED_BY_DEFAULT and follows pagination', async () => {
    const aws = new MockedAws();
    const account = aws.account('us-east-1');
    account
      .on(ListRegionsCommand)
      .resolvesOnce({ Regions: [{ RegionName: 'us-east-1', RegionOptStatus: 'ENABLED_BY_DEFAULT' }], NextToken: 'n' })
      .resolvesOnce({ Regions: [{ RegionName: 'af-south-1', RegionOptStatus: 'ENABLED' }] });
    expect(await listEnabledRegions(aws.clients.account('us-east-1'))).toEqual([
      { name: 'us-east-1', optStatus: 'ENABLED_BY_DEFAULT' },
      { name: 'af-south-1', optStatus: 'ENABLED' },
    ]);
    expect(account.commandCalls(ListRegionsCommand)[0]!.args[0].input).toMatchObject({ RegionOptStatusContains: ['ENABLED', 'ENABLED_BY_DEFAULT'], MaxResults: 50 });
  });
});

describe('regions report', () => {
  it('suggests include: all plus every enabled opt-in region GuardDuty serves, and marks the ones it does not', () => {
    const report = buildRegionsReport({ accountId: '111111111111', partition: 'aws', enabled });
    expect(report.suggested).toEqual({ include: 'all', optIn: ['af-south-1', 'eu-central-2'], exclude: [] });
    expect(report.regions.find((r) => r.name === 'ap-southeast-6')).toMatchObject({ guardDuty: 'no', optStatus: 'ENABLED' });
    expect(report.configBlock).toBe(
      [
        '# ap-southeast-6 is enabled, but GuardDuty is not available there',
        'regions:',
        '  include: all          # every default region, plus:',
        '  optIn: [af-south-1, eu-central-2]   # the opt-in regions this account has enabled',
        '  exclude: []',
        '',
      ].join('\n'),
    );
    expect(report.exitCode).toBe(0);
    expect(report.differences).toEqual([]);
  });

  it('flags a region newer than the catalog as unknown rather than guessing', () => {
    const report = buildRegionsReport({ accountId: '111111111111', partition: 'aws', enabled: [{ name: 'xx-new-1', optStatus: 'ENABLED' }] });
    expect(report.regions[0]!.guardDuty).toBe('unknown');
    expect(report.configBlock).toContain("# xx-new-1 is enabled, but not in this tool's region catalog yet");
  });

  it('lists where the config and the account disagree (exit 1), keeping the config excludes', () => {
    const config = parseConfig(`
prefix: acme
homeRegion: us-east-1
accounts: { admin: { accountId: "111111111111" } }
regions: { include: all, optIn: [eu-central-2, me-south-1], exclude: [sa-east-1] }
overrides: [{ rule: GD-DET-6, reason: "the test needs a config exclude to see it kept" }]
`);
    const report = buildRegionsReport({ accountId: '111111111111', partition: 'aws', enabled, selection: config.regions, configFile: 'guardduty.yaml' });
    expect(report.differences).toEqual([
      'af-south-1 is enabled for the account but has no detector in the config: add it to regions.optIn',
      'me-south-1 is in the config but not enabled for the account: its stack cannot deploy; enable the region or remove it',
    ]);
    expect(report.suggested.exclude).toEqual(['sa-east-1']);
    expect(report.regions.find((r) => r.name === 'eu-central-2')!.inConfig).toBe(true);
    expect(report.exitCode).toBe(1);
    const text = formatRegionsText(report);
    expect(text).toMatch(/ap-southeast-6\s+ENABLED\s+NOT AVAILABLE\s+no/);
    expect(text).toMatch(/eu-central-2\s+Europe \(Zurich\)\s+ENABLED\s+yes\s+yes/);
    expect(text).toContain('Paste into guardduty.yaml:');
    expect(text).toContain('The config differs from the account:\n  - af-south-1 is enabled');
  });
});
