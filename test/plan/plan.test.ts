import { posix } from 'node:path';
import { parseConfig } from '../../src/config';
import { planEstate } from '../../src/plan/plan';

const base = (extra = '') => `
prefix: acme
homeRegion: eu-west-1
tags: { owner: security }
accounts:
  admin: { accountId: "111111111111", assumeRoleArn: "arn:aws:iam::111111111111:role/Deployer" }
regions: { include: [eu-west-1, us-east-1, ap-east-2], optIn: [ap-east-2] }
overrides: [{ rule: GD-DET-6, reason: "a test estate of a few regions keeps its output small" }, { rule: GD-DET-4, reason: "tests turn plans off to see what the plan does" }]
${extra}`;

describe('planEstate', () => {
  it('plans one home stack and one stack per enabled region, in catalog order', () => {
    const plan = planEstate(parseConfig(base()));
    expect(plan.home.name).toBe('guardduty-home');
    expect(plan.home.provider.region).toBe('eu-west-1');
    expect(plan.regional.map((s) => s.name)).toEqual(['guardduty-us-east-1', 'guardduty-ap-east-2', 'guardduty-eu-west-1']);
  });

  it('makes every regional stack depend on the home stack and on nothing else', () => {
    const plan = planEstate(parseConfig(base()));
    for (const stack of plan.regional) expect(stack.dependsOn).toEqual(['guardduty-home']);
  });

  it('gives each stack a provider for its region in the admin account, with the role and tags', () => {
    const plan = planEstate(parseConfig(base()));
    expect(plan.regional[0]!.provider).toEqual({
      region: 'us-east-1',
      accountId: '111111111111',
      assumeRoleArn: 'arn:aws:iam::111111111111:role/Deployer',
      defaultTags: { owner: 'security' },
    });
  });

  it('gives each stack its own local state file, relative to the project root', () => {
    const plan = planEstate(parseConfig(base()));
    expect(plan.home.backend).toEqual({ type: 'local', path: '../../../terraform.guardduty-home.tfstate' });
    const inDir = planEstate(parseConfig(base('backend: { type: local, directory: state/ }')));
    expect(inDir.regional[0]!.backend).toEqual({ type: 'local', path: '../../../state/terraform.guardduty-us-east-1.tfstate' });
  });

  it('keeps local state in the same place whatever the output folder (cdktf synth --output)', () => {
    const root = '/project';
    for (const outdir of ['cdktf.out', 'build/out', 'a/b/c']) {
      for (const directory of ['.', 'state/']) {
        const plan = planEstate(parseConfig(base(`backend: { type: local, directory: ${directory} }`)), [], { outdir });
        const stack = plan.regional[0]!;
        // Terraform resolves a relative local state path against its working directory, <outdir>/stacks/<stack>.
        const stateFile = posix.resolve(root, outdir, 'stacks', stack.name, (stack.backend as { path: string }).path);
        expect(stateFile).toBe(posix.join(root, directory, 'terraform.guardduty-us-east-1.tfstate'));
      }
    }
  });

  it('states the Terraform version every stack needs: 1.5 for import blocks, 1.10 for the S3 lockfile', () => {
    const all = (p: ReturnType<typeof planEstate>) => [p.home, ...p.regional].map((s) => s.terraformVersion);
    expect(new Set(all(planEstate(parseConfig(base()))))).toEqual(new Set(['>= 1.5.0']));
    const s3 = (lock: boolean) => planEstate(parseConfig(base(`backend: { type: s3, bucket: acme-state, region: eu-west-1, useLockfile: ${lock} }`)));
    expect(new Set(all(s3(true)))).toEqual(new Set(['>= 1.10.0']));
    expect(new Set(all(s3(false)))).toEqual(new Set(['>= 1.5.0']));
  });

  it('gives each stack its own S3 state key and HCP Terraform workspace', () => {
    const s3 = planEstate(parseConfig(base('backend: { type: s3, bucket: acme-state, region: eu-west-1, keyPrefix: gd/ }')));
    expect(s3.regional[0]!.backend).toEqual({ type: 's3', bucket: 'acme-state', key: 'gd/guardduty-us-east-1.tfstate', region: 'eu-west-1', useLockfile: true });
    const cloud = planEstate(parseConfig(base('backend: { type: cloud, organization: acme, workspacePrefix: gd- }')));
    expect(cloud.home.backend).toEqual({ type: 'cloud', organization: 'acme', workspace: 'gd-guardduty-home', hostname: 'app.terraform.io' });
  });

  it('imports an existing detector only in its region', () => {
    const plan = planEstate(parseConfig(base('existingDetectors: { us-east-1: 12abc34d567e8fa901bc2d34e56789f0 }')));
    expect(plan.regional.find((s) => s.region === 'us-east-1')!.detector.importId).toBe('12abc34d567e8fa901bc2d34e56789f0');
    expect(plan.regional.filter((s) => s.detector.importId !== undefined)).toHaveLength(1);
  });

  it('protects detectors from destroy unless allowDestroy is set', () => {
    expect(planEstate(parseConfig(base())).regional.every((s) => s.detector.preventDestroy)).toBe(true);
    const allowed = planEstate(parseConfig(base('detector: { allowDestroy: true }')));
    expect(allowed.regional.every((s) => !s.detector.preventDestroy)).toBe(true);
  });

  it('warns when a wanted feature is not offered in a region, and stays quiet when it was off anyway', () => {
    expect(planEstate(parseConfig(base())).warnings).toEqual([
      'guardduty-ap-east-2: RDS_LOGIN_EVENTS is not available in ap-east-2; the feature is skipped there',
    ]);
    expect(planEstate(parseConfig(base('detector: { features: { RDS_LOGIN_EVENTS: { enabled: false } } }'))).warnings).toEqual([]);
  });
});
