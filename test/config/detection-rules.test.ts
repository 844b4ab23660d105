import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, parseConfig } from '../../src/config';
import { loadPlan } from '../../src/plan/load-plan';
import { planEstate } from '../../src/plan/plan';

/** Every default-enabled region, every default plan: nothing a detection rule refuses. */
const BASE = `
prefix: acme
homeRegion: us-east-1
accounts:
  admin: { accountId: "111111111111" }
  management: { accountId: "222222222222" }
`;

/** The config errors of `extra` on top of BASE, one line each (empty when it loads). */
function errors(extra: string): string[] {
  try {
    parseConfig(BASE + extra);
    return [];
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    return err.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  }
}

const lift = (rule: string) => `overrides: [{ rule: ${rule}, reason: "reviewed by the security team, ticket SEC-1" }]\n`;

describe('detection rules: config that blinds the estate is refused unless overridden', () => {
  it.each([
    [
      'GD-DET-1',
      'an ARCHIVE filter that narrows only by severity and account',
      'suppressions: [ { name: quiet, action: ARCHIVE, criteria: { severityBelow: 10, accounts: ["000000000000"] } } ]\n',
      'suppressions.0.criteria: ARCHIVE filter "quiet" does not name the finding types it archives',
    ],
    [
      'GD-DET-1',
      'an ARCHIVE filter whose raw criterion only excludes',
      'suppressions: [ { name: quiet, criteria: { raw: [ { field: accountId, notEquals: ["000000000000"] } ] } } ]\n',
      'suppressions.0.criteria: ARCHIVE filter "quiet" does not name the finding types it archives',
    ],
    [
      'GD-DET-1',
      'an ARCHIVE filter naming an attack sequence type, however narrow',
      'suppressions: [ { name: quiet, criteria: { types: ["Recon:EC2/PortProbeUnprotectedPort", "AttackSequence:IAM/CompromisedCredentials"], accounts: ["000000000000"] } } ]\n',
      'suppressions.0.criteria: ARCHIVE filter "quiet" archives attack sequence findings (AttackSequence:IAM/CompromisedCredentials): GuardDuty raises them at Critical',
    ],
    [
      'GD-DET-1',
      'an ARCHIVE filter naming an attack sequence type in a raw criterion',
      'suppressions: [ { name: quiet, criteria: { raw: [ { field: type, equals: ["AttackSequence:S3/CompromisedData"] } ] } } ]\n',
      'suppressions.0.criteria: ARCHIVE filter "quiet" archives attack sequence findings (AttackSequence:S3/CompromisedData)',
    ],
    ['GD-DET-2', 'a trusted prefix policy wider than /16', 'threatLists: { policy: { widestTrustedPrefix: 1 } }\n', 'threatLists.policy.widestTrustedPrefix: /1 lets the trusted list hold ranges of 2147483648 addresses'],
    ['GD-DET-3', 'a forwarding threshold above High', 'export: { minSeverity: 10 }\n', 'export.minSeverity: 10 forwards only findings of severity 10 and above'],
    ['GD-DET-3', 'a forwarding threshold of Critical', 'export: { minSeverity: Critical }\n', 'export.minSeverity: Critical forwards only findings of severity 9 and above'],
    ['GD-DET-4', 'a default-on protection plan turned off', 'detector: { features: { EKS_AUDIT_LOGS: { enabled: false } } }\n', 'detector.features.EKS_AUDIT_LOGS.enabled: EKS_AUDIT_LOGS is on by default'],
    ['GD-DET-5', 'organization auto-enable NONE', 'organization: { enabled: true, autoEnable: NONE }\n', 'organization.autoEnable: NONE leaves every member account without GuardDuty'],
    ['GD-DET-6', 'a default region excluded', 'regions: { exclude: [eu-north-1] }\n', 'regions.exclude.0: eu-north-1 is enabled in every account'],
    ['GD-DET-6', 'an include list leaving default regions out', 'regions: { include: [us-east-1] }\n', 'regions.include: leaves out 16 regions enabled in every account'],
    [
      'GD-DET-6',
      'an invited member limited to one region',
      'members: [ { accountId: "333333333333", email: a@example.com, regions: [us-east-1] } ]\n',
      'members.0.regions: member 333333333333 is left unmonitored in 16 of the estate\'s regions',
    ],
  ])('%s refuses %s, naming the path and the rule; an override lifts it and synth says so', (rule, _what, extra, message) => {
    const refused = errors(extra);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toContain(message);
    expect(refused[0]).toContain(`[${rule}; lift it only with overrides`);
    const plan = planEstate(parseConfig(BASE + extra + lift(rule)));
    expect(plan.overrides).toEqual([expect.stringMatching(new RegExp(`^override ${rule} \\(reviewed by the security team, ticket SEC-1\\): `))]);
  });

  it('accepts what stays within the rules: exact types, a NOOP filter, High, plans off by default, auto-enable ALL', () => {
    expect(
      errors(`suppressions:
  - { name: scanner, criteria: { types: ["Recon:EC2/PortProbeUnprotectedPort"], severityBelow: 4 } }
  - { name: raw, criteria: { raw: [ { field: type, equals: ["Recon:EC2/Portscan"] } ] } }
  - { name: saved, action: NOOP, criteria: { severityBelow: 10 } }
export: { minSeverity: High }
detector: { features: { RUNTIME_MONITORING: { enabled: false } } }
organization: { enabled: true, autoEnable: ALL }
threatLists: { policy: { widestTrustedPrefix: 16 } }
`),
    ).toEqual([]);
  });

  it('wants a reason of some substance, one override per rule, and known rule ids', () => {
    expect(errors('export: { minSeverity: 10 }\noverrides: [{ rule: GD-DET-3, reason: because }]\n')).toEqual([
      expect.stringContaining('export.minSeverity: 10 forwards only'),
      expect.stringContaining('overrides.0.reason: say why, in at least 20 characters'),
    ]);
    expect(errors(`export: { minSeverity: 10 }\noverrides:\n  - { rule: GD-DET-3, reason: "reviewed by the security team, SEC-1" }\n  - { rule: GD-DET-3, reason: "reviewed by the security team, SEC-2" }\n`)).toEqual([
      'overrides.1.rule: rule already overridden by overrides[0]',
    ]);
    expect(errors('overrides: [{ rule: GD-NOPE-1, reason: "reviewed by the security team, SEC-1" }]\n')[0]).toMatch(/^overrides\.0\.rule: /);
  });

  it('says so when an override lifts nothing, so stale ones get removed', () => {
    expect(planEstate(parseConfig(BASE + lift('GD-DET-3'))).overrides).toEqual(['overrides[0]: GD-DET-3 refuses nothing in this config: remove the override']);
  });
});

