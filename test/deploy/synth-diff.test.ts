import { diffSynth, formatSynthDiffMarkdown, hasChanges, SYNTH_DIFF_MARKER } from '../../src/deploy/synth-diff';
import { readSynthOutput } from '../../src/deploy/synth-output';
import { synthExample } from './synth-examples';

const meta = (path: string) => ({ '//': { metadata: { path, uniqueId: path } } });

const base = {
  'guardduty-home': {
    '//': { metadata: { version: '0.21.0' } },
    terraform: { backend: { local: { path: 'a' } }, required_version: '>= 1.5.0' },
    provider: { aws: [{ region: 'us-east-1' }] },
    resource: {
      aws_s3_bucket: { Lists: { ...meta('home/Lists'), bucket: 'acme-lists', tags: { a: '1' } } },
      aws_kms_key: { Key: { ...meta('home/Key'), enable_key_rotation: true } },
    },
    data: { aws_caller_identity: { Me: { ...meta('home/Me') } } },
  },
  'guardduty-eu-west-1': { resource: { aws_guardduty_detector: { Detector: { enable: true } } } },
};

const head = {
  'guardduty-home': {
    '//': { metadata: { version: '0.21.1' } }, // metadata only: no change
    terraform: { backend: { s3: { bucket: 'state' } }, required_version: '>= 1.10.0' },
    provider: { aws: [{ region: 'us-east-1' }] },
    resource: {
      // same bucket moved in the construct tree, keys reordered, one argument changed and one added
      aws_s3_bucket: { Lists: { ...meta('home/Moved/Lists'), tags: { a: '2' }, bucket: 'acme-lists', force_destroy: false } },
      aws_sns_topic: { High: { name: 'high' } },
    },
    data: { aws_caller_identity: { Me: { ...meta('home/Elsewhere/Me') } }, aws_region: { Here: {} } },
  },
  'guardduty-us-east-1': { resource: { aws_guardduty_detector: { Detector: { enable: true } } } },
};

describe('diffSynth', () => {
  const diff = diffSynth(base, head);

  it('lists stacks added and removed, with their address counts', () => {
    expect(diff.addedStacks).toEqual([{ stack: 'guardduty-us-east-1', addresses: 1 }]);
    expect(diff.removedStacks).toEqual([{ stack: 'guardduty-eu-west-1', addresses: 1 }]);
    expect(diff.unchangedStacks).toBe(0);
  });

  it('lists resources and data sources added, removed and changed by address, ignoring the // metadata and key order', () => {
    expect(diff.changedStacks).toEqual([
      {
        stack: 'guardduty-home',
        added: ['aws_sns_topic.High', 'data.aws_region.Here'],
        removed: ['aws_kms_key.Key'],
        changed: [{ address: 'aws_s3_bucket.Lists', arguments: ['force_destroy', 'tags'] }],
        blocks: ['terraform'],
      },
    ]);
    expect(hasChanges(diff)).toBe(true);
  });

  it('renders Markdown for a pull request, marker first', () => {
    const md = formatSynthDiffMarkdown(diff);
    expect(md.split('\n')[0]).toBe(SYNTH_DIFF_MARKER);
    expect(md).toContain('1 stacks changed, 1 added, 1 removed, 0 unchanged.');
    expect(md).toContain('- **added stack** `guardduty-us-east-1` (1 resources and data sources)');
    expect(md).toContain('- **removed stack** `guardduty-eu-west-1`');
    expect(md).toContain('| `guardduty-home` | 2 | 1 | 1 | terraform |');
    expect(md).toContain('- changed `aws_s3_bucket.Lists`: force_destroy, tags');
    expect(md).toContain('- removed `aws_kms_key.Key`');
  });

  it('caps long lists and counts the rest', () => {
    const many = Object.fromEntries(Array.from({ length: 45 }, (_, i) => [`R${String(i).padStart(2, '0')}`, {}]));
    const md = formatSynthDiffMarkdown(diffSynth({ s: {} }, { s: { resource: { aws_x: many } } }));
    expect(md).toContain('- added `aws_x.R39`');
    expect(md).not.toContain('aws_x.R40');
    expect(md).toContain('- … and 5 more');
  });

  it('finds no change between a real synth and itself', () => {
    const output = readSynthOutput(synthExample('invitation.yaml')).stacks;
    const same = diffSynth(output, output);
    expect(hasChanges(same)).toBe(false);
    expect(same.unchangedStacks).toBe(Object.keys(output).length);
    expect(formatSynthDiffMarkdown(same)).toContain(`No change in the synthesized Terraform (${Object.keys(output).length} stacks compared).`);
  });

  it('sees a real config change: organization against minimal', () => {
    const diff = diffSynth(readSynthOutput(synthExample('minimal.yaml')).stacks, readSynthOutput(synthExample('organization.yaml')).stacks);
    expect(diff.addedStacks.map((s) => s.stack)).toEqual(['guardduty-management']);
    const euWest1 = diff.changedStacks.find((s) => s.stack === 'guardduty-eu-west-1')!;
    expect(euWest1.added.some((a) => /^aws_guardduty_organization_configuration\.Organization_/.test(a))).toBe(true);
  });
});
