import { parseConfig } from '../../src/config';
import { planEstate } from '../../src/plan/plan';

const ORG = `
prefix: acme
homeRegion: eu-west-1
accounts:
  admin: { accountId: "111111111111" }
  management: { accountId: "222222222222", assumeRoleArn: "arn:aws:iam::222222222222:role/OrgAdmin" }
regions: { include: [eu-west-1, us-east-1, ap-east-2], optIn: [ap-east-2] }
overrides:
  - { rule: GD-DET-6, reason: "a test estate of a few regions keeps its output small" }
  - { rule: GD-DET-5, reason: "the test needs auto-enable NEW to see the plan carry it" }
  - { rule: GD-DET-4, reason: "the test turns a plan off to see the plan carry it" }
organization: { enabled: true, autoEnable: NEW }
detector:
  features:
    LAMBDA_NETWORK_LOGS: { enabled: false }
    RUNTIME_MONITORING: { enabled: true, additionalConfiguration: { EC2_AGENT_MANAGEMENT: false } }
`;

const INVITATION = `
prefix: acme
homeRegion: eu-west-1
accounts:
  admin: { accountId: "111111111111" }
regions: { include: [eu-west-1, us-east-1] }
overrides: [{ rule: GD-DET-6, reason: "a test estate of a few regions keeps its output small" }]
members:
  - { accountId: "333333333333", email: a@example.com, assumeRoleArn: "arn:aws:iam::333333333333:role/Member" }
  - { accountId: "444444444444", email: b@example.com, regions: [eu-west-1] }
invitation: { message: hello }
`;

describe('organization mode plan', () => {
  const plan = planEstate(parseConfig(ORG));

  it('plans a management stack in the management account that delegates every enabled region', () => {
    expect(plan.management).toMatchObject({
      name: 'guardduty-management',
      provider: { region: 'eu-west-1', accountId: '222222222222', assumeRoleArn: 'arn:aws:iam::222222222222:role/OrgAdmin' },
      adminAccountId: '111111111111',
      regions: ['us-east-1', 'ap-east-2', 'eu-west-1'],
      dependsOn: ['guardduty-home'],
    });
  });

  it('designates the home region first: the other regions wait for it (aws-secure-environment-accelerator#778)', () => {
    expect(plan.management!.firstRegion).toBe('eu-west-1');
    expect(plan.management!.regions).toContain('eu-west-1');
  });

  it('makes every regional stack wait for the delegation', () => {
    for (const stack of plan.regional) expect(stack.dependsOn).toEqual(['guardduty-home', 'guardduty-management']);
  });

  it('mirrors the admin detector in the organization configuration of each region', () => {
    const useast1 = plan.regional.find((s) => s.region === 'us-east-1')!;
    expect(useast1.organization?.autoEnable).toBe('NEW');
    const byName = Object.fromEntries(useast1.organization!.features.map((f) => [f.name, f]));
    expect(byName.S3_DATA_EVENTS!.autoEnable).toBe('NEW');
    expect(byName.LAMBDA_NETWORK_LOGS!.autoEnable).toBe('NONE');
    expect(byName.RUNTIME_MONITORING!.additionalConfiguration).toEqual([
      { name: 'EKS_ADDON_MANAGEMENT', autoEnable: 'NEW' },
      { name: 'ECS_FARGATE_AGENT_MANAGEMENT', autoEnable: 'NEW' },
      { name: 'EC2_AGENT_MANAGEMENT', autoEnable: 'NONE' },
    ]);
    const apeast2 = plan.regional.find((s) => s.region === 'ap-east-2')!;
    expect(apeast2.organization!.features.map((f) => f.name)).not.toContain('RDS_LOGIN_EVENTS');
  });

  it('has no member stacks and no invitations', () => {
    expect(plan.members).toEqual([]);
    expect(plan.regional.every((s) => s.invitation === undefined)).toBe(true);
  });

  it('warns when the administrator is the management account itself', () => {
    const same = planEstate(parseConfig(ORG.replace('accountId: "222222222222", assumeRoleArn: "arn:aws:iam::222222222222:role/OrgAdmin"', 'accountId: "111111111111"')));
    expect(same.warnings).toContain(
      'guardduty-management: the GuardDuty administrator is the management account itself; AWS advises delegating to a dedicated security account',
    );
    expect(plan.warnings.some((w) => w.includes('management account itself'))).toBe(false);
  });

  // AWS Organizations user guide, "Accessing a member account that has
  // OrganizationAccountAccessRole": Organizations creates that role in member accounts it
  // creates, for the management account to use; the management account has none.
  it('warns when accounts.management.assumeRoleArn names OrganizationAccountAccessRole (it exists only in member accounts Organizations created)', () => {
    const warning =
      'accounts.management.assumeRoleArn: OrganizationAccountAccessRole exists only in member accounts that AWS Organizations created, not in the management account; create a role for this project there (docs/deploying.md, AWS Organizations)';
    for (const arn of ['arn:aws:iam::222222222222:role/OrganizationAccountAccessRole', 'arn:aws:iam::222222222222:role/org/OrganizationAccountAccessRole']) {
      expect(planEstate(parseConfig(ORG.replace('arn:aws:iam::222222222222:role/OrgAdmin', arn))).warnings).toContain(warning);
    }
    expect(plan.warnings.some((w) => w.includes('OrganizationAccountAccessRole'))).toBe(false);
    const lookalike = planEstate(parseConfig(ORG.replace('role/OrgAdmin', 'role/MyOrganizationAccountAccessRole')));
    expect(lookalike.warnings.some((w) => w.includes('OrganizationAccountAccessRole'))).toBe(false);
  });

  it('warns, naming the regions, that delegation creates detectors the regional stacks must import', () => {
    const warning = plan.warnings.find((w) => w.startsWith('existingDetectors:'));
    expect(warning).toMatch(/^existingDetectors: organization mode, and no detector id for us-east-1, ap-east-2, eu-west-1: delegating the administrator creates a detector there/);
    const ids = 'existingDetectors: { us-east-1: 0a1b2c3d4e5f60718293a4b5c6d7e8f9, ap-east-2: 1b2c3d4e5f60718293a4b5c6d7e8f90a, eu-west-1: 2c3d4e5f60718293a4b5c6d7e8f90a1b }\n';
    expect(planEstate(parseConfig(ORG + ids)).warnings.some((w) => w.startsWith('existingDetectors:'))).toBe(false);
  });

  it('plans no management stack while organization mode is off', () => {
    const off = planEstate(parseConfig(ORG.replace('enabled: true', 'enabled: false')));
    expect(off.management).toBeUndefined();
    expect(off.regional.every((s) => s.organization === undefined && s.dependsOn.length === 1)).toBe(true);
  });
});

