import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IamNoAdminWildcard } from '../../modules/guardrails/rules/iam-no-admin-wildcard';
import type { StackResources, SynthesizedResource } from '../../modules/guardrails/model';
import { ciRoleActions, ciRolePolicy, type CiRole } from '../../src/deploy/ci-policies';
import { ACCOUNT_KINDS, ACCOUNT_TERRAFORM_TYPES, accountKindOfStack, isReadAction, TERRAFORM_IAM_ACTIONS } from '../../src/deploy/iam-actions';
import { readSynthOutput } from '../../src/deploy/synth-output';
import { asList, type PolicyDocument } from '../../src/policy/document';
import { CI_ROLES, ciPolicyFileName, IAM_DIR, staleIamFiles } from '../../scripts/write-iam';
import { EXAMPLES, ROOT, synthExample } from './synth-examples';

const FILES = CI_ROLES.flatMap((role) => ACCOUNT_KINDS.map((account) => ({ role, account, file: ciPolicyFileName(role, account) })));
const read = (file: string): PolicyDocument => JSON.parse(readFileSync(join(IAM_DIR, file), 'utf8'));

/** The types (`data.<type>` for data sources) each stack of an example synthesizes. */
function typesByStack(example: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [stack, json] of Object.entries(readSynthOutput(synthExample(example)).stacks)) {
    const resources = Object.keys((json.resource ?? {}) as object);
    const data = Object.keys((json.data ?? {}) as object).map((t) => `data.${t}`);
    out.set(stack, [...resources, ...data]);
  }
  return out;
}

const glob = (pattern: string) => new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);

