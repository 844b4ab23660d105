import { z } from 'zod';
import { type DetectorFeatureName, FEATURE_DEFAULT_ENABLED, FEATURE_DESCRIPTIONS, FINDING_PUBLISHING_FREQUENCIES } from '../features/catalog';
import { AUTO_ENABLE_MEMBERS } from '../features/resolve';
import { DETECTION_RULE_IDS, DETECTION_RULES, type DetectionRuleId } from './detection-rule-ids';
import { PARTITIONS } from '../regions/catalog';
import { THREAT_LIST_FORMATS } from '../threatlist/lists-config';
import { EXPIRED_ENTRY_RULES } from '../threatlist/validate';
import { accountId, detectorId, regionName, roleArn, shortName } from './primitives';
import { access, alerts, exportSection, flowLogs, presets, suppressions, tamperAlerts } from './findings-export-schema';
import { MAX_CONFIG_TAGS, TAG_KEY_MAX_LENGTH, TAG_VALUE_MAX_LENGTH } from './tags';
import { malwareProtection } from './malware-protection-schema';

/**
 * The shape of `guardduty.yaml`. Structural rules live here; rules that need
 * the whole file (regions against the partition, ARNs against account ids)
 * live in `validate.ts`. Every object is strict so a misspelt key is an
 * error rather than a silently ignored setting.
 */

const account = z
  .strictObject({
    accountId: accountId.describe('12-digit AWS account id.'),
    assumeRoleArn: roleArn.optional().describe('Role the AWS provider assumes in this account. Default: the caller\'s own credentials.'),
  })
  .describe('An AWS account and how to reach it.');


const featureEnabled = z.boolean().describe('Status of the protection plan: true = ENABLED, false = DISABLED.');

/** What a plan left out gets: the detector's default, or (member overrides) what the other members get. */
type LeftOut = (feature: DetectorFeatureName) => string;
const detectorDefault: LeftOut = (feature) => (FEATURE_DEFAULT_ENABLED[feature] ? 'enabled' : 'disabled');

function featureDescription(feature: DetectorFeatureName, leftOut: LeftOut): string {
  return `${FEATURE_DESCRIPTIONS[feature]} Left out: ${leftOut(feature)}.`;
}

function simpleFeature(feature: DetectorFeatureName, leftOut: LeftOut) {
  return z.strictObject({ enabled: featureEnabled }).optional().describe(featureDescription(feature, leftOut));
}

const runtimeMonitoring = (leftOut: LeftOut) =>
  z
    .strictObject({
      enabled: featureEnabled,
      additionalConfiguration: z
        .strictObject({
          EKS_ADDON_MANAGEMENT: z.boolean().optional().describe('GuardDuty manages the EKS security agent add-on.'),
          ECS_FARGATE_AGENT_MANAGEMENT: z.boolean().optional().describe('GuardDuty manages the agent sidecar for ECS on Fargate.'),
          EC2_AGENT_MANAGEMENT: z.boolean().optional().describe('GuardDuty manages the agent on EC2 through SSM.'),
        })
        .optional()
        .describe('Agent management per compute type. Each one left out follows `enabled`; one set false while the plan is on draws a synth warning (the agent is then yours to install and update).'),
    })
    .optional()
    .describe(featureDescription('RUNTIME_MONITORING', leftOut));

const supersededEksRuntimeMonitoring = z
  .unknown()
  .superRefine((_value, ctx) => {
    ctx.addIssue({
      code: 'custom',
      message:
        'EKS_RUNTIME_MONITORING is superseded by RUNTIME_MONITORING and the two cannot both exist: remove it and set RUNTIME_MONITORING with additionalConfiguration.EKS_ADDON_MANAGEMENT',
    });
  })
  .optional()
  .describe('Not accepted: superseded by RUNTIME_MONITORING (the provider errors when both exist).');

