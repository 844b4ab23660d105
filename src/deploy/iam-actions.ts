/**
 * The IAM actions Terraform's AWS provider (6.x) calls for each resource
 * type and data source the stacks synthesize: `read` is what a refresh and
 * `terraform plan` call, `write` what create, update and delete add. The CI
 * roles' policies (docs/iam/ci-<plan|deploy>-<account>.json, `npm run iam`)
 * are built from this table; a test synthesizes every example and fails on a
 * type that has no entry here. Pure data.
 */
import { malwareProtectionStackName, MANAGEMENT_STACK_NAME, MEMBER_FEATURES_STACK_NAME, memberStackName } from '../naming';

export interface TypeActions {
  readonly read: readonly string[];
  readonly write: readonly string[];
}

/** Data sources are keyed `data.<type>`, resources by their type. */
export const TERRAFORM_IAM_ACTIONS: Readonly<Record<string, TypeActions>> = {
  // ---- GuardDuty
  aws_guardduty_detector: {
    read: ['guardduty:GetDetector', 'guardduty:ListTagsForResource'],
    write: ['guardduty:CreateDetector', 'guardduty:UpdateDetector', 'guardduty:DeleteDetector', 'guardduty:TagResource', 'guardduty:UntagResource', 'iam:CreateServiceLinkedRole'],
  },
  aws_guardduty_detector_feature: { read: ['guardduty:GetDetector'], write: ['guardduty:UpdateDetector', 'iam:CreateServiceLinkedRole'] },
  'data.aws_guardduty_detector': { read: ['guardduty:ListDetectors', 'guardduty:GetDetector'], write: [] },
  aws_guardduty_filter: {
    read: ['guardduty:GetFilter'],
    write: ['guardduty:CreateFilter', 'guardduty:UpdateFilter', 'guardduty:DeleteFilter', 'guardduty:TagResource', 'guardduty:UntagResource'],
  },
  // Creating or activating a set makes GuardDuty add an inline policy to its service-linked role (iam:PutRolePolicy, DeleteRolePolicy).
  aws_guardduty_ipset: {
    read: ['guardduty:GetIPSet'],
    write: ['guardduty:CreateIPSet', 'guardduty:UpdateIPSet', 'guardduty:DeleteIPSet', 'guardduty:TagResource', 'guardduty:UntagResource', 'iam:PutRolePolicy', 'iam:DeleteRolePolicy', 's3:GetObject'],
  },
  aws_guardduty_threatintelset: {
    read: ['guardduty:GetThreatIntelSet'],
    write: [
      'guardduty:CreateThreatIntelSet',
      'guardduty:UpdateThreatIntelSet',
      'guardduty:DeleteThreatIntelSet',
      'guardduty:TagResource',
      'guardduty:UntagResource',
      'iam:PutRolePolicy',
      'iam:DeleteRolePolicy',
      's3:GetObject',
    ],
  },
  // Creating a plan passes its role to GuardDuty: iam:PassRole with iam:PassedToService malware-protection-plan.guardduty.amazonaws.com
  // (statement PassRoleToMalwareProtectionPlan of the AWS managed policy AmazonGuardDutyFullAccess_v2).
  aws_guardduty_malware_protection_plan: {
    read: ['guardduty:GetMalwareProtectionPlan', 'guardduty:ListTagsForResource'],
    write: ['guardduty:CreateMalwareProtectionPlan', 'guardduty:UpdateMalwareProtectionPlan', 'guardduty:DeleteMalwareProtectionPlan', 'guardduty:TagResource', 'guardduty:UntagResource', 'iam:PassRole'],
  },
  aws_guardduty_publishing_destination: {
    read: ['guardduty:DescribePublishingDestination'],
    write: ['guardduty:CreatePublishingDestination', 'guardduty:UpdatePublishingDestination', 'guardduty:DeletePublishingDestination'],
  },
  aws_guardduty_member: {
    read: ['guardduty:GetMembers'],
    write: ['guardduty:CreateMembers', 'guardduty:InviteMembers', 'guardduty:DisassociateMembers', 'guardduty:DeleteMembers'],
  },
  aws_guardduty_member_detector_feature: { read: ['guardduty:GetMemberDetectors'], write: ['guardduty:UpdateMemberDetectors'] },
  aws_guardduty_organization_configuration: {
    read: ['guardduty:DescribeOrganizationConfiguration'],
    write: ['guardduty:UpdateOrganizationConfiguration'],
  },
  aws_guardduty_organization_configuration_feature: {
    read: ['guardduty:DescribeOrganizationConfiguration'],
    write: ['guardduty:UpdateOrganizationConfiguration'],
  },
  // The provider has used both the administrator and the older master names of these calls: both are granted.
  aws_guardduty_invite_accepter: {
    read: ['guardduty:GetAdministratorAccount', 'guardduty:GetMasterAccount'],
    write: [
      'guardduty:ListInvitations',
      'guardduty:AcceptAdministratorInvitation',
      'guardduty:AcceptInvitation',
      'guardduty:DisassociateFromAdministratorAccount',
      'guardduty:DisassociateFromMasterAccount',
    ],
  },
  // The GuardDuty guide's list for designating a delegated administrator, plus the list and disable calls Terraform reads and destroys with.
  aws_guardduty_organization_admin_account: {
    read: [
      'guardduty:ListOrganizationAdminAccounts',
      'organizations:DescribeOrganization',
      'organizations:DescribeAccount',
      'organizations:DescribeOrganizationalUnit',
      'organizations:ListAccounts',
      'organizations:ListAWSServiceAccessForOrganization',
      'organizations:ListDelegatedAdministrators',
    ],
    write: [
      'guardduty:EnableOrganizationAdminAccount',
      'guardduty:DisableOrganizationAdminAccount',
      'organizations:EnableAWSServiceAccess',
      'organizations:RegisterDelegatedAdministrator',
      'organizations:DeregisterDelegatedAdministrator',
      'iam:CreateServiceLinkedRole',
    ],
  },
  // The home bus policy's organization id; in the management account the data source also lists accounts and roots.
  'data.aws_organizations_organization': {
    read: ['organizations:DescribeOrganization', 'organizations:ListAccounts', 'organizations:ListRoots', 'organizations:ListAWSServiceAccessForOrganization'],
    write: [],
  },

  // ---- EventBridge
  aws_cloudwatch_event_bus: {
    read: ['events:DescribeEventBus', 'events:ListTagsForResource'],
    write: ['events:CreateEventBus', 'events:UpdateEventBus', 'events:DeleteEventBus', 'events:TagResource', 'events:UntagResource'],
  },
  aws_cloudwatch_event_bus_policy: { read: ['events:DescribeEventBus'], write: ['events:PutPermission', 'events:RemovePermission'] },
  aws_cloudwatch_event_rule: {
    read: ['events:DescribeRule', 'events:ListTagsForResource'],
    write: ['events:PutRule', 'events:DeleteRule', 'events:EnableRule', 'events:DisableRule', 'events:TagResource', 'events:UntagResource'],
  },
  aws_cloudwatch_event_target: { read: ['events:ListTargetsByRule'], write: ['events:PutTargets', 'events:RemoveTargets', 'iam:PassRole'] },

  // ---- CloudWatch Logs
  aws_cloudwatch_log_group: {
    read: ['logs:DescribeLogGroups', 'logs:ListTagsForResource'],
    write: [
      'logs:CreateLogGroup',
      'logs:DeleteLogGroup',
      'logs:PutRetentionPolicy',
      'logs:DeleteRetentionPolicy',
      'logs:AssociateKmsKey',
      'logs:DisassociateKmsKey',
      'logs:TagResource',
      'logs:UntagResource',
    ],
  },
  aws_cloudwatch_log_stream: { read: ['logs:DescribeLogStreams'], write: ['logs:CreateLogStream', 'logs:DeleteLogStream'] },
  aws_cloudwatch_log_resource_policy: { read: ['logs:DescribeResourcePolicies'], write: ['logs:PutResourcePolicy', 'logs:DeleteResourcePolicy'] },

  // ---- IAM
  aws_iam_role: {
    read: ['iam:GetRole', 'iam:ListRolePolicies', 'iam:ListAttachedRolePolicies', 'iam:ListInstanceProfilesForRole'],
    write: ['iam:CreateRole', 'iam:DeleteRole', 'iam:UpdateRole', 'iam:UpdateAssumeRolePolicy', 'iam:TagRole', 'iam:UntagRole', 'iam:DeleteRolePolicy'],
  },
  aws_iam_role_policy: { read: ['iam:GetRolePolicy'], write: ['iam:PutRolePolicy', 'iam:DeleteRolePolicy'] },

  // ---- KMS
  aws_kms_key: {
    read: ['kms:DescribeKey', 'kms:GetKeyPolicy', 'kms:GetKeyRotationStatus', 'kms:ListResourceTags'],
    write: [
      'kms:CreateKey',
      'kms:PutKeyPolicy',
      'kms:EnableKeyRotation',
      'kms:DisableKeyRotation',
      'kms:UpdateKeyDescription',
      'kms:TagResource',
      'kms:UntagResource',
      'kms:ScheduleKeyDeletion',
    ],
  },
  aws_kms_alias: { read: ['kms:ListAliases'], write: ['kms:CreateAlias', 'kms:UpdateAlias', 'kms:DeleteAlias'] },
  'data.aws_kms_alias': { read: ['kms:ListAliases', 'kms:DescribeKey'], write: [] },

  // ---- S3 (the provider reads every bucket sub-configuration on refresh)
  aws_s3_bucket: {
    read: [
      's3:ListBucket',
      's3:GetBucketAcl',
      's3:GetBucketCORS',
      's3:GetBucketWebsite',
      's3:GetBucketVersioning',
      's3:GetAccelerateConfiguration',
      's3:GetBucketRequestPayment',
      's3:GetBucketLogging',
      's3:GetLifecycleConfiguration',
      's3:GetReplicationConfiguration',
      's3:GetEncryptionConfiguration',
      's3:GetBucketObjectLockConfiguration',
      's3:GetBucketPolicy',
      's3:GetBucketTagging',
    ],
    write: ['s3:CreateBucket', 's3:DeleteBucket', 's3:PutBucketTagging'],
  },
  aws_s3_bucket_lifecycle_configuration: { read: ['s3:GetLifecycleConfiguration'], write: ['s3:PutLifecycleConfiguration'] },
  aws_s3_bucket_ownership_controls: { read: ['s3:GetBucketOwnershipControls'], write: ['s3:PutBucketOwnershipControls'] },
  aws_s3_bucket_policy: { read: ['s3:GetBucketPolicy'], write: ['s3:PutBucketPolicy', 's3:DeleteBucketPolicy'] },
  aws_s3_bucket_public_access_block: { read: ['s3:GetBucketPublicAccessBlock'], write: ['s3:PutBucketPublicAccessBlock'] },
  aws_s3_bucket_server_side_encryption_configuration: { read: ['s3:GetEncryptionConfiguration'], write: ['s3:PutEncryptionConfiguration'] },
  aws_s3_bucket_versioning: { read: ['s3:GetBucketVersioning'], write: ['s3:PutBucketVersioning'] },
  // In a versioned bucket, destroy deletes every version of the object.
  aws_s3_object: {
    read: ['s3:GetObject', 's3:GetObjectTagging', 's3:ListBucketVersions'],
    write: ['s3:PutObject', 's3:PutObjectTagging', 's3:DeleteObject', 's3:DeleteObjectVersion'],
  },

  // ---- SNS
  aws_sns_topic: {
    read: ['sns:GetTopicAttributes', 'sns:ListTagsForResource'],
    write: ['sns:CreateTopic', 'sns:DeleteTopic', 'sns:SetTopicAttributes', 'sns:TagResource', 'sns:UntagResource'],
  },
  aws_sns_topic_policy: { read: ['sns:GetTopicAttributes'], write: ['sns:SetTopicAttributes'] },
  aws_sns_topic_subscription: { read: ['sns:GetSubscriptionAttributes'], write: ['sns:Subscribe', 'sns:Unsubscribe', 'sns:SetSubscriptionAttributes'] },

  // ---- SQS (dead-letter queues of the EventBridge targets)
  aws_sqs_queue: {
    read: ['sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:ListQueueTags'],
    write: ['sqs:CreateQueue', 'sqs:DeleteQueue', 'sqs:SetQueueAttributes', 'sqs:TagQueue', 'sqs:UntagQueue'],
  },
  aws_sqs_queue_policy: { read: ['sqs:GetQueueAttributes'], write: ['sqs:SetQueueAttributes'] },

  // ---- CloudWatch alarms (failed deliveries, dead-letter queue depth)
  aws_cloudwatch_metric_alarm: {
    read: ['cloudwatch:DescribeAlarms', 'cloudwatch:ListTagsForResource'],
    write: ['cloudwatch:PutMetricAlarm', 'cloudwatch:DeleteAlarms', 'cloudwatch:TagResource', 'cloudwatch:UntagResource'],
  },

  // ---- Firehose
  aws_kinesis_firehose_delivery_stream: {
    read: ['firehose:DescribeDeliveryStream', 'firehose:ListTagsForDeliveryStream'],
    write: [
      'firehose:CreateDeliveryStream',
      'firehose:DeleteDeliveryStream',
      'firehose:UpdateDestination',
      'firehose:StartDeliveryStreamEncryption',
      'firehose:StopDeliveryStreamEncryption',
      'firehose:TagDeliveryStream',
      'firehose:UntagDeliveryStream',
      'iam:PassRole',
    ],
  },

  // ---- VPC flow logs
  aws_flow_log: { read: ['ec2:DescribeFlowLogs'], write: ['ec2:CreateFlowLogs', 'ec2:DeleteFlowLogs', 'ec2:CreateTags', 'iam:PassRole'] },

  // ---- Terraform's own: no API call.
  terraform_data: { read: [], write: [] },
};

