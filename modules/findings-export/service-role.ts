import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { Construct } from 'constructs';
import type { PolicyDocument } from '../../src/policy/document';
import { type PolicyTemplate, renderPolicy } from '../../src/policy/template';

export interface ServiceRoleProps<S extends string = never> {
  readonly roleName: string;
  /** The plan's trust policy: the service, pinned to our account and resources (confused deputy). */
  readonly trustPolicy: PolicyDocument;
  /** The one inline policy: least privilege for this role's job. */
  readonly policy: PolicyDocument | PolicyTemplate<S>;
  /** Values of the inline policy's slots. */
  readonly slots?: Readonly<Record<NoInfer<S>, string>>;
}

/** A role an AWS service assumes on this account's behalf, pinned to the account and its resources. */
export class ServiceRole<S extends string = never> extends Construct {
  public readonly role: IamRole;
  /** The inline policy, a resource of its own: a service that checks the role's permissions on create depends on it. */
  public readonly policy: IamRolePolicy;

  constructor(scope: Construct, id: string, props: ServiceRoleProps<S>) {
    super(scope, id);
    this.role = new IamRole(this, 'Resource', {
      name: props.roleName,
      assumeRolePolicy: renderPolicy(props.trustPolicy),
    });
    this.policy = new IamRolePolicy(this, 'Policy', { role: this.role.name, name: props.roleName, policy: renderPolicy<string>(props.policy as PolicyTemplate<string>, props.slots ?? {}),
    });
  }
}
