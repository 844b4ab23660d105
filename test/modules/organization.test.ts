import { GuarddutyInviteAccepter } from '@cdktf/provider-aws/lib/guardduty-invite-accepter';
import { GuarddutyMember } from '@cdktf/provider-aws/lib/guardduty-member';
import { GuarddutyOrganizationAdminAccount } from '@cdktf/provider-aws/lib/guardduty-organization-admin-account';
import { GuarddutyOrganizationConfiguration } from '@cdktf/provider-aws/lib/guardduty-organization-configuration';
import { App, Testing } from 'cdktf';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildEstateStacks } from '../../modules/estate-stacks';
import { DelegatedAdmin } from '../../modules/organization/delegated-admin';
import { InvitedMembers } from '../../modules/organization/invited-members';
import { MemberDetectorFeatures } from '../../modules/organization/member-detector-features';
import { MemberAccount } from '../../modules/organization/member-account';
import { OrganizationConfiguration } from '../../modules/organization/organization-configuration';
import { parseConfig } from '../../src/config';
import { organizationFeatures, resolveDetectorFeatures } from '../../src/features/resolve';
import { planEstate } from '../../src/plan/plan';

type Block = Record<string, unknown>;
type Json = { resource: Record<string, Record<string, Block>>; provider?: { aws: Block[] } };
const resources = (json: Json, type: string) => Object.values(json.resource[type] ?? {});
const synthJson = (fn: Parameters<typeof Testing.synthScope>[0]) => JSON.parse(Testing.synthScope(fn)) as Json;

describe('DelegatedAdmin', () => {
  it('designates the admin in every region through the per-resource region argument', () => {
    const out = Testing.synthScope((s) => new DelegatedAdmin(s, 'DelegatedAdmin', { adminAccountId: '111111111111', regions: ['us-east-1', 'eu-west-1'], firstRegion: 'eu-west-1' }));
    expect(out).toHaveResourceWithProperties(GuarddutyOrganizationAdminAccount, { admin_account_id: '111111111111', region: 'us-east-1' });
    expect(out).toHaveResourceWithProperties(GuarddutyOrganizationAdminAccount, { admin_account_id: '111111111111', region: 'eu-west-1' });
    expect(resources(JSON.parse(out) as Json, 'aws_guardduty_organization_admin_account')).toHaveLength(2);
  });

  // aws-secure-environment-accelerator issue 778: delegating in every region at once
  // failed in all but one region; once one region is done the rest go through in parallel.
  it('home region has no depends_on; all others depend on exactly the home designation (aws-secure-environment-accelerator#778)', () => {
    const json = synthJson(
      (s) => new DelegatedAdmin(s, 'DelegatedAdmin', { adminAccountId: '111111111111', regions: ['us-east-1', 'eu-west-1', 'ap-east-2'], firstRegion: 'eu-west-1' }),
    );
    const byRegion = Object.entries(json.resource.aws_guardduty_organization_admin_account!).map(([name, r]) => ({ name, region: r.region, depends_on: r.depends_on }));
    const home = byRegion.find((r) => r.region === 'eu-west-1')!;
    expect(home.depends_on).toBeUndefined();
    const others = byRegion.filter((r) => r !== home);
    expect(others.map((r) => r.region).sort()).toEqual(['ap-east-2', 'us-east-1']);
    // A plain address: Terraform reads depends_on as a bare expression, never "${...}".
    for (const r of others) expect(r.depends_on).toEqual([`aws_guardduty_organization_admin_account.${home.name}`]);
  });
});

describe('OrganizationConfiguration', () => {
  const features = organizationFeatures(resolveDetectorFeatures({ RUNTIME_MONITORING: { enabled: true } }, 'us-east-1').features, 'ALL');
  const json = synthJson((s) => new OrganizationConfiguration(s, 'Organization', { detectorId: 'det', autoEnable: 'ALL', features }));

  it('auto-enables organization members', () => {
    expect(Testing.synthScope((s) => new OrganizationConfiguration(s, 'Organization', { detectorId: 'det', autoEnable: 'NEW', features }))).toHaveResourceWithProperties(
      GuarddutyOrganizationConfiguration,
      { detector_id: 'det', auto_enable_organization_members: 'NEW' },
    );
  });

  it('has one feature per detector feature, each depending on the configuration (no sleeps)', () => {
    const orgConfigAddress = `aws_guardduty_organization_configuration.${Object.keys(json.resource.aws_guardduty_organization_configuration!)[0]}`;
    const feats = resources(json, 'aws_guardduty_organization_configuration_feature');
    expect(feats.map((f) => f.name).sort()).toEqual(features.map((f) => f.name).sort());
    for (const f of feats) expect(f.depends_on).toEqual([orgConfigAddress]);
    const rm = feats.find((f) => f.name === 'RUNTIME_MONITORING')!;
    expect(rm.auto_enable).toBe('ALL');
    expect(rm.additional_configuration).toEqual([
      { name: 'EKS_ADDON_MANAGEMENT', auto_enable: 'ALL' },
      { name: 'ECS_FARGATE_AGENT_MANAGEMENT', auto_enable: 'ALL' },
      { name: 'EC2_AGENT_MANAGEMENT', auto_enable: 'ALL' },
    ]);
  });
});