/** The accounts the stacks touch, each with its own CI roles. */
export const ACCOUNT_KINDS = ['admin', 'management', 'member', 'malware'] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

/** The account a stack runs in: management, member and malware protection stacks by name, every other stack (home, regions, member features) in the admin account. */
export function accountKindOfStack(stack: string): AccountKind {
  if (stack === MANAGEMENT_STACK_NAME) return 'management';
  if (stack.startsWith(malwareProtectionStackName(''))) return 'malware';
  if (stack !== MEMBER_FEATURES_STACK_NAME && stack.startsWith(memberStackName(''))) return 'member';
  return 'admin';
}

/** What the tamper alerts add to the management and member stacks. */
const TAMPER_SENDER_TYPES = [
    // tamper alerts (tamperAlerts): the sender role, the rules to the findings bus, each region's dead-letter queue, alarms and alarm topic
    'aws_cloudwatch_event_rule',
    'aws_cloudwatch_event_target',
    'aws_cloudwatch_metric_alarm',
    'aws_iam_role',
    'aws_iam_role_policy',
    'aws_kms_alias',
    'aws_kms_key',
    'aws_sns_topic',
    'aws_sns_topic_policy',
    'aws_sns_topic_subscription',
    'aws_sqs_queue',
    'aws_sqs_queue_policy',
  ];

