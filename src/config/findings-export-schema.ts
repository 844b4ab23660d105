import { z } from 'zod';
import { ALERT_MESSAGE_FORMATS } from '../alerts/message';
import { ALERT_PROTOCOLS } from '../alerts/subscription';
import { ARCHIVE_STORAGE_CLASSES } from '../export/archive';
import { SEVERITY_NAMES } from '../findings/severity';
import { CONNECTION_DIRECTIONS, FILTER_ACTIONS, RESOURCE_ROLES } from '../suppression/filters';
import { accountId, arnOf, kmsKeyArn, regionName, roleArn, shortName } from './primitives';

/**
 * Config sections of findings export and alerting: where
 * findings go, who is alerted, what is suppressed, who may look.
 */

const severity = z
  .union([z.number().min(1).max(10), z.enum(SEVERITY_NAMES)])
  .describe('A severity: a number from 1 to 10 or Low (1) | Medium (4) | High (7) | Critical (9).');

/** The values CloudWatch Logs accepts for retention_in_days. */
export const LOG_RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] as const;
const retentionDays = z
  .number()
  .refine((d) => (LOG_RETENTION_DAYS as readonly number[]).includes(d), { message: `must be one of ${LOG_RETENTION_DAYS.join(', ')} (CloudWatch Logs retention values)` });

const secretArn = arnOf('secretsmanager', 'arn:aws:secretsmanager:us-east-1:111111111111:secret:splunk-hec-AbCdEf').describe(
  "Secrets Manager secret holding the credential, in the home region (Firehose reads only secrets in the stream's region): never the credential itself, so it stays out of the YAML and of cdk.tf.json.",
);

const secretKmsKeyArn = kmsKeyArn
  .optional()
  .describe(
    "Customer managed KMS key that encrypts the secret, in the home region: the stream's role gets kms:Decrypt on it through Secrets Manager only. Leave out for the AWS managed key aws/secretsmanager.",
  );

const firehose = z
  .discriminatedUnion('type', [
    z.strictObject({
      type: z.literal('splunk'),
      hecEndpoint: z.url({ protocol: /^https$/ }).describe('Splunk HTTP Event Collector URL.'),
      hecEndpointType: z.enum(['Raw', 'Event']).default('Event'),
      tokenSecretArn: secretArn,
      secretKmsKeyArn,
      bufferingSeconds: z.number().int().min(0).max(60).default(60),
    }),
    z.strictObject({
      type: z.literal('http'),
      url: z.url({ protocol: /^https$/ }).describe('HTTP endpoint (Sumo Logic, Datadog, ...).'),
      name: z.string().min(1).max(80).optional(),
      accessKeySecretArn: secretArn,
      secretKmsKeyArn,
      bufferingSeconds: z.number().int().min(0).max(900).default(60),
    }),
    z.strictObject({
      type: z.literal('s3'),
      bufferingSeconds: z.number().int().min(0).max(900).default(300),
    }),
  ])
  .optional()
  .describe('Kinesis Data Firehose stream toward a SIEM, fed by the findings bus; failed deliveries go to an encrypted backup bucket.');

const subscription = z
  .strictObject({
    protocol: z.enum(ALERT_PROTOCOLS),
    endpoint: z.string().min(1).describe('Email address, https URL or Lambda function ARN.'),
  })
  // SNS would accept an http:// endpoint under protocol https only to fail delivery; findings must not travel in clear.
  .refine((s) => s.protocol !== 'https' || /^https:\/\/[^\s/]+/.test(s.endpoint), {
    message: 'protocol https needs an https:// endpoint (findings must not travel unencrypted)',
    path: ['endpoint'],
  });

export const exportSection = z
  .strictObject({
    minSeverity: severity.default(1).describe('Findings below it are not forwarded at all (filtered at the regional rules), so logs, alerts and Firehose see the same findings.'),
    logGroup: z
      .strictObject({
        retentionDays: retentionDays.default(365).describe('Retention of the findings log group.'),
        kmsKeyArn: kmsKeyArn.optional().describe('KMS key ARN for the log group (CloudWatch Logs takes a key ARN, not an alias). Default: CloudWatch Logs encryption.'),
      })
      .default({ retentionDays: 365 })
      .describe('CloudWatch Logs group /aws/events/<prefix>-guardduty that receives every finding.'),
    s3: z
      .strictObject({
        enabled: z.boolean().default(true).describe("GuardDuty's own S3 publishing destination (KMS-encrypted bucket in the home region)."),
        transitionDays: z.number().int().min(1).default(90).describe('Days before findings move to the archive storage class.'),
        storageClass: z.enum(ARCHIVE_STORAGE_CLASSES).default('GLACIER'),
        expireDays: z.number().int().min(1).default(730).describe('Days before findings are deleted.'),
      })
      .default({ enabled: true, transitionDays: 90, storageClass: 'GLACIER', expireDays: 730 }),
    firehose,
    operationalAlarms: z
      .strictObject({ subscriptions: z.array(subscription).default([]) })
      .optional()
      .describe(
        'Who hears about failed deliveries: each region (and the home stack) gets a KMS-encrypted SNS topic <prefix>-gd-ops-alarms (<prefix>-gd-home-ops-alarms) that the failed-invocation and dead-letter-queue alarms notify, with these subscriptions. Default: the topics exist with no subscriptions. A lambda endpoint must be in the admin account and the home region.',
      ),
  })
  .default({
    minSeverity: 1,
    logGroup: { retentionDays: 365 },
    s3: { enabled: true, transitionDays: 90, storageClass: 'GLACIER', expireDays: 730 },
  })
  .describe('Findings export: every region forwards findings to one bus in the home region, which delivers them to CloudWatch Logs (and Firehose); GuardDuty also exports to S3.');

