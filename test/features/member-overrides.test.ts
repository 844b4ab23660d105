import { accountOverride, resolveMemberFeatures } from '../../src/features/member-overrides';
import { resolveDetectorFeatures } from '../../src/features/resolve';

const OVERRIDES = [
  { accounts: ['555555555555', '666666666666'], features: { EKS_AUDIT_LOGS: { enabled: false } } },
  { accounts: ['555555555555'], features: { RDS_LOGIN_EVENTS: { enabled: true }, RUNTIME_MONITORING: { enabled: true, additionalConfiguration: { EC2_AGENT_MANAGEMENT: false } } } },
];
const statuses = (features: readonly { name: string; status: string }[]) => Object.fromEntries(features.map((f) => [f.name, f.status]));

describe('member overrides', () => {
  it("merges every override naming the account, and nothing of the others'", () => {
    expect(Object.keys(accountOverride(OVERRIDES, '555555555555')).sort()).toEqual(['EKS_AUDIT_LOGS', 'RDS_LOGIN_EVENTS', 'RUNTIME_MONITORING']);
    expect(Object.keys(accountOverride(OVERRIDES, '666666666666'))).toEqual(['EKS_AUDIT_LOGS']);
    expect(accountOverride(OVERRIDES, '333333333333')).toEqual({});
  });

  it("lays the override over the detector's plans, resolved like the detector's (agent management follows its feature)", () => {
    const detector = { LAMBDA_NETWORK_LOGS: { enabled: false } };
    const { all, overridden } = resolveMemberFeatures(detector, OVERRIDES, '555555555555', 'us-east-1');
    expect(statuses(all.features)).toEqual({ ...statuses(resolveDetectorFeatures(detector, 'us-east-1').features), EKS_AUDIT_LOGS: 'DISABLED', RUNTIME_MONITORING: 'ENABLED' });
    expect(all.features.find((f) => f.name === 'RUNTIME_MONITORING')!.additionalConfiguration.map((c) => c.status)).toEqual(['ENABLED', 'ENABLED', 'DISABLED']);
    expect(overridden.features.map((f) => f.name)).toEqual(['EKS_AUDIT_LOGS', 'RDS_LOGIN_EVENTS', 'RUNTIME_MONITORING']);
  });

  it('an account without overrides gets exactly the detector plans', () => {
    const { all, overridden, skipped } = resolveMemberFeatures({}, OVERRIDES, '333333333333', 'us-east-1');
    expect(all.features).toEqual(resolveDetectorFeatures({}, 'us-east-1').features);
    expect(overridden.features).toEqual([]);
    expect(skipped).toEqual([]);
  });

  it('skips an overridden plan the region does not offer, and only overridden ones count as skipped', () => {
    const { all, skipped } = resolveMemberFeatures({}, OVERRIDES, '555555555555', 'ap-east-2');
    expect(all.features.map((f) => f.name)).not.toContain('RDS_LOGIN_EVENTS');
    expect(skipped).toEqual([{ name: 'RDS_LOGIN_EVENTS', wanted: true, reason: 'RDS_LOGIN_EVENTS is not available in ap-east-2' }]);
    expect(resolveMemberFeatures({}, OVERRIDES, '666666666666', 'ap-east-2').skipped).toEqual([]);
  });
});
