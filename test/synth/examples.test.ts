import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { synthesize } from '../../main';
import { projectOutdir } from './output-dir';
import { eventMatchesPattern } from '../support/event-pattern-matcher';
import { apiCallEvent, assumedRole, BENIGN_CALLS, TAMPER_CALLS } from '../tamper/sample-events';

/**
 * Named assertions for each example config, beside the whole-stack
 * snapshots (which `-u` accepts whatever they hold): the partition of every
 * ARN, the stacks and their dependencies, each detector feature's status in
 * each region, and the regions. The expectations are written out here from
 * what each config says and AWS's documented defaults, not computed by the
 * code under test.
 */
const ROOT = join(__dirname, '..', '..');

// Default-enabled commercial regions (enabled in every account) and the opt-in ones.
const DEFAULT_REGIONS = [
  'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'ap-south-1', 'ap-southeast-1', 'ap-southeast-2', 'ap-northeast-1', 'ap-northeast-2',
  'ap-northeast-3', 'ca-central-1', 'eu-central-1', 'eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-north-1', 'sa-east-1',
];
const OPT_IN_REGIONS = [
  'af-south-1', 'ap-east-1', 'ap-east-2', 'ap-south-2', 'ap-southeast-3', 'ap-southeast-4', 'ap-southeast-5', 'ap-southeast-7',
  'ca-west-1', 'eu-central-2', 'eu-south-1', 'eu-south-2', 'il-central-1', 'me-central-1', 'me-south-1', 'mx-central-1',
];

type Status = 'ENABLED' | 'DISABLED';
interface FeatureExpectation {
  status: Status;
  additional?: Record<string, Status>;
}

/** What GuardDuty-cdktf sets when the config leaves a feature out: Runtime Monitoring is opt-in, the rest on. */
const DEFAULT_FEATURES: Record<string, FeatureExpectation> = {
  S3_DATA_EVENTS: { status: 'ENABLED' },
  EKS_AUDIT_LOGS: { status: 'ENABLED' },
  EBS_MALWARE_PROTECTION: { status: 'ENABLED' },
  RDS_LOGIN_EVENTS: { status: 'ENABLED' },
  LAMBDA_NETWORK_LOGS: { status: 'ENABLED' },
  RUNTIME_MONITORING: { status: 'DISABLED', additional: { EKS_ADDON_MANAGEMENT: 'DISABLED', ECS_FARGATE_AGENT_MANAGEMENT: 'DISABLED', EC2_AGENT_MANAGEMENT: 'DISABLED' } },
};
/** RDS Protection is not offered there (GuardDuty User Guide, Region-specific feature availability): no feature resource. */
const RDS_UNAVAILABLE = ['ap-east-2'];

interface Example {
  file: string;
  partition: 'aws' | 'aws-us-gov';
  home: string;
  regions: string[];
  organization?: boolean;
  /** Member account -> its regions. */
  members?: Record<string, string[]>;
  /** Accounts other than the admin with buckets under Malware Protection for S3: a stack each, depending on nothing. */
  malwareAccounts?: string[];
  features: Record<string, FeatureExpectation>;
  /** Tamper alerts: the accounts whose calls are watched (stack -> account and regions), who pages, who does not. */
  tamper?: {
    senders: Record<string, { account: string; regions: string[] }>;
    route: string;
    quiet: string[];
  };
  /**
   * The member plans the admin sets, account -> plan -> status, in every
   * region where the account is a member: invitation mode every plan of
   * every member; organization mode only the overridden plans.
   */
  memberFeatures?: Record<string, Record<string, FeatureExpectation>>;
}

const RM_ON_EC2_OFF: FeatureExpectation = { status: 'ENABLED', additional: { EKS_ADDON_MANAGEMENT: 'ENABLED', ECS_FARGATE_AGENT_MANAGEMENT: 'ENABLED', EC2_AGENT_MANAGEMENT: 'DISABLED' } };

