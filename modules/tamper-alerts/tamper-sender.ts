import { Construct } from 'constructs';
import type { TamperSenderPlan } from '../../src/plan/tamper-plan';
import { DeliveryFailures } from '../findings-export/delivery-failures';
import { ServiceRole } from '../findings-export/service-role';
import { TamperForwarder } from './tamper-forwarder';

export interface TamperSenderProps {
  readonly accountId: string;
  readonly plan: TamperSenderPlan;
}

/**
 * Run in the management account or an invited member: in each of its
 * regions, the tamper rules on the default bus send the calls made there to
 * the findings bus of the admin account, with this account's sender role;
 * each region has its dead-letter queue, alarms and alarm topic. One
 * provider serves every region through the provider-6 per-resource `region`.
 */
export class TamperSender extends Construct {
  constructor(scope: Construct, id: string, props: TamperSenderProps) {
    super(scope, id);
    const { plan } = props;
    const role = new ServiceRole(this, 'Role', { roleName: plan.roleName, trustPolicy: plan.trustPolicy, policy: plan.policy });
    for (const r of plan.regions) {
      const failures = new DeliveryFailures(this, `DeliveryFailures-${r.region}`, { accountId: props.accountId, plan: r.delivery, perResourceRegion: true });
      // The role ARN is the plan's string, which gives Terraform no order: without depends_on a
      // target could be created before the role and its policy exist, and its first events fail.
      new TamperForwarder(this, `Forwarder-${r.region}`, {
        rules: r.rules,
        busArn: plan.busArn,
        roleArn: plan.roleArn,
        delivery: failures.targetDelivery,
        region: r.region,
        dependsOn: [role.policy],
      });
    }
  }
}
