import { parseConfig } from '../../src/config';
import { planEstate } from '../../src/plan/plan';

const base = `
prefix: acme
homeRegion: eu-west-1
accounts: { admin: { accountId: "111111111111" } }
regions: { include: [eu-west-1, us-east-1] }
overrides: [{ rule: GD-DET-6, reason: "a test estate of a few regions keeps its output small" }]
`;

describe('findings export plan', () => {
  it('warns when an alert route asks for findings the export never forwards', () => {
    const plan = planEstate(parseConfig(`${base}export: { minSeverity: High }\nalerts: [ { name: low, minSeverity: Low, topicArn: "arn:aws:sns:eu-west-1:111111111111:t" } ]\n`));
    expect(plan.warnings).toContain('alerts low: minSeverity 1 is below export.minSeverity 7; findings under 7 are never forwarded');
    expect(plan.home.findings.alerts[0]!.minSeverity).toBe(7);
  });

  it('warns that an NLB preset without an instance tag hides findings of every instance on those ports', () => {
    const plan = planEstate(parseConfig(`${base}presets: { nlb: { ports: [443] } }\n`));
    expect(plan.warnings.some((w) => w.startsWith('presets.nlb: without instanceTag'))).toBe(true);
    const tagged = planEstate(parseConfig(`${base}presets: { nlb: { ports: [443], instanceTag: { key: k, value: v } } }\n`));
    expect(tagged.warnings).toEqual([]);
  });

  it('gives every regional stack the same prefixed filters and the forwarder with its role', () => {
    const plan = planEstate(parseConfig(`${base}suppressions: [ { name: s, criteria: { types: ["Recon:EC2/PortProbeUnprotectedPort"], resourceRole: ACTOR } } ]\n`));
    for (const r of plan.regional) expect(r.findings.filters.map((f) => f.filterName)).toEqual(['acme-s']);
    const byRegion = Object.fromEntries(plan.regional.map((r) => [r.region, r.findings.forwarder]));
    expect(byRegion['eu-west-1']!.roleArn).toBe('arn:aws:iam::111111111111:role/acme-guardduty-forwarder');
    expect(byRegion['us-east-1']!.roleArn).toBe('arn:aws:iam::111111111111:role/acme-guardduty-forwarder');
  });
});