const EXAMPLES: Example[] = [
  { file: 'guardduty.yaml', partition: 'aws', home: 'us-east-1', regions: [...DEFAULT_REGIONS, 'eu-central-2'], features: { ...DEFAULT_FEATURES, RUNTIME_MONITORING: RM_ON_EC2_OFF } },
  { file: 'examples/all-regions.yaml', partition: 'aws', home: 'us-east-1', regions: [...DEFAULT_REGIONS, ...OPT_IN_REGIONS], features: { ...DEFAULT_FEATURES, RUNTIME_MONITORING: { status: 'ENABLED' } } },
  { file: 'examples/govcloud.yaml', partition: 'aws-us-gov', home: 'us-gov-west-1', regions: ['us-gov-east-1', 'us-gov-west-1'], features: DEFAULT_FEATURES },
  {
    file: 'examples/invitation.yaml',
    partition: 'aws',
    home: 'us-east-1',
    regions: ['us-east-1', 'us-west-2', 'eu-west-1'],
    members: { '333333333333': ['us-east-1', 'us-west-2', 'eu-west-1'], '444444444444': ['us-east-1'] },
    features: DEFAULT_FEATURES,
    tamper: {
      senders: {
        'guardduty-member-333333333333': { account: '333333333333', regions: ['us-east-1', 'us-west-2', 'eu-west-1'] },
        'guardduty-member-444444444444': { account: '444444444444', regions: ['us-east-1'] },
      },
      route: 'high',
      quiet: ['arn:aws:iam::111111111111:role/GuardDutyDeployer'],
    },
    // 444444444444 is the sandbox (memberOverrides); 333333333333 gets the admin's plans.
    memberFeatures: {
      '333333333333': DEFAULT_FEATURES,
      '444444444444': { ...DEFAULT_FEATURES, EKS_AUDIT_LOGS: { status: 'DISABLED' }, EBS_MALWARE_PROTECTION: { status: 'DISABLED' } },
    },
  },
  {
    file: 'examples/malware-protection.yaml',
    partition: 'aws',
    home: 'eu-west-1',
    regions: ['eu-west-1', 'us-east-1'],
    malwareAccounts: ['555555555555'],
    features: DEFAULT_FEATURES,
  },
  { file: 'examples/minimal.yaml', partition: 'aws', home: 'eu-west-1', regions: DEFAULT_REGIONS, features: DEFAULT_FEATURES },
  {
    file: 'examples/organization.yaml',
    partition: 'aws',
    home: 'eu-west-1',
    regions: ['us-east-1', 'eu-central-1', 'eu-west-1'],
    organization: true,
    features: { ...DEFAULT_FEATURES, RUNTIME_MONITORING: RM_ON_EC2_OFF },
    tamper: {
      senders: { 'guardduty-management': { account: '222222222222', regions: ['us-east-1', 'eu-central-1', 'eu-west-1'] } },
      route: 'high',
      quiet: ['arn:aws:iam::111111111111:role/GuardDutyDeployer', 'arn:aws:iam::222222222222:role/GuardDutyOrgDeployer', 'arn:aws:iam::111111111111:role/GuardDutyCi'],
    },
    // The two sandboxes skip EKS audit logs and Runtime Monitoring (agent management off with it); the rest follow auto-enable.
    memberFeatures: Object.fromEntries(
      ['555555555555', '666666666666'].map((account) => [
        account,
        {
          EKS_AUDIT_LOGS: { status: 'DISABLED' },
          RUNTIME_MONITORING: { status: 'DISABLED', additional: { EKS_ADDON_MANAGEMENT: 'DISABLED', ECS_FARGATE_AGENT_MANAGEMENT: 'DISABLED', EC2_AGENT_MANAGEMENT: 'DISABLED' } },
        },
      ]),
    ),
  },
  { file: 'examples/siem-and-flow-logs.yaml', partition: 'aws', home: 'eu-west-1', regions: ['eu-west-1', 'us-east-1'], features: DEFAULT_FEATURES },
];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
interface Manifest {
  stacks: Record<string, { dependencies: string[] }>;
}
interface FeatureResource {
  name: string;
  status: string;
  additional_configuration?: { name: string; status: string }[];
}
interface MemberFeatureResource extends FeatureResource {
  region: string;
  for_each: Record<string, Record<string, string>>;
  depends_on?: string[];
}
interface StackJson {
  provider?: { aws?: { region: string }[] };
  resource?: Record<string, Record<string, Json>>;
}