describe('GD-DET-2 on the built trusted list', () => {
  /** A project with a trusted list of `count` /16s (each within the /16 floor), `step` apart (1: adjacent). */
  function project(count: number, extra = '', step = 2): string {
    const root = mkdtempSync(join(tmpdir(), 'gd-trusted-'));
    mkdirSync(join(root, 'threatlists'));
    const lines = Array.from({ length: count }, (_, i) => i * step).map((n) => `${11 + Math.floor(n / 256)}.${n % 256}.0.0/16`);
    writeFileSync(join(root, 'threatlists', 'wide.txt'), `${lines.join('\n')}\n`);
    writeFileSync(join(root, 'guardduty.yaml'), `${BASE}threatLists: { trusted: { name: trusted, files: [threatlists/wide.txt] } }\n${extra}`);
    return root;
  }
  const load = (root: string) => loadPlan(join(root, 'guardduty.yaml'), { root, now: new Date('2026-12-01T00:00:00Z') });

  it('refuses a trusted list of 300 /16s (19.7M addresses, over 2^24) although every range passes the prefix floor', () => {
    expect(() => load(project(300))).toThrow(/threatLists\.trusted: trusted list "trusted" covers 19660800 addresses, more than 16777216 \(2\^24\).*\[GD-DET-2;/);
  });

  it('refuses 256 adjacent /16s: each passes the floor, but they upload as one /8', () => {
    expect(() => load(project(256, '', 1))).toThrow(/threatLists\.trusted: trusted list "trusted" uploads a \/8 once adjacent ranges merge.*\[GD-DET-2;/);
  });

  it('accepts 256 separate /16s (exactly 2^24), and 300 with an override, which the plan reports', () => {
    expect(load(project(256)).plan.overrides).toEqual([]);
    expect(load(project(300, lift('GD-DET-2'))).plan.overrides).toEqual([expect.stringMatching(/^override GD-DET-2 \(reviewed by the security team, ticket SEC-1\): trusted list "trusted" covers 19660800/)]);
  });
});