export const alerts = z
  .array(
    z
      .strictObject({
        name: shortName.describe('Route name: rule <prefix>-alert-<name> (and <prefix>-scans-<name> for Malware Protection for S3 scan results), topic <prefix>-guardduty-<name>.'),
        minSeverity: severity,
        types: z
          .array(z.string().min(1))
          .min(1, 'list at least one type prefix, or leave types out for every type')
          .optional()
          .describe('Finding type prefixes (e.g. "Recon:EC2/", "UnauthorizedAccess:IAMUser/"). Default: every type.'),
        message: z.enum(ALERT_MESSAGE_FORMATS).default('short').describe('short: one readable line (a finding: type, severity, account, region, resource, console link; a Malware Protection for S3 scan result: threat, bucket, object, account, region); full: the event JSON.'),
        sns: z
          .strictObject({ subscriptions: z.array(subscription).default([]) })
          .optional()
          .describe('A topic created for this route (KMS-encrypted) with these subscriptions.'),
        topicArn: arnOf('sns', 'arn:aws:sns:us-east-1:111111111111:security-alerts').optional().describe('An existing topic instead (its policy must let EventBridge publish).'),
      })
      .refine((a) => (a.sns === undefined) !== (a.topicArn === undefined), { message: 'set exactly one of sns or topicArn', when: (payload) => payload.issues.length === 0 }),
  )
  .default([])
  .describe('Alert routes: findings at or above a severity (optionally of some types) to SNS.');

const criterionValue = z.union([z.string(), z.number()]).transform(String);

/**
 * What the provider accepts in greater_than / less_than (and their -or-equal
 * forms): a non-negative integer or an RFC 3339 time (terraform-provider-aws,
 * guardduty filter.go: verify.ValidStringDateOrPositiveInt). A fractional
 * severity such as 6.9 fails the plan in every region.
 */
const comparisonValue = criterionValue.refine((v) => /^\d+$/.test(v) || !Number.isNaN(Date.parse(v)) && /^\d{4}-\d{2}-\d{2}T/.test(v), {
  message: 'must be a whole number or an RFC 3339 time (GuardDuty filters compare integers: use 7, not 6.9)',
});

const rawCriterion = z
  .strictObject({
    field: z.string().min(1).describe('GuardDuty finding field, e.g. service.action.networkConnectionAction.remoteIpDetails.ipAddressV4.'),
    equals: z.array(criterionValue).min(1).optional(),
    notEquals: z.array(criterionValue).min(1).optional(),
    greaterThan: comparisonValue.optional(),
    greaterThanOrEqual: comparisonValue.optional(),
    lessThan: comparisonValue.optional(),
    lessThanOrEqual: comparisonValue.optional(),
  })
  .refine((c) => Object.keys(c).length > 1, { message: 'needs a comparison (equals, notEquals, greaterThan, ...)' });

const port = z.number().int().min(1).max(65535);

const criteria = z
  .strictObject({
    types: z.array(z.string().min(1)).min(1).optional().describe('Exact finding types.'),
    severityBelow: severity
      .refine((v) => typeof v !== 'number' || Number.isInteger(v), { message: 'must be a whole number or a band name: GuardDuty filters compare integers (the provider rejects 4.5)' })
      .optional()
      .describe('Only findings with a severity below this (a whole number or a band name).'),
    resourceRole: z.enum(RESOURCE_ROLES).optional(),
    connectionDirection: z.enum(CONNECTION_DIRECTIONS).optional(),
    connectionLocalPorts: z.array(port).min(1).optional().describe('Local port of a network connection.'),
    probedLocalPorts: z.array(port).min(1).optional().describe('Local port of a port probe.'),
    instanceTag: z.strictObject({ key: z.string().min(1), value: z.string() }).optional().describe('EC2 instance tag key and value.'),
    accounts: z.array(accountId).min(1).optional().describe('Accounts the finding is in.'),
    raw: z.array(rawCriterion).min(1).optional().describe('Any other GuardDuty criterion (escape hatch).'),
  })
  .refine((c) => Object.keys(c).length > 0, {
    message: 'needs at least one criterion; a filter without criteria would match every finding',
    // A misspelt key is reported as unknown; saying "no criterion" as well would mislead.
    when: (payload) => payload.issues.length === 0,
  });

