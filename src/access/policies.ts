import type { PolicyDocument } from '../policy/document';
import { policy } from '../policy/statements';

/** Read-only GuardDuty: explicit list and get actions, never `guardduty:*`. */
export const VIEWER_GUARDDUTY_ACTIONS = [
  'guardduty:DescribeMalwareScans',
  'guardduty:DescribeOrganizationConfiguration',
  'guardduty:DescribePublishingDestination',
  'guardduty:GetAdministratorAccount',
  'guardduty:GetCoverageStatistics',
  'guardduty:GetDetector',
  'guardduty:GetFilter',
  'guardduty:GetFindings',
  'guardduty:GetFindingsStatistics',
  'guardduty:GetIPSet',
  'guardduty:GetMalwareScanSettings',
  'guardduty:GetMemberDetectors',
  'guardduty:GetMembers',
  'guardduty:GetThreatIntelSet',
  'guardduty:GetUsageStatistics',
  'guardduty:ListCoverage',
  'guardduty:ListDetectors',
  'guardduty:ListFilters',
  'guardduty:ListFindings',
  'guardduty:ListIPSets',
  'guardduty:ListMembers',
  'guardduty:ListPublishingDestinations',
  'guardduty:ListTagsForResource',
  'guardduty:ListThreatIntelSets',
] as const;

/** What triage adds: act on findings, never change detectors, lists or filters. */
export const TRIAGE_GUARDDUTY_ACTIONS = [
  'guardduty:ArchiveFindings',
  'guardduty:CreateSampleFindings',
  'guardduty:UnarchiveFindings',
  'guardduty:UpdateFindingsFeedback',
] as const;

/** The viewer's policy; triage gets it too, plus `TRIAGE_GUARDDUTY_ACTIONS`. */
export function findingsAccessPolicy(logGroupArn: string, triage: boolean): PolicyDocument {
  return policy(
    // GuardDuty's list actions have no resource-level permissions.
    { Sid: 'ReadGuardDuty', Effect: 'Allow', Action: [...VIEWER_GUARDDUTY_ACTIONS], Resource: '*' },
    ...(triage ? [{ Sid: 'TriageFindings', Effect: 'Allow' as const, Action: [...TRIAGE_GUARDDUTY_ACTIONS], Resource: '*' }] : []),
    {
      Sid: 'ReadFindingsLogGroup',
      Effect: 'Allow',
      Action: ['logs:DescribeLogStreams', 'logs:FilterLogEvents', 'logs:GetLogEvents', 'logs:StartQuery'],
      Resource: [logGroupArn, `${logGroupArn}:*`],
    },
    { Sid: 'QueryResults', Effect: 'Allow', Action: ['logs:DescribeLogGroups', 'logs:GetQueryResults', 'logs:StopQuery'], Resource: '*' },
  );
}

/** Who may assume the role, with MFA unless told otherwise. */
export function accessTrustPolicy(principals: readonly string[], requireMfa: boolean): PolicyDocument {
  return policy({
    Effect: 'Allow',
    Principal: { AWS: [...principals] },
    Action: 'sts:AssumeRole',
    ...(requireMfa ? { Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } } : {}),
  });
}
