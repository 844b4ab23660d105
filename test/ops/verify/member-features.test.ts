import { DescribeOrganizationConfigurationCommand, GetMemberDetectorsCommand, type GuardDutyClient, ListMembersCommand, type MemberFeaturesConfigurationResult } from '@aws-sdk/client-guardduty';
import type { AwsClientStub } from 'aws-sdk-client-mock';
import { parseConfig } from '../../../src/config';
import { expectationsFromPlan } from '../../../src/ops/verify/expectations';
import { verifyEstate } from '../../../src/ops/verify/verify-estate';
import { buildVerifyReport, formatVerifyText } from '../../../src/ops/verify/verify-report';
import { planEstate } from '../../../src/plan/plan';
import { liveFeaturesAsConfigured, MockedAws } from '../aws-mocks';

/** Organization mode, one region; the sandbox 555555555555 has EKS audit logs and Runtime Monitoring off. */
const ORG = parseConfig(`
prefix: acme
homeRegion: us-east-1
accounts:
  admin: { accountId: "111111111111" }
  management: { accountId: "222222222222" }
regions: { include: [us-east-1] }
overrides: [{ rule: GD-DET-6, reason: "a test estate of a few regions keeps its output small" }]
organization: { enabled: true, autoEnable: ALL }
existingDetectors: { us-east-1: 0a1b2c3d4e5f60718293a4b5c6d7e8f9 }
detector:
  features:
    RUNTIME_MONITORING: { enabled: true, additionalConfiguration: { EC2_AGENT_MANAGEMENT: false } }
memberOverrides:
  - accounts: ["555555555555"]
    features: { EKS_AUDIT_LOGS: { enabled: false }, RUNTIME_MONITORING: { enabled: false } }
`);

const INVITATION = parseConfig(`
prefix: acme
homeRegion: us-east-1
accounts: { admin: { accountId: "111111111111" } }
regions: { include: [us-east-1] }
overrides: [{ rule: GD-DET-6, reason: "a test estate of a few regions keeps its output small" }]
detector:
  features:
    RUNTIME_MONITORING: { enabled: true, additionalConfiguration: { EC2_AGENT_MANAGEMENT: false } }
members:
  - { accountId: "333333333333", email: a@example.com }
  - { accountId: "444444444444", email: b@example.com }
memberOverrides:
  - accounts: ["444444444444"]
    features: { EKS_AUDIT_LOGS: { enabled: false } }
`);

/** GetMemberDetectors' Features for one account: the admin's as configured, with `changes` laid over. */
function memberFeatures(changes: Partial<Record<string, 'ENABLED' | 'DISABLED'>> = {}): MemberFeaturesConfigurationResult[] {
  return liveFeaturesAsConfigured(changes) as MemberFeaturesConfigurationResult[];
}
const SANDBOX_AS_OVERRIDDEN = { EKS_AUDIT_LOGS: 'DISABLED', RUNTIME_MONITORING: 'DISABLED', EKS_ADDON_MANAGEMENT: 'DISABLED', ECS_FARGATE_AGENT_MANAGEMENT: 'DISABLED' } as const;

function organizationAccount(aws: MockedAws): AwsClientStub<GuardDutyClient> {
  const gd = aws.detector('us-east-1', { id: 'd1', features: liveFeaturesAsConfigured() });
  gd.on(ListMembersCommand).resolves({ Members: [{ AccountId: '555555555555', MasterId: '111111111111', Email: 'a@b.c', RelationshipStatus: 'Enabled', UpdatedAt: '' }] });
  gd.on(DescribeOrganizationConfigurationCommand).resolves({
    AutoEnableOrganizationMembers: 'ALL',
    MemberAccountLimitReached: false,
    Features: planEstate(ORG).regional[0]!.organization!.features.map((f) => ({
      Name: f.name,
      AutoEnable: f.autoEnable,
      AdditionalConfiguration: f.additionalConfiguration.map((c) => ({ Name: c.name, AutoEnable: c.autoEnable })),
    })) as never,
  });
  return gd;
}

async function verify(aws: MockedAws, config = ORG) {
  const outcomes = await verifyEstate(aws.clients, expectationsFromPlan(planEstate(config)), { concurrency: 1 });
  return buildVerifyReport({ accountId: '111111111111', configFile: 'guardduty.yaml', outcomes });
}
const notOk = (report: Awaited<ReturnType<typeof verify>>) => report.regions.flatMap((r) => r.checks.filter((c) => c.status !== 'ok').map((c) => `${c.subject}: expected ${c.expected}, live ${c.live}, ${c.status}`));