export const suppressions = z
  .array(
    z.strictObject({
      name: shortName.describe('Filter name (prefixed with `prefix`).'),
      description: z.string().max(512).optional(),
      action: z.enum(FILTER_ACTIONS).default('ARCHIVE').describe('ARCHIVE suppresses (findings are archived and not sent to EventBridge); NOOP only saves the filter.'),
      rank: z
        .number()
        .int()
        .min(1)
        .max(100)
        .optional()
        .describe('Order among the filters; they are numbered 1..n in this order, as GuardDuty allows no gaps. Default: list order.'),
      criteria,
    }),
  )
  .default([])
  .describe('Suppression rules: GuardDuty filters applied the same in every region.');

export const presets = z
  .strictObject({
    nlb: z
      .strictObject({
        ports: z.array(port).min(1).describe('Listener (traffic) ports of your Network Load Balancers.'),
        instanceTag: z.strictObject({ key: z.string().min(1), value: z.string() }).optional().describe('Tag of the instances behind the NLBs, so other instances keep their findings.'),
      })
      .optional()
      .describe('Suppress the Network Load Balancer false positives: NLB targets see client IPs, so internet clients look like direct probes.'),
  })
  .default({})
  .describe('Ready-made suppression filters.');

const accessRole = z.strictObject({
  principals: z
    // No wildcards: IAM rejects them in a trust policy's principal, and they would trust strangers.
    .array(z.string().regex(/^arn:aws(-us-gov|-cn)?:(iam::\d{12}:(root|role\/[^*?]+|user\/[^*?]+)|sts::\d{12}:assumed-role\/[^*?]+)$/, 'must be an IAM principal ARN, without wildcards'))
    .min(1)
    .describe('Who may assume the role.'),
  requireMfa: z
    .boolean()
    .default(false)
    .describe(
      'Require aws:MultiFactorAuthPresent. Only IAM users and their MFA sessions carry it: roles assumed through IAM Identity Center or SAML do not, so enforce MFA at sign-in there.',
    ),
});

export const access = z
  .strictObject({
    viewer: accessRole.optional().describe('GuardDutyFindingsViewer: read-only GuardDuty list/get, CloudWatch Logs read on the findings group.'),
    triage: accessRole.optional().describe('GuardDutyFindingsTriage: viewer + archive/unarchive findings, feedback, sample findings.'),
    trustedAccounts: z
      .array(accountId)
      .default([])
      .describe('Accounts besides the admin account whose principals the roles may trust (e.g. an identity account). Anything else is a config error.'),
    allowAccountRoot: z
      .boolean()
      .default(false)
      .describe('Allow `arn:...:root` principals: they trust every principal of that account its IAM policies let assume roles. Name roles instead.'),
  })
  .optional()
  .describe('IAM roles in the admin account for people who look at findings.');

export const flowLogs = z
  .strictObject({
    retentionDays: retentionDays.default(90),
    vpcs: z.record(regionName, z.array(z.string().regex(/^vpc-[0-9a-f]{8,17}$/, 'must be a VPC id such as vpc-0123abcd')).min(1)),
  })
  .optional()
  .describe('Optional VPC flow logs to CloudWatch Logs, for investigating findings (region -> VPC ids).');

export const tamperAlerts = z
  .strictObject({
    enabled: z.boolean().default(true),
    alertRoute: shortName
      .optional()
      .describe('Name of an alerts route: its topic pages when someone other than the quiet roles turns detection down. Default: tamper calls go to the findings log group only.'),
    quietRoleArns: z
      .array(roleArn)
      .default([])
      .describe(
        'Roles whose calls are logged but never page, besides the deploy roles (accounts.*.assumeRoleArn) and the triage role (access.triage): e.g. the CI role that deploys without assuming, or the role that runs guardduty-ops smoke (sample findings). Matched exactly on the session issuer, never on the session name.',
      ),
  })
  .optional()
  .describe(
    'Opt-in: alert when someone turns detection down (deletes or disables a detector or plan, archives findings, adds an ARCHIVE filter or trusted IPs, changes threat lists, exports, members or the organization, disables or deletes this estate\'s EventBridge rules, stops or deletes a CloudTrail trail). Needs a CloudTrail trail logging management events in each account and region (docs/findings-and-alerts.md#tamper-alerts).',
  );
