import type { Partition } from '../regions/catalog';
import { publishingRegionProblem } from '../export/policies';
import { checkRegionSelection, regionProblem, resolveRegions } from '../regions/resolve';
import { duplicateFields, MAX_FILTERS, nlbSuppressions } from '../suppression/filters';
import type { ConfigIssue } from './issues';
import { alertRuleName, TRIAGE_ROLE_NAME } from '../naming';
import { EVENT_PATTERN_MAX_CHARS, tamperAlertPattern } from '../tamper/event-pattern';
import { quietRoleArns } from '../tamper/quiet-roles';
import { type Salvaged, salvage, whole } from './salvage';
import { checkTags } from './tags';
import { roleArnMismatches } from './role-arn';
import { detectionFindings, detectionIssues } from './detection-rules';
import { checkMalwareProtection } from './malware-protection-validate';

/** EventBridge rule names: 64 characters at most. */
const EVENT_RULE_NAME_MAX = 64;
import { configSchema, type GuardDutyConfig } from './schema';

type Issue = Omit<ConfigIssue, 'line'>;

/**
 * The parts of a config that are well-formed. Cross-field rules run on
 * whatever is well-formed, so a typo in one place does not hide a wrong
 * region in another: the user gets every error in one report.
 */
export type ConfigSections = Salvaged<GuardDutyConfig>;

/** Parses what parses of a config that does not parse whole. */
export function parseSections(raw: unknown): ConfigSections {
  return salvage(configSchema, raw) ?? {};
}

/**
 * Rules that need more than one field: regions against the partition, role
 * ARNs against account ids and partition, the home region and existing
 * detectors against the enabled regions. Returns every problem.
 */
export function validateConfig(config: ConfigSections): Issue[] {
  const issues: Issue[] = [...checkTags(config.tags)];
  const { partition } = config;
  if (!partition) return issues;

  let enabled: string[] | undefined;
  const regions = whole(configSchema.shape.regions, config.regions);
  if (regions) {
    const regionIssues = checkRegionSelection(regions, partition);
    issues.push(...regionIssues.map((i) => ({ path: ['regions', ...i.path], message: i.message })));
    if (regionIssues.length === 0) enabled = resolveRegions(regions, partition);
  }

  if (config.homeRegion) {
    const problem = regionProblem(config.homeRegion, partition);
    if (problem) {
      issues.push({ path: ['homeRegion'], message: problem });
    } else if (enabled && !enabled.includes(config.homeRegion)) {
      issues.push({ path: ['homeRegion'], message: `"${config.homeRegion}" is not among the enabled regions (check regions.include, optIn and exclude)` });
    }
  }

  for (const [role, account] of Object.entries(config.accounts ?? {})) {
    if (account?.assumeRoleArn) {
      issues.push(...checkRoleArn(account.assumeRoleArn, partition, account.accountId, ['accounts', role, 'assumeRoleArn']));
    }
  }

  const backend = config.backend;
  if (backend?.type === 's3') {
    const problem = backend.region ? regionProblem(backend.region, partition) : undefined;
    if (problem) issues.push({ path: ['backend', 'region'], message: problem });
    if (backend.roleArn) issues.push(...checkRoleArn(backend.roleArn, partition, undefined, ['backend', 'roleArn']));
  }

  issues.push(...checkDetection(config, partition));
  issues.push(...checkMembership(config, enabled));
  issues.push(...checkMemberOverrides(config));
  issues.push(...checkExport(config, enabled));
  issues.push(...checkMalwareProtection(config, enabled));
  (config.malwareProtection?.accounts ?? []).forEach((account, i) => {
    if (account?.assumeRoleArn) issues.push(...checkRoleArn(account.assumeRoleArn, partition, account.accountId, ['malwareProtection', 'accounts', i, 'assumeRoleArn']));
  });

  for (const region of Object.keys(config.existingDetectors ?? {})) {
    const problem = regionProblem(region, partition);
    if (problem) issues.push({ path: ['existingDetectors', region], message: problem });
    else if (enabled && !enabled.includes(region)) {
      issues.push({ path: ['existingDetectors', region], message: `"${region}" is not an enabled region, so there is no detector to import there` });
    }
  }
  return issues;
}

