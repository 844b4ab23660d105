import { parseConfig } from '../../../src/config';
import { expectationsFromPlan } from '../../../src/ops/verify/expectations';
import { planEstate } from '../../../src/plan/plan';

const YAML = `
prefix: acme
homeRegion: us-east-1
accounts:
  admin: { accountId: "111111111111" }
regions: { include: [us-east-1, ap-east-2], optIn: [ap-east-2] }
overrides:
  - { rule: GD-DET-6, reason: "a test estate of a few regions keeps its output small" }
  - { rule: GD-DET-4, reason: "the test turns S3 protection off to see verify expect it off" }
  - { rule: GD-DET-5, reason: "the test sets auto-enable NEW to see verify expect it" }
detector:
  findingPublishingFrequency: ONE_HOUR
  features:
    S3_DATA_EVENTS: { enabled: false }
    RUNTIME_MONITORING: { enabled: true, additionalConfiguration: { EC2_AGENT_MANAGEMENT: false } }
`;

describe('expectationsFromPlan', () => {
  const expectations = expectationsFromPlan(planEstate(parseConfig(YAML)));

  it('gives every regional stack its detector and resolved features, in plan order', () => {
    expect(expectations.map((e) => e.region)).toEqual(['us-east-1', 'ap-east-2']);
    const [useast1] = expectations;
    expect(useast1!.detector.findingPublishingFrequency).toBe('ONE_HOUR');
    expect(useast1!.detector.features.map((f) => `${f.name}=${f.status}`)).toEqual([
      'S3_DATA_EVENTS=DISABLED',
      'EKS_AUDIT_LOGS=ENABLED',
      'EBS_MALWARE_PROTECTION=ENABLED',
      'RDS_LOGIN_EVENTS=ENABLED',
      'RUNTIME_MONITORING=ENABLED',
      'LAMBDA_NETWORK_LOGS=ENABLED',
    ]);
    expect(useast1!.detector.features.find((f) => f.name === 'RUNTIME_MONITORING')!.additionalConfiguration).toContainEqual({ name: 'EC2_AGENT_MANAGEMENT', status: 'DISABLED' });
  });

  it('does not expect a feature GuardDuty does not offer in the region (RDS in ap-east-2)', () => {
    expect(expectations[1]!.detector.features.map((f) => f.name)).not.toContain('RDS_LOGIN_EVENTS');
  });

  it('expects the S3 export and exactly the configured filters, and leaves out lists and members the config does not manage', () => {
    for (const e of expectations) {
      expect(Object.keys(e).sort()).toEqual(['delivery', 'detector', 'filters', 'publishingDestination', 'region']);
      expect(e.publishingDestination).toEqual({ destinationArn: 'arn:aws:s3:::acme-gd-findings-111111111111-us-east-1' });
      expect(e.filters).toEqual([]);
    }
  });

  it('expects the IP list sets at the content-hashed locations synth registers', () => {
    const lists = [{ name: 'feed', kind: 'threat' as const, format: 'TXT' as const, sources: [], body: '203.0.113.0/24\n', sha256: 'c'.repeat(64), entries: 1, addresses: 256, canonical: '' }];
    const config = parseConfig(`${YAML}threatLists: { threat: [ { name: feed, files: [x.txt] } ] }\n`);
    const [first] = expectationsFromPlan(planEstate(config, lists));
    expect(first!.ipSets).toEqual([
      { kind: 'threat', name: 'acme-feed', location: `https://s3.amazonaws.com/acme-gd-lists-111111111111-us-east-1/threatlists/feed/${'c'.repeat(16)}.txt` },
    ]);
  });

  it('expects members in either mode, and no export when it is off', () => {
    const org = parseConfig(`${YAML}accounts:\n  admin: { accountId: "111111111111" }\n  management: { accountId: "222222222222" }\norganization: { enabled: true, autoEnable: NEW }\nexport: { s3: { enabled: false } }\n`.replace(/accounts:\n  admin: \{ accountId: "111111111111" \}\nregions/, 'regions'));
    const [first] = expectationsFromPlan(planEstate(org));
    expect(first!.members).toMatchObject({ mode: 'organization', autoEnable: 'NEW' });
    expect(first!.publishingDestination).toBe('none');
    const invited = parseConfig(`${YAML}members: [ { accountId: "333333333333", email: a@example.com } ]\n`);
    expect(expectationsFromPlan(planEstate(invited))[0]!.members).toEqual({ mode: 'invitation', accounts: [{ accountId: '333333333333' }] });
  });

  it("expects each region's dead-letter queue and alarms, and the home stack's in the home region, by the plan's names", () => {
    const plan = planEstate(parseConfig(YAML));
    const [home, other] = expectationsFromPlan(plan);
    const regional = plan.regional.find((r) => r.region === 'ap-east-2')!.findings.delivery;
    expect(other!.delivery).toEqual({ queues: [regional.queue.name], alarms: regional.alarms.map((a) => a.name) });
    expect(other!.delivery).toEqual({ queues: ['acme-guardduty-dlq'], alarms: ['acme-guardduty-findings-failed-invocations', 'acme-guardduty-dlq-not-empty'] });
    expect(home!.delivery!.queues).toEqual(['acme-guardduty-home-dlq', 'acme-guardduty-dlq']);
    expect(home!.delivery!.alarms).toEqual([...plan.home.findings.delivery.alarms.map((a) => a.name), 'acme-guardduty-findings-failed-invocations', 'acme-guardduty-dlq-not-empty']);
    expect(home!.delivery!.alarms).toContain('acme-guardduty-to-logs-failed-invocations');
  });
});