describe('invitation mode plan', () => {
  const plan = planEstate(parseConfig(INVITATION));

  it('invites each member only in its regions', () => {
    const members = (region: string) => plan.regional.find((s) => s.region === region)!.invitation?.members.map((m) => m.accountId);
    expect(members('eu-west-1')).toEqual(['333333333333', '444444444444']);
    expect(members('us-east-1')).toEqual(['333333333333']);
    const invitation = plan.regional[0]!.invitation!;
    expect(invitation.message).toBe('hello');
    expect(invitation.disableEmailNotification).toBe(true);
  });

  it('sets the members\' plans in one admin-side stack, after every member stack has accepted', () => {
    expect(plan.memberFeatures).toMatchObject({
      name: 'guardduty-member-features',
      provider: { accountId: '111111111111', region: 'eu-west-1' },
      dependsOn: ['guardduty-member-333333333333', 'guardduty-member-444444444444'],
    });
    const byRegion = Object.fromEntries(plan.memberFeatures!.regions.map((r) => [r.region, r]));
    expect(byRegion['us-east-1']!.members.map((m) => m.accountId)).toEqual(['333333333333']);
    expect(byRegion['eu-west-1']!.members.map((m) => m.accountId)).toEqual(['333333333333', '444444444444']);
    // Without memberOverrides every member gets the admin's plans.
    const admin = plan.regional.find((r) => r.region === 'eu-west-1')!.detector.features;
    for (const m of byRegion['eu-west-1']!.members) expect(m.features).toEqual(admin);
  });

  it('plans one member stack per account, in its account, after the regional stacks that invite it', () => {
    expect(plan.members.map((m) => m.name)).toEqual(['guardduty-member-333333333333', 'guardduty-member-444444444444']);
    expect(plan.members[0]).toMatchObject({
      provider: { accountId: '333333333333', assumeRoleArn: 'arn:aws:iam::333333333333:role/Member', region: 'eu-west-1' },
      adminAccountId: '111111111111',
      regions: ['us-east-1', 'eu-west-1'],
      dependsOn: ['guardduty-us-east-1', 'guardduty-eu-west-1'],
      backend: { type: 'local', path: '../../../terraform.guardduty-member-333333333333.tfstate' },
    });
    expect(plan.members[1]).toMatchObject({ regions: ['eu-west-1'], dependsOn: ['guardduty-eu-west-1'] });
    expect(plan.members[1]!.provider.assumeRoleArn).toBeUndefined();
  });
});

