import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, TerraformOutput, TerraformStack } from 'cdktf';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';
import { synthesize } from '../../main';
import { projectOutdir } from './output-dir';

const ROOT = join(__dirname, '..', '..');
const EXAMPLE = join(ROOT, 'guardduty.yaml');
const CONFIGS = [EXAMPLE, ...readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.yaml')).map((f) => join(ROOT, 'examples', f))];

describe('each stack is resolved once per synth', () => {
  it('the guardrails and the written files share one resolution of every stack', () => {
    const resolve = jest.spyOn(TerraformStack.prototype, 'toTerraform');
    const prepare = jest.spyOn(TerraformStack.prototype, 'prepareStack');
    try {
      const { estate } = synthesize({ configFile: EXAMPLE, outdir: projectOutdir() });
      // Before: once for the guardrails, once by app.synth(), and cdktf's preparation (a third resolve) twice.
      expect(resolve).toHaveBeenCalledTimes(estate.stacks.length);
      expect(prepare).not.toHaveBeenCalled();
    } finally {
      resolve.mockRestore();
      prepare.mockRestore();
    }
  });

  it.each(CONFIGS.map((c) => [c.slice(ROOT.length + 1), c]))(
    "%s: no stack references another stack's constructs, so skipping cdktf's preparing resolve changes nothing",
    (_name, configFile) => {
      const { estate } = synthesize({ configFile, outdir: projectOutdir() });
      const crossStack = jest.spyOn(App.prototype, 'crossStackReference');
      try {
        // cdktf's own preparation, the one GuardDutyStack skips: it wires any cross-stack reference it finds.
        for (const stack of estate.stacks) TerraformStack.prototype.prepareStack.call(stack);
        expect(crossStack).not.toHaveBeenCalled();
      } finally {
        crossStack.mockRestore();
      }
    },
  );

  it("cdktf's preparation does find a cross-stack reference (the check above can fail)", () => {
    const app = new App({ outdir: projectOutdir(), stackTraces: false });
    const alerts = new TerraformStack(app, 'alerts');
    const topic = new SnsTopic(alerts, 'topic', { name: 'alerts' });
    const queues = new TerraformStack(app, 'queues');
    new SqsQueue(queues, 'queue', { name: 'q', tags: { topic: topic.arn } });
    const crossStack = jest.spyOn(App.prototype, 'crossStackReference');
    try {
      for (const stack of [alerts, queues]) stack.prepareStack();
      expect(crossStack).toHaveBeenCalledTimes(1);
    } finally {
      crossStack.mockRestore();
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