/** Every string in a JSON value, keys included. */
function strings(value: Json, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      strings(v, out);
    }
  }
  return out;
}

const regionalStack = (region: string) => `guardduty-${region}`;
const sorted = (xs: string[]) => [...xs].sort();

it('every example config has named assertions here', () => {
  const examples = readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.yaml')).map((f) => `examples/${f}`);
  expect(sorted(EXAMPLES.map((e) => e.file))).toEqual(sorted(['guardduty.yaml', ...examples]));
});

describe.each(EXAMPLES)('$file', (example) => {
  const outdir = projectOutdir();
  synthesize({ configFile: join(ROOT, example.file), outdir });
  const manifest = JSON.parse(readFileSync(join(outdir, 'manifest.json'), 'utf8')) as Manifest;
  const stackNames = Object.keys(manifest.stacks);
  const text = Object.fromEntries(stackNames.map((name) => [name, readFileSync(join(outdir, 'stacks', name, 'cdk.tf.json'), 'utf8')]));
  const json = (name: string) => JSON.parse(text[name]!) as StackJson;

  it(`every ARN in every stack is in the ${example.partition} partition`, () => {
    const partitions = new Map<string, string[]>();
    for (const name of stackNames) {
      for (const s of strings(JSON.parse(text[name]!) as Json)) {
        for (const m of s.matchAll(/\barn:([^:]*):/g)) partitions.set(m[1]!, [...(partitions.get(m[1]!) ?? []), `${name}: ${s.slice(0, 120)}`]);
      }
    }
    expect(partitions.get(example.partition)?.length ?? 0).toBeGreaterThan(0);
    const foreign = [...partitions.entries()].filter(([p]) => p !== example.partition).flatMap(([, where]) => where);
    expect(foreign).toEqual([]);
  });

  it('has exactly the stacks the config implies, with their dependencies', () => {
    const wanted: Record<string, string[]> = { 'guardduty-home': [] };
    if (example.organization) wanted['guardduty-management'] = ['guardduty-home'];
    for (const region of example.regions) wanted[regionalStack(region)] = example.organization ? ['guardduty-home', 'guardduty-management'] : ['guardduty-home'];
    const members = Object.entries(example.members ?? {});
    for (const [account, regions] of members) wanted[`guardduty-member-${account}`] = regions.map(regionalStack);
    if (members.length > 0) wanted['guardduty-member-features'] = members.map(([account]) => `guardduty-member-${account}`);
    for (const account of example.malwareAccounts ?? []) wanted[`guardduty-malware-${account}`] = [];
    const actual = Object.fromEntries(Object.entries(manifest.stacks).map(([name, s]) => [name, sorted(s.dependencies)]));
    expect(actual).toEqual(Object.fromEntries(Object.entries(wanted).map(([name, deps]) => [name, sorted(deps)])));
  });

  it(`home stack in ${example.home}, each regional stack in its own region, with one detector`, () => {
    expect(json('guardduty-home').provider?.aws?.map((p) => p.region)).toEqual([example.home]);
    const regions = stackNames.filter((n) => json(n).resource?.aws_guardduty_detector && !n.startsWith('guardduty-member-')).map((n) => json(n).provider!.aws![0]!.region);
    expect(sorted(regions)).toEqual(sorted(example.regions));
    for (const region of example.regions) {
      const stack = json(regionalStack(region));
      expect(stack.provider?.aws?.map((p) => p.region)).toEqual([region]);
      expect(Object.keys(stack.resource?.aws_guardduty_detector ?? {})).toHaveLength(1);
    }
  });

  it('each detector feature has its expected status in each region', () => {
    const mismatches: string[] = [];
    for (const region of example.regions) {
      const resources = Object.values(json(regionalStack(region)).resource?.aws_guardduty_detector_feature ?? {}) as unknown as FeatureResource[];
      const actual = Object.fromEntries(
        resources.map((f) => [
          f.name,
          { status: f.status, ...(f.additional_configuration ? { additional: Object.fromEntries(f.additional_configuration.map((a) => [a.name, a.status])) } : {}) },
        ]),
      );
      const wanted: Record<string, FeatureExpectation> = {};
      for (const [name, feature] of Object.entries(example.features)) {
        if (name === 'RDS_LOGIN_EVENTS' && RDS_UNAVAILABLE.includes(region)) continue;
        wanted[name] = feature;
      }
      for (const name of new Set([...Object.keys(wanted), ...Object.keys(actual)])) {
        const w = wanted[name];
        const a = actual[name];
        if (!w || !a) mismatches.push(`${region} ${name}: wanted ${w ? w.status : 'no resource'}, got ${a ? a.status : 'no resource'}`);
        else if (a.status !== w.status) mismatches.push(`${region} ${name}: wanted ${w.status}, got ${a.status}`);
        else if (w.additional) {
          for (const [extra, status] of Object.entries(w.additional)) {
            if (a.additional?.[extra] !== status) mismatches.push(`${region} ${name}.${extra}: wanted ${status}, got ${a.additional?.[extra] ?? 'nothing'}`);
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('each member gets its plans (the override, else the default) in each of its regions, set in the admin account', () => {
    const wanted: string[] = [];
    for (const [account, features] of Object.entries(example.memberFeatures ?? {})) {
      for (const region of example.members?.[account] ?? example.regions) {
        for (const [name, f] of Object.entries(features)) {
          wanted.push(`${region} ${account} ${name}=${f.status}`, ...Object.entries(f.additional ?? {}).map(([extra, st]) => `${region} ${account} ${name}.${extra}=${st}`));
        }
      }
    }
    const actual: string[] = [];
    const adminStacks = stackNames.filter((n) => !n.startsWith('guardduty-member-') || n === 'guardduty-member-features');
    for (const name of adminStacks) {
      for (const r of Object.values(json(name).resource?.aws_guardduty_member_detector_feature ?? {}) as unknown as MemberFeatureResource[]) {
        for (const [account, values] of Object.entries(r.for_each)) {
          actual.push(`${r.region} ${account} ${r.name}=${values.status}`, ...(r.additional_configuration ?? []).map((a) => `${r.region} ${account} ${r.name}.${a.name}=${values[a.name]}`));
        }
      }
    }
    expect(sorted(actual)).toEqual(sorted(wanted));
  });

  if (example.organization) {
    it('organization mode: member plans wait for the organization configuration of their region (terraform-provider-aws PR 35625)', () => {
      for (const region of example.regions) {
        const stack = json(regionalStack(region));
        const orgFeatures = Object.keys(stack.resource?.aws_guardduty_organization_configuration_feature ?? {}).map((id) => `aws_guardduty_organization_configuration_feature.${id}`);
        const member = Object.values(stack.resource?.aws_guardduty_member_detector_feature ?? {}) as unknown as MemberFeatureResource[];
        expect(member.length).toBeGreaterThan(0);
        for (const r of member) {
          expect(r.depends_on).toEqual(expect.arrayContaining([expect.stringMatching(/^aws_guardduty_organization_configuration\./), ...orgFeatures]));
          expect(r.region).toBe(region);
        }
      }
    });
  }

  const tamper = example.tamper;
  if (tamper) {
    const homeBusArn = `arn:aws:events:${example.home}:111111111111:event-bus/acme-guardduty-findings`;
    const resources = (stack: string, type: string) => Object.values(json(stack).resource?.[type] ?? {}) as unknown as Record<string, Json>[];
    const ref = (v: Json) => String(v).match(/^\$\{aws_cloudwatch_event_rule\.([^.]+)\.name\}$/)?.[1];
    /** The tamper forwarding rules of a stack, by region, with their one target each. */
    const forwarders = (stack: string) => {
      const rules = json(stack).resource?.aws_cloudwatch_event_rule ?? {};
      const byRule = new Map(resources(stack, 'aws_cloudwatch_event_target').map((t) => [ref(t.rule!), t]));
      return Object.entries(rules)
        .filter(([, r]) => String((r as Record<string, Json>).name).startsWith('acme-gd-tamper-') && !(r as Record<string, Json>).event_bus_name)
        .map(([id, r]) => {
          const rule = r as Record<string, Json>;
          return { region: String(rule.region ?? json(stack).provider!.aws![0]!.region), name: String(rule.name), pattern: JSON.parse(String(rule.event_pattern)) as unknown, target: byRule.get(id)! };
        });
    };
    const senders: Record<string, { account: string; regions: string[] }> = {
      ...Object.fromEntries(example.regions.map((r) => [regionalStack(r), { account: '111111111111', regions: [r] }])),
      ...tamper.senders,
    };

    it('tamper alerts: every account and region that can make the calls forwards them to the findings bus, with retries and a dead-letter queue', () => {
      for (const [stack, { account, regions }] of Object.entries(senders)) {
        const rules = forwarders(stack);
        expect(sorted(rules.map((r) => `${r.region} ${r.name}`))).toEqual(sorted(regions.flatMap((r) => [`${r} acme-gd-tamper-guardduty`, `${r} acme-gd-tamper-trail`])));
        const role = account === '111111111111' ? 'arn:aws:iam::111111111111:role/acme-guardduty-forwarder' : `arn:aws:iam::${account}:role/acme-guardduty-tamper-sender`;
        // A sender role made in the same stack: its targets wait for the role's policy (the ARN is a plain string).
        const senderPolicy = Object.keys(json(stack).resource?.aws_iam_role_policy ?? {}).find((id) => id.includes('TamperAlerts'));
        for (const r of rules) {
          expect(r.target.arn).toBe(homeBusArn);
          expect(r.target.role_arn).toBe(role);
          if (account !== '111111111111') expect([r.name, r.target.depends_on]).toEqual([r.name, [`aws_iam_role_policy.${senderPolicy}`]]);
          expect((r.target.dead_letter_config as { arn: string }).arn).toMatch(/aws_sqs_queue\./);
          expect(r.target.retry_policy).toEqual({ maximum_event_age_in_seconds: 86400, maximum_retry_attempts: 185 });
        }
        const alarms = resources(stack, 'aws_cloudwatch_metric_alarm').filter((a) => a.metric_name === 'FailedInvocations').map((a) => `${String(a.region ?? json(stack).provider!.aws![0]!.region)} ${(a.dimensions as Record<string, string>).RuleName}`);
        for (const r of rules) expect(alarms).toContain(`${r.region} ${r.name}`);
      }
    });

    it('tamper alerts: in the management and member stacks, every resource of a region is in that region', () => {
      const wrong: string[] = [];
      for (const [stack, { regions }] of Object.entries(tamper.senders)) {
        for (const [type, byId] of Object.entries(json(stack).resource ?? {})) {
          for (const [id, r] of Object.entries(byId)) {
            const path = String(((r as Record<string, Json>)['//'] as { metadata: { path: string } }).metadata.path);
            const region = regions.find((reg) => path.includes(`/TamperAlerts/DeliveryFailures-${reg}/`) || path.includes(`/TamperAlerts/Forwarder-${reg}/`));
            if (region && (r as Record<string, Json>).region !== region) wrong.push(`${stack} ${type}.${id}: region ${String((r as Record<string, Json>).region)}, wanted ${region}`);
            if (path.includes('/TamperAlerts/') && !region && !type.startsWith('aws_iam_')) wrong.push(`${stack} ${type}.${id}: in no region's construct`);
          }
        }
      }
      expect(wrong).toEqual([]);
    });

    it('tamper alerts: each listed action matches a synthesized forwarding pattern in every region, the benign calls none', () => {
      for (const stack of Object.keys(senders)) {
        const byRegion = new Map<string, unknown[]>();
        for (const r of forwarders(stack)) byRegion.set(r.region, [...(byRegion.get(r.region) ?? []), r.pattern]);
        for (const [region, patterns] of byRegion) {
          for (const [name, call] of Object.entries(TAMPER_CALLS)) expect([stack, region, name, patterns.filter((p) => eventMatchesPattern(p, apiCallEvent(call, undefined, region))).length]).toEqual([stack, region, name, 1]);
          for (const [name, call] of Object.entries(BENIGN_CALLS)) expect([stack, region, name, patterns.some((p) => eventMatchesPattern(p, apiCallEvent(call, undefined, region)))]).toEqual([stack, region, name, false]);
        }
      }
    });

    it('tamper alerts: the findings bus admits exactly the forwarder and the sender roles', () => {
      const busPolicy = JSON.parse(String(resources('guardduty-home', 'aws_cloudwatch_event_bus_policy')[0]!.policy)) as { Statement: { Sid: string; Condition?: Record<string, Record<string, string | string[]>> }[] };
      const senderRoles = Object.values(tamper.senders).map((s) => `arn:aws:iam::${s.account}:role/acme-guardduty-tamper-sender`);
      const allow = busPolicy.Statement.find((st) => st.Sid === 'AllowTamperSenders')!;
      expect(sorted([allow.Condition!.ArnEquals!['aws:PrincipalArn']].flat())).toEqual(sorted(senderRoles));
      const deny = busPolicy.Statement.find((st) => st.Sid === 'DenyEveryOtherPrincipal')!;
      expect(sorted([deny.Condition!.ArnNotEquals!['aws:PrincipalArn']].flat())).toEqual(sorted(['arn:aws:iam::111111111111:role/acme-guardduty-forwarder', ...senderRoles]));
    });

    it(`tamper alerts: on the findings bus, every call is logged and other principals than the quiet roles page through ${tamper.route}`, () => {
      const rules = Object.fromEntries(resources('guardduty-home', 'aws_cloudwatch_event_rule').map((r) => [String(r.name), r]));
      const log = JSON.parse(String(rules['acme-gd-tamper-to-logs']!.event_pattern)) as unknown;
      const page = JSON.parse(String(rules['acme-gd-tamper-alert']!.event_pattern)) as unknown;
      const deleteDetector = TAMPER_CALLS.DeleteDetector!;
      for (const role of tamper.quiet) {
        expect(eventMatchesPattern(log, apiCallEvent(deleteDetector, assumedRole(role)))).toBe(true);
        expect([role, eventMatchesPattern(page, apiCallEvent(deleteDetector, assumedRole(role)))]).toEqual([role, false]);
      }
      expect(eventMatchesPattern(page, apiCallEvent(deleteDetector, assumedRole('arn:aws:iam::111111111111:role/SomeoneElse')))).toBe(true);
      const topicArn = `arn:aws:sns:${example.home}:111111111111:acme-guardduty-${tamper.route}`;
      const targets = resources('guardduty-home', 'aws_cloudwatch_event_target');
      expect(targets.filter((t) => t.arn === topicArn).map((t) => String(t.rule))).toEqual(expect.arrayContaining([expect.stringContaining('TamperAlerts_Alert_Rule')]));
      const topicPolicy = resources('guardduty-home', 'aws_sns_topic_policy').map((p) => String(p.policy)).find((p) => p.includes(topicArn))!;
      expect(topicPolicy).toContain(`arn:aws:events:${example.home}:111111111111:rule/acme-guardduty-findings/acme-gd-tamper-alert`);
    });
  }
});