describe('memberOverrides', () => {
  const status = (features: readonly { name: string; status: string }[] | undefined, name: string) => features?.find((f) => f.name === name)?.status;

  describe('invitation mode', () => {
    const plan = planEstate(
      parseConfig(`${INVITATION}
memberOverrides:
  - accounts: ["444444444444"]
    features: { EKS_AUDIT_LOGS: { enabled: false }, RUNTIME_MONITORING: { enabled: true, additionalConfiguration: { EC2_AGENT_MANAGEMENT: false } } }
`),
    );
    const members = Object.fromEntries(plan.memberFeatures!.regions.find((r) => r.region === 'eu-west-1')!.members.map((m) => [m.accountId, m.features]));

    it('gives the overridden account its override and every other plan of the admin', () => {
      expect(status(members['444444444444'], 'EKS_AUDIT_LOGS')).toBe('DISABLED');
      expect(members['444444444444']!.find((f) => f.name === 'RUNTIME_MONITORING')).toEqual({
        name: 'RUNTIME_MONITORING',
        status: 'ENABLED',
        additionalConfiguration: [
          { name: 'EKS_ADDON_MANAGEMENT', status: 'ENABLED' },
          { name: 'ECS_FARGATE_AGENT_MANAGEMENT', status: 'ENABLED' },
          { name: 'EC2_AGENT_MANAGEMENT', status: 'DISABLED' },
        ],
      });
      expect(status(members['444444444444'], 'S3_DATA_EVENTS')).toBe('ENABLED');
      expect(members['444444444444']!.map((f) => f.name)).toEqual(members['333333333333']!.map((f) => f.name));
    });

    it('leaves the other members and the admin detector on the default', () => {
      expect(status(members['333333333333'], 'EKS_AUDIT_LOGS')).toBe('ENABLED');
      expect(status(members['333333333333'], 'RUNTIME_MONITORING')).toBe('DISABLED');
      expect(status(plan.regional.find((r) => r.region === 'eu-west-1')!.detector.features, 'EKS_AUDIT_LOGS')).toBe('ENABLED');
    });
  });

  describe('organization mode', () => {
    const plan = planEstate(
      parseConfig(`${ORG}
memberOverrides:
  - accounts: ["555555555555", "666666666666"]
    features: { EKS_AUDIT_LOGS: { enabled: false } }
  - accounts: ["555555555555"]
    features: { RUNTIME_MONITORING: { enabled: false }, RDS_LOGIN_EVENTS: { enabled: true } }
`),
    );
    const region = (r: string) => plan.regional.find((s) => s.region === r)!.organization!;

    it('renders only the overridden plans of the overridden accounts in every region, auto-enable unchanged', () => {
      const org = region('us-east-1');
      expect(org.autoEnable).toBe('NEW');
      expect(org.memberFeatures.map((m) => [m.accountId, m.features.map((f) => `${f.name}=${f.status}`)])).toEqual([
        ['555555555555', ['EKS_AUDIT_LOGS=DISABLED', 'RDS_LOGIN_EVENTS=ENABLED', 'RUNTIME_MONITORING=DISABLED']],
        ['666666666666', ['EKS_AUDIT_LOGS=DISABLED']],
      ]);
      expect(org.features.find((f) => f.name === 'EKS_AUDIT_LOGS')!.autoEnable).toBe('NEW');
      expect(plan.memberFeatures).toBeUndefined();
    });

    it('skips a plan the region does not offer, with a warning when the override wants it on', () => {
      expect(region('ap-east-2').memberFeatures.find((m) => m.accountId === '555555555555')!.features.map((f) => f.name)).toEqual(['EKS_AUDIT_LOGS', 'RUNTIME_MONITORING']);
      expect(plan.warnings).toContain('guardduty-ap-east-2: memberOverrides for 555555555555: RDS_LOGIN_EVENTS is not available in ap-east-2; the feature is skipped there');
      expect(plan.warnings.filter((w) => w.includes('666666666666') && w.includes('skipped'))).toEqual([]);
    });

    // UpdateMemberDetectors answers "not an associated member" for an account GuardDuty has not
    // enrolled, and organization mode enrols only through auto-enable (no aws_guardduty_member):
    // with NEW, accounts already in the organization are members only if enrolled another way.
    it('warns that with auto-enable NEW an overridden account may be no GuardDuty member, and not with ALL', () => {
      expect(plan.warnings).toContainEqual(expect.stringMatching(/^memberOverrides: organization\.autoEnable is NEW, .*555555555555, 666666666666.*not an associated member/));
      const all = planEstate(parseConfig(`${ORG.replace('autoEnable: NEW', 'autoEnable: ALL')}
memberOverrides:
  - accounts: ["555555555555"]
    features: { EKS_AUDIT_LOGS: { enabled: false } }
`));
      expect(all.regional[0]!.organization!.autoEnable).toBe('ALL');
      expect(all.warnings.filter((w) => w.startsWith('memberOverrides:'))).toEqual([]);
    });
  });
});
