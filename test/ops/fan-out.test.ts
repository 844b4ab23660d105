import { forEachRegion } from '../../src/ops/fan-out';
import { createProgress, renderProgressBar } from '../../src/ops/progress';
import { describeRegionError, formatRegionError, NoDetectorError } from '../../src/ops/region-error';
import { awsError } from './aws-mocks';

describe('forEachRegion', () => {
  it('keeps the order of the regions whatever order they finish in', async () => {
    const delays: Record<string, number> = { 'us-east-1': 3, 'eu-west-1': 0, 'ap-south-1': 1 };
    const outcomes = await forEachRegion(Object.keys(delays), (r) => new Promise<string>((ok) => setTimeout(() => ok(r.toUpperCase()), delays[r])), { concurrency: 3 });
    expect(outcomes.map((o) => o.region)).toEqual(['us-east-1', 'eu-west-1', 'ap-south-1']);
    expect(outcomes.map((o) => o.ok && o.value)).toEqual(['US-EAST-1', 'EU-WEST-1', 'AP-SOUTH-1']);
  });

  it('never runs more than `concurrency` regions at once', async () => {
    let running = 0;
    let peak = 0;
    const regions = Array.from({ length: 12 }, (_, i) => `r${i}`);
    await forEachRegion(
      regions,
      async () => {
        peak = Math.max(peak, ++running);
        await new Promise((ok) => setTimeout(ok, 1));
        running--;
      },
      { concurrency: 4 },
    );
    expect(peak).toBe(4);
  });

  it('turns a failing region into an error outcome and carries on with the others', async () => {
    const settled: string[] = [];
    const outcomes = await forEachRegion(
      ['us-east-1', 'af-south-1', 'eu-west-1'],
      async (r) => {
        if (r === 'af-south-1') throw awsError('UnrecognizedClientException', 'The security token included in the request is invalid.');
        return r;
      },
      { concurrency: 2, onSettled: (r) => settled.push(r) },
    );
    expect(outcomes.filter((o) => o.ok)).toHaveLength(2);
    const failed = outcomes[1]!;
    expect(failed.ok).toBe(false);
    if (!failed.ok) expect(failed.error.kind).toBe('region-not-enabled');
    expect(settled.sort()).toEqual(['af-south-1', 'eu-west-1', 'us-east-1']);
  });
});

describe('describeRegionError', () => {
  it('reads a rejected token in an opt-in region as "region not enabled"', () => {
    const e = describeRegionError(awsError('UnrecognizedClientException', 'The security token included in the request is invalid.'), 'af-south-1');
    expect(e.kind).toBe('region-not-enabled');
    expect(e.hint).toMatch(/regions\.optIn/);
  });

  it('reads the same error in a default region as bad credentials', () => {
    expect(describeRegionError(awsError('UnrecognizedClientException'), 'eu-west-1').kind).toBe('credentials');
  });

  it('classifies AccessDenied, throttling after SDK retries, missing resources, network and the rest', () => {
    expect(describeRegionError(awsError('AccessDeniedException', 'not authorized to perform: guardduty:ListFindings'), 'eu-west-1')).toMatchObject({
      kind: 'access-denied',
      message: expect.stringContaining('guardduty:ListFindings'),
    });
    const throttled = describeRegionError(awsError('ThrottlingException', 'Rate exceeded', 8), 'eu-west-1');
    expect(throttled).toMatchObject({ kind: 'throttled', hint: expect.stringContaining('after 8 attempts') });
    expect(describeRegionError(awsError('ResourceNotFoundException'), 'us-east-1').kind).toBe('not-found');
    expect(describeRegionError(Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }), 'us-east-1').kind).toBe('network');
    expect(describeRegionError(awsError('BadRequestException'), 'us-east-1').kind).toBe('failed');
    expect(describeRegionError('boom', 'us-east-1')).toMatchObject({ kind: 'failed', message: 'boom' });
  });

  it('names a region without a detector and what to deploy', () => {
    const e = describeRegionError(new NoDetectorError('eu-west-3'), 'eu-west-3');
    expect(formatRegionError(e)).toBe('NoDetector: no GuardDuty detector in eu-west-3. Hint: deploy the guardduty-eu-west-3 stack.');
  });
});

describe('progress', () => {
  it('draws a bar of regions done', () => {
    expect(renderProgressBar(8, 16, 'eu-west-1', 10)).toBe('[#####-----]  8/16 regions  eu-west-1');
    expect(renderProgressBar(0, 0, '', 4)).toBe('[####] 0/0 regions  ');
  });

  it('writes nothing when disabled (CI, no TTY, --no-progress)', () => {
    const written: string[] = [];
    const progress = createProgress({ enabled: false, total: 3, write: (t) => written.push(t) });
    progress.settled('us-east-1');
    progress.finish();
    expect(written).toEqual([]);
  });

  it('redraws one line per region and clears it at the end', () => {
    const written: string[] = [];
    const progress = createProgress({ enabled: true, total: 2, write: (t) => written.push(t) });
    progress.settled('us-east-1');
    progress.settled('eu-west-1');
    progress.finish();
    expect(written).toHaveLength(4);
    expect(written[2]).toContain('2/2 regions  eu-west-1');
    expect(written.every((w) => w.startsWith('\r'))).toBe(true);
    expect(written.join('')).not.toContain('\n');
  });
});