/** The protection plans by GuardDuty feature name: the one vocabulary for the detector and for member overrides. */
const featureSettings = (leftOut: LeftOut) =>
  z.strictObject({
    S3_DATA_EVENTS: simpleFeature('S3_DATA_EVENTS', leftOut),
    EKS_AUDIT_LOGS: simpleFeature('EKS_AUDIT_LOGS', leftOut),
    EBS_MALWARE_PROTECTION: simpleFeature('EBS_MALWARE_PROTECTION', leftOut),
    RDS_LOGIN_EVENTS: simpleFeature('RDS_LOGIN_EVENTS', leftOut),
    RUNTIME_MONITORING: runtimeMonitoring(leftOut),
    LAMBDA_NETWORK_LOGS: simpleFeature('LAMBDA_NETWORK_LOGS', leftOut),
    EKS_RUNTIME_MONITORING: supersededEksRuntimeMonitoring,
  });

const features = featureSettings(detectorDefault)
  .default({})
  .describe('Protection plans. Each one left out gets its default (below); every plan is emitted with an explicit status because leaving a feature out does not disable it.');

const detector = z
  .strictObject({
    findingPublishingFrequency: z
      .enum(FINDING_PUBLISHING_FREQUENCIES)
      .default('FIFTEEN_MINUTES')
      .describe('How often updates of existing findings are exported to EventBridge and S3 (a new finding goes out within about 5 minutes whatever the setting). SIX_HOURS draws a synth warning.'),
    allowDestroy: z
      .boolean()
      .default(false)
      .describe('Let Terraform destroy detectors. Destroying a detector deletes its findings, so detectors carry prevent_destroy unless this is true.'),
    features,
  })
  .default({ findingPublishingFrequency: 'FIFTEEN_MINUTES', allowDestroy: false, features: {} })
  .describe('The detector every enabled region gets.');

const regions = z
  .strictObject({
    include: z
      .union([z.literal('all'), z.array(regionName).min(1)])
      .default('all')
      .describe('`all` = every GuardDuty region of the partition that is not opt-in, plus `optIn`; or an explicit list.'),
    optIn: z.array(regionName).default([]).describe('Opt-in regions this account has enabled (see `guardduty-ops regions` or the Account console).'),
    exclude: z.array(regionName).default([]).describe('Regions to leave out, e.g. where an SCP denies GuardDuty.'),
  })
  .default({ include: 'all', optIn: [], exclude: [] })
  .describe('Which regions get a detector.');

const backend = z
  .discriminatedUnion('type', [
    z
      .strictObject({
        type: z.literal('local'),
        directory: z
          .string()
          .regex(/^[^/]/, 'must be a path relative to the project root')
          .default('.')
          .describe('Directory (relative to the project root) for the terraform.<stack>.tfstate files.'),
      })
      .describe('State files on this machine (default).'),
    z
      .strictObject({
        type: z.literal('s3'),
        bucket: z.string().min(3).describe('Existing S3 bucket for state.'),
        keyPrefix: z.string().default('guardduty').describe('Key prefix; each stack stores <keyPrefix>/<stack>.tfstate.'),
        region: regionName.describe('Region of the state bucket.'),
        useLockfile: z.boolean().default(true).describe('S3 native state locking (Terraform >= 1.10).'),
        roleArn: roleArn.optional().describe('Role to assume for state access. Default: the caller\'s credentials.'),
      })
      .describe('One state object per stack in S3, encrypted.'),
    z
      .strictObject({
        type: z.literal('cloud'),
        organization: z.string().min(1).describe('HCP Terraform organization.'),
        workspacePrefix: z.string().min(1).describe('Each stack gets the workspace <workspacePrefix><stack>.'),
        hostname: z.string().default('app.terraform.io').describe('HCP Terraform or Terraform Enterprise host.'),
      })
      .describe('HCP Terraform, one workspace per stack.'),
  ])
  .default({ type: 'local', directory: '.' })
  .describe('Where Terraform keeps state: one state per stack.');

const organization = z
  .strictObject({
    enabled: z.boolean().default(false).describe('AWS Organizations mode: the management account delegates GuardDuty administration to accounts.admin in every enabled region.'),
    autoEnable: z
      .enum(AUTO_ENABLE_MEMBERS)
      .default('ALL')
      .describe('auto_enable_organization_members: ALL = every account, existing and new; NEW = accounts that join from now on; NONE = none.'),
  })
  .optional()
  .describe('Organization mode (requires accounts.management).');

