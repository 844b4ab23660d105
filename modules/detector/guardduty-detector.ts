import { GuarddutyDetector } from '@cdktf/provider-aws/lib/guardduty-detector';
import { GuarddutyDetectorFeature } from '@cdktf/provider-aws/lib/guardduty-detector-feature';
import { Construct } from 'constructs';
import type { FindingPublishingFrequency } from '../../src/features/catalog';
import type { ResolvedFeature } from '../../src/features/resolve';

export interface GuardDutyDetectorProps {
  /** How often updated findings are exported. */
  readonly findingPublishingFrequency: FindingPublishingFrequency;
  /**
   * Every feature with its explicit status. A feature left out of this list
   * keeps whatever GuardDuty set (new detectors enable most plans), so
   * callers pass all of them.
   */
  readonly features: readonly ResolvedFeature[];
  /**
   * Adds `prevent_destroy`: destroying a detector deletes its findings.
   * @default true
   */
  readonly preventDestroy?: boolean;
  /**
   * Id of a detector that already exists in this account and region; it is
   * imported (Terraform `import` block) instead of created, which would fail
   * with "detector already exists".
   * @default - a new detector is created
   */
  readonly importId?: string;
}

/** A region's GuardDuty detector with every protection plan set explicitly. */
export class GuardDutyDetector extends Construct {
  public readonly detector: GuarddutyDetector;
  public readonly features: readonly GuarddutyDetectorFeature[];

  constructor(scope: Construct, id: string, props: GuardDutyDetectorProps) {
    super(scope, id);
    this.detector = new GuarddutyDetector(this, 'Resource', {
      enable: true,
      findingPublishingFrequency: props.findingPublishingFrequency,
      lifecycle: { preventDestroy: props.preventDestroy ?? true },
    });
    if (props.importId) this.detector.importFrom(props.importId);

    // The deprecated `datasources` block is never set: features replace it.
    this.features = props.features.map(
      (feature) =>
        new GuarddutyDetectorFeature(this, feature.name, {
          detectorId: this.detector.id,
          name: feature.name,
          status: feature.status,
          ...(feature.additionalConfiguration.length > 0
            ? { additionalConfiguration: feature.additionalConfiguration.map((c) => ({ name: c.name, status: c.status })) }
            : {}),
        }),
    );
  }
}
