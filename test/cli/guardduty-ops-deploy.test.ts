import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OpsDeps } from '../../cli/guardduty-ops/deps';
import { run } from '../../cli/guardduty-ops/program';
import { synthExample } from '../deploy/synth-examples';

/** The deploy commands read synth output only: no AWS client may be made. */
function cli() {
  const out: string[] = [];
  const err: string[] = [];
  const deps: OpsDeps = {
    clients: () => {
      throw new Error('no AWS client expected');
    },
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    now: () => Date.now(),
    sleep: async () => undefined,
    isTTY: false,
    cwd: process.cwd(),
    env: {},
  };
  return { run: (...args: string[]) => run(args, deps), stdout: () => out.join(''), stderr: () => err.join('') };
}

const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A hand-made synth output folder: stack name -> [dependencies, cdk.tf.json]. */
function writeSynthOutput(stacks: Record<string, [string[], object]>): string {
  const dir = mkdtempSync(join(tmpdir(), 'synth-out-'));
  made.push(dir);
  const manifest: Record<string, object> = {};
  for (const [name, [dependencies, json]] of Object.entries(stacks)) {
    manifest[name] = { name, dependencies, synthesizedStackPath: `stacks/${name}/cdk.tf.json` };
    mkdirSync(join(dir, 'stacks', name), { recursive: true });
    writeFileSync(join(dir, 'stacks', name, 'cdk.tf.json'), JSON.stringify(json));
  }
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ stacks: manifest }));
  return dir;
}

const s3 = { terraform: { backend: { s3: { bucket: 'state' } }, required_version: '>= 1.10.0' } };

describe('guardduty-ops waves', () => {
  it('prints one line per wave and says when the state is local', async () => {
    const c = cli();
    expect(await c.run('waves', '--out', synthExample('organization.yaml'))).toBe(0);
    const lines = c.stdout().trimEnd().split('\n');
    expect(lines.slice(0, 2)).toEqual(['wave 1: guardduty-home', 'wave 2: guardduty-management']);
    expect(lines[2]).toMatch(/^wave 3: guardduty-eu-central-1 guardduty-eu-west-1 /);
    expect(lines[3]).toBe('state: local backend (deploy from CI needs the s3 or cloud backend)');
  });

  it('--json: the waves, a flat matrix for fromJSON, the backends', async () => {
    const c = cli();
    expect(await c.run('waves', '--out', synthExample('invitation.yaml'), '--json')).toBe(0);
    const json = JSON.parse(c.stdout());
    expect(json.waves[0]).toEqual(['guardduty-home']);
    expect(json.waves.at(-1)).toEqual(['guardduty-member-features']);
    expect(json.matrix.include[0]).toEqual({ wave: 1, stack: 'guardduty-home' });
    expect(json.matrix.include).toHaveLength(json.waves.flat().length);
    expect(json.backends['guardduty-home']).toBe('local');
    expect(json.remoteState).toBe(false);
  });

  it('reports remote state when every stack has an s3 or cloud backend', async () => {
    const dir = writeSynthOutput({ 'guardduty-home': [[], s3], 'guardduty-x': [['guardduty-home'], { terraform: { cloud: { organization: 'o' } } }] });
    const c = cli();
    expect(await c.run('waves', '--out', dir, '--json')).toBe(0);
    expect(JSON.parse(c.stdout())).toMatchObject({ backends: { 'guardduty-home': 's3', 'guardduty-x': 'cloud' }, remoteState: true });
  });

  it('exits 1 with more waves than --max-waves', async () => {
    const c = cli();
    expect(await c.run('waves', '--out', synthExample('invitation.yaml'), '--max-waves', '3')).toBe(1);
    expect(c.stderr()).toContain('4 waves, more than --max-waves 3');
  });

  it('exits 2 without a manifest (synth first), on a cycle, and on a bad --max-waves', async () => {
    let c = cli();
    expect(await c.run('waves', '--out', join(tmpdir(), 'no-such-synth'), '--json')).toBe(2);
    expect(c.stderr()).toContain('run npx cdktf synth first');
    expect(JSON.parse(c.stdout())).toMatchObject({ command: 'waves', exitCode: 2 });
    c = cli();
    expect(await c.run('waves', '--out', writeSynthOutput({ a: [['b'], s3], b: [['a'], s3] }))).toBe(2);
    expect(c.stderr()).toContain('a dependency cycle among these stacks: a -> b -> a');
    expect(await cli().run('waves', '--max-waves', '0')).toBe(2);
  });
});

describe('guardduty-ops synth-diff', () => {
  const base = () => writeSynthOutput({ 'guardduty-home': [[], { ...s3, resource: { aws_kms_key: { Key: { enable_key_rotation: true } } } }] });
  const head = () =>
    writeSynthOutput({
      'guardduty-home': [[], { ...s3, resource: { aws_kms_key: { Key: { enable_key_rotation: false } } } }],
      'guardduty-us-east-1': [['guardduty-home'], s3],
    });

  it('prints Markdown and exits 0 with changes (a report, not a check)', async () => {
    const c = cli();
    expect(await c.run('synth-diff', '--base', base(), '--head', head())).toBe(0);
    expect(c.stdout()).toMatch(/^<!-- synth-diff -->\n/);
    expect(c.stdout()).toContain('- **added stack** `guardduty-us-east-1`');
    expect(c.stdout()).toContain('- changed `aws_kms_key.Key`: enable_key_rotation');
  });

  it('--json: the diff object', async () => {
    const c = cli();
    expect(await c.run('synth-diff', '--base', base(), '--head', head(), '--json')).toBe(0);
    expect(JSON.parse(c.stdout())).toMatchObject({ addedStacks: [{ stack: 'guardduty-us-east-1' }], removedStacks: [], unchangedStacks: 0 });
  });

  it('exits 0 with no change: a real synth against itself', async () => {
    const dir = synthExample('minimal.yaml');
    const c = cli();
    expect(await c.run('synth-diff', '--base', dir, '--head', dir)).toBe(0);
    expect(c.stdout()).toContain('No change in the synthesized Terraform');
  });

  it('exits 2 without --base or with a folder that has no manifest', async () => {
    expect(await cli().run('synth-diff')).toBe(2);
    const c = cli();
    expect(await c.run('synth-diff', '--base', join(tmpdir(), 'no-such-base'), '--head', base())).toBe(2);
    expect(c.stderr()).toContain('run npx cdktf synth first');
  });
});
