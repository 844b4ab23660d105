import type { Partition } from '../regions/catalog';
import { checkRegionSelection, regionProblem, resolveRegions } from '../regions/resolve';
import type { ConfigIssue } from './issues';
import { configSchema, type GuardDutyConfig } from './schema';

type Issue = Omit<ConfigIssue, 'line'>;

/**
 * The sections of a config that parsed on their own. Cross-field rules run
 * on whatever is well-formed, so a typo in one section does not hide a
 * wrong region in another: the user gets every error in one report.
 */
export type ConfigSections = Partial<Omit<GuardDutyConfig, 'accounts'>> & {
  accounts?: Partial<GuardDutyConfig['accounts']>;
};

/** Parses each top-level section (and each account) on its own, keeping the ones that are valid. */
export function parseSections(raw: unknown): ConfigSections {
  const input = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const sections: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(configSchema.shape)) {
    if (key === 'accounts') continue;
    const result = schema.safeParse(input[key]);
    if (result.success) sections[key] = result.data;
  }
  if (!sections.existingDetectors && input.existingDetectors && typeof input.existingDetectors === 'object') {
    // Region checks need only the keys: keep the entries that are well-formed.
    const entry = configSchema.shape.existingDetectors.unwrap().valueType;
    sections.existingDetectors = Object.fromEntries(
      Object.entries(input.existingDetectors).filter(([, id]) => entry.safeParse(id).success),
    );
  }
  const accounts: Record<string, unknown> = {};
  const rawAccounts = (input.accounts && typeof input.accounts === 'object' ? input.accounts : {}) as Record<string, unknown>;
  for (const [role, schema] of Object.entries(configSchema.shape.accounts.shape)) {
    const result = schema.safeParse(rawAccounts[role]);
    if (result.success && result.data) accounts[role] = result.data;
  }
  return { ...sections, accounts } as ConfigSections;
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

  for (const region of Object.keys(config.existingDetectors ?? {})) {
    const problem = regionProblem(region, partition);
    if (problem) issues.push({ path: ['existingDetectors', region], message: problem });
    else if (enabled && !enabled.includes(region)) {
      issues.push({ path: ['existingDetectors', region], message: `"${region}" is not an enabled region, so there is no detector to import there` });
    }
  }
  return issues;
}

function checkRoleArn(roleArn: string, partition: Partition, accountId: string | undefined, path: (string | number)[]): Issue[] {
  const [, arnPartition, , , arnAccount] = roleArn.split(':');
  const issues: Issue[] = [];
  if (arnPartition !== partition) issues.push({ path, message: `role is in partition ${arnPartition}, but the config's partition is ${partition}` });
  if (accountId && arnAccount !== accountId) issues.push({ path, message: `role belongs to account ${arnAccount}, not ${accountId}` });
  return issues;
}
