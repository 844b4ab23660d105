import { getExpressionAst } from '@cdktf/hcl2json';
import { App } from 'cdktf';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildEstateStacks } from '../../modules/estate-stacks';
import { parseConfig } from '../../src/config';
import { planEstate } from '../../src/plan/plan';

type Block = Record<string, unknown>;
type Json = { resource: Record<string, Record<string, Block>>; data?: Record<string, Record<string, Block>> };

const ADMIN = '111111111111';
function estate(extra: string) {
  const config = parseConfig(`
prefix: acme
homeRegion: us-east-1
accounts: { admin: { accountId: "${ADMIN}" } }
regions: { include: [us-east-1, eu-west-1, af-south-1], optIn: [af-south-1] }
overrides: [{ rule: GD-DET-6, reason: "a test estate of a few regions keeps its output small" }]
${extra}`);
  const e = buildEstateStacks(new App({ outdir: mkdtempSync(join(tmpdir(), 'gd-export-')), stackTraces: false }), planEstate(config));
  const stack = (name: string) => e.stacks.find((s) => s.node.id === name)!.toTerraform() as Json;
  return { home: stack('guardduty-home'), region: (r: string) => stack(`guardduty-${r}`) };
}
const all = (json: Json, type: string) => Object.values(json.resource[type] ?? {});
const one = (json: Json, type: string) => {
  const list = all(json, type);
  expect(list).toHaveLength(1);
  return list[0]!;
};
/** The one resource of a type whose construct path contains `path` (the delivery-failure key and topic sit beside the others). */
const at = (json: Json, type: string, path: string) => {
  const list = all(json, type).filter((r) => String((r as { '//'?: { metadata?: { path?: string } } })['//']?.metadata?.path ?? '').includes(path));
  expect(list).toHaveLength(1);
  return list[0]!;
};
const doc = (value: unknown) => JSON.parse(value as string) as { Statement: Block[] };