const overrides = z
  .array(
    z.strictObject({
      rule: z.enum(DETECTION_RULE_IDS as [DetectionRuleId, ...DetectionRuleId[]]).describe('The detection rule to lift (docs/security.md).'),
      reason: z
        .string()
        .trim()
        .min(20, 'say why, in at least 20 characters: the reason is printed by every synth and by guardduty-ops verify')
        .describe('Why: printed by every synth and by guardduty-ops verify.'),
    }),
  )
  .default([])
  .describe(
    `Lift a detection rule that would refuse this config, with the reason. Each one weakens what GuardDuty sees or forwards: prefer fixing the config. Rules: ${Object.entries(DETECTION_RULES)
      .map(([id, text]) => `${id} ${text}`)
      .join(' ')}`,
  );

const memberOverrides = z
  .array(
    z.strictObject({
      accounts: z
        .array(accountId)
        .min(1)
        .describe(
          'Member accounts that get these plans instead of the detector\'s. Invitation mode: accounts listed under members. Organization mode: member account ids of the organization (not the admin or management account; synth cannot ask AWS Organizations, so an id that is no member fails at apply).',
        ),
      features: featureSettings(() => 'as for the other members (detector.features, or organization auto-enable)')
        .refine((f) => Object.values(f).some((v) => v !== undefined), 'name at least one protection plan')
        .describe(
          'The plans these accounts get instead of detector.features, in the same form; a plan left out follows the detector (invitation mode) or organization auto-enable (organization mode).',
        ),
    }),
  )
  .default([])
  .describe(
    'Protection plans per member account, e.g. EKS audit logs and Runtime Monitoring off in sandbox accounts, while detector.features and organization auto-enable stay the default for everyone else. Set by the admin account on the member detectors, in every region where the account is a member.',
  );

/** GuardDuty's quota for members by invitation (Organizations allows 50,000). */
export const MAX_INVITED_MEMBERS = 5000;

const members = z
  .array(
    z.strictObject({
      accountId: accountId.describe('Member account id.'),
      email: z.email('must be an email address').describe('Root email of the member account (the invitation goes there).'),
      regions: z.array(regionName).min(1).optional().describe('Regions where the account is a member. Default: every enabled region.'),
      assumeRoleArn: roleArn.optional().describe("Role in the member account that its stack assumes to create the detector and accept the invitation. Default: the caller's credentials."),
      existingDetectors: z
        .record(regionName, detectorId)
        .default({})
        .describe('Detectors the member already has, region -> detector id: imported instead of created.'),
    }),
  )
  .max(MAX_INVITED_MEMBERS, `GuardDuty allows at most ${MAX_INVITED_MEMBERS} members by invitation; use organization mode beyond that`)
  .default([])
  .describe('Invitation mode (accounts outside an organization): each account gets its own member stack.');

const invitation = z
  .strictObject({
    message: z.string().max(1000).default('GuardDuty administration by the security account, managed by guardduty-cdktf.').describe('Text of the invitation.'),
    disableEmailNotification: z.boolean().default(true).describe('Do not send the invitation email to the member root address (the member stack accepts it).'),
  })
  .default({ message: 'GuardDuty administration by the security account, managed by guardduty-cdktf.', disableEmailNotification: true })
  .describe('Invitation mode settings.');

const listName = shortName;

const listFiles = z
  .array(z.string().min(1))
  .min(1)
  .describe('Files or glob patterns (`threatlists/threat/*.txt`), relative to the project root.');