/** Organization mode against invitation mode, and each invited member. */
function checkMembership(config: ConfigSections, enabled: string[] | undefined): Issue[] {
  const issues: Issue[] = [];
  const members = config.members ?? [];
  if (config.organization?.enabled) {
    if (config.accounts && !config.accounts.management) {
      issues.push({ path: ['organization', 'enabled'], message: 'organization mode needs accounts.management: the account that delegates GuardDuty administration' });
    }
    if (members.length > 0) {
      issues.push({ path: ['members'], message: 'members are for invitation mode; in organization mode accounts join through AWS Organizations (remove members or organization.enabled)' });
    }
  }
  const adminId = config.accounts?.admin?.accountId;
  duplicateNames(members, (m) => m.accountId).forEach(([i, first]) =>
    issues.push({ path: ['members', i, 'accountId'], message: `account ${members[i]!.accountId} is already listed as members[${first}]` }),
  );
  members.forEach((member, i) => {
    if (!member) return;
    // Both undefined when either id failed its own check: that is not the same account.
    if (member.accountId !== undefined && member.accountId === adminId) issues.push({ path: ['members', i, 'accountId'], message: 'is the admin account itself; an account cannot be its own member' });
    if (member.assumeRoleArn && config.partition) {
      issues.push(...checkRoleArn(member.assumeRoleArn, config.partition, member.accountId, ['members', i, 'assumeRoleArn']));
    }
    for (const region of Object.keys(member.existingDetectors ?? {})) {
      const memberRegions = member.regions?.filter((r) => r !== undefined) ?? enabled;
      if (memberRegions && !memberRegions.includes(region)) {
        issues.push({ path: ['members', i, 'existingDetectors', region], message: `"${region}" is not one of this member's regions` });
      }
    }
    (member.regions ?? []).forEach((region, j) => {
      if (region === undefined) return;
      const problem = config.partition ? regionProblem(region, config.partition) : undefined;
      if (problem) issues.push({ path: ['members', i, 'regions', j], message: problem });
      else if (enabled && !enabled.includes(region)) issues.push({ path: ['members', i, 'regions', j], message: `"${region}" is not an enabled region` });
    });
  });
  return issues;
}

/**
 * Each overridden account a member: in invitation mode one of `members`; in
 * organization mode any account but the admin and the management account
 * (synth cannot ask AWS Organizations who belongs). One setting per account
 * and plan.
 */
function checkMemberOverrides(config: ConfigSections): Issue[] {
  const overrides = config.memberOverrides ?? [];
  if (overrides.length === 0) return [];
  const orgMode = config.organization?.enabled === true;
  const members = (config.members ?? []).flatMap((m) => (m?.accountId ? [m.accountId] : []));
  if (!orgMode && members.length === 0) {
    return [{ path: ['memberOverrides'], message: 'there are no member accounts to override: set organization.enabled or list members' }];
  }
  const issues: Issue[] = [];
  const admin = config.accounts?.admin?.accountId;
  const management = config.accounts?.management?.accountId;
  const firstSetBy = new Map<string, number>();
  overrides.forEach((o, i) => {
    const named = Object.entries(o?.features ?? {}).flatMap(([name, v]) => (v === undefined ? [] : [name]));
    (o?.accounts ?? []).forEach((account, j) => {
      if (account === undefined) return;
      const path = ['memberOverrides', i, 'accounts', j];
      if (account === admin) issues.push({ path, message: 'is the admin account: its plans are detector.features' });
      else if (orgMode && account === management) {
        issues.push({ path, message: 'is the management account, which this project does not enrol as a member (it delegates administration)' });
      } else if (!orgMode && !members.includes(account)) {
        issues.push({ path, message: `account ${account} is not among members: invitation mode overrides only the accounts it invites` });
      }
      if (o!.accounts!.indexOf(account) !== j) {
        issues.push({ path, message: `account ${account} is already listed in this override` });
        return;
      }
      for (const name of named) {
        const key = `${account} ${name}`;
        const first = firstSetBy.get(key);
        if (first === undefined) firstSetBy.set(key, i);
        else issues.push({ path: ['memberOverrides', i, 'features', name], message: `${name} of account ${account} is already set by memberOverrides[${first}]` });
      }
    });
  });
  return issues;
}

