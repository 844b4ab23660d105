/**
 * The least-privilege policies of the CI roles: per account the stacks touch
 * (admin, management, member), a plan role that may only read what the
 * stacks hold and a deploy role that may also create, update and delete it.
 * The actions come from TERRAFORM_IAM_ACTIONS for the types that account's
 * stacks synthesize; the resources are scoped by the project's naming
 * (src/naming): names starting with `<prefix>-`, the `GuardDutyFindings*`
 * access roles, the `/aws/events/<prefix>-guardduty` log group. Actions
 * that AWS authorizes on no resource type get `"*"`. Pure.
 */
import type { PolicyDocument, PolicyStatement } from '../policy/document';
import { tamperSenderRoleName } from '../naming';
import { ACCOUNT_TERRAFORM_TYPES, type AccountKind, isReadAction, TERRAFORM_IAM_ACTIONS } from './iam-actions';

export type CiRole = 'plan' | 'deploy';

export interface CiPolicyTarget {
  readonly partition: string;
  readonly accountId: string;
  /** The config's `prefix`. */
  readonly prefix: string;
  /** Buckets of this account under Malware Protection for S3 with a quarantine: their policy is the project's. @default none */
  readonly quarantinedBuckets?: readonly string[];
}

/** Actions AWS authorizes on no resource type (the Service Authorization Reference lists none): granted on `"*"`. */
const ACCOUNT_LEVEL = new Set([
  'guardduty:CreateDetector',
  'guardduty:ListDetectors',
  'guardduty:ListInvitations',
  'guardduty:AcceptAdministratorInvitation',
  'guardduty:AcceptInvitation',
  'guardduty:GetAdministratorAccount',
  'guardduty:GetMasterAccount',
  'guardduty:DisassociateFromAdministratorAccount',
  'guardduty:DisassociateFromMasterAccount',
  'guardduty:EnableOrganizationAdminAccount',
  'guardduty:DisableOrganizationAdminAccount',
  'guardduty:ListOrganizationAdminAccounts',
  'kms:CreateKey',
  'kms:ListAliases',
  'logs:DescribeLogGroups',
  'logs:DescribeResourcePolicies',
  'logs:PutResourcePolicy',
  'logs:DeleteResourcePolicy',
  'sns:GetSubscriptionAttributes',
  'sns:SetSubscriptionAttributes',
  'sns:Unsubscribe',
  'ec2:DescribeFlowLogs',
  'ec2:CreateFlowLogs',
  'ec2:DeleteFlowLogs',
]);

/** Services whose every action is account-level here. */
const ACCOUNT_LEVEL_SERVICES = new Set(['organizations']);

/** The services that create a service-linked role for GuardDuty (detector, malware protection). */
export const GUARDDUTY_SERVICE_LINKED = ['guardduty.amazonaws.com', 'malware-protection.guardduty.amazonaws.com'] as const;

/** Services the project's roles are passed to: EventBridge targets, Firehose, Malware Protection plans, VPC flow logs. */
export const PASSED_TO_SERVICES = ['events.amazonaws.com', 'firehose.amazonaws.com', 'malware-protection-plan.guardduty.amazonaws.com', 'vpc-flow-logs.amazonaws.com'] as const;

interface Scope {
  readonly sid: string;
  readonly resources: readonly string[];
  readonly condition?: PolicyStatement['Condition'];
}

