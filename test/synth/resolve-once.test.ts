import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TerraformOutput, TerraformStack } from 'cdktf';
import { synthesize } from '../../main';
import { projectOutdir } from './output-dir';

const EXAMPLE = join(__dirname, '..', '..', 'guardduty.yaml');

describe('each stack is resolved once per synth', () => {
  it('the guardrails and the written files share one resolution of every stack', () => {
    const resolve = jest.spyOn(TerraformStack.prototype, 'toTerraform');
    const prepare = jest.spyOn(TerraformStack.prototype, 'prepareStack');
    try {
      const { estate } = synthesize({ configFile: EXAMPLE, outdir: projectOutdir() });
      // Before: once for the guardrails, once by app.synth() (and prepareStack twice).
      expect(resolve).toHaveBeenCalledTimes(estate.stacks.length);
      expect(prepare).toHaveBeenCalledTimes(estate.stacks.length);
    } finally {
      resolve.mockRestore();
      prepare.mockRestore();
    }
  });

  it('a construct added after the guardrails ran is still written (the kept resolution is dropped)', () => {
    const outdir = projectOutdir();
    const { estate } = synthesize({ configFile: EXAMPLE, outdir });
    const home = estate.stacks.find((s) => s.node.id === 'guardduty-home')!;
    const before = home.toTerraform() as { output?: Record<string, unknown> };
    expect(before.output?.['late-output']).toBeUndefined();
    new TerraformOutput(home, 'late-output', { value: 'added late' });
    const after = home.toTerraform() as { output?: Record<string, { value: string }> };
    expect(after.output?.['late-output']?.value).toBe('added late');
    // The files written by the synth above are what the guardrails checked.
    const written = JSON.parse(readFileSync(join(outdir, 'stacks', 'guardduty-home', 'cdk.tf.json'), 'utf8')) as { output?: Record<string, unknown> };
    expect(written.output?.['late-output']).toBeUndefined();
  });
});