/** Findings export, alerts, suppression filters and flow logs. */
function checkExport(config: ConfigSections, enabled: string[] | undefined): Issue[] {
  const issues: Issue[] = [];
  if (config.export?.s3?.enabled && enabled && config.homeRegion) {
    const refused = enabled.flatMap((region) => {
      const problem = publishingRegionProblem(region, config.homeRegion!);
      return problem ? [problem] : [];
    });
    if (refused.length > 0) {
      issues.push({ path: ['export', 's3', 'enabled'], message: `the findings bucket lives in the home region, and AWS refuses these exports: ${refused.join('; ')}` });
    }
  }
  issues.push(...checkHomeResourceArns(config));
  issues.push(...checkAccessTrust(config));
  const s3 = config.export?.s3;
  if (s3?.enabled && s3.transitionDays !== undefined && s3.expireDays !== undefined && s3.expireDays <= s3.transitionDays) {
    issues.push({ path: ['export', 's3', 'expireDays'], message: `must be more than transitionDays (${s3.transitionDays}): S3 rejects a lifecycle rule that expires objects before they move` });
  }
  (config.alerts ?? []).forEach((a, i) => {
    const ruleName = a?.name && config.prefix ? alertRuleName(config.prefix, a.name) : undefined;
    if (ruleName && ruleName.length > EVENT_RULE_NAME_MAX) {
      issues.push({ path: ['alerts', i, 'name'], message: `makes the rule name ${ruleName} (${ruleName.length} characters), longer than EventBridge's ${EVENT_RULE_NAME_MAX}: shorten it or the prefix` });
    }
  });
  duplicateNames(config.alerts ?? [], (a) => a.name).forEach(([i, first]) => issues.push({ path: ['alerts', i, 'name'], message: `route name already used by alerts[${first}]` }));
  issues.push(...checkTamperAlerts(config));

  const suppressionList = config.suppressions ?? [];
  duplicateNames(suppressionList, (s) => s.name).forEach(([i, first]) => issues.push({ path: ['suppressions', i, 'name'], message: `name already used by suppressions[${first}]` }));
  duplicateNames(suppressionList, (s) => (s.rank === undefined ? undefined : String(s.rank))).forEach(([i, first]) =>
    issues.push({ path: ['suppressions', i, 'rank'], message: `rank already used by suppressions[${first}]` }),
  );
  const criteriaSchema = configSchema.shape.suppressions.unwrap().element.shape.criteria;
  suppressionList.forEach((s, i) => {
    const criteria = whole(criteriaSchema, s?.criteria);
    for (const field of criteria ? duplicateFields(criteria) : []) {
      issues.push({ path: ['suppressions', i, 'criteria'], message: `sets the finding field ${field} twice (GuardDuty keeps one criterion per field)` });
    }
  });
  const nlb = whole(configSchema.shape.presets, config.presets)?.nlb;
  const presetFilters = nlb ? nlbSuppressions(nlb) : [];
  for (const p of presetFilters.filter((p) => suppressionList.some((s) => s?.name === p.name))) {
    issues.push({ path: ['presets', 'nlb'], message: `generates the filter "${p.name}", which suppressions already names` });
  }
  const total = suppressionList.length + presetFilters.length;
  if (total > MAX_FILTERS) issues.push({ path: ['suppressions'], message: `${total} filters (with presets), but GuardDuty allows at most ${MAX_FILTERS} per detector` });

  for (const region of Object.keys(config.flowLogs?.vpcs ?? {})) {
    const problem = config.partition ? regionProblem(region, config.partition) : undefined;
    if (problem) issues.push({ path: ['flowLogs', 'vpcs', region], message: problem });
    else if (enabled && !enabled.includes(region)) issues.push({ path: ['flowLogs', 'vpcs', region], message: `"${region}" is not an enabled region` });
  }
  return issues;
}

/**
 * Resources handed in by ARN must be the admin account's, in the home
 * region, in the estate's partition: that is where the stacks that use them
 * live, and this project creates no cross-account or cross-region delivery
 * for them.
 * - Firehose reads the endpoint secret only in the stream's region (Firehose
 *   API Reference, SecretsManagerConfiguration: "It must be in the same
 *   region as the Firehose stream and the role"), and a KMS key is regional.
 * - An EventBridge rule's targets must be in its region, and a target in
 *   another account needs an execution role (EventBridge user guide,
 *   "Sending and receiving events between AWS accounts"): the alert rules
 *   have none.
 * - CloudWatch Logs encrypts a group only with a key of the group's region.
 */