describe('CI role policies (docs/iam/ci-*.json)', () => {
  it('docs/iam/ci-*.json are current (npm run iam)', () => {
    expect(staleIamFiles().map(([file]) => file)).toEqual([]);
  });

  it.each(EXAMPLES)('every resource and data type of %s has IAM actions, listed for the account its stack runs in', (example) => {
    const missing: string[] = [];
    for (const [stack, types] of typesByStack(example)) {
      const account = accountKindOfStack(stack);
      for (const type of types) {
        if (!(type in TERRAFORM_IAM_ACTIONS)) missing.push(`${stack}: ${type} has no entry in src/deploy/iam-actions.ts`);
        if (!ACCOUNT_TERRAFORM_TYPES[account].includes(type)) missing.push(`${stack}: ${type} is not in ACCOUNT_TERRAFORM_TYPES.${account}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('every listed type has an entry, and every read action reads', () => {
    for (const types of Object.values(ACCOUNT_TERRAFORM_TYPES)) for (const type of types) expect(TERRAFORM_IAM_ACTIONS).toHaveProperty([type]);
    const notReading = Object.entries(TERRAFORM_IAM_ACTIONS).flatMap(([type, { read }]) => read.filter((a) => !isReadAction(a)).map((a) => `${type}: ${a}`));
    expect(notReading).toEqual([]);
  });

  it('puts each stack in its account', () => {
    expect(accountKindOfStack('guardduty-home')).toBe('admin');
    expect(accountKindOfStack('guardduty-eu-west-1')).toBe('admin');
    expect(accountKindOfStack('guardduty-member-features')).toBe('admin');
    expect(accountKindOfStack('guardduty-management')).toBe('management');
    expect(accountKindOfStack('guardduty-member-333333333333')).toBe('member');
    expect(accountKindOfStack('guardduty-malware-555555555555')).toBe('malware');
  });

  it.each(FILES)('$file passes GD-IAM-1 (no "*" on "*", no NotAction, no iam:PassRole on "*")', ({ file }) => {
    const text = readFileSync(join(IAM_DIR, file), 'utf8');
    const resource: SynthesizedResource = { type: 'aws_iam_policy', name: file, address: `aws_iam_policy.${file}`, path: file, attributes: { policy: text } };
    const stack: StackResources = { stackName: 'ci', resources: [resource], accountIds: [] };
    expect(IamNoAdminWildcard.check(resource, stack)).toEqual([]);
    // The rule does judge these documents: the same file with PassRole on "*" fails it.
    const widened = { ...read(file), Statement: [...read(file).Statement, { Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' }] };
    expect(IamNoAdminWildcard.check({ ...resource, attributes: { policy: JSON.stringify(widened) } }, stack)).toHaveLength(1);
  });

  it.each(FILES)('$file has no wildcard action, no Deny and no NotResource', ({ file }) => {
    for (const s of read(file).Statement) {
      expect(s.Effect).toBe('Allow');
      expect(asList(s.Action).filter((a) => a.includes('*'))).toEqual([]);
      expect(s.NotAction).toBeUndefined();
      expect(s.NotResource).toBeUndefined();
    }
  });

  it.each(ACCOUNT_KINDS)('the %s plan role only reads, and the deploy role may do what the plan role may', (account) => {
    const plan = ciRoleActions(account, 'plan');
    expect(plan.length).toBeGreaterThan(0);
    expect(plan.filter((a) => !isReadAction(a))).toEqual([]);
    expect(ciRoleActions(account, 'deploy')).toEqual(expect.arrayContaining(plan));
  });

  it('passes only the project roles, to the services that use them', () => {
    const statements = read('ci-deploy-admin.json').Statement.filter((s) => asList(s.Action).includes('iam:PassRole'));
    expect(statements).toHaveLength(1);
    expect(asList(statements[0]!.Action)).toEqual(['iam:PassRole']);
    expect(statements[0]!.Resource).toBe('arn:aws:iam::111111111111:role/acme-guardduty-*');
    expect(statements[0]!.Condition).toEqual({
      StringEquals: { 'iam:PassedToService': ['events.amazonaws.com', 'firehose.amazonaws.com', 'malware-protection-plan.guardduty.amazonaws.com', 'vpc-flow-logs.amazonaws.com'] },
    });
    // The management and member accounts pass only the tamper alerts' sender role, to EventBridge.
    for (const account of ['management', 'member'] as const) {
      const pass = read(`ci-deploy-${account}.json`).Statement.filter((s) => asList(s.Action).includes('iam:PassRole'));
      expect(pass).toHaveLength(1);
      expect(asList(pass[0]!.Action)).toEqual(['iam:PassRole']);
      expect(pass[0]!.Resource).toMatch(/^arn:aws:iam::\d{12}:role\/acme-guardduty-tamper-sender$/);
      expect(pass[0]!.Condition).toEqual({ StringEquals: { 'iam:PassedToService': 'events.amazonaws.com' } });
    }
    for (const account of ACCOUNT_KINDS) expect(ciRoleActions(account, 'plan')).not.toContain('iam:PassRole');
  });

  it.each(EXAMPLES)('the deploy role of the admin account reaches every named resource of %s (the names follow the scopes)', (example) => {
    const prefix = /^prefix:\s*(\S+)/m.exec(readFileSync(join(ROOT, 'examples', example), 'utf8'))?.[1] ?? 'guardduty';
    const policy = ciRolePolicy('admin', 'deploy', { partition: 'aws', accountId: '111111111111', prefix });
    const patterns = (action: string) =>
      policy.Statement.filter((s) => asList(s.Action).includes(action)).flatMap((s) => asList(s.Resource).map(glob));
    const arnOf: Record<string, [string, (a: Record<string, string>) => string]> = {
      aws_iam_role: ['iam:CreateRole', (a) => `arn:aws:iam::111111111111:role/${a.name}`],
      aws_s3_bucket: ['s3:CreateBucket', (a) => `arn:aws:s3:::${a.bucket}`],
      aws_cloudwatch_log_group: ['logs:CreateLogGroup', (a) => `arn:aws:logs:eu-west-1:111111111111:log-group:${a.name}`],
      aws_sns_topic: ['sns:CreateTopic', (a) => `arn:aws:sns:eu-west-1:111111111111:${a.name}`],
      aws_kinesis_firehose_delivery_stream: ['firehose:CreateDeliveryStream', (a) => `arn:aws:firehose:eu-west-1:111111111111:deliverystream/${a.name}`],
      aws_cloudwatch_event_bus: ['events:CreateEventBus', (a) => `arn:aws:events:eu-west-1:111111111111:event-bus/${a.name}`],
      aws_cloudwatch_event_rule: [
        'events:PutRule',
        (a) => `arn:aws:events:eu-west-1:111111111111:rule/${a.event_bus_name && a.event_bus_name !== 'default' ? `${a.event_bus_name}/` : ''}${a.name}`,
      ],
      aws_kms_alias: ['kms:CreateAlias', (a) => `arn:aws:kms:eu-west-1:111111111111:${a.name}`],
    };
    const unreachable: string[] = [];
    let checked = 0;
    for (const [stack, json] of Object.entries(readSynthOutput(synthExample(example)).stacks)) {
      if (accountKindOfStack(stack) !== 'admin') continue;
      const blocks = (json.resource ?? {}) as Record<string, Record<string, Record<string, string>>>;
      // `${aws_cloudwatch_event_bus.FindingsBus.name}`: the name of another resource of the stack.
      const resolve = (text: string) => text.replace(/\$\{(\w+)\.([\w-]+)\.name\}/g, (ref, type: string, name: string) => blocks[type]?.[name]?.name ?? ref);
      for (const [type, byName] of Object.entries(blocks)) {
        const rule = arnOf[type];
        if (!rule) continue;
        for (const [name, attributes] of Object.entries(byName)) {
          const arn = resolve(rule[1](attributes));
          checked++;
          if (arn.includes('${') || !patterns(rule[0]).some((p) => p.test(arn))) unreachable.push(`${stack} ${type}.${name}: ${arn}`);
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
    expect(unreachable).toEqual([]);
  });

  it.each(CI_ROLES.map((role): [CiRole] => [role]))('%s: the member account role touches GuardDuty, and only what the tamper alerts add', (role) => {
    // The tamper alerts' sender: its role, rules, dead-letter queues, alarms, alarm topics and their keys.
    const tamperServices = ['events:', 'cloudwatch:', 'iam:', 'kms:', 'sns:', 'sqs:'];
    expect(ciRoleActions('member', role).filter((a) => !a.startsWith('guardduty:') && !tamperServices.some((p) => a.startsWith(p)))).toEqual([]);
    expect(ciRoleActions('member', role).filter((a) => a.startsWith('guardduty:')).length).toBeGreaterThan(0);
  });

  it('writes the policy of a quarantined bucket the project does not own only when it is named (Malware Protection for S3)', () => {
    const target = { partition: 'aws', accountId: '111111111111', prefix: 'acme' };
    const grants = (doc: PolicyDocument, action: string) => doc.Statement.filter((s) => asList(s.Action).includes(action)).flatMap((s) => asList(s.Resource));
    expect(grants(ciRolePolicy('admin', 'deploy', target), 's3:PutBucketPolicy')).toEqual(['arn:aws:s3:::acme-gd-*', 'arn:aws:s3:::acme-gd-*/*']);
    const named = ciRolePolicy('admin', 'deploy', { ...target, quarantinedBuckets: ['acme-customer-uploads'] });
    expect(grants(named, 's3:PutBucketPolicy')).toEqual(['arn:aws:s3:::acme-gd-*', 'arn:aws:s3:::acme-customer-uploads']);
    // Only the bucket policy: nothing else of the user's bucket.
    expect(grants(named, 's3:PutBucketVersioning')).not.toContain('arn:aws:s3:::acme-customer-uploads');
  });

  it.each(CI_ROLES.map((role): [CiRole] => [role]))('%s: an account with protected buckets touches only plans, their roles and bucket policies', (role) => {
    const services = new Set(ciRoleActions('malware', role).map((a) => a.split(':')[0]));
    expect([...services].sort()).toEqual(['guardduty', 'iam', 's3']);
    expect(ciRoleActions('malware', role).filter((a) => a.startsWith('guardduty:') && !/MalwareProtectionPlan|TagResource|UntagResource|ListTagsForResource/.test(a))).toEqual([]);
    const doc = ciRolePolicy('malware', role, { partition: 'aws', accountId: '555555555555', prefix: 'acme' });
    expect(doc.Statement.find((s) => s.Sid === 'GuardDutyDetectors')?.Resource).toContain('arn:aws:guardduty:*:555555555555:malware-protection-plan/*');
  });
});
