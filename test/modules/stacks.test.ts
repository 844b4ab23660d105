import { App } from 'cdktf';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildEstateStacks } from '../../modules/estate-stacks';
import { parseConfig } from '../../src/config';
import { planEstate } from '../../src/plan/plan';

type StackJson = {
  provider: { aws: Record<string, unknown>[] };
  terraform: { backend: Record<string, Record<string, unknown>> };
  resource?: Record<string, unknown>;
};

function estate(extra = '') {
  const config = parseConfig(`
prefix: acme
homeRegion: eu-west-1
tags: { owner: security }
accounts:
  admin: { accountId: "111111111111", assumeRoleArn: "arn:aws:iam::111111111111:role/Deployer" }
regions: { include: [eu-west-1, us-east-1] }
overrides: [{ rule: GD-DET-6, reason: "a test estate of a few regions keeps its output small" }]
${extra}`);
  const app = new App({ outdir: mkdtempSync(join(tmpdir(), 'gd-stacks-')), stackTraces: false });
  return buildEstateStacks(app, planEstate(config));
}

const json = (stack: { toTerraform(): unknown }) => stack.toTerraform() as StackJson;

describe('estate stacks', () => {
  it('has the home stack and one stack per region, each regional stack depending only on home', () => {
    const e = estate();
    expect(e.stacks.map((s) => s.node.id)).toEqual(['guardduty-home', 'guardduty-us-east-1', 'guardduty-eu-west-1']);
    for (const s of e.regional) expect(s.dependencies.map((d) => d.node.id)).toEqual(['guardduty-home']);
    expect(e.home.dependencies).toEqual([]);
  });

  it('gives each regional stack a provider for its region, pinned to the admin account, assuming the role', () => {
    const e = estate();
    expect(json(e.regional[0]!).provider.aws).toEqual([
      {
        region: 'us-east-1',
        allowed_account_ids: ['111111111111'],
        assume_role: [{ role_arn: 'arn:aws:iam::111111111111:role/Deployer', session_name: 'guardduty-cdktf' }],
        default_tags: [{ tags: { owner: 'security' } }],
      },
    ]);
  });

  it('keeps detectors out of the home stack: it holds only shared resources', () => {
    expect(Object.keys(json(estate().home).resource ?? {}).filter((t) => t.startsWith('aws_guardduty_'))).toEqual([]);
  });

  it('puts a detector in every regional stack', () => {
    for (const s of estate().regional) expect(Object.keys(json(s).resource ?? {})).toContain('aws_guardduty_detector');
  });

  it('writes a relative local state path, so synth output is the same in every checkout', () => {
    expect(json(estate().home).terraform.backend).toEqual({ local: { path: '../../../terraform.guardduty-home.tfstate' } });
  });

  it('uses an encrypted S3 backend with native locking and one key per stack', () => {
    const e = estate('backend: { type: s3, bucket: acme-state, region: eu-west-1, roleArn: "arn:aws:iam::444444444444:role/state" }');
    expect(json(e.regional[1]!).terraform.backend).toEqual({
      s3: {
        bucket: 'acme-state',
        key: 'guardduty/guardduty-eu-west-1.tfstate',
        region: 'eu-west-1',
        encrypt: true,
        use_lockfile: true,
        assume_role: { role_arn: 'arn:aws:iam::444444444444:role/state' },
      },
    });
    const noLock = estate('backend: { type: s3, bucket: acme-state, region: eu-west-1, useLockfile: false }');
    expect(json(noLock.home).terraform.backend.s3).not.toHaveProperty('use_lockfile');
  });

  it('gives each stack its own HCP Terraform workspace', () => {
    const e = estate('backend: { type: cloud, organization: acme, workspacePrefix: gd- }');
    expect(json(e.regional[0]!).terraform).toHaveProperty('cloud', {
      organization: 'acme',
      hostname: 'app.terraform.io',
      workspaces: { name: 'gd-guardduty-us-east-1' },
    });
  });

  it('leaves default_tags out when the config has no tags', () => {
    const config = parseConfig('prefix: acme\nhomeRegion: eu-west-1\naccounts: { admin: { accountId: "111111111111" } }\nregions: { include: [eu-west-1] }\noverrides: [{ rule: GD-DET-6, reason: a test estate of a few regions keeps its output small }]\n');
    const e = buildEstateStacks(new App({ outdir: mkdtempSync(join(tmpdir(), 'gd-stacks-')) }), planEstate(config));
    expect(json(e.home).provider.aws[0]).toEqual({ region: 'eu-west-1', allowed_account_ids: ['111111111111'] });
  });
});