/** Tamper alerts: the route they page through exists, and the quiet roles fit in one pattern. */
function checkTamperAlerts(config: ConfigSections): Issue[] {
  const tamper = config.tamperAlerts;
  if (!tamper || tamper.enabled === false) return [];
  const issues: Issue[] = [];
  const routes = (config.alerts ?? []).map((a) => a?.name);
  if (tamper.alertRoute !== undefined && !routes.includes(tamper.alertRoute)) {
    issues.push({
      path: ['tamperAlerts', 'alertRoute'],
      message: routes.length > 0 ? `no alert route named ${tamper.alertRoute} (alerts has ${routes.filter(Boolean).join(', ')})` : `no alert route named ${tamper.alertRoute}: add it under alerts`,
    });
  }
  (tamper.quietRoleArns ?? []).forEach((arn, i) => {
    if (arn && config.partition) issues.push(...checkRoleArn(arn, config.partition, undefined, ['tamperAlerts', 'quietRoleArns', i]));
  });
  const admin = config.accounts?.admin?.accountId;
  const quiet = quietRoleArns({
    deployRoleArns: [config.accounts?.admin?.assumeRoleArn, config.accounts?.management?.assumeRoleArn],
    triageRoleArn: config.access?.triage && admin && config.partition ? `arn:${config.partition}:iam::${admin}:role/${TRIAGE_ROLE_NAME}` : undefined,
    configured: tamper.quietRoleArns ?? [],
  });
  const size = JSON.stringify(tamperAlertPattern(quiet)).length;
  if (size > EVENT_PATTERN_MAX_CHARS) {
    issues.push({
      path: ['tamperAlerts', 'quietRoleArns'],
      message: `${quiet.length} quiet roles make the alert rule's pattern ${size} characters, more than EventBridge's ${EVENT_PATTERN_MAX_CHARS}: name fewer roles`,
    });
  }
  return issues;
}

function checkHomeResourceArns(config: ConfigSections): Issue[] {
  const { partition, homeRegion } = config;
  const admin = config.accounts?.admin?.accountId;
  if (!partition || !homeRegion) return [];
  const issues: Issue[] = [];
  const check = (path: (string | number)[], value: string | undefined, what: string, why: string) => {
    if (!value) return;
    const [, arnPartition, , arnRegion, arnAccount] = value.split(':');
    if (arnPartition !== partition) issues.push({ path, message: `${what} is in partition ${arnPartition}, but the config's partition is ${partition}` });
    else if (arnRegion !== homeRegion) issues.push({ path, message: `${what} is in ${arnRegion}, not the home region ${homeRegion}: ${why}` });
    else if (admin && arnAccount !== admin) issues.push({ path, message: `${what} is in account ${arnAccount}, not the admin account ${admin}: ${why}` });
  };
  const firehose = config.export?.firehose;
  const secretWhy = 'the Firehose stream (home region, admin account) reads only secrets of its own region and account';
  if (firehose && 'tokenSecretArn' in firehose) check(['export', 'firehose', 'tokenSecretArn'], firehose.tokenSecretArn, 'secret', secretWhy);
  if (firehose && 'accessKeySecretArn' in firehose) check(['export', 'firehose', 'accessKeySecretArn'], firehose.accessKeySecretArn, 'secret', secretWhy);
  if (firehose && 'secretKmsKeyArn' in firehose) check(['export', 'firehose', 'secretKmsKeyArn'], firehose.secretKmsKeyArn, "the secret's KMS key", secretWhy);
  check(['export', 'logGroup', 'kmsKeyArn'], config.export?.logGroup?.kmsKeyArn, 'the log group key', 'CloudWatch Logs encrypts a group only with a key of its own region, and this project grants no other account\'s key');
  (config.alerts ?? []).forEach((a, i) => {
    check(['alerts', i, 'topicArn'], a?.topicArn, 'the topic', 'an alert rule delivers only in its own region, and to another account only through a role this project does not create');
    // Findings (the full JSON with message: full) must not reach another account's function.
    (a?.sns?.subscriptions ?? []).forEach((sub, j) => {
      if (sub?.protocol === 'lambda') check(['alerts', i, 'sns', 'subscriptions', j, 'endpoint'], sub.endpoint, 'the function', 'alert topics deliver findings only to functions of the admin account, in the home region');
    });
  });
  (config.export?.operationalAlarms?.subscriptions ?? []).forEach((sub, j) => {
    if (sub?.protocol === 'lambda') {
      check(['export', 'operationalAlarms', 'subscriptions', j, 'endpoint'], sub.endpoint, 'the function', 'the alarm topics of every region invoke only functions of the admin account, in the home region');
    }
  });
  return issues;
}

