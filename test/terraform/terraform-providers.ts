import { execFile } from 'node:child_process';
import { accessSync, constants, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/** The terraform executable on PATH, or undefined (then the tests that need it are skipped). */
export function terraformOnPath(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, 'terraform');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

export interface TerraformProvidersResult {
  readonly ok: boolean;
  /** Terraform's diagnostics when it rejects the configuration. */
  readonly stderr: string;
}

/**
 * Runs `terraform providers` on a copy of one synthesized stack folder. It
 * loads and decodes the whole configuration offline (no provider download,
 * ~0.05 s) and rejects what `terraform init` would, such as a `"${...}"` where
 * Terraform reads a bare expression. The copy drops `terraform.backend` and
 * `terraform.cloud`: with a backend configured, `providers` first asks for
 * `terraform init`.
 */
export async function terraformProviders(stackDir: string, terraform = 'terraform'): Promise<TerraformProvidersResult> {
  const workDir = mkdtempSync(join(tmpdir(), 'tf-providers-'));
  try {
    cpSync(stackDir, workDir, { recursive: true }); // assets and all, as `cdktf deploy` would see them
    const document = JSON.parse(readFileSync(join(stackDir, 'cdk.tf.json'), 'utf8')) as { terraform?: Record<string, unknown> };
    if (document.terraform) {
      delete document.terraform.backend;
      delete document.terraform.cloud;
    }
    // Indented, so a diagnostic quotes one short line rather than the whole file.
    writeFileSync(join(workDir, 'cdk.tf.json'), `${JSON.stringify(document, null, 2)}\n`);
    return await new Promise((resolve) => {
      execFile(terraform, ['providers', '-no-color'], { cwd: workDir, env: terraformEnv(), encoding: 'utf8' }, (error, _stdout, stderr) => {
        resolve({ ok: !error, stderr: error ? stderr || String(error) : '' });
      });
    });
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

function terraformEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1' };
  // A TF_CLI_CONFIG_FILE naming a missing file makes every run print a
  // warning on stderr, burying the diagnostics a failure should show.
  if (env.TF_CLI_CONFIG_FILE && !existsSync(env.TF_CLI_CONFIG_FILE)) delete env.TF_CLI_CONFIG_FILE;
  return env;
}
