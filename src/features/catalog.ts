/**
 * GuardDuty protection plans ("detector features") this project manages.
 *
 * EKS_RUNTIME_MONITORING is deliberately absent: it is superseded by
 * RUNTIME_MONITORING (with EKS_ADDON_MANAGEMENT), and the provider errors
 * when both feature resources exist, so it is never emitted, not even as
 * DISABLED. AI_PROTECTION and AI_ANALYST need AWS provider >= 6.56.0, newer
 * than the 6.25.0 the @cdktf/provider-aws 21.x bindings pin, so they are
 * left unmanaged (see docs/configuration.md, "Protection plans").
 */
export const DETECTOR_FEATURES = [
  'S3_DATA_EVENTS',
  'EKS_AUDIT_LOGS',
  'EBS_MALWARE_PROTECTION',
  'RDS_LOGIN_EVENTS',
  'RUNTIME_MONITORING',
  'LAMBDA_NETWORK_LOGS',
] as const;

export type DetectorFeatureName = (typeof DETECTOR_FEATURES)[number];

/** How often a detector exports updated findings (GuardDuty API, UpdateDetector). */
export const FINDING_PUBLISHING_FREQUENCIES = ['FIFTEEN_MINUTES', 'ONE_HOUR', 'SIX_HOURS'] as const;
export type FindingPublishingFrequency = (typeof FINDING_PUBLISHING_FREQUENCIES)[number];

/**
 * Additional configurations of RUNTIME_MONITORING (agent management per
 * compute type), in GuardDuty's own order: `aws_guardduty_member_detector_feature`
 * keeps `additional_configuration` as an ordered list and replaces it on read
 * with GetMemberDetectors' list, so another order is a diff on every plan
 * (terraform-provider-aws member_detector_feature.go; its acceptance test
 * reads back this order).
 */
export const RUNTIME_MONITORING_ADDITIONAL = [
  'EKS_ADDON_MANAGEMENT',
  'ECS_FARGATE_AGENT_MANAGEMENT',
  'EC2_AGENT_MANAGEMENT',
] as const;

export type RuntimeMonitoringAdditionalName = (typeof RUNTIME_MONITORING_ADDITIONAL)[number];

export const FEATURE_DESCRIPTIONS: Readonly<Record<DetectorFeatureName, string>> = {
  S3_DATA_EVENTS: 'S3 Protection: CloudTrail data events for S3.',
  EKS_AUDIT_LOGS: 'EKS Protection: Kubernetes audit logs.',
  EBS_MALWARE_PROTECTION: 'Malware Protection for EC2: scans EBS volumes of suspicious instances.',
  RDS_LOGIN_EVENTS: 'RDS Protection: Aurora and RDS login activity.',
  RUNTIME_MONITORING: 'Runtime Monitoring for EKS, ECS (Fargate) and EC2 through the GuardDuty agent.',
  LAMBDA_NETWORK_LOGS: 'Lambda Protection: network activity of Lambda functions.',
};

/**
 * What this project sets when the config leaves a feature out. Mirrors what
 * GuardDuty turns on for a new detector (Runtime Monitoring is opt-in and
 * billed per vCPU), but set explicitly: omitting a feature in Terraform does
 * not disable it.
 */
export const FEATURE_DEFAULT_ENABLED: Readonly<Record<DetectorFeatureName, boolean>> = {
  S3_DATA_EVENTS: true,
  EKS_AUDIT_LOGS: true,
  EBS_MALWARE_PROTECTION: true,
  RDS_LOGIN_EVENTS: true,
  RUNTIME_MONITORING: false,
  LAMBDA_NETWORK_LOGS: true,
};
