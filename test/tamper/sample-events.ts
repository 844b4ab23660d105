/**
 * CloudTrail API-call events as EventBridge delivers them, for the tamper
 * pattern tests. The envelope is the EventBridge event structure ("Amazon
 * EventBridge events": version, id, detail-type, source, account, time,
 * region, resources, detail); `detail` is the CloudTrail record (CloudTrail
 * user guide, "CloudTrail record contents"; the GuardDuty user guide's
 * "Example: GuardDuty log file entries"): eventSource, eventName,
 * requestParameters with the API's request field names, readOnly,
 * userIdentity. The userIdentity shapes are the CloudTrail user guide's
 * ("CloudTrail userIdentity element"): an assumed role, an IAM user, root.
 */

export const ACCOUNT = '111111111111';

export type UserIdentity = Record<string, unknown>;

export function assumedRole(roleArn: string, session = 'session-1'): UserIdentity {
  const [, , , , account, resource] = roleArn.split(':');
  const roleName = resource!.split('/').pop()!;
  return {
    type: 'AssumedRole',
    principalId: `AROAIDPPEZS35WEXAMPLE:${session}`,
    arn: `arn:aws:sts::${account}:assumed-role/${roleName}/${session}`,
    accountId: account,
    accessKeyId: 'ASIAEXAMPLE',
    sessionContext: {
      sessionIssuer: { type: 'Role', principalId: 'AROAIDPPEZS35WEXAMPLE', arn: roleArn, accountId: account, userName: roleName },
      attributes: { mfaAuthenticated: 'false', creationDate: '2026-11-02T01:06:28Z' },
    },
  };
}

export const iamUser = (name = 'Alice'): UserIdentity => ({
  type: 'IAMUser',
  principalId: 'AIDAJ45Q7YFFAREXAMPLE',
  arn: `arn:aws:iam::${ACCOUNT}:user/${name}`,
  accountId: ACCOUNT,
  accessKeyId: 'AKIAEXAMPLE',
  userName: name,
});

