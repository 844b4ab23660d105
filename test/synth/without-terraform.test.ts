import * as childProcess from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { App, DataResource, TerraformStack } from 'cdktf';
import { synthesize } from '../../main';
import { withStaticTerraformVersionChecks } from '../../modules/stacks/terraform-version';
import { ConfigError } from '../../src/config';
import { projectOutdir } from './output-dir';

const root = join(__dirname, '..', '..');
const EXAMPLE = join(root, 'guardduty.yaml');

describe('synth needs no terraform binary', () => {
  it('runs no command while synthesizing, and states required_version in every stack instead', () => {
    // The module object cdktf itself calls (`import * as` would give a copy).
    const spawned = jest.spyOn(require('node:child_process') as typeof childProcess, 'execSync');
    try {
      const outdir = projectOutdir();
      synthesize({ configFile: EXAMPLE, outdir });
      // cdktf 0.21 runs `terraform version` once per import block, terraform_data and cloud block.
      expect(spawned).not.toHaveBeenCalled();
      for (const stack of readdirSync(join(outdir, 'stacks'))) {
        const json = JSON.parse(readFileSync(join(outdir, 'stacks', stack, 'cdk.tf.json'), 'utf8')) as { terraform: { required_version?: string } };
        expect([stack, json.terraform.required_version]).toEqual([stack, '>= 1.5.0']);
      }
    } finally {
      spawned.mockRestore();
    }
  });

  it('bin/synth (the app cdktf.json runs) succeeds with no terraform on PATH', () => {
    const outdir = projectOutdir();
    const run = childProcess.spawnSync(process.execPath, ['bin/synth'], {
      cwd: root,
      env: { PATH: dirname(process.execPath), HOME: tmpdir(), GUARDDUTY_CONFIG: 'guardduty.yaml', CDKTF_OUTDIR: outdir },
      encoding: 'utf8',
    });
    expect(run.stderr).not.toMatch(/Could not determine version/);
    expect(run.status).toBe(0);
    expect(readdirSync(join(outdir, 'stacks'))).toContain('guardduty-home');
  });

  it('still refuses a stack whose required_version allows a Terraform too old for one of its constructs', () => {
    const app = new App({ outdir: projectOutdir() });
    const stack = new TerraformStack(app, 'old');
    new DataResource(stack, 'version', { input: { sha256: 'x' } }); // terraform_data: Terraform >= 1.4
    expect(() => withStaticTerraformVersionChecks('>= 1.3.0', () => stack.runAllValidations())).toThrow(/required_version ">= 1.3.0".*needs >=1.4/);
    expect(() => withStaticTerraformVersionChecks('>= 1.5.0', () => stack.runAllValidations())).not.toThrow();
  });
});

describe('the local backend and the output folder', () => {
  it('keeps the state file at the project root from a nested output folder (cdktf synth --output build/out)', () => {
    const outdir = join(projectOutdir(), 'build', 'out');
    synthesize({ configFile: join(root, 'examples', 'minimal.yaml'), outdir });
    const stackDir = join(outdir, 'stacks', 'guardduty-home');
    const json = JSON.parse(readFileSync(join(stackDir, 'cdk.tf.json'), 'utf8')) as { terraform: { backend: { local: { path: string } } } };
    // Terraform resolves the path against the stack folder, where cdktf runs it.
    expect(resolve(stackDir, json.terraform.backend.local.path)).toBe(join(root, 'terraform.guardduty-home.tfstate'));
  });

  it('refuses an output folder outside the project, naming backend.type, and writes nothing', () => {
    const outside = join(tmpdir(), `gd-outside-${process.pid}`);
    expect(() => synthesize({ configFile: EXAMPLE, outdir: outside })).toThrow(ConfigError);
    expect(() => synthesize({ configFile: EXAMPLE, outdir: outside })).toThrow(/backend\.type: the local backend keeps each stack's state under the project/);
    expect(() => readdirSync(outside)).toThrow();
  });
});
