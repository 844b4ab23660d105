import { checkRegionSelection, regionProblem, resolveRegions } from '../regions/resolve';
import type { ConfigIssue } from './issues';
import type { AccountConfig, GuardDutyConfig } from './schema';

type Issue = Omit<ConfigIssue, 'line'>;

/**
 * Rules that need more than one field: regions against the partition, role
 * ARNs against account ids and partition, the home region and existing
 * detectors against the enabled regions. Runs on a structurally valid
 * config; returns every problem, not the first.
 */
export function validateConfig(config: GuardDutyConfig): Issue[] {
  const issues: Issue[] = [];
  const { partition } = config;

  const regionIssues = checkRegionSelection(config.regions, partition);
  issues.push(...regionIssues.map((i) => ({ path: ['regions', ...i.path], message: i.message })));
  const enabled = regionIssues.length === 0 ? resolveRegions(config.regions, partition) : undefined;

  const homeProblem = regionProblem(config.homeRegion, partition);
  if (homeProblem) {
    issues.push({ path: ['homeRegion'], message: homeProblem });
  } else if (enabled && !enabled.includes(config.homeRegion)) {
    issues.push({ path: ['homeRegion'], message: `"${config.homeRegion}" is not among the enabled regions (check regions.include, optIn and exclude)` });
  }

  for (const [role, account] of Object.entries(config.accounts) as [string, AccountConfig | undefined][]) {
    if (account?.assumeRoleArn) issues.push(...checkRoleArn(account.assumeRoleArn, partition, account.accountId, ['accounts', role, 'assumeRoleArn']));
  }
  if (config.backend.type === 's3') {
    const problem = regionProblem(config.backend.region, partition);
    if (problem) issues.push({ path: ['backend', 'region'], message: problem });
    if (config.backend.roleArn) issues.push(...checkRoleArn(config.backend.roleArn, partition, undefined, ['backend', 'roleArn']));
  }

  for (const region of Object.keys(config.existingDetectors)) {
    const problem = regionProblem(region, partition);
    if (problem) issues.push({ path: ['existingDetectors', region], message: problem });
    else if (enabled && !enabled.includes(region)) {
      issues.push({ path: ['existingDetectors', region], message: `"${region}" is not an enabled region, so there is no detector to import there` });
    }
  }
  return issues;
}

function checkRoleArn(roleArn: string, partition: string, accountId: string | undefined, path: (string | number)[]): Issue[] {
  const [, arnPartition, , , arnAccount] = roleArn.split(':');
  const issues: Issue[] = [];
  if (arnPartition !== partition) issues.push({ path, message: `role is in partition ${arnPartition}, but the config's partition is ${partition}` });
  if (accountId && arnAccount !== accountId) issues.push({ path, message: `role belongs to account ${arnAccount}, not ${accountId}` });
  return issues;
}