function scopeOf(action: string, t: CiPolicyTarget, account: AccountKind, malwarePlans: boolean): Scope {
  const [service] = action.split(':');
  const arn = (svc: string, region: string, resource: string) => `arn:${t.partition}:${svc}:${region}:${t.accountId}:${resource}`;
  const projectRoles = [arn('iam', '', `role/${t.prefix}-guardduty-*`), arn('iam', '', 'role/GuardDutyFindings*')];
  if (ACCOUNT_LEVEL.has(action) || ACCOUNT_LEVEL_SERVICES.has(service!)) return { sid: 'AccountLevel', resources: ['*'] };
  if (action === 'ec2:CreateTags') {
    return { sid: 'TagFlowLogsOnCreate', resources: [arn('ec2', '*', 'vpc-flow-log/*')], condition: { StringEquals: { 'ec2:CreateAction': 'CreateFlowLogs' } } };
  }
  if (action === 'iam:PassRole' && (account === 'management' || account === 'member')) {
    // The management and member accounts pass one role: the tamper alerts' sender, to EventBridge.
    return {
      sid: 'PassTheTamperSenderRole',
      resources: [arn('iam', '', `role/${tamperSenderRoleName(t.prefix)}`)],
      condition: { StringEquals: { 'iam:PassedToService': 'events.amazonaws.com' } },
    };
  }
  if (action === 'iam:PassRole') {
    return {
      sid: 'PassTheProjectRoles',
      resources: [arn('iam', '', `role/${t.prefix}-guardduty-*`)],
      condition: { StringEquals: { 'iam:PassedToService': [...PASSED_TO_SERVICES] } },
    };
  }
  if (action === 'iam:CreateServiceLinkedRole') {
    return {
      sid: 'GuardDutyServiceLinkedRoles',
      resources: GUARDDUTY_SERVICE_LINKED.map((s) => arn('iam', '', `role/aws-service-role/${s}/*`)),
      condition: { StringEquals: { 'iam:AWSServiceName': [...GUARDDUTY_SERVICE_LINKED] } },
    };
  }
  switch (service) {
    case 'guardduty':
      return { sid: 'GuardDutyDetectors', resources: [arn('guardduty', '*', 'detector/*'), ...(malwarePlans ? [arn('guardduty', '*', 'malware-protection-plan/*')] : [])] };
    case 'events':
      return { sid: 'EventBridge', resources: [arn('events', '*', `event-bus/${t.prefix}-*`), arn('events', '*', `rule/${t.prefix}-*`)] };
    case 'logs':
      return {
        sid: 'LogGroups',
        resources: [`/aws/events/${t.prefix}-guardduty*`, `/aws/kinesisfirehose/${t.prefix}-guardduty-*`, `/aws/vpc-flow-logs/${t.prefix}-guardduty*`].map((g) =>
          arn('logs', '*', `log-group:${g}`),
        ),
      };
    case 'iam':
      // PutRolePolicy/DeleteRolePolicy also reach GuardDuty's service-linked role: an IP list set adds its inline policy there.
      return {
        sid: 'ProjectRoles',
        resources: action.endsWith('RolePolicy')
          ? [...projectRoles, arn('iam', '', 'role/aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty')]
          : projectRoles,
      };
    case 'kms':
      // alias/<prefix>-gd-*: the operational alarm keys (src/naming alarmKeyAlias).
      return { sid: 'KmsKeys', resources: [arn('kms', '*', 'key/*'), arn('kms', '*', `alias/${t.prefix}-guardduty-*`), arn('kms', '*', `alias/${t.prefix}-gd-*`)] };
    case 's3':
      // The quarantine: the policy of a bucket the project does not own, named by the config.
      if (action.endsWith('BucketPolicy') && (t.quarantinedBuckets ?? []).length > 0) {
        return { sid: 'BucketPolicies', resources: [`arn:${t.partition}:s3:::${t.prefix}-gd-*`, ...t.quarantinedBuckets!.map((b) => `arn:${t.partition}:s3:::${b}`)] };
      }
      return { sid: 'Buckets', resources: [`arn:${t.partition}:s3:::${t.prefix}-gd-*`, `arn:${t.partition}:s3:::${t.prefix}-gd-*/*`] };
    case 'sns':
      // <prefix>-gd-*: the operational alarm topics, named apart from the alert topics.
      return { sid: 'Topics', resources: [arn('sns', '*', `${t.prefix}-guardduty-*`), arn('sns', '*', `${t.prefix}-gd-*`)] };
    case 'sqs':
      return { sid: 'DeadLetterQueues', resources: [arn('sqs', '*', `${t.prefix}-guardduty-*`)] };
    case 'cloudwatch':
      return { sid: 'Alarms', resources: [arn('cloudwatch', '*', `alarm:${t.prefix}-*`)] };
    case 'firehose':
      return { sid: 'Firehose', resources: [arn('firehose', '*', `deliverystream/${t.prefix}-guardduty-*`)] };
    default:
      throw new Error(`no resource scope for ${action}: add one to src/deploy/ci-policies.ts`);
  }
}

/** The actions a role of an account needs: read for plan, read and write for deploy, sorted. */
export function ciRoleActions(account: AccountKind, role: CiRole): string[] {
  const actions = ACCOUNT_TERRAFORM_TYPES[account].flatMap((type) => {
    const entry = TERRAFORM_IAM_ACTIONS[type];
    if (!entry) throw new Error(`no IAM actions for ${type}: add it to src/deploy/iam-actions.ts`);
    return role === 'plan' ? entry.read : [...entry.read, ...entry.write];
  });
  const unique = [...new Set(actions)].sort();
  if (role === 'plan') {
    const writes = unique.filter((a) => !isReadAction(a));
    if (writes.length > 0) throw new Error(`read actions that do not read: ${writes.join(', ')}`);
  }
  return unique;
}

/** The role's policy document: one statement per resource scope, in a stable order. */
export function ciRolePolicy(account: AccountKind, role: CiRole, target: CiPolicyTarget): PolicyDocument {
  const bySid = new Map<string, { scope: Scope; actions: string[] }>();
  // Malware Protection plans are GuardDuty resources of their own, in the accounts whose stacks create them.
  const malwarePlans = ACCOUNT_TERRAFORM_TYPES[account].includes('aws_guardduty_malware_protection_plan');
  for (const action of ciRoleActions(account, role)) {
    const scope = scopeOf(action, target, account, malwarePlans);
    const group = bySid.get(scope.sid) ?? { scope, actions: [] };
    group.actions.push(action);
    bySid.set(scope.sid, group);
  }
  const statements = [...bySid.values()]
    .sort((a, b) => a.scope.sid.localeCompare(b.scope.sid))
    .map(({ scope, actions }): PolicyStatement => ({
      Sid: scope.sid,
      Effect: 'Allow',
      Action: actions,
      Resource: scope.resources.length === 1 ? scope.resources[0]! : scope.resources,
      ...(scope.condition ? { Condition: scope.condition } : {}),
    }));
  return { Version: '2012-10-17', Statement: statements };
}
