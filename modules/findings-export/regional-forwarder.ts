import { Construct } from 'constructs';
import { FindingsRule, type TargetDelivery } from './findings-rule';

export interface RegionalForwarderProps {
  readonly ruleName: string;
  /** Findings below it are not forwarded (the one severity threshold of the export). */
  readonly minSeverity: number;
  readonly busArn: string;
  /** The forwarder role: EventBridge needs one to put events on another bus, and the bus admits only it. */
  readonly roleArn: string;
  /** Retry policy and dead-letter queue of the target. */
  readonly delivery: TargetDelivery;
  /** Also forward Malware Protection for S3 scan results with threats found. @default false */
  readonly malwareScanResults?: boolean;
}

/**
 * A rule on the region's default bus, where GuardDuty puts every finding
 * (member findings included, in an administrator setup), forwarding them
 * to the home bus.
 */
export class RegionalForwarder extends Construct {
  public readonly rule: FindingsRule;

  constructor(scope: Construct, id: string, props: RegionalForwarderProps) {
    super(scope, id);
    this.rule = new FindingsRule(this, 'Route', {
      ruleName: props.ruleName,
      description: 'GuardDuty findings of this region to the findings bus in the home region',
      selector: { minSeverity: props.minSeverity, ...(props.malwareScanResults ? { malwareScanResults: true } : {}) },
      delivery: props.delivery,
      target: { id: 'findings-bus', arn: props.busArn, roleArn: props.roleArn },
    });
  }
}