describe('InvitedMembers', () => {
  const props = {
    detectorId: 'det',
    members: [
      { accountId: '444444444444', email: 'b@example.com' },
      { accountId: '333333333333', email: 'a@example.com' },
    ],
    invitationMessage: 'hello',
    disableEmailNotification: true,
  };

  it('invites every member from one for_each block, and sets no plans yet', () => {
    const out = Testing.synthScope((s) => new InvitedMembers(s, 'Members', props));
    expect(out).toHaveResourceWithProperties(GuarddutyMember, {
      for_each: { '333333333333': 'a@example.com', '444444444444': 'b@example.com' },
      account_id: '${each.key}',
      email: '${each.value}',
      detector_id: 'det',
      invite: true,
      invitation_message: 'hello',
      disable_email_notification: true,
    });
    expect((JSON.parse(out) as Json).resource.aws_guardduty_member_detector_feature).toBeUndefined();
  });
});

describe('MemberDetectorFeatures', () => {
  const features = resolveDetectorFeatures({}, 'us-east-1').features;
  const sandbox = resolveDetectorFeatures({ EKS_AUDIT_LOGS: { enabled: false }, RUNTIME_MONITORING: { enabled: true, additionalConfiguration: { EC2_AGENT_MANAGEMENT: false } } }, 'us-east-1').features;
  const json = synthJson(
    (s) =>
      new MemberDetectorFeatures(s, 'MemberFeatures', {
        regions: [
          {
            region: 'us-east-1',
            members: [
              { accountId: '444444444444', features: sandbox },
              { accountId: '333333333333', features },
            ],
          },
          { region: 'eu-west-1', members: [{ accountId: '333333333333', features }] },
        ],
      }),
  ) as Json & { data: Record<string, Record<string, Block>> };
  const feats = resources(json, 'aws_guardduty_member_detector_feature');
  const feature = (region: string, name: string) => feats.find((f) => f.region === region && f.name === name)!;

  it('looks up the admin detector of each region and sets each feature on every member there, keyed by account id', () => {
    expect(Object.values(json.data.aws_guardduty_detector!).map((d) => d.region)).toEqual(['eu-west-1', 'us-east-1']);
    expect(feats).toHaveLength(features.length * 2);
    expect(Object.keys(feature('us-east-1', 'S3_DATA_EVENTS').for_each as Block)).toEqual(['333333333333', '444444444444']);
    expect(feature('eu-west-1', 'S3_DATA_EVENTS').for_each).toEqual({ '333333333333': { status: 'ENABLED' } });
    for (const f of feats) {
      expect(f.account_id).toBe('${each.key}');
      expect(f.status).toBe('${each.value.status}');
      expect(f.detector_id).toMatch(/^\$\{data\.aws_guardduty_detector\..+\.id\}$/);
    }
  });

  it("gives each account its own status: the sandbox's overrides, the default for the others", () => {
    expect(feature('us-east-1', 'EKS_AUDIT_LOGS').for_each).toEqual({ '333333333333': { status: 'ENABLED' }, '444444444444': { status: 'DISABLED' } });
    const rm = feature('us-east-1', 'RUNTIME_MONITORING');
    expect(rm.for_each).toEqual({
      '333333333333': { status: 'DISABLED', EKS_ADDON_MANAGEMENT: 'DISABLED', ECS_FARGATE_AGENT_MANAGEMENT: 'DISABLED', EC2_AGENT_MANAGEMENT: 'DISABLED' },
      '444444444444': { status: 'ENABLED', EKS_ADDON_MANAGEMENT: 'ENABLED', ECS_FARGATE_AGENT_MANAGEMENT: 'ENABLED', EC2_AGENT_MANAGEMENT: 'DISABLED' },
    });
    expect(rm.additional_configuration).toEqual([
      { name: 'EKS_ADDON_MANAGEMENT', status: '${each.value.EKS_ADDON_MANAGEMENT}' },
      { name: 'ECS_FARGATE_AGENT_MANAGEMENT', status: '${each.value.ECS_FARGATE_AGENT_MANAGEMENT}' },
      { name: 'EC2_AGENT_MANAGEMENT', status: '${each.value.EC2_AGENT_MANAGEMENT}' },
    ]);
  });

  it('with the detector given (organization mode) looks nothing up and renders only the plans each member has', () => {
    const only = synthJson(
      (s) =>
        new MemberDetectorFeatures(s, 'MemberOverrides', {
          detectorId: 'det',
          regions: [{ region: 'us-east-1', members: [{ accountId: '444444444444', features: sandbox.filter((f) => f.name === 'EKS_AUDIT_LOGS') }] }],
        }),
    ) as Json & { data?: unknown };
    expect(only.data).toBeUndefined();
    expect(resources(only, 'aws_guardduty_member_detector_feature')).toEqual([
      expect.objectContaining({ name: 'EKS_AUDIT_LOGS', detector_id: 'det', for_each: { '444444444444': { status: 'DISABLED' } } }),
    ]);
  });
});