describe('expectations of member plans', () => {
  it('organization mode: only the overridden plans of the overridden accounts', () => {
    const [region] = expectationsFromPlan(planEstate(ORG));
    expect(region!.memberFeatures!.map((m) => [m.accountId, m.features.map((f) => `${f.name}=${f.status}`)])).toEqual([
      ['555555555555', ['EKS_AUDIT_LOGS=DISABLED', 'RUNTIME_MONITORING=DISABLED']],
    ]);
  });

  it('invitation mode: every member, each with every plan, the override instead of the default', () => {
    const [region] = expectationsFromPlan(planEstate(INVITATION));
    const eks = (account: string) => region!.memberFeatures!.find((m) => m.accountId === account)!.features.find((f) => f.name === 'EKS_AUDIT_LOGS')!.status;
    expect(region!.memberFeatures!.map((m) => m.accountId)).toEqual(['333333333333', '444444444444']);
    expect(eks('333333333333')).toBe('ENABLED');
    expect(eks('444444444444')).toBe('DISABLED');
  });

  it('no member plans expected without members', () => {
    const plain = parseConfig(`prefix: acme\nhomeRegion: us-east-1\naccounts: { admin: { accountId: "111111111111" } }\n`);
    expect(expectationsFromPlan(planEstate(plain)).every((r) => r.memberFeatures === undefined)).toBe(true);
  });
});