/**
 * Who the viewer and triage roles trust: principals of the admin account or
 * of an account listed in access.trustedAccounts, in the estate's partition;
 * a whole account (`:root`) only by opt-in; IAM users only with MFA (they
 * are the one kind of principal that carries aws:MultiFactorAuthPresent).
 */
function checkAccessTrust(config: ConfigSections): Issue[] {
  const access = config.access;
  const admin = config.accounts?.admin?.accountId;
  if (!access || !config.partition || !admin) return [];
  const trusted = new Set([admin, ...(access.trustedAccounts ?? []).filter((a): a is string => a !== undefined)]);
  const issues: Issue[] = [];
  for (const role of ['viewer', 'triage'] as const) {
    const spec = access[role];
    (spec?.principals ?? []).forEach((principal, j) => {
      if (!principal) return;
      const path = ['access', role, 'principals', j];
      const [, partition, , , account, resource = ''] = principal.split(':');
      if (partition !== config.partition) issues.push({ path, message: `is in partition ${partition}, but the estate is in ${config.partition}` });
      else if (account && !trusted.has(account)) {
        issues.push({ path, message: `account ${account} is neither the admin account (${admin}) nor listed in access.trustedAccounts: the role would trust a stranger` });
      } else if (resource === 'root' && !access.allowAccountRoot) {
        issues.push({ path, message: `trusts every principal of account ${account} that its IAM policies allow: name roles, or set access.allowAccountRoot: true` });
      } else if (resource.startsWith('user/') && !spec?.requireMfa) {
        issues.push({ path, message: `an IAM user: set requireMfa: true (users are the principals that carry MFA; without it a leaked key opens the findings)` });
      }
    });
  }
  return issues;
}

/** [index, index of the first with the same key] for every repeat. */
/**
 * Settings that blind the estate, on the sections that are well-formed
 * (with every default filled, as the plan will see them), unless overridden.
 */
function checkDetection(config: ConfigSections, partition: Partition): Issue[] {
  const shape = configSchema.shape;
  const overrides = whole(shape.overrides, config.overrides) ?? [];
  const findings = detectionFindings({
    partition,
    ...definedEntries({
      suppressions: whole(shape.suppressions, config.suppressions),
      threatLists: whole(shape.threatLists, config.threatLists),
      export: whole(shape.export, config.export),
      detector: whole(shape.detector, config.detector),
      organization: whole(shape.organization, config.organization),
      regions: whole(shape.regions, config.regions),
      members: whole(shape.members, config.members),
    }),
  });
  return [
    ...detectionIssues(findings, overrides),
    ...duplicateNames(overrides, (o) => o.rule).map(([i, first]) => ({ path: ['overrides', i, 'rule'], message: `rule already overridden by overrides[${first}]` })),
  ];
}

/** The entries whose value is defined (exactOptionalPropertyTypes-friendly spreading). */
function definedEntries<T extends Record<string, unknown>>(o: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}

function duplicateNames<T>(list: readonly (T | undefined)[], key: (item: T) => string | undefined): [number, number][] {
  const first = new Map<string, number>();
  const out: [number, number][] = [];
  list.forEach((item, i) => {
    const k = item === undefined ? undefined : key(item);
    if (k === undefined) return;
    const seen = first.get(k);
    if (seen === undefined) first.set(k, i);
    else out.push([i, seen]);
  });
  return out;
}

function checkRoleArn(roleArn: string, partition: Partition, accountId: string | undefined, path: (string | number)[]): Issue[] {
  return roleArnMismatches(roleArn, partition, accountId).map((message) => ({ path, message }));
}
