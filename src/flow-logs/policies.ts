import type { PolicyDocument } from '../policy/document';
import { policy } from '../policy/statements';

/** VPC Flow Logs may write to the flow-log groups of this project, in any region, and nowhere else. */
export function flowLogDeliveryPolicy(logGroupArnPattern: string): PolicyDocument {
  return policy({
    Sid: 'WriteFlowLogGroups',
    Effect: 'Allow',
    Action: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'],
    Resource: [logGroupArnPattern, `${logGroupArnPattern}:*`],
  });
}
