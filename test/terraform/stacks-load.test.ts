/**
 * Every stack of every example config, read the way Terraform reads it:
 * HashiCorp's HCL parser under Terraform's JSON rules (terraform-json-check),
 * and Terraform itself (`terraform providers`, skipped where terraform is not
 * on PATH). See DESIGN.md, "Synthesized means deployable".
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { synthesize } from '../../main';
import { projectOutdir } from '../synth/output-dir';
import { checkTerraformJson, formatProblem } from './terraform-json-check';
import { terraformOnPath, terraformProviders, type TerraformProvidersResult } from './terraform-providers';

const root = join(__dirname, '..', '..');
const EXAMPLES = ['guardduty.yaml', ...readdirSync(join(root, 'examples')).filter((f) => f.endsWith('.yaml')).sort().map((f) => `examples/${f}`)];
/** `GUARDDUTY_CONFIG=my.yaml npx jest test/terraform` checks a config of one's own too. */
const own = process.env.GUARDDUTY_CONFIG;
const CONFIGS = own && !EXAMPLES.includes(own) ? [...EXAMPLES, own] : EXAMPLES;
/** `terraform providers` runs at once; each is mostly process start-up. */
const TERRAFORM_CONCURRENCY = 4;

const terraform = terraformOnPath();
const withTerraform = terraform ? it : it.skip;
if (!terraform) console.info('terraform is not on PATH: the `terraform providers` tests of every stack are skipped');

describe.each(CONFIGS)('%s', (configFile) => {
  // Synthesized while jest collects the tests: the stack names become test names.
  const outdir = projectOutdir();
  let stacks: string[] = [];
  let synthError: unknown;
  try {
    synthesize({ configFile: resolve(root, configFile), outdir });
    stacks = readdirSync(join(outdir, 'stacks')).sort();
  } catch (err) {
    synthError = err;
  }
  const stackDir = (name: string): string => join(outdir, 'stacks', name);

  const requiredVersions = new Map<string, unknown>();
  const problems = new Map<string, string[]>();
  const loaded = new Map<string, TerraformProvidersResult>();
  beforeAll(async () => {
    const checks = Promise.all(
      stacks.map(async (name) => {
        const document = JSON.parse(readFileSync(join(stackDir(name), 'cdk.tf.json'), 'utf8')) as { terraform?: { required_version?: unknown } };
        requiredVersions.set(name, document.terraform?.required_version);
        problems.set(name, (await checkTerraformJson(document)).map(formatProblem));
      }),
    );
    const runs = terraform ? runAll(stacks, TERRAFORM_CONCURRENCY, async (name) => loaded.set(name, await terraformProviders(stackDir(name), terraform))) : Promise.resolve();
    await Promise.all([checks, runs]);
  });

  it('synthesizes', () => {
    expect(synthError).toBeUndefined();
    expect(stacks.length).toBeGreaterThan(0);
  });

  if (stacks.length === 0) return; // jest refuses an empty it.each; 'synthesizes' fails instead

  it.each(stacks)('%s: HashiCorp\'s HCL parser finds nothing Terraform would reject', (name) => {
    expect(problems.get(name)).toEqual([]);
  });

  it.each(stacks)('%s: states the Terraform version it needs (terraform.required_version)', (name) => {
    expect(requiredVersions.get(name)).toMatch(/^>= 1\.(5|10)\.0$/);
  });

  withTerraform.each(stacks)('%s: terraform providers loads it', (name) => {
    const result = loaded.get(name);
    expect(result?.stderr).toBe('');
    expect(result?.ok).toBe(true);
  });
});

/** `work` over every item, at most `limit` at a time. */
async function runAll<T>(items: readonly T[], limit: number, work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
