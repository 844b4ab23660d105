import type { Partition } from '../regions/catalog';
import { checkRegionSelection, regionProblem, resolveRegions } from '../regions/resolve';
import type { ConfigIssue } from './issues';
import { configSchema, type GuardDutyConfig } from './schema';

type Issue = Omit<ConfigIssue, 'line'>;

/**
 * The parts of a config that are well-formed on their own. Cross-field
 * rules run on whatever is well-formed, so a typo in one place does not
 * hide a wrong region in another: the user gets every error in one report.
 */
export type ConfigSections = Partial<Omit<GuardDutyConfig, 'accounts' | 'members' | 'organization'>> & {
  accounts?: Partial<GuardDutyConfig['accounts']>;
  organization?: Partial<NonNullable<GuardDutyConfig['organization']>>;
  /** Invalid entries are undefined, so indices still match the file. */
  members?: (GuardDutyConfig['members'][number] | undefined)[];
};

type Schema = { safeParse(value: unknown): { success: boolean; data?: unknown } };
const parsed = (schema: Schema, value: unknown): unknown => {
  const result = schema.safeParse(value);
  return result.success ? result.data : undefined;
};
const asRecord = (value: unknown): Record<string, unknown> | undefined =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;

/** The keys of an object section that parse on their own. */
function salvageObject(shape: Record<string, Schema>, value: unknown): Record<string, unknown> | undefined {
  const input = asRecord(value);
  if (!input) return undefined;
  return Object.fromEntries(Object.entries(shape).map(([key, schema]) => [key, parsed(schema, input[key])]).filter(([, v]) => v !== undefined));
}

/** Parses the config section by section, keeping what is valid where a whole section is not. */
export function parseSections(raw: unknown): ConfigSections {
  const input = asRecord(raw) ?? {};
  const sections: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(configSchema.shape)) {
    const value = parsed(schema, input[key]);
    if (value !== undefined) sections[key] = value;
  }
  sections.accounts ??= salvageObject(configSchema.shape.accounts.shape, input.accounts);
  sections.organization ??= salvageObject(configSchema.shape.organization.unwrap().shape, input.organization);
  if (!sections.existingDetectors) {
    // Region checks need only the keys: keep the entries that are well-formed.
    const entry = configSchema.shape.existingDetectors.unwrap().valueType;
    sections.existingDetectors = Object.fromEntries(Object.entries(asRecord(input.existingDetectors) ?? {}).filter(([, id]) => entry.safeParse(id).success));
  }
  if (!sections.members && Array.isArray(input.members)) {
    const entry = configSchema.shape.members.unwrap().element;
    sections.members = input.members.map((m) => parsed(entry, m));
  }
  return sections as ConfigSections;
}

/**
 * Rules that need more than one field: regions against the partition, role
 * ARNs against account ids and partition, the home region and existing
 * detectors against the enabled regions. Returns every problem.
 */
export function validateConfig(config: ConfigSections): Issue[] {
  const issues: Issue[] = [];
  const { partition } = config;
  if (!partition) return issues;

  let enabled: string[] | undefined;
  if (config.regions) {
    const regionIssues = checkRegionSelection(config.regions, partition);
    issues.push(...regionIssues.map((i) => ({ path: ['regions', ...i.path], message: i.message })));
    if (regionIssues.length === 0) enabled = resolveRegions(config.regions, partition);
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

  if (config.backend?.type === 's3') {
    const problem = regionProblem(config.backend.region, partition);
    if (problem) issues.push({ path: ['backend', 'region'], message: problem });
    if (config.backend.roleArn) issues.push(...checkRoleArn(config.backend.roleArn, partition, undefined, ['backend', 'roleArn']));
  }

  issues.push(...checkMembership(config, enabled));

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
  const seen = new Map<string, number>();
  members.forEach((member, i) => {
    if (!member) return;
    const first = seen.get(member.accountId);
    if (first !== undefined) issues.push({ path: ['members', i, 'accountId'], message: `account ${member.accountId} is already listed as members[${first}]` });
    else seen.set(member.accountId, i);
    if (member.accountId === adminId) issues.push({ path: ['members', i, 'accountId'], message: 'is the admin account itself; an account cannot be its own member' });
    if (member.assumeRoleArn && config.partition) {
      issues.push(...checkRoleArn(member.assumeRoleArn, config.partition, member.accountId, ['members', i, 'assumeRoleArn']));
    }
    for (const region of Object.keys(member.existingDetectors)) {
      const memberRegions = member.regions ?? enabled;
      if (memberRegions && !memberRegions.includes(region)) {
        issues.push({ path: ['members', i, 'existingDetectors', region], message: `"${region}" is not one of this member's regions` });
      }
    }
    (member.regions ?? []).forEach((region, j) => {
      const problem = config.partition ? regionProblem(region, config.partition) : undefined;
      if (problem) issues.push({ path: ['members', i, 'regions', j], message: problem });
      else if (enabled && !enabled.includes(region)) issues.push({ path: ['members', i, 'regions', j], message: `"${region}" is not an enabled region` });
    });
  });
  return issues;
}

function checkRoleArn(roleArn: string, partition: Partition, accountId: string | undefined, path: (string | number)[]): Issue[] {
  const [, arnPartition, , , arnAccount] = roleArn.split(':');
  const issues: Issue[] = [];
  if (arnPartition !== partition) issues.push({ path, message: `role is in partition ${arnPartition}, but the config's partition is ${partition}` });
  if (accountId && arnAccount !== accountId) issues.push({ path, message: `role belongs to account ${arnAccount}, not ${accountId}` });
  return issues;
}
