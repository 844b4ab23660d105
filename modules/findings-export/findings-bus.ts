import { CloudwatchEventBus } from '@cdktf/provider-aws/lib/cloudwatch-event-bus';
import { CloudwatchEventBusPolicy } from '@cdktf/provider-aws/lib/cloudwatch-event-bus-policy';
import { DataAwsOrganizationsOrganization } from '@cdktf/provider-aws/lib/data-aws-organizations-organization';
import { Construct } from 'constructs';
import { findingsBusPolicy } from '../../src/export/policies';
import { policyJson } from '../../src/policy/document';

export interface FindingsBusProps {
  readonly busName: string;
  /** The forwarder role every region's rule puts events with. */
  readonly forwarderRoleArn: string;
  /**
   * Also require the caller's organization (organization mode), read from
   * AWS Organizations at plan time.
   * @default false
   */
  readonly requireOrganization?: boolean;
}

/** The custom event bus in the home region that every region forwards findings to. */
export class FindingsBus extends Construct {
  public readonly bus: CloudwatchEventBus;

  constructor(scope: Construct, id: string, props: FindingsBusProps) {
    super(scope, id);
    this.bus = new CloudwatchEventBus(this, 'Resource', { name: props.busName });
    const organizationId = props.requireOrganization ? new DataAwsOrganizationsOrganization(this, 'Organization').id : undefined;
    new CloudwatchEventBusPolicy(this, 'Policy', {
      eventBusName: this.bus.name,
      policy: policyJson(findingsBusPolicy(this.bus.arn, props.forwarderRoleArn, organizationId)),
    });
  }
}
