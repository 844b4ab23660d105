import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { FlowLog } from '@cdktf/provider-aws/lib/flow-log';
import { Construct } from 'constructs';

export interface VpcFlowLogsProps {
  readonly vpcIds: readonly string[];
  readonly logGroupName: string;
  readonly retentionDays: number;
  /** The flow-log role of the home stack (IAM is global). */
  readonly roleArn: string;
}

/** Flow logs of the listed VPCs of one region, for investigating findings. */
export class VpcFlowLogs extends Construct {
  constructor(scope: Construct, id: string, props: VpcFlowLogsProps) {
    super(scope, id);
    const group = new CloudwatchLogGroup(this, 'LogGroup', { name: props.logGroupName, retentionInDays: props.retentionDays });
    for (const vpcId of props.vpcIds) {
      new FlowLog(this, vpcId, { vpcId, trafficType: 'ALL', logDestinationType: 'cloud-watch-logs', logDestination: group.arn, iamRoleArn: props.roleArn });
    }
  }
}
