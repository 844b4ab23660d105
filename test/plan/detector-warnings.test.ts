import { parseConfig } from '../../src/config';
import { planEstate } from '../../src/plan/plan';

const base = `
prefix: acme
homeRegion: eu-west-1
accounts: { admin: { accountId: "111111111111" } }
regions: { include: [eu-west-1] }
overrides: [{ rule: GD-DET-6, reason: "a test estate of one region keeps its output small" }]
`;
const warningsOf = (extra: string) => planEstate(parseConfig(base + extra)).warnings.filter((w) => w.startsWith('detector.'));

describe('detector settings that delay or narrow findings are said on every synth', () => {
  it('SIX_HOURS: updates of existing findings arrive up to six hours late', () => {
    expect(warningsOf('detector: { findingPublishingFrequency: SIX_HOURS }\n')).toEqual([
      expect.stringContaining('detector.findingPublishingFrequency: SIX_HOURS sends updates of existing findings'),
    ]);
    expect(warningsOf('detector: { findingPublishingFrequency: ONE_HOUR }\n')).toEqual([]);
    expect(warningsOf('')).toEqual([]);
  });

  it('Runtime Monitoring with agent management off names the compute it leaves to you', () => {
    const off = 'detector: { features: { RUNTIME_MONITORING: { enabled: true, additionalConfiguration: { EC2_AGENT_MANAGEMENT: false, ECS_FARGATE_AGENT_MANAGEMENT: false } } } }\n';
    expect(warningsOf(off)).toEqual([
      'detector.features.RUNTIME_MONITORING: agent management is off for ECS tasks on Fargate, EC2 instances (ECS_FARGATE_AGENT_MANAGEMENT, EC2_AGENT_MANAGEMENT): GuardDuty monitors them only where you install and update the security agent yourself',
    ]);
    // Managed agents, or Runtime Monitoring off altogether: nothing to say.
    expect(warningsOf('detector: { features: { RUNTIME_MONITORING: { enabled: true } } }\n')).toEqual([]);
    expect(warningsOf('detector: { features: { RUNTIME_MONITORING: { enabled: false, additionalConfiguration: { EC2_AGENT_MANAGEMENT: false } } } }\n')).toEqual([]);
  });
});
