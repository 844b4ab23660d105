import { DETECTOR_FEATURES, FEATURE_DEFAULT_ENABLED } from '../../src/features/catalog';
import { resolveDetectorFeatures } from '../../src/features/resolve';

const byName = (region: string, features: Parameters<typeof resolveDetectorFeatures>[0] = {}) =>
  Object.fromEntries(resolveDetectorFeatures(features, region).features.map((f) => [f.name, f]));

describe('resolveDetectorFeatures', () => {
  it('gives every managed feature an explicit status, never EKS_RUNTIME_MONITORING', () => {
    const { features, skipped } = resolveDetectorFeatures({}, 'us-east-1');
    expect(features.map((f) => f.name)).toEqual([...DETECTOR_FEATURES]);
    expect(features.map((f) => f.name)).not.toContain('EKS_RUNTIME_MONITORING');
    expect(skipped).toEqual([]);
  });

  it.each(DETECTOR_FEATURES)('%s: left out -> its default; set -> as set', (name) => {
    expect(byName('us-east-1')[name]!.status).toBe(FEATURE_DEFAULT_ENABLED[name] ? 'ENABLED' : 'DISABLED');
    expect(byName('us-east-1', { [name]: { enabled: false } })[name]!.status).toBe('DISABLED');
    expect(byName('us-east-1', { [name]: { enabled: true } })[name]!.status).toBe('ENABLED');
  });

  it('defaults Runtime Monitoring off (billed per vCPU) and the others on', () => {
    expect(FEATURE_DEFAULT_ENABLED.RUNTIME_MONITORING).toBe(false);
    expect(byName('us-east-1').RUNTIME_MONITORING!.additionalConfiguration.every((c) => c.status === 'DISABLED')).toBe(true);
  });

  it('runtime monitoring agent management follows the feature unless set', () => {
    const rm = byName('us-east-1', { RUNTIME_MONITORING: { enabled: true, additionalConfiguration: { EC2_AGENT_MANAGEMENT: false } } }).RUNTIME_MONITORING!;
    expect(rm.additionalConfiguration).toEqual([
      { name: 'EKS_ADDON_MANAGEMENT', status: 'ENABLED' },
      { name: 'ECS_FARGATE_AGENT_MANAGEMENT', status: 'ENABLED' },
      { name: 'EC2_AGENT_MANAGEMENT', status: 'DISABLED' },
    ]);
  });

  it('a disabled feature disables its agent management even when set to true', () => {
    const rm = byName('us-east-1', { RUNTIME_MONITORING: { enabled: false, additionalConfiguration: { EKS_ADDON_MANAGEMENT: true } } }).RUNTIME_MONITORING!;
    expect(rm.additionalConfiguration.map((c) => c.status)).toEqual(['DISABLED', 'DISABLED', 'DISABLED']);
  });

  it('only runtime monitoring carries additional configurations', () => {
    const features = resolveDetectorFeatures({}, 'us-east-1').features;
    expect(features.filter((f) => f.additionalConfiguration.length > 0).map((f) => f.name)).toEqual(['RUNTIME_MONITORING']);
  });

  it('skips a feature the region does not offer, saying whether it was wanted', () => {
    const { features, skipped } = resolveDetectorFeatures({}, 'ap-east-2');
    expect(features.map((f) => f.name)).not.toContain('RDS_LOGIN_EVENTS');
    expect(skipped).toEqual([{ name: 'RDS_LOGIN_EVENTS', wanted: true, reason: 'RDS_LOGIN_EVENTS is not available in ap-east-2' }]);
    expect(resolveDetectorFeatures({ RDS_LOGIN_EVENTS: { enabled: false } }, 'ap-east-2').skipped[0]!.wanted).toBe(false);
  });
});
