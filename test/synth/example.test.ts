import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { synthesize, ThreatListError } from '../../main';
import { ConfigError } from '../../src/config';
import { projectOutdir } from './output-dir';

const root = join(__dirname, '..', '..');
const EXAMPLE = join(root, 'guardduty.yaml');

function synthTo(configFile: string): string {
  const outdir = projectOutdir();
  synthesize({ configFile, outdir });
  return outdir;
}

/** Every file under `dir` with its content, keyed by relative path. */
function tree(dir: string, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const rel = join(prefix, entry.name);
    if (entry.isDirectory()) Object.assign(out, tree(dir, rel));
    else out[rel] = readFileSync(join(dir, rel), 'utf8');
  }
  return out;
}

describe('synth of the example config', () => {
  const outdir = synthTo(EXAMPLE);
  const manifest = JSON.parse(readFileSync(join(outdir, 'manifest.json'), 'utf8')) as { stacks: Record<string, { dependencies: string[] }> };

  it('writes the home stack and one stack per enabled region', () => {
    const names = Object.keys(manifest.stacks).sort();
    expect(names).toHaveLength(19); // 17 default-enabled regions + eu-central-2 (opted in) + home
    expect(names).toContain('guardduty-home');
    expect(names).toContain('guardduty-eu-central-2');
    expect(names).not.toContain('guardduty-af-south-1');
  });

  it('records regional -> home dependencies in the manifest, for cdktf deploy ordering', () => {
    for (const [name, stack] of Object.entries(manifest.stacks)) {
      expect(stack.dependencies).toEqual(name === 'guardduty-home' ? [] : ['guardduty-home']);
    }
  });

  it.each(Object.keys(manifest.stacks).sort())('%s matches its snapshot', (name) => {
    expect(readFileSync(join(outdir, 'stacks', name, 'cdk.tf.json'), 'utf8')).toMatchSnapshot();
  });

  it('is deterministic: a second synth is byte-identical, with no absolute paths', () => {
    const again = tree(synthTo(EXAMPLE));
    const first = tree(outdir);
    expect(Object.keys(again)).toEqual(Object.keys(first));
    expect(again).toEqual(first);
    for (const content of Object.values(first)) expect(content).not.toContain(root);
  });
});

describe('synth of the examples/ configs', () => {
  const examples = readdirSync(join(root, 'examples')).filter((f) => f.endsWith('.yaml'));
  it.each(examples)('%s synthesizes', (file) => {
    const outdir = synthTo(join(root, 'examples', file));
    expect(existsSync(join(outdir, 'manifest.json'))).toBe(true);
  });

  // The two membership modes are snapshotted whole, like the example.
  it.each(['organization.yaml', 'invitation.yaml'])('%s matches its snapshot, stack by stack', (file) => {
    const files = tree(synthTo(join(root, 'examples', file)));
    const stacks = Object.keys(files).filter((f) => f.endsWith('cdk.tf.json')).sort();
    expect(stacks.length).toBeGreaterThan(2);
    for (const stack of stacks) expect(files[stack]).toMatchSnapshot(stack);
  });
});

type StackJson = { provider: { aws: { region: string }[] }; import?: { to: string; id: string }[] };
const stackJson = (outdir: string, name: string) => JSON.parse(readFileSync(join(outdir, 'stacks', name, 'cdk.tf.json'), 'utf8')) as StackJson;

// Terraform AWS provider guide "Enhanced Region Support": to import a resource in a specific
// Region, append @<region> to the import id; without the suffix the provider imports (and
// reads) in its own configured region.
describe('import ids of existing detectors', () => {
  it('invitation.yaml: a member detector outside the member provider\'s region is imported as <id>@<region>', () => {
    const member = stackJson(synthTo(join(root, 'examples', 'invitation.yaml')), 'guardduty-member-333333333333');
    expect(member.provider.aws[0]!.region).toBe('us-east-1');
    expect(member.import).toEqual([{ to: 'aws_guardduty_detector.Member_Detector_881BF946["eu-west-1"]', id: '7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f@eu-west-1' }]);
  });

  it('organization.yaml: regional stacks import the admin detector by its plain id (their provider is in that region)', () => {
    const outdir = synthTo(join(root, 'examples', 'organization.yaml'));
    for (const [region, id] of Object.entries({ 'us-east-1': '0a1b2c3d4e5f60718293a4b5c6d7e8f9', 'eu-central-1': '1b2c3d4e5f60718293a4b5c6d7e8f90a', 'eu-west-1': '2c3d4e5f60718293a4b5c6d7e8f90a1b' })) {
      const stack = stackJson(outdir, `guardduty-${region}`);
      expect(stack.provider.aws[0]!.region).toBe(region);
      expect(stack.import).toEqual([{ to: 'aws_guardduty_detector.Detector_8252EF51', id }]);
    }
  });
});