describe('cross-region aggregation', () => {
  const { home, region } = estate('');

  it('creates the findings bus; only the forwarder role may put events on it', () => {
    expect(one(home, 'aws_cloudwatch_event_bus').name).toBe('acme-guardduty-findings');
    const [statement] = doc(one(home, 'aws_cloudwatch_event_bus_policy').policy).Statement;
    expect(statement).toMatchObject({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ADMIN}:role/acme-guardduty-forwarder` }, Action: 'events:PutEvents' });
  });

  it('writes the bus policy only after the forwarder role it names exists (the ARN is a plain string)', () => {
    const roleId = Object.entries((home as { resource: Record<string, Record<string, Block>> }).resource.aws_iam_role!).find(([, r]) => r.name === 'acme-guardduty-forwarder')![0];
    expect(one(home, 'aws_cloudwatch_event_bus_policy').depends_on).toEqual([`aws_iam_role.${roleId}`]);
  });

  it('gives the forwarder role events:PutEvents on that bus and nothing else, trusting EventBridge for this account only', () => {
    const role = all(home, 'aws_iam_role').find((r) => r.name === 'acme-guardduty-forwarder')!;
    expect(doc(role.assume_role_policy).Statement[0]).toMatchObject({
      Principal: { Service: 'events.amazonaws.com' },
      Condition: { StringEquals: { 'aws:SourceAccount': ADMIN }, ArnLike: { 'aws:SourceArn': `arn:aws:events:*:${ADMIN}:rule/acme-guardduty-findings` } },
    });
    const policy = all(home, 'aws_iam_role_policy').find((p) => p.name === 'acme-guardduty-forwarder')!;
    expect(doc(policy.policy).Statement).toEqual([
      { Sid: 'PutFindingsOnTheHomeBus', Effect: 'Allow', Action: 'events:PutEvents', Resource: `arn:aws:events:us-east-1:${ADMIN}:event-bus/acme-guardduty-findings` },
    ]);
  });

  it('forwards each region\'s findings from its default bus to the home bus with the forwarder role, the home region too', () => {
    const remote = one(region('eu-west-1'), 'aws_cloudwatch_event_target');
    expect(remote).toMatchObject({ arn: `arn:aws:events:us-east-1:${ADMIN}:event-bus/acme-guardduty-findings`, role_arn: `arn:aws:iam::${ADMIN}:role/acme-guardduty-forwarder` });
    const rule = one(region('eu-west-1'), 'aws_cloudwatch_event_rule');
    expect(rule).not.toHaveProperty('event_bus_name');
    expect(JSON.parse(rule.event_pattern as string)).toEqual({ source: ['aws.guardduty'], 'detail-type': ['GuardDuty Finding'] });
    const homeRegionTarget = one(region('us-east-1'), 'aws_cloudwatch_event_target');
    expect(homeRegionTarget.role_arn).toBe(`arn:aws:iam::${ADMIN}:role/acme-guardduty-forwarder`);
  });

  it('delivers every finding on the bus to one log group with retention, through one resource policy', () => {
    expect(one(home, 'aws_cloudwatch_log_group')).toMatchObject({ name: '/aws/events/acme-guardduty', retention_in_days: 365 });
    const policy = one(home, 'aws_cloudwatch_log_resource_policy');
    expect(policy.policy_name).toBe('acme-guardduty-findings');
    expect(doc(policy.policy_document).Statement[0]!.Resource).toBe(`arn:aws:logs:us-east-1:${ADMIN}:log-group:/aws/events/acme-guardduty:*`);
    const target = all(home, 'aws_cloudwatch_event_target').find((t) => t.target_id === 'findings-log-group')!;
    expect(target).not.toHaveProperty('role_arn');
    expect(target.arn).toBe(`arn:aws:logs:us-east-1:${ADMIN}:log-group:/aws/events/acme-guardduty`);
  });

  it('filters at the regional rules with export.minSeverity, so everything downstream sees the same findings', () => {
    const { region: r } = estate('export: { minSeverity: High }');
    expect(JSON.parse(one(r('eu-west-1'), 'aws_cloudwatch_event_rule').event_pattern as string).detail).toEqual({ severity: [{ numeric: ['>=', 7] }] });
  });

  it('requires the organization on the bus in organization mode', () => {
    const config = parseConfig(`prefix: acme\nhomeRegion: us-east-1\naccounts:\n  admin: { accountId: "${ADMIN}" }\n  management: { accountId: "222222222222" }\nregions: { include: [us-east-1] }\noverrides: [{ rule: GD-DET-6, reason: a test estate of a few regions keeps its output small }]\norganization: { enabled: true }\n`);
    const e = buildEstateStacks(new App({ outdir: mkdtempSync(join(tmpdir(), 'gd-export-')) }), planEstate(config));
    const json = e.home.toTerraform() as Json;
    expect(Object.keys(json.data!.aws_organizations_organization!)).toHaveLength(1);
    const [statement] = doc(one(json, 'aws_cloudwatch_event_bus_policy').policy).Statement;
    expect(statement!.Condition).toEqual({ StringEquals: { 'aws:PrincipalOrgID': expect.stringMatching(/^\$\{data\.aws_organizations_organization\..+\.id\}$/) } });
  });
});

describe('S3 publishing destination', () => {
  const { home, region } = estate('');

  it('creates a rotating key and a hardened, lifecycled bucket in the home region', () => {
    expect(at(home, 'aws_kms_key', '/FindingsArchive/').enable_key_rotation).toBe(true);
    expect(at(home, 'aws_kms_alias', '/FindingsArchive/').name).toBe('alias/acme-guardduty-findings');
    expect(one(home, 'aws_s3_bucket').bucket).toBe(`acme-gd-findings-${ADMIN}-us-east-1`);
    expect(one(home, 'aws_s3_bucket_server_side_encryption_configuration').rule).toEqual([
      { apply_server_side_encryption_by_default: { sse_algorithm: 'aws:kms', kms_master_key_id: expect.stringContaining('aws_kms_key') }, bucket_key_enabled: true },
    ]);
    const rules = one(home, 'aws_s3_bucket_lifecycle_configuration').rule as Block[];
    expect(rules.find((r) => r.id === 'archive-then-expire')).toMatchObject({ transition: [{ days: 90, storage_class: 'GLACIER' }], expiration: [{ days: 730 }] });
    expect(one(home, 'aws_s3_bucket_ownership_controls').rule).toEqual({ object_ownership: 'BucketOwnerEnforced' });
  });

  it('names the regional principal of the opt-in region in the key and bucket policies', () => {
    const principals = doc(at(home, 'aws_kms_key', '/FindingsArchive/').policy).Statement[1]!.Principal;
    expect(principals).toEqual({ Service: ['guardduty.af-south-1.amazonaws.com', 'guardduty.amazonaws.com'] });
    expect(doc(one(home, 'aws_s3_bucket_policy').policy).Statement[0]!.Principal).toEqual(principals);
  });

  it('points every regional detector at the bucket, with the key looked up by alias in the home region', () => {
    for (const r of ['us-east-1', 'eu-west-1', 'af-south-1']) {
      const json = region(r);
      const alias = Object.values(json.data!.aws_kms_alias!)[0]!;
      expect(alias).toMatchObject({ name: 'alias/acme-guardduty-findings', region: 'us-east-1' });
      expect(one(json, 'aws_guardduty_publishing_destination')).toMatchObject({
        destination_type: 'S3',
        destination_arn: `arn:aws:s3:::acme-gd-findings-${ADMIN}-us-east-1`,
        kms_key_arn: expect.stringMatching(/^\$\{data\.aws_kms_alias\..+\.target_key_arn\}$/),
      });
    }
  });

  it('is left out when export.s3.enabled is false', () => {
    const { home: h, region: r } = estate('export: { s3: { enabled: false } }');
    expect(all(h, 'aws_s3_bucket')).toEqual([]);
    expect(all(r('eu-west-1'), 'aws_guardduty_publishing_destination')).toEqual([]);
  });
});

describe('alerts', () => {
  const { home } = estate(`
alerts:
  - name: high
    minSeverity: High
    types: ["Recon:EC2/"]
    sns: { subscriptions: [ { protocol: email, endpoint: a@example.com }, { protocol: lambda, endpoint: "arn:aws:lambda:us-east-1:${ADMIN}:function:pager" } ] }
  - name: existing
    minSeverity: 5
    message: full
    topicArn: arn:aws:sns:us-east-1:${ADMIN}:pager
`);

  it('routes by numeric severity and type prefix on the home bus', () => {
    const rule = all(home, 'aws_cloudwatch_event_rule').find((r) => r.name === 'acme-alert-high')!;
    expect(rule.event_bus_name).toMatch(/aws_cloudwatch_event_bus/);
    expect(JSON.parse(rule.event_pattern as string).detail).toEqual({ severity: [{ numeric: ['>=', 7] }], type: [{ prefix: 'Recon:EC2/' }] });
  });

  it('creates a KMS-encrypted topic that only the route\'s rule may publish to', () => {
    const topic = at(home, 'aws_sns_topic', '/Alert-');
    expect(topic).toMatchObject({ name: 'acme-guardduty-high', kms_master_key_id: expect.stringContaining('aws_kms_key') });
    const [allow] = doc(at(home, 'aws_sns_topic_policy', '/Alert-').policy).Statement;
    expect(allow!.Condition).toEqual({
      StringEquals: { 'aws:SourceAccount': ADMIN },
      ArnEquals: { 'aws:SourceArn': `arn:aws:events:us-east-1:${ADMIN}:rule/acme-guardduty-findings/acme-alert-high` },
    });
    const alertsKey = all(home, 'aws_kms_key').find((k) => String(k.description).includes('alert'))!;
    expect(doc(alertsKey.policy).Statement[1]).toMatchObject({
      Principal: { Service: 'events.amazonaws.com' },
      Action: ['kms:GenerateDataKey*', 'kms:Decrypt'],
      // SNS does not support source conditions in the key policy for EventBridge: delivery would fail.
      Condition: { StringEquals: { 'kms:EncryptionContext:aws:sns:topicArn': [`arn:aws:sns:us-east-1:${ADMIN}:acme-guardduty-high`] } },
    });
    expect(JSON.stringify(doc(alertsKey.policy).Statement[1])).not.toMatch(/aws:Source/);
  });

  it('subscribes the endpoints, letting SNS invoke a Lambda only from this topic and account', () => {
    expect(all(home, 'aws_sns_topic_subscription').map((s) => s.protocol)).toEqual(['email', 'lambda']);
    expect(one(home, 'aws_lambda_permission')).toMatchObject({ principal: 'sns.amazonaws.com', source_account: ADMIN });
  });

  it('sends a short message through an input transformer, or the finding as it is', () => {
    const targets = all(home, 'aws_cloudwatch_event_target');
    const short = targets.find((t) => String(t.rule).includes('Alert-high'))!;
    expect((short.input_transformer as Block).input_template).toContain('GuardDuty finding, severity <severity>');
    const full = targets.find((t) => t.arn === `arn:aws:sns:us-east-1:${ADMIN}:pager`)!;
    expect(full).not.toHaveProperty('input_transformer');
  });
});

describe('suppression filters', () => {
  it('applies the same filters, prefixed, in every region', () => {
    const { region } = estate(`
suppressions:
  - { name: scanner, criteria: { types: ["Recon:EC2/PortProbeUnprotectedPort"], accounts: ["${ADMIN}"] } }
presets: { nlb: { ports: [443] } }
`);
    for (const r of ['us-east-1', 'af-south-1']) {
      const filters = all(region(r), 'aws_guardduty_filter');
      expect(filters.map((f) => [f.name, f.rank, f.action])).toEqual([
        ['acme-scanner', 1, 'ARCHIVE'],
        ['acme-nlb-port-probe', 2, 'ARCHIVE'],
        ['acme-nlb-tor-inbound', 3, 'ARCHIVE'],
        ['acme-nlb-threat-list-inbound', 4, 'ARCHIVE'],
      ]);
      expect((filters[0]!.finding_criteria as { criterion: Block[] }).criterion).toEqual([
        { field: 'type', equals: ['Recon:EC2/PortProbeUnprotectedPort'] },
        { field: 'accountId', equals: [ADMIN] },
      ]);
    }
  });
});

describe('access roles', () => {
  it('creates the viewer and triage roles, MFA only when asked, and no guardduty:*', () => {
    const { home } = estate(`
access:
  viewer: { principals: ["arn:aws:iam::${ADMIN}:user/alice"], requireMfa: true }
  triage: { principals: ["arn:aws:iam::${ADMIN}:role/Responder"] }
`);
    const roles = all(home, 'aws_iam_role');
    const viewer = roles.find((r) => r.name === 'GuardDutyFindingsViewer')!;
    expect(doc(viewer.assume_role_policy).Statement[0]).toMatchObject({ Principal: { AWS: [`arn:aws:iam::${ADMIN}:user/alice`] }, Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } });
    const triage = roles.find((r) => r.name === 'GuardDutyFindingsTriage')!;
    expect(doc(triage.assume_role_policy).Statement[0]).not.toHaveProperty('Condition');
    const policies = all(home, 'aws_iam_role_policy').filter((p) => String(p.name).startsWith('GuardDutyFindings'));
    expect(policies).toHaveLength(2);
    for (const p of policies) expect(p.policy).not.toContain('"guardduty:*"');
  });
});

describe('SIEM export and flow logs', () => {
  const { home, region } = estate(`
export:
  firehose: { type: splunk, hecEndpoint: "https://splunk.example.com:8088", tokenSecretArn: "arn:aws:secretsmanager:us-east-1:${ADMIN}:secret:hec-AbC" }
flowLogs: { retentionDays: 30, vpcs: { eu-west-1: [vpc-0123abcd] } }
`);

  it('streams findings from the bus to Splunk through an encrypted Firehose, the token from Secrets Manager', () => {
    const stream = one(home, 'aws_kinesis_firehose_delivery_stream');
    expect(stream).toMatchObject({ name: 'acme-guardduty-findings', destination: 'splunk', server_side_encryption: { enabled: true, key_type: 'AWS_OWNED_CMK' } });
    const splunk = stream.splunk_configuration as Block;
    expect(splunk).toMatchObject({ hec_endpoint: 'https://splunk.example.com:8088', s3_backup_mode: 'FailedEventsOnly', secrets_manager_configuration: { enabled: true, secret_arn: `arn:aws:secretsmanager:us-east-1:${ADMIN}:secret:hec-AbC` } });
    expect(splunk).not.toHaveProperty('hec_token');
    const target = all(home, 'aws_cloudwatch_event_target').find((t) => t.target_id === 'siem-stream')!;
    expect(target.role_arn).toMatch(/aws_iam_role/);
    const deliveryRole = all(home, 'aws_iam_role').find((r) => r.name === 'acme-guardduty-firehose')!;
    expect(doc(deliveryRole.assume_role_policy).Statement[0]!.Condition).toEqual({ StringEquals: { 'sts:ExternalId': ADMIN } });
    const putRole = all(home, 'aws_iam_role').find((r) => r.name === 'acme-guardduty-to-firehose')!;
    expect(doc(putRole.assume_role_policy).Statement[0]!.Condition).toMatchObject({
      ArnLike: { 'aws:SourceArn': `arn:aws:events:us-east-1:${ADMIN}:rule/acme-guardduty-findings/acme-guardduty-to-siem` },
    });
    const putPolicy = all(home, 'aws_iam_role_policy').find((p) => p.name === 'acme-guardduty-to-firehose')!;
    expect(doc(putPolicy.policy).Statement[0]).toMatchObject({ Action: ['firehose:PutRecord', 'firehose:PutRecordBatch'] });
  });

  it('flows the listed VPCs of a region to a log group with retention, through the home stack\'s role', () => {
    const json = region('eu-west-1');
    expect(one(json, 'aws_cloudwatch_log_group')).toMatchObject({ name: '/aws/vpc-flow-logs/acme-guardduty', retention_in_days: 30 });
    expect(one(json, 'aws_flow_log')).toMatchObject({ vpc_id: 'vpc-0123abcd', traffic_type: 'ALL', iam_role_arn: `arn:aws:iam::${ADMIN}:role/acme-guardduty-flow-logs` });
    expect(all(region('us-east-1'), 'aws_flow_log')).toEqual([]);
    const role = all(home, 'aws_iam_role').find((r) => r.name === 'acme-guardduty-flow-logs')!;
    expect(doc(role.assume_role_policy).Statement[0]).toMatchObject({
      Principal: { Service: 'vpc-flow-logs.amazonaws.com' },
      Condition: { ArnLike: { 'aws:SourceArn': `arn:aws:ec2:*:${ADMIN}:vpc-flow-log/*` } },
    });
  });
});

describe('SIEM stream: secret key and error log', () => {
  const KEY = `arn:aws:kms:us-east-1:${ADMIN}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
  const siem = (firehose: string) => estate(`export:\n  logGroup: { retentionDays: 90 }\n  firehose: ${firehose}\n`).home;
  const splunk = siem(`{ type: splunk, hecEndpoint: "https://splunk.example.com:8088", tokenSecretArn: "arn:aws:secretsmanager:us-east-1:${ADMIN}:secret:hec-AbC", secretKmsKeyArn: "${KEY}" }`);
  const deliveryPolicy = (home: Json) => doc(all(home, 'aws_iam_role_policy').find((p) => p.name === 'acme-guardduty-firehose')!.policy).Statement;

  it("grants kms:Decrypt on the secret's customer managed key only through Secrets Manager in the stream's region", () => {
    expect(deliveryPolicy(splunk)).toContainEqual({
      Sid: 'DecryptEndpointSecret',
      Effect: 'Allow',
      Action: 'kms:Decrypt',
      Resource: KEY,
      Condition: { StringEquals: { 'kms:ViaService': 'secretsmanager.us-east-1.amazonaws.com' } },
    });
    const withoutKey = siem(`{ type: http, url: "https://intake.example.com", accessKeySecretArn: "arn:aws:secretsmanager:us-east-1:${ADMIN}:secret:key-AbC" }`);
    expect(deliveryPolicy(withoutKey).flatMap((s) => [s.Action].flat())).not.toContain('kms:Decrypt');
  });

  it('logs delivery errors to a log group with retention and its own stream; the role may put events into that stream only', () => {
    const group = all(splunk, 'aws_cloudwatch_log_group').find((g) => g.name === '/aws/kinesisfirehose/acme-guardduty-findings')!;
    expect(group.retention_in_days).toBe(90);
    const stream = one(splunk, 'aws_cloudwatch_log_stream');
    expect(stream).toMatchObject({ name: 'DestinationDelivery', log_group_name: expect.stringMatching(/^\$\{aws_cloudwatch_log_group\..+\.name\}$/) });
    const options = (one(splunk, 'aws_kinesis_firehose_delivery_stream').splunk_configuration as Block).cloudwatch_logging_options;
    expect(options).toEqual({ enabled: true, log_group_name: expect.stringMatching(/aws_cloudwatch_log_group\./), log_stream_name: expect.stringMatching(/aws_cloudwatch_log_stream\./) });
    const logging = deliveryPolicy(splunk).filter((s) => [s.Action].flat().some((a) => String(a).startsWith('logs:')));
    expect(logging).toEqual([
      {
        Sid: 'LogDeliveryErrors',
        Effect: 'Allow',
        Action: 'logs:PutLogEvents',
        Resource: `arn:aws:logs:us-east-1:${ADMIN}:log-group:/aws/kinesisfirehose/acme-guardduty-findings:log-stream:DestinationDelivery`,
      },
    ]);
    for (const [firehose, block] of [
      [`{ type: http, url: "https://intake.example.com", accessKeySecretArn: "arn:aws:secretsmanager:us-east-1:${ADMIN}:secret:key-AbC" }`, 'http_endpoint_configuration'],
      ['{ type: s3 }', 'extended_s3_configuration'],
    ] as const) {
      const stream = one(siem(firehose), 'aws_kinesis_firehose_delivery_stream');
      expect((stream[block] as Block).cloudwatch_logging_options).toMatchObject({ enabled: true });
    }
  });
});

describe('SIEM stream creation order', () => {
  const siem = (firehose: string) => estate(`export:\n  firehose: ${firehose}\n`).home;
  const splunk = siem(`{ type: splunk, hecEndpoint: "https://splunk.example.com:8088", tokenSecretArn: "arn:aws:secretsmanager:us-east-1:${ADMIN}:secret:hec-AbC" }`);

  it("is created after the delivery role's policy (Firehose checks the role on create), depends_on holding a plain address Terraform reads", async () => {
    const stream = one(splunk, 'aws_kinesis_firehose_delivery_stream');
    const dependsOn = stream.depends_on as string[];
    const policies = splunk.resource.aws_iam_role_policy!;
    const [policyName] = Object.entries(policies).find(([, p]) => p.name === 'acme-guardduty-firehose')!;
    expect(dependsOn).toContain(`aws_iam_role_policy.${policyName}`);
    // Terraform parses depends_on entries as bare expressions: "${...}" fails terraform init.
    for (const entry of dependsOn) {
      const ast = await getExpressionAst('main.tf', entry);
      expect(ast?.type).toBe('scopeTraversal');
      const [type, name] = entry.split('.');
      expect(splunk.resource[type!]?.[name!]).toBeDefined();
    }
  });
});

describe('suppression filter order', () => {
  it('creates the filters one after another in rank order, since GuardDuty allows no gap in ranks', () => {
    const { region } = estate(`
suppressions:
  - { name: late, rank: 9, criteria: { types: [Recon:EC2/PortProbeUnprotectedPort], resourceRole: ACTOR } }
  - { name: early, criteria: { types: [Recon:EC2/PortProbeUnprotectedPort], resourceRole: TARGET } }
`);
    const json = region('eu-west-1');
    const filters = json.resource.aws_guardduty_filter!;
    const byName = Object.fromEntries(Object.entries(filters).map(([address, f]) => [f.name as string, { address, f }]));
    expect(byName['acme-early']!.f.rank).toBe(1);
    expect(byName['acme-early']!.f).not.toHaveProperty('depends_on');
    expect(byName['acme-late']!.f.rank).toBe(2);
    expect(byName['acme-late']!.f.depends_on).toEqual([`aws_guardduty_filter.${byName['acme-early']!.address}`]);
  });
});
