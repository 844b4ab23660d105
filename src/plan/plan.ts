import { detectionFindings, overrideNotices, trustedAddressFindings } from '../config/detection-rules';
import type { BackendConfig, GuardDutyConfig } from '../config/schema';
import type { FindingPublishingFrequency } from '../features/catalog';
import { type MemberFeatures, resolveMemberFeatures } from '../features/member-overrides';
import { type AutoEnable, type OrganizationFeature, organizationFeatures, type RegionFeatures, resolveDetectorFeatures } from '../features/resolve';
import {
  DEFAULT_OUTDIR,
  HOME_STACK_NAME,
  localStatePath,
  MANAGEMENT_STACK_NAME,
  malwareProtectionStackName,
  MEMBER_FEATURES_STACK_NAME,
  memberStackName,
  regionalStackName,
  stateObjectKey,
  workspaceName,
} from '../naming';
import type { PolicyTemplate } from '../policy/template';
import type { Partition } from '../regions/catalog';
import { resolveRegions } from '../regions/resolve';
import type { BuiltList } from '../threatlist/build';
import { detectorWarnings } from './detector-warnings';
import { type HomeExportPlan, planFindingsExport, type RegionalExportPlan } from './export-plan';
import type { TamperSenderPlan } from './tamper-plan';
import { type IpListSetPlan, type ListObjectPlan, planThreatLists } from './threat-list-plan';
import { planMalwareProtection, type ProtectedBucketPlan } from './malware-protection-plan';

/** How a stack's AWS provider reaches its account and region. */
export interface ProviderPlan {
  readonly region: string;
  readonly accountId: string;
  readonly assumeRoleArn?: string;
  readonly defaultTags: Readonly<Record<string, string>>;
}

export type BackendPlan =
  | { readonly type: 'local'; readonly path: string }
  | { readonly type: 's3'; readonly bucket: string; readonly key: string; readonly region: string; readonly useLockfile: boolean; readonly roleArn?: string }
  | { readonly type: 'cloud'; readonly organization: string; readonly workspace: string; readonly hostname: string };

interface StackPlanBase {
  /** Stack name: also the cdktf.out folder and the state key. */
  readonly name: string;
  readonly partition: Partition;
  readonly provider: ProviderPlan;
  readonly backend: BackendPlan;
  /** `terraform.required_version` of the stack. */
  readonly terraformVersion: string;
}

/** The admin account's home region: shared resources. */
export interface HomeStackPlan extends StackPlanBase {
  readonly kind: 'home';
  readonly findings: HomeExportPlan;
  /** The list bucket and its objects, when the config has threat lists. */
  readonly threatLists?: { readonly bucketName: string; readonly bucketPolicy: PolicyTemplate<'bucketArn'>; readonly objects: readonly ListObjectPlan[] };
}

export interface DetectorPlan extends RegionFeatures {
  readonly findingPublishingFrequency: FindingPublishingFrequency;
  /** Destroying a detector deletes its findings. */
  readonly preventDestroy: boolean;
  /** Existing detector id to import instead of creating one. */
  readonly importId?: string;
}

/** Organizations management account: delegates GuardDuty administration in every enabled region. */
export interface ManagementStackPlan extends StackPlanBase {
  readonly kind: 'management';
  readonly dependsOn: readonly string[];
  readonly adminAccountId: string;
  readonly regions: readonly string[];
  /** Designated before the other regions, which wait for it: the home region. */
  readonly firstRegion: string;
  /** Tamper alerts: this account's calls that turn detection down, sent to the findings bus. */
  readonly tamper?: TamperSenderPlan;
}

/** The admin's organization configuration in one region (organization mode). */
export interface OrganizationPlan {
  readonly autoEnable: AutoEnable;
  readonly features: readonly OrganizationFeature[];
  /**
   * `memberOverrides` in this region: each overridden account with only the
   * plans its overrides name (the rest follow auto-enable), set after the
   * organization configuration.
   */
  readonly memberFeatures: readonly MemberFeatures[];
}

/** The admin's side of invitation mode in one region. */
export interface InvitationPlan {
  readonly message: string;
  readonly disableEmailNotification: boolean;
  /** Members of this region, by account id. */
  readonly members: readonly { readonly accountId: string; readonly email: string }[];
  /** Each member's plans here (the admin's, or its `memberOverrides`): set by the member-features stack. */
  readonly memberFeatures: readonly MemberFeatures[];
}