describe('MemberAccount', () => {
  const json = synthJson((s) => new MemberAccount(s, 'Member', { adminAccountId: '111111111111', regions: ['us-east-1', 'eu-west-1'] }));

  it('creates the member detector in each region, without publishing frequency or features (the admin sets them)', () => {
    const [detector] = resources(json, 'aws_guardduty_detector');
    expect(detector).toMatchObject({ enable: true, for_each: '${toset(["us-east-1", "eu-west-1"])}', region: '${each.value}', lifecycle: { prevent_destroy: true } });
    expect(detector).not.toHaveProperty('finding_publishing_frequency');
    expect(json.resource.aws_guardduty_detector_feature).toBeUndefined();
  });

  it('accepts the invitation in each region on that region\'s detector', () => {
    const detectorAddress = `aws_guardduty_detector.${Object.keys(json.resource.aws_guardduty_detector!)[0]}`;
    expect(JSON.stringify(json)).toContain(detectorAddress);
    expect(Testing.synthScope((s) => new MemberAccount(s, 'Member', { adminAccountId: '111111111111', regions: ['us-east-1'] }))).toHaveResourceWithProperties(
      GuarddutyInviteAccepter,
      { for_each: `\${${detectorAddress}}`, region: '${each.key}', detector_id: '${each.value.id}', master_account_id: '111111111111' },
    );
  });
});

describe('MemberAccount with existing detectors', () => {
  const json = JSON.parse(
    Testing.synthScope((s) =>
      new MemberAccount(s, 'Member', { adminAccountId: '111111111111', regions: ['us-east-1', 'eu-west-1'], existingDetectors: { 'eu-west-1': 'abc', 'us-east-1': 'def' } }),
    ),
  ) as Json & { import?: { to: string; id: string }[] };
  const address = `aws_guardduty_detector.${Object.keys(json.resource.aws_guardduty_detector!)[0]}`;

  // Terraform AWS provider guide "Enhanced Region Support": to import a resource in a
  // specific Region, append @<region> to the import id; without it the provider reads
  // in its own region. Every member detector carries `region`, so every id says it.
  it('imports each region\'s detector into its for_each instance with the id suffixed @<region> (Enhanced Region Support)', () => {
    expect(json.import).toEqual([
      { to: `${address}["eu-west-1"]`, id: 'abc@eu-west-1' },
      { to: `${address}["us-east-1"]`, id: 'def@us-east-1' },
    ]);
  });
});

describe('estate in both modes', () => {
  const outdir = () => mkdtempSync(join(tmpdir(), 'gd-org-'));

  it('organization mode: management stack with the management provider; regional stacks depend on it', () => {
    const config = parseConfig(`prefix: acme\nhomeRegion: eu-west-1\naccounts:\n  admin: { accountId: "111111111111" }\n  management: { accountId: "222222222222", assumeRoleArn: "arn:aws:iam::222222222222:role/Org" }\nregions: { include: [eu-west-1, us-east-1] }\noverrides: [{ rule: GD-DET-6, reason: a test estate of a few regions keeps its output small }]\norganization: { enabled: true }\n`);
    const estate = buildEstateStacks(new App({ outdir: outdir() }), planEstate(config));
    expect(estate.stacks.map((s) => s.node.id)).toEqual(['guardduty-home', 'guardduty-management', 'guardduty-us-east-1', 'guardduty-eu-west-1']);
    const mgmt = estate.management!.toTerraform() as Json;
    expect(mgmt.provider!.aws[0]).toMatchObject({ allowed_account_ids: ['222222222222'], assume_role: [{ role_arn: 'arn:aws:iam::222222222222:role/Org', session_name: 'guardduty-cdktf' }] });
    for (const s of estate.regional) expect(s.dependencies.map((d) => d.node.id)).toEqual(['guardduty-home', 'guardduty-management']);
  });

  it('invitation mode: member stacks in their own accounts after the inviting regional stacks', () => {
    const config = parseConfig(`prefix: acme\nhomeRegion: eu-west-1\naccounts: { admin: { accountId: "111111111111" } }\nregions: { include: [eu-west-1, us-east-1] }\noverrides: [{ rule: GD-DET-6, reason: a test estate of a few regions keeps its output small }]\nmembers:\n  - { accountId: "333333333333", email: a@example.com, assumeRoleArn: "arn:aws:iam::333333333333:role/M" }\n`);
    const estate = buildEstateStacks(new App({ outdir: outdir() }), planEstate(config));
    const [member] = estate.members;
    expect(member!.node.id).toBe('guardduty-member-333333333333');
    expect(estate.memberFeatures!.dependencies.map((d) => d.node.id)).toEqual(['guardduty-member-333333333333']);
    expect(estate.stacks.map((s) => s.node.id).slice(-2)).toEqual(['guardduty-member-333333333333', 'guardduty-member-features']);
    expect(member!.dependencies.map((d) => d.node.id)).toEqual(['guardduty-us-east-1', 'guardduty-eu-west-1']);
    expect((member!.toTerraform() as Json).provider!.aws[0]).toMatchObject({ allowed_account_ids: ['333333333333'], region: 'eu-west-1' });
  });
});
