import { App, Testing } from 'cdktf';
import { buildEstateStacks } from '../../modules/estate-stacks';
import { IpListSets } from '../../modules/threat-lists/ip-list-sets';
import { ListBucket } from '../../modules/threat-lists/list-bucket';
import { parseConfig } from '../../src/config';
import { S3_OBJECT_MAX_TAGS, TAG_KEY_MAX_LENGTH, TAG_VALUE_MAX_LENGTH } from '../../src/config/tags';
import { writeListBodies } from '../../src/plan/load-plan';
import { planEstate } from '../../src/plan/plan';
import { tlsOnlyBucketPolicy } from '../../src/policy/statements';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BuiltList } from '../../src/threatlist/build';

type Json = { resource: Record<string, Record<string, Record<string, unknown>>> };
const all = (json: Json, type: string) => Object.values(json.resource[type] ?? {});

const list = (name: string, kind: 'trusted' | 'threat', body: string, sha256: string): BuiltList => ({
  name,
  kind,
  format: 'TXT',
  sources: [`threatlists/${kind}/${name}.txt`],
  body,
  sha256,
  entries: body.split('\n').filter(Boolean).length,
  addresses: 0,
  canonical: body,
});

const config = parseConfig(`
prefix: acme
homeRegion: eu-west-1
partition: aws
accounts: { admin: { accountId: "111111111111" } }
regions: { include: [eu-west-1, us-east-1] }
overrides: [{ rule: GD-DET-6, reason: "a test estate of a few regions keeps its output small" }]
threatLists:
  trusted: { files: [threatlists/trusted/*.txt] }
  threat: [ { name: feed, files: [threatlists/threat/*.txt] } ]
`);
const lists = [list('trusted', 'trusted', '198.51.100.0/28\n', 'a'.repeat(64)), list('feed', 'threat', '203.0.113.0/24\n', 'b'.repeat(64))];

describe('threat list plan', () => {
  const plan = planEstate(config, lists);

  it('uploads each list to the home bucket under a key carrying its content hash', () => {
    expect(plan.home.threatLists).toEqual({
      bucketName: 'acme-gd-lists-111111111111-eu-west-1',
      bucketPolicy: tlsOnlyBucketPolicy([]),
      objects: [
        {
          listName: 'trusted',
          kind: 'trusted',
          key: `threatlists/trusted/${'a'.repeat(16)}.txt`,
          body: '198.51.100.0/28\n',
          sha256: 'a'.repeat(64),
          entries: 1,
          sources: ['threatlists/trusted/trusted.txt'],
          metadata: { list: 'trusted', kind: 'trusted', sha256: 'a'.repeat(64), entries: '1', 'source-count': '1', sources: 'threatlists/trusted/trusted.txt' },
        },
        {
          listName: 'feed',
          kind: 'threat',
          key: `threatlists/feed/${'b'.repeat(16)}.txt`,
          body: '203.0.113.0/24\n',
          sha256: 'b'.repeat(64),
          entries: 1,
          sources: ['threatlists/threat/feed.txt'],
          metadata: { list: 'feed', kind: 'threat', sha256: 'b'.repeat(64), entries: '1', 'source-count': '1', sources: 'threatlists/threat/feed.txt' },
        },
      ],
    });
  });

  it('registers the same sets in every region, located at the uploaded objects', () => {
    for (const region of plan.regional) {
      expect(region.ipListSets).toEqual([
        { kind: 'trusted', name: 'acme-trusted', format: 'TXT', location: `https://s3.amazonaws.com/acme-gd-lists-111111111111-eu-west-1/threatlists/trusted/${'a'.repeat(16)}.txt`, sha256: 'a'.repeat(64) },
        { kind: 'threat', name: 'acme-feed', format: 'TXT', location: `https://s3.amazonaws.com/acme-gd-lists-111111111111-eu-west-1/threatlists/feed/${'b'.repeat(16)}.txt`, sha256: 'b'.repeat(64) },
      ]);
    }
  });

  it('plans nothing without threat lists', () => {
    const plain = planEstate(parseConfig('prefix: acme\nhomeRegion: eu-west-1\naccounts: { admin: { accountId: "111111111111" } }\n'));
    expect(plain.home.threatLists).toBeUndefined();
    expect(plain.regional.every((r) => r.ipListSets.length === 0)).toBe(true);
  });
});