describe('verify member plans against GetMemberDetectors', () => {
  it('organization mode: a sandbox with its overrides in place is ok', async () => {
    const aws = new MockedAws();
    const gd = organizationAccount(aws);
    gd.on(GetMemberDetectorsCommand).resolves({ MemberDataSourceConfigurations: [{ AccountId: '555555555555', DataSources: undefined, Features: memberFeatures(SANDBOX_AS_OVERRIDDEN) }], UnprocessedAccounts: [] });
    const report = await verify(aws);
    expect(notOk(report)).toEqual([]);
    expect(report.exitCode).toBe(0);
    expect(gd.commandCalls(GetMemberDetectorsCommand)[0]!.args[0].input).toEqual({ DetectorId: 'd1', AccountIds: ['555555555555'] });
    const checked = report.regions[0]!.checks.filter((c) => c.subject.startsWith('member ')).map((c) => c.subject);
    expect(checked).toEqual([
      'member 555555555555 EKS_AUDIT_LOGS',
      'member 555555555555 RUNTIME_MONITORING',
      'member 555555555555 RUNTIME_MONITORING.EKS_ADDON_MANAGEMENT',
      'member 555555555555 RUNTIME_MONITORING.ECS_FARGATE_AGENT_MANAGEMENT',
      'member 555555555555 RUNTIME_MONITORING.EC2_AGENT_MANAGEMENT',
    ]);
  });

  it('organization mode: a sandbox on the organization default (auto-enable won) is drift, naming the account and plan', async () => {
    const aws = new MockedAws();
    organizationAccount(aws)
      .on(GetMemberDetectorsCommand)
      .resolves({ MemberDataSourceConfigurations: [{ AccountId: '555555555555', DataSources: undefined, Features: memberFeatures() }], UnprocessedAccounts: [] });
    const report = await verify(aws);
    expect(notOk(report)).toEqual([
      'member 555555555555 EKS_AUDIT_LOGS: expected DISABLED, live ENABLED, drift',
      'member 555555555555 RUNTIME_MONITORING: expected DISABLED, live ENABLED, drift',
      'member 555555555555 RUNTIME_MONITORING.EKS_ADDON_MANAGEMENT: expected DISABLED, live ENABLED, drift',
      'member 555555555555 RUNTIME_MONITORING.ECS_FARGATE_AGENT_MANAGEMENT: expected DISABLED, live ENABLED, drift',
    ]);
    expect(report.exitCode).toBe(1);
    expect(formatVerifyText(report)).toMatch(/us-east-1\s+feature\s+member 555555555555 EKS_AUDIT_LOGS\s+DISABLED\s+ENABLED\s+DRIFT/);
  });

  // A plan's auto-enable ALL reaches every member asynchronously, up to 24 hours after it is set
  // (GuardDuty API Reference, OrganizationFeatureConfiguration), so it can turn an override back
  // on after the apply that set it succeeded: the way out is to apply the region again.
  it('organization mode: drift of an overridden plan says auto-enable may have overwritten it and to apply the region again', async () => {
    const aws = new MockedAws();
    organizationAccount(aws)
      .on(GetMemberDetectorsCommand)
      .resolves({ MemberDataSourceConfigurations: [{ AccountId: '555555555555', DataSources: undefined, Features: memberFeatures({ ...SANDBOX_AS_OVERRIDDEN, EKS_AUDIT_LOGS: 'ENABLED' }) }], UnprocessedAccounts: [] });
    const report = await verify(aws);
    const drift = report.regions[0]!.checks.filter((c) => c.status === 'drift');
    expect(drift.map((c) => c.subject)).toEqual(['member 555555555555 EKS_AUDIT_LOGS']);
    expect(drift[0]!.hint).toMatch(/auto-enable.*24 hours.*apply guardduty-us-east-1 again/);
    expect(formatVerifyText(report)).toContain('What to do:');
  });

  it('organization mode: an account GuardDuty does not process is drift, with its reason', async () => {
    const aws = new MockedAws();
    organizationAccount(aws)
      .on(GetMemberDetectorsCommand)
      .resolves({ MemberDataSourceConfigurations: [], UnprocessedAccounts: [{ AccountId: '555555555555', Result: 'The request is rejected because the given account ID is not an associated member of account the current account.' }] });
    const report = await verify(aws);
    expect(notOk(report)).toEqual([expect.stringMatching(/^member 555555555555: expected its plans, live \(unprocessed: The request is rejected because .*not an associated member.*\), drift$/)]);
  });

  it('invitation mode: each member against its own plans; a member not yet accepted is pending', async () => {
    const aws = new MockedAws();
    const gd = aws.detector('us-east-1', { id: 'd1', features: liveFeaturesAsConfigured() });
    gd.on(ListMembersCommand).resolves({
      Members: [
        { AccountId: '333333333333', MasterId: '111111111111', Email: 'a@example.com', RelationshipStatus: 'Enabled', UpdatedAt: '' },
        { AccountId: '444444444444', MasterId: '111111111111', Email: 'b@example.com', RelationshipStatus: 'Invited', UpdatedAt: '' },
      ],
    });
    gd.on(GetMemberDetectorsCommand).resolves({
      // 333333333333 got the sandbox's plan by hand: drift, since it has no override.
      MemberDataSourceConfigurations: [{ AccountId: '333333333333', DataSources: undefined, Features: memberFeatures({ EKS_AUDIT_LOGS: 'DISABLED' }) }],
      UnprocessedAccounts: [{ AccountId: '444444444444', Result: 'The request is rejected because the given account ID is not an associated member of account the current account.' }],
    });
    const report = await verify(aws, INVITATION);
    expect(notOk(report)).toEqual([
      '444444444444: expected Enabled, live Invited, pending',
      'member 333333333333 EKS_AUDIT_LOGS: expected ENABLED, live DISABLED, drift',
      expect.stringMatching(/^member 444444444444: expected its plans, live \(unprocessed: .*\), pending$/),
    ]);
    expect(report.regions[0]!.checks.find((c) => c.subject === 'member 333333333333 EKS_AUDIT_LOGS')!.hint).toMatch(/apply guardduty-member-features again/);
  });

  it('asks for at most 50 accounts per GetMemberDetectors call', async () => {
    const accounts = Array.from({ length: 51 }, (_, i) => String(500000000000 + i));
    const many = parseConfig(`
prefix: acme
homeRegion: us-east-1
accounts:
  admin: { accountId: "111111111111" }
  management: { accountId: "222222222222" }
regions: { include: [us-east-1] }
overrides: [{ rule: GD-DET-6, reason: "a test estate of a few regions keeps its output small" }]
organization: { enabled: true, autoEnable: ALL }
memberOverrides:
  - accounts: [${accounts.map((a) => `"${a}"`).join(', ')}]
    features: { EKS_AUDIT_LOGS: { enabled: false } }
`);
    const aws = new MockedAws();
    const gd = organizationAccount(aws);
    gd.on(GetMemberDetectorsCommand).callsFake((input: { AccountIds: string[] }) => ({
      MemberDataSourceConfigurations: input.AccountIds.map((AccountId) => ({ AccountId, Features: [{ Name: 'EKS_AUDIT_LOGS', Status: 'DISABLED' }] })),
      UnprocessedAccounts: [],
    }));
    const report = await verify(aws, many);
    expect(gd.commandCalls(GetMemberDetectorsCommand).map((c) => c.args[0].input.AccountIds!.length)).toEqual([50, 1]);
    expect(report.regions[0]!.checks.filter((c) => c.subject.startsWith('member ') && c.status === 'ok')).toHaveLength(51);
  });
});
