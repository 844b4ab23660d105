import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, configFileFromEnv, DEFAULT_CONFIG_FILE, loadConfig, parseConfig } from '../../src/config';
import { DETECTOR_FEATURES } from '../../src/features/catalog';
import { configSchema } from '../../src/config/schema';

const MINIMAL = `
prefix: acme
homeRegion: eu-west-1
accounts:
  admin: { accountId: "111111111111" }
`;

describe('loadConfig', () => {
  it('loads the example config shipped at the root', () => {
    const config = loadConfig(join(__dirname, '..', '..', 'guardduty.yaml'));
    expect(config.prefix).toBe('acme');
    expect(config.homeRegion).toBe('us-east-1');
    expect(config.detector.features.RUNTIME_MONITORING?.additionalConfiguration?.EC2_AGENT_MANAGEMENT).toBe(false);
  });

  it('fills every default into a minimal config', () => {
    const config = parseConfig(MINIMAL);
    expect(config).toMatchObject({
      version: 1,
      partition: 'aws',
      tags: {},
      regions: { include: 'all', optIn: [], exclude: [] },
      detector: { findingPublishingFrequency: 'FIFTEEN_MINUTES', allowDestroy: false, features: {} },
      backend: { type: 'local', directory: '.' },
      existingDetectors: {},
    });
  });

  it('accepts each backend type with its defaults', () => {
    const s3 = parseConfig(`${MINIMAL}backend: { type: s3, bucket: acme-state, region: eu-west-1 }\n`);
    expect(s3.backend).toEqual({ type: 's3', bucket: 'acme-state', region: 'eu-west-1', keyPrefix: 'guardduty', useLockfile: true });
    const cloud = parseConfig(`${MINIMAL}backend: { type: cloud, organization: acme, workspacePrefix: gd- }\n`);
    expect(cloud.backend).toEqual({ type: 'cloud', organization: 'acme', workspacePrefix: 'gd-', hostname: 'app.terraform.io' });
  });

  it('accepts GovCloud and China configs in their own partitions', () => {
    const gov = parseConfig(`prefix: acme\nhomeRegion: us-gov-west-1\npartition: aws-us-gov\naccounts: { admin: { accountId: "111111111111", assumeRoleArn: "arn:aws-us-gov:iam::111111111111:role/x" } }\n`);
    expect(gov.partition).toBe('aws-us-gov');
    const cn = parseConfig(`prefix: acme\nhomeRegion: cn-north-1\npartition: aws-cn\naccounts: { admin: { accountId: "111111111111" } }\n`);
    expect(cn.homeRegion).toBe('cn-north-1');
  });

  it('names the file when it cannot be read', () => {
    expect(() => loadConfig('/nonexistent/guardduty.yaml')).toThrow(/\/nonexistent\/guardduty.yaml: 1 error\n {2}\(root\): cannot read the file/);
  });

  it('reports the file name and every error of a file on disk', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gd-config-'));
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'prefix: acme\nhomeRegion: eu-west-9\naccounts: { admin: { accountId: "1" } }\n');
    let error: ConfigError | undefined;
    try {
      loadConfig(file);
    } catch (err) {
      error = err as ConfigError;
    }
    expect(error?.file).toBe(file);
    expect(error?.message).toBe(
      `${file}: 2 errors\n  homeRegion: "eu-west-9" is not a known region (line 2)\n  accounts.admin.accountId: "1" must be a 12-digit AWS account id (line 3)`,
    );
  });

  it('an empty file lists the required keys', () => {
    expect(() => parseConfig('')).toThrow(/prefix: is required/);
  });
});

describe('configFileFromEnv', () => {
  it('defaults to guardduty.yaml and honours GUARDDUTY_CONFIG', () => {
    expect(configFileFromEnv({})).toBe(DEFAULT_CONFIG_FILE);
    expect(DEFAULT_CONFIG_FILE).toBe('guardduty.yaml');
    expect(configFileFromEnv({ GUARDDUTY_CONFIG: 'examples/x.yaml' })).toBe('examples/x.yaml');
  });
});

describe('config schema', () => {
  it('has a place for every managed detector feature, and the superseded one', () => {
    const keys = Object.keys(configSchema.shape.detector.unwrap().shape.features.unwrap().shape);
    expect(keys.sort()).toEqual([...DETECTOR_FEATURES, 'EKS_RUNTIME_MONITORING'].sort());
  });

});

describe('invitation quota', () => {
  it('rejects more members than GuardDuty allows by invitation (5,000)', () => {
    const members = Array.from({ length: 5001 }, (_, i) => `  - { accountId: "${String(300000000000 + i)}", email: m${i}@example.com }`).join('\n');
    expect(() => parseConfig(`${MINIMAL}members:\n${members}\n`)).toThrow(
      'members: GuardDuty allows at most 5000 members by invitation; use organization mode beyond that (line 6)',
    );
  });

  it('fills invitation defaults', () => {
    const config = parseConfig(`${MINIMAL}members:\n  - { accountId: "333333333333", email: a@example.com }\n`);
    expect(config.invitation).toEqual({ message: expect.any(String), disableEmailNotification: true });
    expect(config.organization).toBeUndefined();
  });
});

describe('default tags (S3 object tag rules: the provider tags the threat-list objects with them too)', () => {
  const tags = (n: number) => Array.from({ length: n }, (_, i) => `  key-${i}: "value ${i} _.:/=+-@"`).join('\n');

  it('accepts 10 tags of allowed characters, the most an S3 object takes', () => {
    const config = parseConfig(`${MINIMAL}tags:\n${tags(9)}\n  spaced and accented é: "Ünïcode letters ok"\n`);
    expect(Object.keys(config.tags)).toHaveLength(10);
  });

  it('rejects an 11th tag, a key starting with aws: (any case), characters and lengths S3 refuses, each at its line', () => {
    expect(() => parseConfig(`${MINIMAL}tags:\n${tags(11)}\n`)).toThrow('tags: 11 tags, more than the 10 allowed');
    let error: ConfigError | undefined;
    try {
      parseConfig(`${MINIMAL}tags:\n  Aws:team: x\n  "cost#": x\n  owner: "a, b"\n  ${'k'.repeat(129)}: x\n  long: ${'v'.repeat(257)}\n`);
    } catch (err) {
      error = err as ConfigError;
    }
    expect(error?.issues.map((i) => [i.path.join('.'), i.line, i.message.split(' (')[0]])).toEqual([
      ['tags.Aws:team', 7, 'tag keys starting with "aws:" are reserved for AWS'],
      ['tags.cost#', 8, 'tag key has characters S3 object tags do not allow'],
      ['tags.owner', 9, 'tag value has characters S3 object tags do not allow'],
      [`tags.${'k'.repeat(129)}`, 10, 'tag key is 129 characters, more than the 128 AWS allows'],
      ['tags.long', 11, 'tag value is 257 characters, more than the 256 AWS allows'],
    ]);
  });
});
