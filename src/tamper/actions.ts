/**
 * API calls that turn detection down: the tamper alerts watch for these.
 *
 * CloudTrail puts every API call on the default bus of the account and
 * region where it was made, as `detail-type: "AWS API Call via CloudTrail"`,
 * `source: aws.<service>`, `detail.eventSource: <service>.amazonaws.com`,
 * `detail.eventName`, `detail.requestParameters` (the request's JSON field
 * names) and `detail.userIdentity` (EventBridge events reference, "AWS
 * CloudTrail events"; EventBridge user guide, "Events from AWS services":
 * a trail that logs management events is needed). Read-only calls
 * (Get*, List*, Describe*) are not matched by an ENABLED rule at all, only by
 * one in state ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS (EventBridge
 * user guide, "Receiving read-only management events from AWS services"):
 * every call below writes.
 */

/** A service whose calls are watched, as CloudTrail names it on EventBridge. */
export interface WatchedService {
  readonly source: string;
  readonly eventSource: string;
}

export const GUARDDUTY: WatchedService = { source: 'aws.guardduty', eventSource: 'guardduty.amazonaws.com' };
export const EVENTBRIDGE: WatchedService = { source: 'aws.events', eventSource: 'events.amazonaws.com' };
export const CLOUDTRAIL: WatchedService = { source: 'aws.cloudtrail', eventSource: 'cloudtrail.amazonaws.com' };

/**
 * GuardDuty calls that reduce detection whatever their parameters: a
 * detector or a member gone, trusted IPs (no findings for them), threat
 * lists or exports changed or removed, the organization's auto-enable or
 * members' plans changed, findings archived, sample findings mixed in.
 * DisassociateFromMasterAccount is the older name of
 * DisassociateFromAdministratorAccount (GuardDuty API reference), still callable.
 * A member that declines or deletes the administrator's invitation is never
 * monitored (DeclineInvitations, DeleteInvitations); a Malware Protection
 * plan updated or deleted scans less or nothing (UpdateMalwareProtectionPlan
 * can drop tagging or narrow the prefixes, DeleteMalwareProtectionPlan).
 */
export const GUARDDUTY_ALWAYS = [
  'DeleteDetector',
  'CreateIPSet',
  'UpdateIPSet',
  'DeleteIPSet',
  'UpdateThreatIntelSet',
  'DeleteThreatIntelSet',
  'UpdatePublishingDestination',
  'DeletePublishingDestination',
  'UpdateOrganizationConfiguration',
  'UpdateMemberDetectors',
  'DisassociateMembers',
  'DeleteMembers',
  'StopMonitoringMembers',
  'DisassociateFromAdministratorAccount',
  'DisassociateFromMasterAccount',
  'DisableOrganizationAdminAccount',
  'ArchiveFindings',
  'CreateSampleFindings',
  'DeclineInvitations',
  'DeleteInvitations',
  'UpdateMalwareProtectionPlan',
  'DeleteMalwareProtectionPlan',
] as const;

/**
 * UpdateDetector turns detection down when it disables the detector
 * (`enable: false`), a protection plan (`features[].status: DISABLED`), a
 * plan's additional configuration (`features[].additionalConfiguration[].status`)
 * or a legacy data source (`dataSources.s3Logs.enable`, `dataSources.kubernetes.auditLogs.enable`,
 * `dataSources.malwareProtection.scanEc2InstanceWithFindings.ebsVolumes`: false) (GuardDuty API
 * reference, UpdateDetector request body). A call that only changes the
 * finding publishing frequency does not.
 */
export const UPDATE_DETECTOR_DISABLES: readonly Record<string, unknown>[] = [
  { enable: [false] },
  { features: { status: ['DISABLED'] } },
  { features: { additionalConfiguration: { status: ['DISABLED'] } } },
  { dataSources: { s3Logs: { enable: [false] } } },
  { dataSources: { kubernetes: { auditLogs: { enable: [false] } } } },
  // EbsVolumes is a Boolean here, not an object with `enable` (GuardDuty API reference, ScanEc2InstanceWithFindings).
  { dataSources: { malwareProtection: { scanEc2InstanceWithFindings: { ebsVolumes: [false] } } } },
];

/**
 * A filter whose action is ARCHIVE hides findings from EventBridge and the
 * console (GuardDuty API reference, CreateFilter `action`: NOOP | ARCHIVE).
 * UpdateFilter without `action` keeps the filter's action but may widen an
 * ARCHIVE filter's criteria, so it counts too; one that sets NOOP does not.
 */
export const ARCHIVE_ACTION = { action: ['ARCHIVE'] } as const;
export const ACTION_UNCHANGED = { action: [{ exists: false }] } as const;

/**
 * EventBridge calls on this estate's rules and findings bus: every rule and
 * bus name starts with `<prefix>-` (src/naming). The rule is `name` in
 * DisableRule, DeleteRule and PutRule and `rule` in RemoveTargets and
 * PutTargets; the bus is `name` in DeleteEventBus and `eventBusName` in
 * RemovePermission (EventBridge API reference; CloudTrail writes the request
 * fields in lower camel case, as `name` and `state` in the EventBridge user
 * guide's PutRule log entry). PutRule with `state: DISABLED` disables a rule
 * as DisableRule does (PutRule `State`); a PutRule that keeps the rule
 * enabled is a deploy and is not watched. PutTargets can point a rule
 * elsewhere (every deploy makes it too: the deploy role is quiet, so those
 * are only logged). RemovePermission strips the bus policy that admits the
 * other accounts' senders, and PutPermission with a `policy` replaces it
 * whole (EventBridge API reference, PutPermission `Policy`).
 */
export const EVENTBRIDGE_ESTATE_CALLS: readonly {
  readonly eventName: string;
  readonly nameField: 'name' | 'rule' | 'eventBusName';
  readonly when?: Readonly<Record<string, unknown>>;
}[] = [
  { eventName: 'DisableRule', nameField: 'name' },
  { eventName: 'DeleteRule', nameField: 'name' },
  { eventName: 'PutRule', nameField: 'name', when: { state: ['DISABLED'] } },
  { eventName: 'RemoveTargets', nameField: 'rule' },
  { eventName: 'PutTargets', nameField: 'rule' },
  { eventName: 'DeleteEventBus', nameField: 'name' },
  { eventName: 'RemovePermission', nameField: 'eventBusName' },
  { eventName: 'PutPermission', nameField: 'eventBusName' },
];

/**
 * CloudTrail calls that stop or narrow the trail these alerts depend on, for
 * any trail: UpdateTrail can make a multi-region trail single-region or
 * move its logs, PutEventSelectors can exclude management events
 * (CloudTrail API reference, UpdateTrail `IsMultiRegionTrail`,
 * PutEventSelectors `IncludeManagementEvents`).
 */
export const CLOUDTRAIL_ALWAYS = ['StopLogging', 'DeleteTrail', 'UpdateTrail', 'PutEventSelectors'] as const;
