import type { Construct } from 'constructs';
import type { HomeStackPlan } from '../../src/plan/plan';
import { FindingsAccessRole } from '../access/findings-access-role';
import { AlertRoute } from '../alerts/alert-route';
import { DeliveryFailures } from '../findings-export/delivery-failures';
import { FindingsArchive } from '../findings-export/findings-archive';
import { FindingsBus } from '../findings-export/findings-bus';
import { FindingsLogGroup } from '../findings-export/findings-log-group';
import { ServiceRole } from '../findings-export/service-role';
import { SiemStream } from '../findings-export/siem-stream';
import { ManagedKey } from '../storage/managed-key';
import { TamperRoutes } from '../tamper-alerts/tamper-routes';
import { ListBucket } from '../threat-lists/list-bucket';
import { GuardDutyStack } from './guardduty-stack';

/**
 * The admin account's home region: everything shared by the regions. IAM
 * roles live here once (IAM is global) and regional stacks name them by
 * their deterministic ARN; every regional stack depends on this one.
 */
export class HomeStack extends GuardDutyStack {
  public readonly findingsBus: FindingsBus;

  constructor(scope: Construct, plan: HomeStackPlan, listBodyFiles: Readonly<Record<string, string>> = {}) {
    super(scope, plan);
    const f = plan.findings;

    const { targetDelivery: delivery } = new DeliveryFailures(this, 'DeliveryFailures', { accountId: f.accountId, plan: f.delivery });
    const forwarder = new ServiceRole(this, 'ForwarderRole', { roleName: f.forwarderRoleName, trustPolicy: f.forwarderTrustPolicy, policy: f.forwarderPolicy });
    this.findingsBus = new FindingsBus(this, 'FindingsBus', { busName: f.busName, policy: f.busPolicy, requireOrganization: f.requireOrganization, dependsOn: [forwarder.role] });
    const busName = this.findingsBus.bus.name;
    const logGroup = new FindingsLogGroup(this, 'FindingsLogGroup', {
      logGroupName: f.logGroup.name,
      logGroupArn: f.logGroup.arn,
      retentionDays: f.logGroup.retentionDays,
      ...(f.logGroup.kmsKeyArn ? { kmsKeyArn: f.logGroup.kmsKeyArn } : {}),
      busName,
      ruleName: f.logGroup.ruleName,
      resourcePolicyName: f.logGroup.resourcePolicyName,
      resourcePolicy: f.logGroup.resourcePolicy,
      delivery,
      ...(f.logGroup.malwareScanResults ? { malwareScanResults: true } : {}),
    });
    if (f.s3) new FindingsArchive(this, 'FindingsArchive', f.s3);
    if (f.siem) new SiemStream(this, 'Siem', { busName, siem: f.siem, delivery });

    const alertRoutes = new Map<string, AlertRoute>();
    if (f.alerts.length > 0) {
      const topicKeyArn = f.alertsKey
        ? new ManagedKey(this, 'AlertsKey', { description: 'Encrypts GuardDuty alert topics', alias: f.alertsKey.alias, policy: f.alertsKey.policy }).key.arn
        : undefined;
      for (const route of f.alerts) {
        alertRoutes.set(route.name, new AlertRoute(this, `Alert-${route.name}`, { partition: f.partition, accountId: f.accountId, busName, route, delivery, ...(topicKeyArn ? { topicKeyArn } : {}) }));
      }
    }
    if (f.tamper) {
      const route = f.tamper.alertRule ? alertRoutes.get(f.tamper.alertRule.route) : undefined;
      new TamperRoutes(this, 'TamperAlerts', {
        busName,
        plan: f.tamper,
        logGroupArn: f.logGroup.arn,
        logGroupDependencies: logGroup.writeDependencies,
        ...(route ? { topicDependencies: route.publishDependencies } : {}),
        delivery,
      });
    }
    for (const role of f.access) new FindingsAccessRole(this, role.roleName, { role });
    if (plan.threatLists) new ListBucket(this, 'ThreatLists', { ...plan.threatLists, bodyFiles: listBodyFiles });
    if (f.flowLogRole) {
      new ServiceRole(this, 'FlowLogRole', { roleName: f.flowLogRole.name, trustPolicy: f.flowLogRole.trustPolicy, policy: f.flowLogRole.policy });
    }
  }
}
