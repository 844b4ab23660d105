import { GuarddutyDetector } from '@cdktf/provider-aws/lib/guardduty-detector';
import { GuarddutyDetectorFeature } from '@cdktf/provider-aws/lib/guardduty-detector-feature';
import { Testing } from 'cdktf';
import { GuardDutyDetector } from '../../modules/detector/guardduty-detector';
import { resolveDetectorFeatures } from '../../src/features/resolve';

type Synthesized = { resource: Record<string, Record<string, Record<string, unknown>>>; import?: { id: string; to: string }[] };

const synth = (props: Partial<ConstructorParameters<typeof GuardDutyDetector>[2]> = {}) =>
  Testing.synthScope((scope) => {
    new GuardDutyDetector(scope, 'Detector', {
      findingPublishingFrequency: 'ONE_HOUR',
      features: resolveDetectorFeatures({ RUNTIME_MONITORING: { enabled: true } }, 'us-east-1').features,
      ...props,
    });
  });

describe('GuardDutyDetector', () => {
  it('creates an enabled detector with the publishing frequency and prevent_destroy', () => {
    const out = synth();
    expect(out).toHaveResourceWithProperties(GuarddutyDetector, {
      enable: true,
      finding_publishing_frequency: 'ONE_HOUR',
      lifecycle: { prevent_destroy: true },
    });
  });

  it('never uses the deprecated datasources block', () => {
    const json = JSON.parse(synth()) as Synthesized;
    const detector = Object.values(json.resource.aws_guardduty_detector!)[0]!;
    expect(detector).not.toHaveProperty('datasources');
  });

  it('emits one feature resource per feature, each with an explicit status on the detector', () => {
    const json = JSON.parse(synth()) as Synthesized;
    const features = Object.values(json.resource.aws_guardduty_detector_feature!);
    expect(features.map((f) => f.name).sort()).toEqual(
      ['EBS_MALWARE_PROTECTION', 'EKS_AUDIT_LOGS', 'LAMBDA_NETWORK_LOGS', 'RDS_LOGIN_EVENTS', 'RUNTIME_MONITORING', 'S3_DATA_EVENTS'],
    );
    for (const f of features) {
      expect(f.detector_id).toMatch(/^\$\{aws_guardduty_detector\.Detector_[A-F0-9]+\.id\}$/);
      expect(['ENABLED', 'DISABLED']).toContain(f.status);
    }
  });

  it('sets runtime monitoring agent management as additional configurations', () => {
    expect(synth()).toHaveResourceWithProperties(GuarddutyDetectorFeature, {
      name: 'RUNTIME_MONITORING',
      status: 'ENABLED',
      additional_configuration: [
        { name: 'EKS_ADDON_MANAGEMENT', status: 'ENABLED' },
        { name: 'ECS_FARGATE_AGENT_MANAGEMENT', status: 'ENABLED' },
        { name: 'EC2_AGENT_MANAGEMENT', status: 'ENABLED' },
      ],
    });
    const json = JSON.parse(synth()) as Synthesized;
    const s3 = Object.values(json.resource.aws_guardduty_detector_feature!).find((f) => f.name === 'S3_DATA_EVENTS')!;
    expect(s3).not.toHaveProperty('additional_configuration');
  });

  it('drops prevent_destroy when destroy is allowed', () => {
    const json = JSON.parse(synth({ preventDestroy: false })) as Synthesized;
    const detector = Object.values(json.resource.aws_guardduty_detector!)[0]!;
    expect(detector.lifecycle).toEqual({ prevent_destroy: false });
  });

  it('imports an existing detector instead of creating a second one', () => {
    const json = JSON.parse(synth({ importId: '12abc34d567e8fa901bc2d34e56789f0' })) as Synthesized;
    const address = `aws_guardduty_detector.${Object.keys(json.resource.aws_guardduty_detector!)[0]}`;
    expect(json.import).toEqual([{ id: '12abc34d567e8fa901bc2d34e56789f0', to: address }]);
    expect((JSON.parse(synth()) as Synthesized).import).toBeUndefined();
  });
});
