import type { GuardDutyConfig } from '../config/schema';
import { flowLogDeliveryPolicy } from '../flow-logs/policies';
import { flowLogGroupName, flowLogRoleName } from '../naming';
import type { PolicyDocument } from '../policy/document';
import { serviceTrustPolicy } from '../policy/statements';
import { arn, servicePrincipal } from '../regions/principals';
import type { ExportContext } from './export-context';

export interface FlowLogRolePlan {
  readonly name: string;
  readonly logGroupArnPattern: string;
  readonly trustPolicy: PolicyDocument;
  readonly policy: PolicyDocument;
}

export interface RegionalFlowLogsPlan {
  readonly vpcIds: readonly string[];
  readonly logGroupName: string;
  readonly retentionDays: number;
  readonly roleArn: string;
}

export interface FlowLogsPlan {
  /** The one delivery role, in the home stack (IAM is global). */
  readonly role: FlowLogRolePlan;
  regional(region: string): RegionalFlowLogsPlan | undefined;
}

/** VPC flow logs: a role in the home stack, a log group per region that lists VPCs. */
export function planFlowLogs(ctx: ExportContext, config: GuardDutyConfig['flowLogs']): FlowLogsPlan | undefined {
  if (!config) return undefined;
  const { partition, accountId } = ctx;
  const logGroupName = flowLogGroupName(ctx.prefix);
  const roleName = flowLogRoleName(ctx.prefix);
  const logGroupArnPattern = `arn:${partition}:logs:*:${accountId}:log-group:${logGroupName}`;
  return {
    role: {
      name: roleName,
      logGroupArnPattern,
      trustPolicy: serviceTrustPolicy(servicePrincipal('vpc-flow-logs', partition), { sourceAccount: accountId, sourceArn: arn(partition, 'ec2', '*', accountId, 'vpc-flow-log/*') }),
      policy: flowLogDeliveryPolicy(logGroupArnPattern),
    },
    regional: (region) => {
      const vpcIds = config.vpcs[region];
      return vpcIds ? { vpcIds, logGroupName, retentionDays: config.retentionDays, roleArn: ctx.iamRoleArn(roleName) } : undefined;
    },
  };
}
