/**
 * The IAM actions each command calls, and so the least privilege it needs.
 * docs/iam/guardduty-ops-<command>.json grant exactly these (a test keeps
 * them in step). sts:GetCallerIdentity, used by every command to confirm
 * the account, needs no permission.
 */
export const OPS_IAM_ACTIONS = {
  regions: ['account:ListRegions'],
  verify: [
    'guardduty:ListDetectors',
    'guardduty:GetDetector',
    'guardduty:ListIPSets',
    'guardduty:GetIPSet',
    'guardduty:ListThreatIntelSets',
    'guardduty:GetThreatIntelSet',
    'guardduty:ListPublishingDestinations',
    'guardduty:DescribePublishingDestination',
    'guardduty:ListMembers',
    'guardduty:DescribeOrganizationConfiguration',
    'guardduty:GetMemberDetectors',
    'guardduty:ListFilters',
    'guardduty:ListMalwareProtectionPlans',
    'guardduty:GetMalwareProtectionPlan',
  ],
  findings: ['guardduty:ListDetectors', 'guardduty:ListFindings', 'guardduty:GetFindings'],
  smoke: [
    'guardduty:ListDetectors',
    'guardduty:CreateSampleFindings',
    'guardduty:ListFindings',
    'guardduty:GetFindings',
    'guardduty:ArchiveFindings',
    'logs:FilterLogEvents',
  ],
} as const satisfies Record<string, readonly string[]>;

export type OpsCommand = keyof typeof OPS_IAM_ACTIONS;
