/**
 * Every stack of every example config, read the way Terraform reads it:
 * HashiCorp's HCL parser under Terraform's JSON rules (terraform-json-check),
 * and Terraform itself (`terraform providers`, skipped where terraform is not
 * on PATH). See DESIGN.md, "Synthesized means deployable".
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { synthesize } from '../../main';
import { checkTerraformJson, formatProblem } from './terraform-json-check';
import { terraformOnPath, terraformProviders, type TerraformProvidersResult } from './terraform-providers';

const root = join(__dirname, '..', '..');
const CONFIGS = ['guardduty.yaml', ...readdirSync(join(root, 'examples')).filter((f) => f.endsWith('.yaml')).sort().map((f) => `examples/${f}`)];
/** `terraform providers` runs at once; each is mostly process start-up. */
const TERRAFORM_CONCURRENCY = 4;

const terraform = terraformOnPath();
const withTerraform = terraform ? it : it.skip;
if (!terraform) console.info('terraform is not on PATH: the `terraform providers` tests of every stack are skipped');

describe.each(CONFIGS)('%s', (configFile) => {
  // Synthesized while jest collects the tests: the stack names become test names.
  const outdir = mkdtempSync(join(tmpdir(), 'gd-tf-load-'));
  let stacks: string[] = [];
  let synthError: unknown;
  try {
    synthesize({ configFile: join(root, configFile), outdir });
    stacks = readdirSync(join(outdir, 'stacks')).sort();
  } catch (err) {
    synthError = err;
  }
  const stackDir = (name: string): string => join(outdir, 'stacks', name);

  const problems = new Map<string, string[]>();
  const loaded = new Map<string, TerraformProvidersResult>();
  beforeAll(async () => {
    const checks = Promise.all(
      stacks.map(async (name) => {
        const document: unknown = JSON.parse(readFileSync(join(stackDir(name), 'cdk.tf.json'), 'utf8'));
        problems.set(name, (await checkTerraformJson(document)).map(formatProblem));
      }),
    );
    const runs = terraform ? runAll(stacks, TERRAFORM_CONCURRENCY, async (name) => loaded.set(name, await terraformProviders(stackDir(name), terraform))) : Promise.resolve();
    await Promise.all([checks, runs]);
  });
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it('synthesizes', () => {
    expect(synthError).toBeUndefined();
    expect(stacks.length).toBeGreaterThan(0);
  });

  if (stacks.length === 0) return; // jest refuses an empty it.each; 'synthesizes' fails instead

  it.each(stacks)('%s: HashiCorp\'s HCL parser finds nothing Terraform would reject', (name) => {
    expect(problems.get(name)).toEqual([]);
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
