import { parseConfig } from '../../src/config';
import { planEstate } from '../../src/plan/plan';
import { eventMatchesPattern } from '../support/event-pattern-matcher';
import { apiCallEvent, assumedRole, TAMPER_CALLS } from '../tamper/sample-events';

const base = `
prefix: acme
homeRegion: eu-west-1
accounts:
  admin: { accountId: "111111111111", assumeRoleArn: "arn:aws:iam::111111111111:role/Deployer" }
regions: { include: [eu-west-1, us-east-1] }
overrides: [{ rule: GD-DET-6, reason: "a test estate of a few regions keeps its output small" }]
alerts: [ { name: high, minSeverity: High, topicArn: "arn:aws:sns:eu-west-1:111111111111:pager" } ]
`;
const org = (managementAccount: string) => `
organization: { enabled: true }
accounts:
  admin: { accountId: "111111111111", assumeRoleArn: "arn:aws:iam::111111111111:role/Deployer" }
  management: { accountId: "${managementAccount}", assumeRoleArn: "arn:aws:iam::${managementAccount}:role/OrgDeployer" }
`;
const withOrg = (managementAccount: string, extra: string) => `${base.replace(/accounts:\n.*\n/, '')}${org(managementAccount)}${extra}`;
const deleteDetector = TAMPER_CALLS.DeleteDetector!;

