import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { Construct } from 'constructs';
import { accessTrustPolicy, findingsAccessPolicy } from '../../src/access/policies';
import { policyJson } from '../../src/policy/document';
import type { AccessRolePlan } from '../../src/plan/export-plan';

export interface FindingsAccessRoleProps {
  readonly role: AccessRolePlan;
  /** The findings log group people read. */
  readonly logGroupArn: string;
}

/** GuardDutyFindingsViewer or GuardDutyFindingsTriage: people who look at findings, never `guardduty:*`. */
export class FindingsAccessRole extends Construct {
  public readonly role: IamRole;

  constructor(scope: Construct, id: string, props: FindingsAccessRoleProps) {
    super(scope, id);
    this.role = new IamRole(this, 'Resource', {
      name: props.role.roleName,
      assumeRolePolicy: policyJson(accessTrustPolicy(props.role.principals, props.role.requireMfa)),
      maxSessionDuration: 3600,
    });
    new IamRolePolicy(this, 'Policy', {
      role: this.role.name,
      name: props.role.roleName,
      policy: policyJson(findingsAccessPolicy(props.logGroupArn, props.role.triage)),
    });
  }
}