const threatLists = z
  .strictObject({
    trusted: z
      .strictObject({
        name: listName.default('trusted').describe('Name of the trusted IPSet (prefixed with `prefix`).'),
        files: listFiles,
      })
      .optional()
      .describe('The one trusted IPSet per detector: every file listed merges into it. Trusted IPs win over threat lists.'),
    threat: z
      .array(
        z.strictObject({
          name: listName.describe('Name of the ThreatIntelSet (prefixed with `prefix`).'),
          files: listFiles,
          format: z.enum(THREAT_LIST_FORMATS).default('TXT').describe('TXT lists are validated and normalized; other formats are uploaded as they are after a size check.'),
        }),
      )
      .max(6, 'GuardDuty allows at most 6 ThreatIntelSets per detector')
      .default([])
      .describe('ThreatIntelSets, at most 6.'),
    policy: z
      .strictObject({
        expiredEntries: z.enum(EXPIRED_ENTRY_RULES).default('error').describe('What an entry past its `expires=` date is.'),
        widestTrustedPrefix: z.number().int().min(1).max(32).default(16).describe('Trusted ranges wider than this prefix length are errors.'),
      })
      .default({ expiredEntries: 'error', widestTrustedPrefix: 16 })
      .describe('List policy.'),
    feeds: z
      .array(
        z.strictObject({
          name: listName.describe('Written to threatlists/threat/<name>.txt by `threatlists fetch`.'),
          url: z.url({ protocol: /^https?$/ }).describe('Where the feed is downloaded from.'),
          format: z.enum(THREAT_LIST_FORMATS).default('TXT'),
          licence: z.string().min(1).describe('Licence or terms of the feed, recorded in the file header.'),
          maxEntries: z.number().int().positive().max(250_000).default(250_000).describe('Refuse a download with more entries.'),
        }),
      )
      .default([])
      .describe('Third-party feeds `threatlists fetch` downloads.'),
  })
  .optional()
  .describe('IP lists under threatlists/: one trusted IPSet and up to 6 ThreatIntelSets in every region.');

export const configSchema = z
  .strictObject({
    $schema: z.string().optional().describe('Path of the JSON Schema, for editors.'),
    version: z.literal(1).default(1).describe('Config format version.'),
    prefix: z
      .string()
      .regex(/^[a-z][a-z0-9-]{1,19}$/, 'must be 2-20 characters: lowercase letters, digits and "-", starting with a letter (it becomes part of bucket names)')
      .describe('Every resource name starts with it.'),
    homeRegion: regionName.describe('Region of the home stack (shared resources: buckets, event bus, IAM).'),
    partition: z.enum(PARTITIONS).default('aws').describe('AWS partition of every account and region.'),
    tags: z
      // Checked in validate.ts (src/config/tags.ts) with S3's object tag rules; the meta is for editors.
      .record(z.string().meta({ minLength: 1, maxLength: TAG_KEY_MAX_LENGTH }), z.string().meta({ maxLength: TAG_VALUE_MAX_LENGTH }))
      .default({})
      .meta({ maxProperties: MAX_CONFIG_TAGS })
      .describe(
        `Default tags on every resource (AWS provider default_tags), S3 objects included, so S3's object tag rules apply: at most ${MAX_CONFIG_TAGS} tags, keys up to ${TAG_KEY_MAX_LENGTH} and values up to ${TAG_VALUE_MAX_LENGTH} characters of letters, digits, spaces and _ . : / = + - @, no key starting with "aws:".`,
      ),
    accounts: z
      .strictObject({
        admin: account.describe('The security account: GuardDuty administrator, home of every shared resource.'),
        management: account.optional().describe('Organizations management account (used by organization mode).'),
      })
      .describe('Accounts this project deploys to.'),
    regions,
    detector,
    backend,
    existingDetectors: z
      .record(regionName, detectorId)
      .default({})
      .describe('Detectors that already exist in the admin account, region -> detector id: imported instead of failing with "detector already exists".'),
    organization,
    members,
    invitation,
    memberOverrides,
    threatLists,
    export: exportSection,
    alerts,
    tamperAlerts,
    suppressions,
    presets,
    access,
    flowLogs,
    malwareProtection,
    overrides,
  })
  .describe('guardduty-cdktf configuration: GuardDuty in every enabled region from one file.');

/** The config as written (before defaults). */
export type GuardDutyConfigInput = z.input<typeof configSchema>;
/** The config with every default filled in. */
export type GuardDutyConfig = z.output<typeof configSchema>;
export type DetectorConfig = GuardDutyConfig['detector'];
export type BackendConfig = GuardDutyConfig['backend'];
export type AccountConfig = GuardDutyConfig['accounts']['admin'];
export type MemberOverrideConfig = GuardDutyConfig['memberOverrides'][number];
