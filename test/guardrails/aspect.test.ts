import { App, Aspects, Testing } from 'cdktf';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildEstateStacks } from '../../modules/estate-stacks';
import { GuardrailsAspect } from '../../modules/guardrails/aspect';
import { assertGuardrails, GuardrailError } from '../../modules/guardrails/evaluate';
import { parseConfig } from '../../src/config';
import { planEstate } from '../../src/plan/plan';
import { compliantBucket, S3Bucket, stackOf } from './fixtures';

// Testing.synth/synthScope skip validations and ignore error annotations;
// only a full synth proves the Aspect stops a bad stack.
describe('GuardrailsAspect', () => {
  beforeAll(() => {
    expect(process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS).toBeUndefined();
  });

  it('fails a full synth with the rule id and construct path', () => {
    const { stack } = stackOf((s) => new S3Bucket(s, 'OpenBucket', { bucket: 'acme-open' }));
    Aspects.of(stack).add(new GuardrailsAspect());
    expect(() => Testing.fullSynth(stack)).toThrow(/\[GD-S3-1\] test\/OpenBucket: bucket has no aws_s3_bucket_public_access_block/);
  });

  it('lets a compliant stack synthesize', () => {
    const { stack } = stackOf((s) => compliantBucket(s));
    Aspects.of(stack).add(new GuardrailsAspect());
    expect(() => Testing.fullSynth(stack)).not.toThrow();
  });

  it('is on every stack of the estate, so a customisation cannot weaken it', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'gd-aspect-'));
    const config = parseConfig('prefix: acme\nhomeRegion: eu-west-1\naccounts: { admin: { accountId: "111111111111" } }\nregions: { include: [eu-west-1] }\noverrides: [{ rule: GD-DET-6, reason: a test estate of a few regions keeps its output small }]\n');
    const estate = buildEstateStacks(new App({ outdir, stackTraces: false }), planEstate(config));
    for (const stack of estate.stacks) expect(Aspects.of(stack).all.some((a) => a instanceof GuardrailsAspect)).toBe(true);

    new S3Bucket(estate.home, 'Custom', { bucket: 'acme-custom' });
    let error: unknown;
    try {
      assertGuardrails(estate.stacks);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(GuardrailError);
    expect((error as GuardrailError).violations.map((v) => `${v.ruleId} ${v.path}`)).toEqual([
      'GD-S3-1 guardduty-home/Custom',
      'GD-S3-2 guardduty-home/Custom',
      'GD-S3-3 guardduty-home/Custom',
    ]);
    // Nothing was synthesized: the check runs before any stack is written.
    expect(readdirSync(outdir, { recursive: true }).filter((f) => String(f).endsWith('.json'))).toEqual([]);
  });
});