describe('tamper alerts plan', () => {
  it('plans nothing, and changes no policy, without tamperAlerts', () => {
    const plan = planEstate(parseConfig(base));
    expect(plan.home.findings.tamper).toBeUndefined();
    for (const r of plan.regional) expect(r.findings.tamper).toBeUndefined();
    expect(JSON.stringify(plan.home.findings.forwarderTrustPolicy)).not.toContain('tamper');
    expect(JSON.stringify(plan.home.findings.logGroup.resourcePolicy)).not.toContain('tamper');
    const off = planEstate(parseConfig(`${base}tamperAlerts: { enabled: false, alertRoute: high }\n`));
    expect(off.home.findings.tamper).toBeUndefined();
  });

  it('forwards from every region with the forwarder role, which trusts those rules, and logs through the shared resource policy', () => {
    const plan = planEstate(parseConfig(`${base}tamperAlerts: {}\n`));
    for (const r of plan.regional) {
      expect(r.findings.tamper?.rules.map((x) => x.ruleName)).toEqual(['acme-gd-tamper-guardduty', 'acme-gd-tamper-trail']);
      expect(r.findings.tamper?.roleArn).toBe('arn:aws:iam::111111111111:role/acme-guardduty-forwarder');
      expect(r.findings.delivery.rules.map((d) => d.ruleArn)).toEqual([
        `arn:aws:events:${r.region}:111111111111:rule/acme-guardduty-findings`,
        `arn:aws:events:${r.region}:111111111111:rule/acme-gd-tamper-guardduty`,
        `arn:aws:events:${r.region}:111111111111:rule/acme-gd-tamper-trail`,
      ]);
    }
    const trust = plan.home.findings.forwarderTrustPolicy.Statement[0]!.Condition!.ArnLike!['aws:SourceArn'];
    expect(trust).toEqual([
      'arn:aws:events:*:111111111111:rule/acme-guardduty-findings',
      'arn:aws:events:*:111111111111:rule/acme-gd-tamper-guardduty',
      'arn:aws:events:*:111111111111:rule/acme-gd-tamper-trail',
    ]);
    const put = plan.home.findings.logGroup.resourcePolicy.Statement.find((s) => s.Sid === 'TheDeliveryRulePutsFindings')!;
    expect(put.Condition!.ArnEquals!['aws:SourceArn']).toContain('arn:aws:events:eu-west-1:111111111111:rule/acme-guardduty-findings/acme-gd-tamper-to-logs');
    // Without an alert route: logged only.
    expect(plan.home.findings.tamper?.alertRule).toBeUndefined();
    expect(plan.home.findings.delivery.rules.map((r) => r.ruleName)).toContain('acme-gd-tamper-to-logs');
  });

  it('pages through the named route for all but the deploy, triage and configured roles', () => {
    const plan = planEstate(
      parseConfig(`${base}access: { triage: { principals: ["arn:aws:iam::111111111111:role/Analyst"] } }\ntamperAlerts: { alertRoute: high, quietRoleArns: ["arn:aws:iam::111111111111:role/Ci"] }\n`),
    );
    const tamper = plan.home.findings.tamper!;
    expect(tamper.quietRoleArns).toEqual([
      'arn:aws:iam::111111111111:role/Ci',
      'arn:aws:iam::111111111111:role/Deployer',
      'arn:aws:iam::111111111111:role/GuardDutyFindingsTriage',
    ]);
    expect(tamper.alertRule?.topicArn).toBe('arn:aws:sns:eu-west-1:111111111111:pager');
    for (const role of tamper.quietRoleArns) expect(eventMatchesPattern(tamper.alertRule!.eventPattern, apiCallEvent(deleteDetector, assumedRole(role)))).toBe(false);
    expect(eventMatchesPattern(tamper.alertRule!.eventPattern, apiCallEvent(deleteDetector, assumedRole('arn:aws:iam::111111111111:role/Analyst')))).toBe(true);
    expect(plan.home.findings.delivery.rules.map((r) => r.ruleName)).toEqual(expect.arrayContaining(['acme-gd-tamper-to-logs', 'acme-gd-tamper-alert']));
  });

  it('lets the tamper alert rule publish to a topic the route creates', () => {
    const plan = planEstate(
      parseConfig(`${base.replace('topicArn: "arn:aws:sns:eu-west-1:111111111111:pager"', 'sns: { subscriptions: [] }')}tamperAlerts: { alertRoute: high }\n`),
    );
    const topic = plan.home.findings.alerts[0]!.topic;
    if (!topic.create) throw new Error('the route creates its topic');
    expect(topic.policy.Statement[0]!.Condition!.ArnEquals!['aws:SourceArn']).toEqual([
      'arn:aws:events:eu-west-1:111111111111:rule/acme-guardduty-findings/acme-alert-high',
      'arn:aws:events:eu-west-1:111111111111:rule/acme-guardduty-findings/acme-gd-tamper-alert',
    ]);
  });

  it('sends the management account\'s calls from each region with its own role, admitted by the bus', () => {
    const plan = planEstate(
      parseConfig(withOrg('222222222222', `tamperAlerts: { alertRoute: high }\nexport: { operationalAlarms: { subscriptions: [ { protocol: email, endpoint: ops@example.com }, { protocol: lambda, endpoint: "arn:aws:lambda:eu-west-1:111111111111:function:f" } ] } }\n`)),
    );
    const sender = plan.management!.tamper!;
    expect(sender.roleArn).toBe('arn:aws:iam::222222222222:role/acme-guardduty-tamper-sender');
    expect(sender.regions.map((r) => r.region)).toEqual(plan.management!.regions);
    expect(sender.trustPolicy.Statement[0]!.Condition).toEqual({
      StringEquals: { 'aws:SourceAccount': '222222222222' },
      ArnLike: { 'aws:SourceArn': ['arn:aws:events:*:222222222222:rule/acme-gd-tamper-guardduty', 'arn:aws:events:*:222222222222:rule/acme-gd-tamper-trail'] },
    });
    for (const r of sender.regions) {
      expect(r.delivery.queue.arn).toBe(`arn:aws:sqs:${r.region}:222222222222:acme-guardduty-dlq`);
      // A Lambda of the admin account cannot be granted from the management account's stack.
      expect(r.delivery.alarmTopic.subscriptions.map((s) => s.protocol)).toEqual(['email']);
    }
    const busPolicy = JSON.stringify(plan.home.findings.busPolicy.document);
    expect(busPolicy).toContain('arn:aws:iam::222222222222:role/acme-guardduty-tamper-sender');
    // The management deploy role is quiet too.
    expect(plan.home.findings.tamper!.quietRoleArns).toContain('arn:aws:iam::222222222222:role/OrgDeployer');
  });

  it('tells whoever the alarms page what the dead-letter queue holds: tamper events in the management account, both in the admin regions', () => {
    const plan = planEstate(parseConfig(withOrg('222222222222', 'tamperAlerts: {}\n')));
    const queueAlarm = (alarms: readonly { name: string; description: string }[]) => alarms.find((a) => a.name.endsWith('-dlq-not-empty'))!.description;
    for (const r of plan.management!.tamper!.regions) {
      // That account has no findings rule: an operator told "GuardDuty findings" would look in the wrong place.
      expect(queueAlarm(r.delivery.alarms)).toBe('Dead-letter queue acme-guardduty-dlq holds tamper events (API calls that turn GuardDuty detection down) EventBridge could not deliver');
    }
    expect(queueAlarm(plan.regional[0]!.findings.delivery.alarms)).toContain('holds GuardDuty findings and tamper events');
  });

  it('leaves the management account to the regional stacks when it is the admin account itself', () => {
    const plan = planEstate(parseConfig(withOrg('111111111111', 'tamperAlerts: {}\n')));
    expect(plan.management!.tamper).toBeUndefined();
    expect(JSON.stringify(plan.home.findings.busPolicy.document)).not.toContain('AllowTamperSenders');
  });

  it('sends each invited member\'s calls from its own regions', () => {
    const plan = planEstate(
      parseConfig(`${base}members:\n  - { accountId: "333333333333", email: a@example.com, regions: [us-east-1] }\ntamperAlerts: {}\n`),
    );
    expect(plan.members[0]!.tamper?.regions.map((r) => r.region)).toEqual(['us-east-1']);
    expect(plan.members[0]!.tamper?.busArn).toBe('arn:aws:events:eu-west-1:111111111111:event-bus/acme-guardduty-findings');
  });
});

describe('tamper alerts with many members', () => {
  const members = (n: number) =>
    `members:\n${Array.from({ length: n }, (_, i) => `  - { accountId: "${String(300000000000 + i)}", email: m${i}@example.com }`).join('\n')}\n`;

  it('warns when the bus policy outgrows the default quota, and not before', () => {
    const warning = (n: number) => planEstate(parseConfig(`${base}${members(n)}tamperAlerts: {}\n`)).warnings.filter((w) => w.startsWith('tamperAlerts: the findings bus policy'));
    expect(warning(10)).toEqual([]);
    expect(warning(80)).toHaveLength(1);
    expect(warning(80)[0]).toMatch(/admits 80 sender accounts and is about \d+ characters, above EventBridge's default quota of 10240/);
  });
});