export const rootUser = (): UserIdentity => ({ type: 'Root', principalId: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:root`, accountId: ACCOUNT, accessKeyId: 'ASIAEXAMPLE' });

const SERVICES = {
  guardduty: { source: 'aws.guardduty', eventSource: 'guardduty.amazonaws.com' },
  events: { source: 'aws.events', eventSource: 'events.amazonaws.com' },
  cloudtrail: { source: 'aws.cloudtrail', eventSource: 'cloudtrail.amazonaws.com' },
} as const;

export interface ApiCall {
  readonly service: keyof typeof SERVICES;
  readonly eventName: string;
  readonly requestParameters: Record<string, unknown> | null;
  readonly readOnly?: boolean;
}

export function apiCallEvent(call: ApiCall, userIdentity: UserIdentity = iamUser(), region = 'us-east-1'): Record<string, unknown> {
  const { source, eventSource } = SERVICES[call.service];
  return {
    version: '0',
    id: '36eb8523-97d0-4518-b33d-ee3579ff19f0',
    'detail-type': 'AWS API Call via CloudTrail',
    source,
    account: ACCOUNT,
    time: '2026-12-01T12:00:00Z',
    region,
    resources: [],
    detail: {
      eventVersion: '1.08',
      userIdentity,
      eventTime: '2026-12-01T12:00:00Z',
      eventSource,
      eventName: call.eventName,
      awsRegion: region,
      sourceIPAddress: '198.51.100.7',
      userAgent: 'aws-cli/2.15.0',
      requestParameters: call.requestParameters,
      responseElements: null,
      requestID: 'a1b2c3d4-5678-90ab-cdef-EXAMPLE11111',
      eventID: 'a1b2c3d4-5678-90ab-cdef-EXAMPLEbbbbb',
      readOnly: call.readOnly ?? false,
      eventType: 'AwsApiCall',
      managementEvent: true,
      recipientAccountId: ACCOUNT,
      eventCategory: 'Management',
    },
  };
}

const detectorId = '12abc34d567e8fa901bc2d34e56789f0';
const gd = (eventName: string, requestParameters: Record<string, unknown> | null = { detectorId }): ApiCall => ({ service: 'guardduty', eventName, requestParameters });

/**
 * One call per action that turns detection down (the list in src/tamper/actions.ts),
 * with request parameters as the GuardDuty, EventBridge and CloudTrail API
 * references name them.
 */
export const TAMPER_CALLS: Readonly<Record<string, ApiCall>> = {
  DeleteDetector: gd('DeleteDetector'),
  'UpdateDetector enable false': gd('UpdateDetector', { detectorId, enable: false }),
  'UpdateDetector plan disabled': gd('UpdateDetector', { detectorId, features: [{ name: 'S3_DATA_EVENTS', status: 'ENABLED' }, { name: 'RUNTIME_MONITORING', status: 'DISABLED' }] }),
  'UpdateDetector plan configuration disabled': gd('UpdateDetector', {
    detectorId,
    features: [{ name: 'RUNTIME_MONITORING', status: 'ENABLED', additionalConfiguration: [{ name: 'EKS_ADDON_MANAGEMENT', status: 'DISABLED' }] }],
  }),
  'UpdateDetector legacy S3 data source off': gd('UpdateDetector', { detectorId, dataSources: { s3Logs: { enable: false } } }),
  'UpdateDetector legacy Kubernetes audit logs off': gd('UpdateDetector', { detectorId, dataSources: { kubernetes: { auditLogs: { enable: false } } } }),
  // ScanEc2InstanceWithFindings.EbsVolumes is a Boolean in the API (unlike s3Logs.enable): `ebsVolumes: false`,
  // not an object (GuardDuty API model, as in @aws-sdk/client-guardduty's ScanEc2InstanceWithFindings).
  'UpdateDetector legacy malware scans off': gd('UpdateDetector', { detectorId, dataSources: { malwareProtection: { scanEc2InstanceWithFindings: { ebsVolumes: false } } } }),
  'CreateFilter ARCHIVE': gd('CreateFilter', { detectorId, name: 'quiet', action: 'ARCHIVE', rank: 1, findingCriteria: { criterion: { severity: { gte: 1 } } } }),
  'UpdateFilter ARCHIVE': gd('UpdateFilter', { detectorId, filterName: 'quiet', action: 'ARCHIVE' }),
  'UpdateFilter criteria of an existing filter': gd('UpdateFilter', { detectorId, filterName: 'quiet', findingCriteria: { criterion: { severity: { gte: 1 } } } }),
  CreateIPSet: gd('CreateIPSet', { detectorId, name: 'trusted', format: 'TXT', location: 'https://s3.amazonaws.com/b/k', activate: true }),
  UpdateIPSet: gd('UpdateIPSet', { detectorId, ipSetId: '0cb0141ab9fbde177613ab9436212e90', location: 'https://s3.amazonaws.com/b/k2' }),
  DeleteIPSet: gd('DeleteIPSet', { detectorId, ipSetId: '0cb0141ab9fbde177613ab9436212e90' }),
  UpdateThreatIntelSet: gd('UpdateThreatIntelSet', { detectorId, threatIntelSetId: '0cb0141ab9fbde177613ab9436212e91', activate: false }),
  DeleteThreatIntelSet: gd('DeleteThreatIntelSet', { detectorId, threatIntelSetId: '0cb0141ab9fbde177613ab9436212e91' }),
  UpdatePublishingDestination: gd('UpdatePublishingDestination', { detectorId, destinationId: 'a4b1', destinationProperties: { destinationArn: 'arn:aws:s3:::other', kmsKeyArn: 'arn:aws:kms:us-east-1:111111111111:key/k' } }),
  DeletePublishingDestination: gd('DeletePublishingDestination', { detectorId, destinationId: 'a4b1' }),
  UpdateOrganizationConfiguration: gd('UpdateOrganizationConfiguration', { detectorId, autoEnableOrganizationMembers: 'NONE' }),
  UpdateMemberDetectors: gd('UpdateMemberDetectors', { detectorId, accountIds: ['222222222222'], features: [{ name: 'S3_DATA_EVENTS', status: 'DISABLED' }] }),
  DisassociateMembers: gd('DisassociateMembers', { detectorId, accountIds: ['222222222222'] }),
  DeleteMembers: gd('DeleteMembers', { detectorId, accountIds: ['222222222222'] }),
  StopMonitoringMembers: gd('StopMonitoringMembers', { detectorId, accountIds: ['222222222222'] }),
  DisassociateFromAdministratorAccount: gd('DisassociateFromAdministratorAccount'),
  DisassociateFromMasterAccount: gd('DisassociateFromMasterAccount'),
  DisableOrganizationAdminAccount: gd('DisableOrganizationAdminAccount', { adminAccountId: ACCOUNT }),
  ArchiveFindings: gd('ArchiveFindings', { detectorId, findingIds: ['1ab2c3d4'] }),
  CreateSampleFindings: gd('CreateSampleFindings', { detectorId, findingTypes: ['Recon:EC2/PortProbeUnprotectedPort'] }),
  DeclineInvitations: gd('DeclineInvitations', { accountIds: ['222222222222'] }),
  DeleteInvitations: gd('DeleteInvitations', { accountIds: ['222222222222'] }),
  UpdateMalwareProtectionPlan: gd('UpdateMalwareProtectionPlan', { malwareProtectionPlanId: 'b4c7f464ab3a4EXAMPLE', actions: { tagging: { status: 'DISABLED' } } }),
  DeleteMalwareProtectionPlan: gd('DeleteMalwareProtectionPlan', { malwareProtectionPlanId: 'b4c7f464ab3a4EXAMPLE' }),
  'DisableRule of the estate': { service: 'events', eventName: 'DisableRule', requestParameters: { name: 'acme-guardduty-findings', eventBusName: 'default' } },
  'DeleteRule of the estate': { service: 'events', eventName: 'DeleteRule', requestParameters: { name: 'acme-alert-high', eventBusName: 'acme-guardduty-findings', force: false } },
  // PutRule with state DISABLED disables a rule as DisableRule does (EventBridge API reference, PutRule State;
  // CloudTrail records it as requestParameters.name and .state, EventBridge user guide, "Logging EventBridge API calls").
  'PutRule disabling a rule of the estate': { service: 'events', eventName: 'PutRule', requestParameters: { name: 'acme-gd-tamper-guardduty', state: 'DISABLED', eventPattern: '{}' } },
  'RemoveTargets of the estate': { service: 'events', eventName: 'RemoveTargets', requestParameters: { rule: 'acme-guardduty-to-logs', eventBusName: 'acme-guardduty-findings', ids: ['log-group'] } },
  'PutTargets of the estate': { service: 'events', eventName: 'PutTargets', requestParameters: { rule: 'acme-guardduty-findings', targets: [{ id: 'findings-bus', arn: 'arn:aws:events:us-east-1:999999999999:event-bus/elsewhere' }] } },
  'DeleteEventBus of the estate': { service: 'events', eventName: 'DeleteEventBus', requestParameters: { name: 'acme-guardduty-findings' } },
  'PutPermission replacing the findings bus policy': { service: 'events', eventName: 'PutPermission', requestParameters: { eventBusName: 'acme-guardduty-findings', policy: '{"Version":"2012-10-17","Statement":[]}' } },
  'RemovePermission on the findings bus': { service: 'events', eventName: 'RemovePermission', requestParameters: { eventBusName: 'acme-guardduty-findings', removeAllPermissions: true } },
  StopLogging: { service: 'cloudtrail', eventName: 'StopLogging', requestParameters: { name: `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/organization-trail` } },
  DeleteTrail: { service: 'cloudtrail', eventName: 'DeleteTrail', requestParameters: { name: 'management-events' } },
  'UpdateTrail single-region': { service: 'cloudtrail', eventName: 'UpdateTrail', requestParameters: { name: 'management-events', isMultiRegionTrail: false } },
  'PutEventSelectors without management events': {
    service: 'cloudtrail',
    eventName: 'PutEventSelectors',
    requestParameters: { trailName: 'management-events', eventSelectors: [{ readWriteType: 'All', includeManagementEvents: false, dataResources: [] }] },
  },
};

/** Calls that look alike but do not turn detection down. */
export const BENIGN_CALLS: Readonly<Record<string, ApiCall>> = {
  'GetDetector (read-only)': { ...gd('GetDetector'), readOnly: true },
  'ListFindings (read-only)': { ...gd('ListFindings', { detectorId, maxResults: 50 }), readOnly: true },
  'UpdateDetector publishing frequency only': gd('UpdateDetector', { detectorId, findingPublishingFrequency: 'FIFTEEN_MINUTES' }),
  'UpdateDetector enabling': gd('UpdateDetector', { detectorId, enable: true, features: [{ name: 'S3_DATA_EVENTS', status: 'ENABLED', additionalConfiguration: [{ name: 'EKS_ADDON_MANAGEMENT', status: 'ENABLED' }] }] }),
  'UpdateDetector legacy S3 data source on': gd('UpdateDetector', { detectorId, dataSources: { s3Logs: { enable: true } } }),
  'UpdateDetector legacy malware scans on': gd('UpdateDetector', { detectorId, dataSources: { malwareProtection: { scanEc2InstanceWithFindings: { ebsVolumes: true } } } }),
  'CreateFilter NOOP': gd('CreateFilter', { detectorId, name: 'saved-view', action: 'NOOP', rank: 1, findingCriteria: { criterion: { severity: { gte: 7 } } } }),
  'UpdateFilter to NOOP': gd('UpdateFilter', { detectorId, filterName: 'quiet', action: 'NOOP' }),
  CreateThreatIntelSet: gd('CreateThreatIntelSet', { detectorId, name: 'bad-ips', format: 'TXT', location: 'https://s3.amazonaws.com/b/k', activate: true }),
  UnarchiveFindings: gd('UnarchiveFindings', { detectorId, findingIds: ['1ab2c3d4'] }),
  'DisableRule of another team': { service: 'events', eventName: 'DisableRule', requestParameters: { name: 'team-x-nightly', eventBusName: 'default' } },
  'RemoveTargets of another team': { service: 'events', eventName: 'RemoveTargets', requestParameters: { rule: 'team-x-nightly', ids: ['t'] } },
  'PutRule of the estate': { service: 'events', eventName: 'PutRule', requestParameters: { name: 'acme-guardduty-findings', state: 'ENABLED' } },
  'PutRule disabling a rule of another team': { service: 'events', eventName: 'PutRule', requestParameters: { name: 'team-x-nightly', state: 'DISABLED' } },
  StartLogging: { service: 'cloudtrail', eventName: 'StartLogging', requestParameters: { name: 'management-events' } },
  AcceptAdministratorInvitation: gd('AcceptAdministratorInvitation', { detectorId, administratorId: '111111111111', invitationId: 'a1b2' }),
  CreateMalwareProtectionPlan: gd('CreateMalwareProtectionPlan', { role: 'arn:aws:iam::111111111111:role/scan', protectedResource: { s3Bucket: { bucketName: 'uploads' } } }),
  'PutTargets of another team': { service: 'events', eventName: 'PutTargets', requestParameters: { rule: 'team-x-nightly', targets: [{ id: 't', arn: 'arn:aws:sqs:us-east-1:111111111111:q' }] } },
  'DeleteEventBus of another team': { service: 'events', eventName: 'DeleteEventBus', requestParameters: { name: 'team-x-bus' } },
  'PutPermission on another team\'s bus': { service: 'events', eventName: 'PutPermission', requestParameters: { eventBusName: 'team-x-bus', policy: '{}' } },
  CreateTrail: { service: 'cloudtrail', eventName: 'CreateTrail', requestParameters: { name: 'another-trail', s3BucketName: 'logs' } },
};

/** A GuardDuty finding on the same bus: not an API call. */
export const FINDING_EVENT = {
  version: '0',
  id: 'c8c4daa7-a20c-2f03-0070-b7393dd542ad',
  'detail-type': 'GuardDuty Finding',
  source: 'aws.guardduty',
  account: ACCOUNT,
  time: '2026-12-01T12:00:00Z',
  region: 'us-east-1',
  resources: [],
  detail: { schemaVersion: '2.0', accountId: ACCOUNT, region: 'us-east-1', type: 'Recon:EC2/PortProbeUnprotectedPort', severity: 2 },
};
