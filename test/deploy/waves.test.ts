import { readSynthOutput } from '../../src/deploy/synth-output';
import { deployWaves, formatWavesText, WavesError, wavesMatrix } from '../../src/deploy/waves';
import { UsageError } from '../../src/ops/usage-error';
import { EXAMPLES, synthExample } from './synth-examples';

/** The workflow deploy.yml has this many wave jobs. */
const WAVE_JOBS = 5;

const wavesOf = (example: string) => deployWaves(readSynthOutput(synthExample(example)).manifest);

describe('deployWaves', () => {
  it('layers the stacks by dependency, each wave sorted', () => {
    const waves = deployWaves({
      stacks: { c: { dependencies: ['a', 'b'] }, b: { dependencies: ['a'] }, a: {}, d: { dependencies: [] }, e: { dependencies: ['a'] } },
    });
    expect(waves).toEqual([['a', 'd'], ['b', 'e'], ['c']]);
    expect(formatWavesText(waves)).toBe('wave 1: a d\nwave 2: b e\nwave 3: c\n');
    expect(wavesMatrix(waves)).toEqual({
      include: [
        { wave: 1, stack: 'a' },
        { wave: 1, stack: 'd' },
        { wave: 2, stack: 'b' },
        { wave: 2, stack: 'e' },
        { wave: 3, stack: 'c' },
      ],
    });
  });

  it('has no waves for no stacks', () => {
    expect(deployWaves({ stacks: {} })).toEqual([]);
  });

  it('names the stacks on a cycle (a usage error: nothing deploys)', () => {
    const manifest = { stacks: { home: {}, x: { dependencies: ['home', 'z'] }, y: { dependencies: ['x'] }, z: { dependencies: ['y'] } } };
    expect(() => deployWaves(manifest)).toThrow(WavesError);
    expect(() => deployWaves(manifest)).toThrow(UsageError);
    expect(() => deployWaves(manifest)).toThrow('a dependency cycle among these stacks: x -> z -> y -> x');
    expect(() => deployWaves({ stacks: { self: { dependencies: ['self'] } } })).toThrow('cycle among these stacks: self -> self');
  });

  it('names every unknown dependency with the stack that has it', () => {
    expect(() => deployWaves({ stacks: { a: { dependencies: ['gone'] }, b: { dependencies: ['a', 'missing'] } } })).toThrow(
      'unknown stack dependencies (not in the manifest): a -> gone, b -> missing',
    );
  });
});

describe('the waves of the examples follow the documented deploy order (docs/deploying.md)', () => {
  const regional = (waves: string[][]) => waves.every((stack) => stack.every((s) => /^guardduty-[a-z]+(-[a-z]+)+-\d$/.test(s)));

  it('organization: home -> management -> the regions', () => {
    const waves = wavesOf('organization.yaml');
    expect(waves.slice(0, 2)).toEqual([['guardduty-home'], ['guardduty-management']]);
    expect(waves).toHaveLength(3);
    expect(regional(waves.slice(2))).toBe(true);
    expect(waves[2]).toContain('guardduty-eu-west-1');
  });

  it('invitation: home -> the regions (invite) -> the member stacks -> member features', () => {
    const waves = wavesOf('invitation.yaml');
    expect(waves[0]).toEqual(['guardduty-home']);
    expect(waves[1]!.length).toBeGreaterThan(0);
    expect(regional([waves[1]!])).toBe(true);
    expect(waves[2]!.length).toBeGreaterThan(0);
    expect(waves[2]!.every((s) => /^guardduty-member-\d{12}$/.test(s))).toBe(true);
    expect(waves.slice(3)).toEqual([['guardduty-member-features']]);
  });

  it('minimal: home -> the regions', () => {
    const waves = wavesOf('minimal.yaml');
    expect(waves[0]).toEqual(['guardduty-home']);
    expect(waves).toHaveLength(2);
    expect(regional([waves[1]!])).toBe(true);
  });

  it.each(EXAMPLES)(`%s needs at most ${WAVE_JOBS} waves (the wave jobs of deploy.yml), every stack in one`, (example) => {
    const output = readSynthOutput(synthExample(example));
    const waves = deployWaves(output.manifest);
    expect(waves.length).toBeGreaterThan(0);
    expect(waves.length).toBeLessThanOrEqual(WAVE_JOBS);
    expect(waves.flat().sort()).toEqual(Object.keys(output.stacks).sort());
  });
});