describe('delegated admin order in organization.yaml', () => {
  it('designates the home region (eu-west-1) first; every other region depends on that designation by plain address', () => {
    const json = JSON.parse(readFileSync(join(synthTo(join(root, 'examples', 'organization.yaml')), 'stacks', 'guardduty-management', 'cdk.tf.json'), 'utf8')) as {
      resource: { aws_guardduty_organization_admin_account: Record<string, { region: string; depends_on?: string[] }> };
    };
    const designations = Object.entries(json.resource.aws_guardduty_organization_admin_account);
    const [homeName] = designations.find(([, d]) => d.region === 'eu-west-1')!;
    expect(Object.fromEntries(designations.map(([, d]) => [d.region, d.depends_on]))).toEqual({
      'eu-west-1': undefined,
      'us-east-1': [`aws_guardduty_organization_admin_account.${homeName}`],
      'eu-central-1': [`aws_guardduty_organization_admin_account.${homeName}`],
    });
  });
});

describe('overrides and warnings in the synth output', () => {
  it('records each lifted detection rule with its reason, and each plan warning, as a warning of the home stack, which cdktf synth prints', () => {
    const outdir = projectOutdir();
    synthesize({ configFile: join(root, 'examples', 'organization.yaml'), outdir });
    const manifest = JSON.parse(readFileSync(join(outdir, 'manifest.json'), 'utf8')) as { stacks: Record<string, { annotations: { level: string; message: string }[] }> };
    expect(manifest.stacks['guardduty-home']!.annotations).toEqual([
      expect.objectContaining({ level: '@cdktf/warn', message: expect.stringMatching(/^override GD-DET-6 \(example estate of a few regions, kept short for review\): leaves out 14 regions/) }),
      expect.objectContaining({ level: '@cdktf/warn', message: expect.stringMatching(/^detector\.features\.RUNTIME_MONITORING: agent management is off for EC2 instances/) }),
    ]);
  });
});

describe('management role in organization.yaml', () => {
  it('is a role the example asks the user to create, not OrganizationAccountAccessRole (absent from management accounts), and synth warns of nothing about it', () => {
    const { plan } = synthesize({ configFile: join(root, 'examples', 'organization.yaml'), outdir: projectOutdir() });
    expect(plan.management!.provider.assumeRoleArn).toBe('arn:aws:iam::222222222222:role/GuardDutyOrgDeployer');
    expect(plan.warnings.filter((w) => w.startsWith('accounts.management'))).toEqual([]);
  });
});

describe('synth of a broken config', () => {
  it('throws every config error and writes nothing', () => {
    const outdir = join(projectOutdir(), 'out');
    expect(() => synthesize({ configFile: join(root, 'test/config/broken/opt-in.yaml'), outdir })).toThrow(ConfigError);
    expect(existsSync(outdir)).toBe(false);
  });

  it('stops on list errors with file and line, and writes nothing', () => {
    const outdir = join(projectOutdir(), 'out');
    let error: unknown;
    try {
      synthesize({ configFile: join(root, 'test/synth/fixtures/bad-lists.yaml'), outdir });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ThreatListError);
    expect((error as ThreatListError).message).toMatch(/^1 threat list error .*\n {2}test\/synth\/fixtures\/bad-list\.txt:3: error \[ipv6\]/);
    expect(existsSync(outdir)).toBe(false);
  });

  it('main.ts exits 1 with the errors on stderr (what `cdktf synth` shows)', () => {
    const outdir = join(projectOutdir(), 'out');
    const run = spawnSync(process.execPath, ['--require', 'ts-node/register/transpile-only', 'main.ts'], {
      cwd: root,
      env: { ...process.env, GUARDDUTY_CONFIG: 'test/config/broken/unknown-region.yaml', CDKTF_OUTDIR: outdir },
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('regions.exclude[2]: "eu-west-9" is not a known region (line 11)');
    expect(existsSync(outdir)).toBe(false);
  });
});