describe('ListBucket', () => {
  const plan = planEstate(config, lists);
  const bodyFiles = writeListBodies(plan, mkdtempSync(join(tmpdir(), 'gd-bodies-')));
  const json = JSON.parse(Testing.synthScope((s) => new ListBucket(s, 'Lists', { ...plan.home.threatLists!, bodyFiles }))) as Json;

  it('keeps the lists in a hardened bucket with SSE-S3 (a KMS policy cannot name the not-yet-existing GuardDuty role)', () => {
    expect(all(json, 'aws_s3_bucket_server_side_encryption_configuration')[0]!.rule).toEqual([{ apply_server_side_encryption_by_default: { sse_algorithm: 'AES256' } }]);
    expect(all(json, 'aws_s3_bucket_public_access_block')).toHaveLength(1);
  });

  it('writes each body to a file holding address lines only', () => {
    expect(readFileSync(bodyFiles[`threatlists/trusted/${'a'.repeat(16)}.txt`]!, 'utf8')).toBe('198.51.100.0/28\n');
    expect(readFileSync(bodyFiles[`threatlists/feed/${'b'.repeat(16)}.txt`]!, 'utf8')).toBe('203.0.113.0/24\n');
  });

  it('uploads each list from its file as an asset (not inline), provenance in metadata and no tags of its own', () => {
    const objects = all(json, 'aws_s3_object');
    for (const o of objects) {
      expect(o).not.toHaveProperty('content');
      expect(o.source).toMatch(/^assets\/.+\.txt$/);
    }
    const trusted = objects.find((o) => o.key === `threatlists/trusted/${'a'.repeat(16)}.txt`)!;
    expect(trusted.source_hash).toBe('a'.repeat(64));
    expect(trusted.metadata).toEqual({ list: 'trusted', kind: 'trusted', sha256: 'a'.repeat(64), entries: '1', 'source-count': '1', sources: 'threatlists/trusted/trusted.txt' });
    for (const o of objects) expect(o).not.toHaveProperty('tags');
  });
});

describe('S3 object tags of the list objects', () => {
  // As many default tags as the config accepts, with every character S3 allows.
  const tags = Array.from({ length: 10 }, (_, i) => `  "Tag ${i} é_.:/=+-@": "${'v'.repeat(240)} ${i} é_.:/=+-@"`).join('\n');
  const tagged = parseConfig(`
prefix: acme
homeRegion: eu-west-1
accounts: { admin: { accountId: "111111111111" } }
regions: { include: [eu-west-1] }
overrides: [{ rule: GD-DET-6, reason: "a test estate of a few regions keeps its output small" }]
tags:
${tags}
threatLists:
  trusted: { files: [threatlists/trusted/*.txt] }
  threat: [ { name: feed, files: [threatlists/threat/*.txt] } ]
`);
  const plan = planEstate(tagged, lists);
  const listBodyFiles = writeListBodies(plan, mkdtempSync(join(tmpdir(), 'gd-bodies-')));
  const home = buildEstateStacks(new App({ outdir: mkdtempSync(join(tmpdir(), 'gd-lists-')), stackTraces: false }), plan, { listBodyFiles }).home.toTerraform() as Json & {
    provider: { aws: { default_tags?: { tags: Record<string, string> }[] }[] };
  };

  it("default tags plus the object's own tags stay within S3's 10 per object and obey S3's tag characters and lengths", () => {
    const defaultTags = home.provider.aws[0]!.default_tags?.[0]?.tags ?? {};
    const objects = all(home, 'aws_s3_object');
    expect(objects).toHaveLength(2);
    for (const o of objects) {
      // tags_all: the object's tags win over default tags with the same key.
      const effective = { ...defaultTags, ...((o.tags as Record<string, string> | undefined) ?? {}) };
      expect(Object.keys(effective).length).toBeGreaterThan(0);
      expect(Object.keys(effective).length).toBeLessThanOrEqual(S3_OBJECT_MAX_TAGS);
      for (const [key, value] of Object.entries(effective)) {
        expect(key).toMatch(/^[\p{L}\p{Z}\p{N}_.:/=+\-@]{1,}$/u);
        expect(value).toMatch(/^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u);
        expect(key.length).toBeLessThanOrEqual(TAG_KEY_MAX_LENGTH);
        expect(value.length).toBeLessThanOrEqual(TAG_VALUE_MAX_LENGTH);
        expect(key.toLowerCase().startsWith('aws:')).toBe(false);
      }
    }
  });
});

describe('IpListSets', () => {
  const sets = planEstate(config, lists).regional[0]!.ipListSets;
  const json = JSON.parse(Testing.synthScope((s) => new IpListSets(s, 'IpLists', { detectorId: 'det', sets }))) as Json;

  it('creates one trusted IPSet and the ThreatIntelSets, activated', () => {
    expect(all(json, 'aws_guardduty_ipset').map((s) => [s.name, s.activate, s.format])).toEqual([['acme-trusted', true, 'TXT']]);
    expect(all(json, 'aws_guardduty_threatintelset').map((s) => [s.name, s.activate])).toEqual([['acme-feed', true]]);
  });

  it('replaces a set when its list content changes, so GuardDuty activates and reads the new list', () => {
    for (const set of [...all(json, 'aws_guardduty_ipset'), ...all(json, 'aws_guardduty_threatintelset')]) {
      const triggers = (set.lifecycle as { replace_triggered_by: string[] }).replace_triggered_by;
      expect(triggers).toHaveLength(1);
      // Terraform reads replace_triggered_by as a bare reference: `"${...}"` fails init with "Invalid character".
      const name = triggers[0]!.match(/^terraform_data\.([A-Za-z0-9_-]+)$/)?.[1];
      expect(name).toBeDefined();
      expect(Object.keys(json.resource.terraform_data!)).toContain(name);
    }
    const ipset = all(json, 'aws_guardduty_ipset')[0]!;
    const name = (ipset.lifecycle as { replace_triggered_by: string[] }).replace_triggered_by[0]!.split('.')[1]!;
    expect(json.resource.terraform_data![name]!.triggers_replace).toEqual({ sha256: 'a'.repeat(64) });
  });
});
