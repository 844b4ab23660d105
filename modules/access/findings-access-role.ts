import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { Construct } from 'constructs';
import { renderPolicy } from '../../src/policy/template';
import type { AccessRolePlan } from '../../src/plan/access-plan';

export interface FindingsAccessRoleProps {
  readonly role: AccessRolePlan;
}

/** GuardDutyFindingsViewer or GuardDutyFindingsTriage: people who look at findings, never `guardduty:*`. */
export class FindingsAccessRole extends Construct {
  public readonly role: IamRole;

  constructor(scope: Construct, id: string, props: FindingsAccessRoleProps) {
    super(scope, id);
    this.role = new IamRole(this, 'Resource', {
      name: props.role.roleName,
      assumeRolePolicy: renderPolicy(props.role.trustPolicy),
      maxSessionDuration: 3600,
    });
    new IamRolePolicy(this, 'Policy', {
      role: this.role.name,
      name: props.role.roleName,
      policy: renderPolicy(props.role.policy),
    });
  }
}
