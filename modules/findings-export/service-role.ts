import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { Construct } from 'constructs';
import { type PolicyDocument, policyJson } from '../../src/policy/document';
import { type ServiceCaller, serviceTrustPolicy } from '../../src/policy/statements';

export interface ServiceRoleProps {
  readonly roleName: string;
  /** The AWS service that assumes the role, e.g. `events.amazonaws.com`. */
  readonly servicePrincipal: string;
  /** Who the service acts for: the trust policy's confused-deputy condition. */
  readonly caller: ServiceCaller;
  /** The one inline policy: least privilege for this role's job. */
  readonly policy: PolicyDocument;
}

/** A role an AWS service assumes on this account's behalf, pinned to the account and its resources. */
export class ServiceRole extends Construct {
  public readonly role: IamRole;
  /** The inline policy, a resource of its own: a service that checks the role's permissions on create depends on it. */
  public readonly policy: IamRolePolicy;

  constructor(scope: Construct, id: string, props: ServiceRoleProps) {
    super(scope, id);
    this.role = new IamRole(this, 'Resource', {
      name: props.roleName,
      assumeRolePolicy: policyJson(serviceTrustPolicy(props.servicePrincipal, props.caller)),
    });
    this.policy = new IamRolePolicy(this, 'Policy', { role: this.role.name, name: props.roleName, policy: policyJson(props.policy) });
  }
}