/**
 * Invitation mode, admin account: the members' protection plans (the
 * admin's, or the account's `memberOverrides`), set once the member stacks
 * have accepted. GuardDuty
 * updates member detectors only for associated members, so this cannot
 * live in the regional stacks that send the invitations.
 */
export interface MemberFeaturesStackPlan extends StackPlanBase {
  readonly kind: 'member-features';
  readonly dependsOn: readonly string[];
  /** Per region, every member there with every managed plan. */
  readonly regions: readonly { readonly region: string; readonly members: readonly MemberFeatures[] }[];
}

/** One enabled region of the admin account. */
export interface RegionalStackPlan extends StackPlanBase {
  readonly kind: 'regional';
  readonly region: string;
  /** Stacks deployed first; never another regional stack. */
  readonly dependsOn: readonly string[];
  readonly detector: DetectorPlan;
  readonly organization?: OrganizationPlan;
  readonly invitation?: InvitationPlan;
  readonly findings: RegionalExportPlan;
  /** The trusted IPSet and ThreatIntelSets. */
  readonly ipListSets: readonly IpListSetPlan[];
  /** The admin account's buckets in this region protected by Malware Protection for S3. */
  readonly protectedBuckets?: readonly ProtectedBucketPlan[];
}

/**
 * Malware Protection for S3 in an account other than the admin account:
 * one provider with that account's deploy role, each resource in its
 * bucket's region (per-resource `region`).
 */
export interface MalwareProtectionStackPlan extends StackPlanBase {
  readonly kind: 'malware-protection';
  readonly accountId: string;
  readonly dependsOn: readonly string[];
  readonly buckets: readonly ProtectedBucketPlan[];
}

/** One invited member account: its detector in each of its regions and the invitation accepters. */
export interface MemberStackPlan extends StackPlanBase {
  readonly kind: 'member';
  readonly accountId: string;
  readonly adminAccountId: string;
  readonly regions: readonly string[];
  /** The admin's regional stacks that send the invitations. */
  readonly dependsOn: readonly string[];
  readonly preventDestroy: boolean;
  /** Detectors the member already has, region -> id, to import. */
  readonly existingDetectors: Readonly<Record<string, string>>;
  /** Tamper alerts: this account's calls that turn detection down, sent to the findings bus. */
  readonly tamper?: TamperSenderPlan;
}

export interface EstatePlan {
  readonly home: HomeStackPlan;
  readonly management?: ManagementStackPlan;
  readonly regional: readonly RegionalStackPlan[];
  readonly members: readonly MemberStackPlan[];
  readonly memberFeatures?: MemberFeaturesStackPlan;
  /** Protected buckets of accounts other than the admin account, a stack per account (absent: none). */
  readonly malwareProtection?: readonly MalwareProtectionStackPlan[];
  /** Detection rules the config lifts, with their reasons: printed by every synth and by verify. */
  readonly overrides: readonly string[];
  /** Things worth telling the user that do not stop synth. */
  readonly warnings: readonly string[];
}

/**
 * The Terraform every stack needs: import blocks (existing detectors) and
 * `terraform_data` (list versions) need 1.5 and 1.4, and the S3 backend's
 * `use_lockfile` needs 1.10 (Terraform's S3 backend docs, "State Locking").
 * Stated once per stack: Terraform enforces it at init.
 */
export function requiredTerraformVersion(backend: BackendConfig): string {
  return backend.type === 's3' && backend.useLockfile ? '>= 1.10.0' : '>= 1.5.0';
}

export interface PlanOptions {
  /**
   * cdktf's output folder, relative to the project root: the local backend's
   * state path is written relative to `<outdir>/stacks/<stack>/`, where
   * Terraform runs.
   * @default cdktf.out
   */
  readonly outdir?: string;
}

export function backendPlan(backend: BackendConfig, stackName: string, outdir = DEFAULT_OUTDIR): BackendPlan {
  switch (backend.type) {
    case 'local':
      return { type: 'local', path: localStatePath(backend.directory, stackName, outdir) };
    case 's3':
      return {
        type: 's3',
        bucket: backend.bucket,
        key: stateObjectKey(backend.keyPrefix, stackName),
        region: backend.region,
        useLockfile: backend.useLockfile,
        ...(backend.roleArn ? { roleArn: backend.roleArn } : {}),
      };
    case 'cloud':
      return { type: 'cloud', organization: backend.organization, workspace: workspaceName(backend.workspacePrefix, stackName), hostname: backend.hostname };
  }
}

/**
 * Decides accounts x regions x stacks from a validated config and the
 * built IP lists. Pure: no I/O.
 */
