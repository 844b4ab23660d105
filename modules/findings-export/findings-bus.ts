import { CloudwatchEventBus } from '@cdktf/provider-aws/lib/cloudwatch-event-bus';
import { CloudwatchEventBusPolicy } from '@cdktf/provider-aws/lib/cloudwatch-event-bus-policy';
import { DataAwsOrganizationsOrganization } from '@cdktf/provider-aws/lib/data-aws-organizations-organization';
import type { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { type PolicyTemplate, renderPolicy } from '../../src/policy/template';

export interface FindingsBusProps {
  readonly busName: string;
  /** The plan's bus policy: only the forwarder role may put events. */
  readonly policy: PolicyTemplate<'busArn' | 'organizationId'>;
  /**
   * The policy also requires the caller's organization (organization mode),
   * read from AWS Organizations at plan time.
   * @default false
   */
  readonly requireOrganization?: boolean;
  /**
   * The roles the policy names as principals, when created in the same
   * stack: the policy names them by ARN string, which gives Terraform no
   * order. S3, SNS, SQS and KMS refuse a policy naming a role that does not
   * exist yet; EventBridge does not document whether it checks, and the
   * order costs nothing.
   */
  readonly dependsOn?: ITerraformDependable[];
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
      policy: renderPolicy(props.policy, { busArn: this.bus.arn, organizationId }),
      ...(props.dependsOn ? { dependsOn: props.dependsOn } : {}),
    });
  }
}