/** The resource and data types (`data.<type>`) the stacks of each account may synthesize; a test keeps this in step with the examples. */
export const ACCOUNT_TERRAFORM_TYPES: Readonly<Record<AccountKind, readonly string[]>> = {
  admin: [
    // home
    'aws_cloudwatch_event_bus',
    'aws_cloudwatch_event_bus_policy',
    'aws_cloudwatch_event_rule',
    'aws_cloudwatch_event_target',
    'aws_cloudwatch_log_group',
    'aws_cloudwatch_log_resource_policy',
    'aws_cloudwatch_log_stream',
    'aws_cloudwatch_metric_alarm',
    'aws_iam_role',
    'aws_iam_role_policy',
    'aws_kinesis_firehose_delivery_stream',
    'aws_kms_alias',
    'aws_kms_key',
    'aws_s3_bucket',
    'aws_s3_bucket_lifecycle_configuration',
    'aws_s3_bucket_ownership_controls',
    'aws_s3_bucket_policy',
    'aws_s3_bucket_public_access_block',
    'aws_s3_bucket_server_side_encryption_configuration',
    'aws_s3_bucket_versioning',
    'aws_s3_object',
    'aws_sns_topic',
    'aws_sns_topic_policy',
    'aws_sns_topic_subscription',
    'aws_sqs_queue',
    'aws_sqs_queue_policy',
    'data.aws_organizations_organization',
    // regions
    'aws_flow_log',
    'aws_guardduty_detector',
    'aws_guardduty_detector_feature',
    'aws_guardduty_filter',
    'aws_guardduty_ipset',
    'aws_guardduty_malware_protection_plan',
    'aws_guardduty_member',
    'aws_guardduty_organization_configuration',
    'aws_guardduty_organization_configuration_feature',
    'aws_guardduty_publishing_destination',
    'aws_guardduty_threatintelset',
    'data.aws_kms_alias',
    'terraform_data',
    // member plans: the member-features stack (invitation mode), the regional stacks (organization mode memberOverrides)
    'aws_guardduty_member_detector_feature',
    'data.aws_guardduty_detector',
  ],
  management: ['aws_guardduty_organization_admin_account', ...TAMPER_SENDER_TYPES],
  member: ['aws_guardduty_detector', 'aws_guardduty_invite_accepter', ...TAMPER_SENDER_TYPES],
  // An account with protected buckets (Malware Protection for S3), outside the admin account.
  malware: ['aws_guardduty_malware_protection_plan', 'aws_iam_role', 'aws_iam_role_policy', 'aws_s3_bucket_policy'],
};

/** Read-only verbs: everything a plan role is granted starts with one of these. */
export const READ_VERBS = ['Get', 'List', 'Describe'] as const;

export function isReadAction(action: string): boolean {
  const verb = action.split(':')[1] ?? '';
  return READ_VERBS.some((v) => verb.startsWith(v));
}