export function planEstate(config: GuardDutyConfig, lists: readonly BuiltList[] = [], options: PlanOptions = {}): EstatePlan {
  const admin = config.accounts.admin;
  const provider = (region: string, account: { accountId: string; assumeRoleArn?: string | undefined } = admin): ProviderPlan => ({
    region,
    accountId: account.accountId,
    ...(account.assumeRoleArn ? { assumeRoleArn: account.assumeRoleArn } : {}),
    defaultTags: config.tags,
  });
  const base = (name: string, region: string, account?: { accountId: string; assumeRoleArn?: string | undefined }) => ({
    name,
    partition: config.partition,
    provider: provider(region, account),
    backend: backendPlan(config.backend, name, options.outdir),
    terraformVersion: requiredTerraformVersion(config.backend),
  });
  const regions = resolveRegions(config.regions, config.partition);
  const malware = planMalwareProtection(config);
  // Scan results are forwarded from the regions with admin buckets (other accounts' stay on their default bus).
  const findings = planFindingsExport(
    config,
    regions,
    malware ? { regions: new Set(regions.filter((r) => malware.adminBuckets(r).length > 0)), alertRoutes: malware.alertRoutes } : undefined,
  );
  // Lifted detection rules are said on every synth (and by guardduty-ops verify), never silently.
  const overrides = overrideNotices([...detectionFindings(config), ...trustedAddressFindings(lists)], config.overrides);
  const warnings: string[] = [...findings.warnings, ...detectorWarnings(config.detector), ...(malware?.warnings ?? [])];
  const threatLists = planThreatLists(config, lists);
  const home: HomeStackPlan = {
    kind: 'home',
    ...base(HOME_STACK_NAME, config.homeRegion),
    findings: findings.home,
    ...(threatLists ? { threatLists: { bucketName: threatLists.bucketName, bucketPolicy: threatLists.bucketPolicy, objects: threatLists.objects } } : {}),
  };

  const orgMode = config.organization?.enabled === true && config.accounts.management !== undefined;
  const managementTamper = orgMode ? findings.tamperSender(config.accounts.management!.accountId, regions) : undefined;
  const management: ManagementStackPlan | undefined = orgMode
    ? {
        kind: 'management',
        ...base(MANAGEMENT_STACK_NAME, config.homeRegion, config.accounts.management),
        dependsOn: [home.name],
        adminAccountId: admin.accountId,
        regions,
        // Designating in every region at once fails in all but one (aws-secure-environment-accelerator issue 778).
        firstRegion: config.homeRegion,
        ...(managementTamper ? { tamper: managementTamper } : {}),
      }
    : undefined;
  // Organizations creates OrganizationAccountAccessRole in the member accounts it creates, for
  // the management account to use (Organizations user guide, "Accessing a member account that
  // has OrganizationAccountAccessRole"); the management account itself has none.
  if (management && /:role\/(?:.*\/)?OrganizationAccountAccessRole$/.test(config.accounts.management?.assumeRoleArn ?? '')) {
    warnings.push(
      'accounts.management.assumeRoleArn: OrganizationAccountAccessRole exists only in member accounts that AWS Organizations created, not in the management account; create a role for this project there (docs/deploying.md, AWS Organizations)',
    );
  }
  // Delegation creates the admin's detector in each region: a regional stack without an import
  // for it fails with "detector already exists" until its id is under existingDetectors.
  const notImported = management ? regions.filter((r) => config.existingDetectors[r] === undefined) : [];
  if (notImported.length > 0) {
    warnings.push(
      `existingDetectors: organization mode, and no detector id for ${notImported.join(', ')}: delegating the administrator creates a detector there, so deploy ${MANAGEMENT_STACK_NAME} first, then list each region's id (aws guardduty list-detectors --region <region>) before deploying the regional stacks (docs/deploying.md, first organization deploy)`,
    );
  }
  // UpdateMemberDetectors refuses an account GuardDuty has not enrolled ("not an associated
  // member", aws-security-reference-architecture-examples issue 151), and organization mode
  // enrols only through auto-enable: NEW enrols accounts that join from now on (API Reference,
  // UpdateOrganizationConfiguration `autoEnableOrganizationMembers`), NONE none.
  const overridden = [...new Set(config.memberOverrides.flatMap((o) => o.accounts))].sort();
  if (management && overridden.length > 0 && config.organization!.autoEnable !== 'ALL') {
    const enrols = config.organization!.autoEnable === 'NEW' ? 'only accounts that join the organization from now on' : 'no account';
    warnings.push(
      `memberOverrides: organization.autoEnable is ${config.organization!.autoEnable}, so GuardDuty enrols ${enrols}; each of ${overridden.join(', ')} must already be a GuardDuty member (aws guardduty list-members), or its plans fail the apply with "not an associated member"`,
    );
  }
  if (management && config.accounts.management?.accountId === admin.accountId) {
    warnings.push(`${MANAGEMENT_STACK_NAME}: the GuardDuty administrator is the management account itself; AWS advises delegating to a dedicated security account`);
  }

  const regional = regions.map((region): RegionalStackPlan => {
    const name = regionalStackName(region);
    const features = resolveDetectorFeatures(config.detector.features, region);
    for (const skip of features.skipped.filter((s) => s.wanted)) {
      warnings.push(`${name}: ${skip.reason}; the feature is skipped there`);
    }
    const importId = config.existingDetectors[region];
    const regionMembers = config.members.filter((m) => (m.regions ?? regions).includes(region));
    // Organization mode: the overridden accounts; invitation mode: every member of the region.
    const memberAccounts = management ? [...new Set(config.memberOverrides.flatMap((o) => o.accounts))].sort() : regionMembers.map((m) => m.accountId);
    const memberFeatures = memberAccounts.map((accountId) => {
      const resolved = resolveMemberFeatures(config.detector.features, config.memberOverrides, accountId, region);
      for (const skip of resolved.skipped.filter((s) => s.wanted)) {
        warnings.push(`${name}: memberOverrides for ${accountId}: ${skip.reason}; the feature is skipped there`);
      }
      return management ? resolved.overridden : resolved.all;
    });
    const protectedBuckets = malware?.adminBuckets(region) ?? [];
    return {
      kind: 'regional',
      region,
      ...base(name, region),
      // The organization configuration needs the delegation in place first.
      dependsOn: management ? [home.name, management.name] : [home.name],
      detector: {
        ...features,
        findingPublishingFrequency: config.detector.findingPublishingFrequency,
        preventDestroy: !config.detector.allowDestroy,
        ...(importId ? { importId } : {}),
      },
      ...(management
        ? {
            organization: {
              autoEnable: config.organization!.autoEnable,
              features: organizationFeatures(features.features, config.organization!.autoEnable),
              memberFeatures,
            },
          }
        : {}),
      ...(regionMembers.length > 0
        ? {
            invitation: {
              message: config.invitation.message,
              disableEmailNotification: config.invitation.disableEmailNotification,
              members: regionMembers.map((m) => ({ accountId: m.accountId, email: m.email })),
              memberFeatures,
            },
          }
        : {}),
      findings: findings.regional(region),
      ipListSets: threatLists?.sets ?? [],
      ...(protectedBuckets.length > 0 ? { protectedBuckets } : {}),
    };
  });

  const members = config.members.map((m): MemberStackPlan => {
    const memberRegions = regions.filter((r) => (m.regions ?? regions).includes(r));
    const tamper = findings.tamperSender(m.accountId, memberRegions);
    return {
      kind: 'member',
      ...base(memberStackName(m.accountId), config.homeRegion, m),
      accountId: m.accountId,
      adminAccountId: admin.accountId,
      regions: memberRegions,
      dependsOn: memberRegions.map(regionalStackName),
      preventDestroy: !config.detector.allowDestroy,
      existingDetectors: m.existingDetectors,
      ...(tamper ? { tamper } : {}),
    };
  });
  const memberFeatures: MemberFeaturesStackPlan | undefined =
    members.length > 0
      ? {
          kind: 'member-features',
          ...base(MEMBER_FEATURES_STACK_NAME, config.homeRegion),
          dependsOn: members.map((m) => m.name),
          regions: regional.flatMap((r) => (r.invitation ? [{ region: r.region, members: r.invitation.memberFeatures }] : [])),
        }
      : undefined;
  const malwareProtection = (malware?.accounts ?? []).map(
    (a): MalwareProtectionStackPlan => ({
      kind: 'malware-protection',
      ...base(malwareProtectionStackName(a.accountId), config.homeRegion, a),
      accountId: a.accountId,
      // Nothing of the admin's is needed first: the plans stand alone (GuardDuty user guide, Malware Protection for S3 "as an independent feature").
      dependsOn: [],
      buckets: a.buckets,
    }),
  );
  return {
    home,
    ...(management ? { management } : {}),
    regional,
    members,
    ...(memberFeatures ? { memberFeatures } : {}),
    ...(malwareProtection.length > 0 ? { malwareProtection } : {}),
    overrides,
    warnings,
  };
}
