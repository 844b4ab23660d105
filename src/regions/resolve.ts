import { findRegion, type Partition, REGIONS_WITHOUT_GUARDDUTY, regionsOfPartition } from './catalog';

export interface RegionSelection {
  readonly include: 'all' | readonly string[];
  readonly optIn: readonly string[];
  readonly exclude: readonly string[];
}

/** A problem with a region name, its path relative to the `regions` section. */
export interface RegionIssue {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/** Why `name` cannot be used in `partition`, or undefined when it can. */
export function regionProblem(name: string, partition: Partition): string | undefined {
  if (REGIONS_WITHOUT_GUARDDUTY.includes(name)) {
    return `"${name}" is an AWS region but GuardDuty is not available there`;
  }
  const info = findRegion(name);
  if (!info) return `"${name}" is not a known region`;
  if (info.partition !== partition) return `"${name}" is in partition ${info.partition}, not ${partition}`;
  return undefined;
}

function duplicates(list: readonly string[], key: string): RegionIssue[] {
  return list.flatMap((name, i) =>
    list.indexOf(name) !== i ? [{ path: [key, i], message: `"${name}" is listed more than once` }] : [],
  );
}

function unknownNames(list: readonly string[], key: string, partition: Partition): RegionIssue[] {
  return list.flatMap((name, i) => {
    const problem = regionProblem(name, partition);
    return problem ? [{ path: [key, i], message: problem }] : [];
  });
}

/** Every problem of a region selection, all at once. */
export function checkRegionSelection(sel: RegionSelection, partition: Partition): RegionIssue[] {
  const issues: RegionIssue[] = [];
  const include = sel.include === 'all' ? [] : sel.include;
  for (const [key, list] of [['include', include], ['optIn', sel.optIn], ['exclude', sel.exclude]] as const) {
    issues.push(...unknownNames(list, key, partition), ...duplicates(list, key));
  }
  sel.optIn.forEach((name, i) => {
    if (findRegion(name)?.optIn === false) {
      issues.push({ path: ['optIn', i], message: `"${name}" is not an opt-in region: it is enabled in every account, remove it from optIn` });
    }
  });
  include.forEach((name, i) => {
    if (findRegion(name)?.optIn && !sel.optIn.includes(name)) {
      issues.push({
        path: ['include', i],
        message: `"${name}" is an opt-in region: list it in regions.optIn too, once the account has enabled it`,
      });
    }
  });
  if (issues.length === 0 && resolveRegions(sel, partition).length === 0) {
    issues.push({ path: ['exclude'], message: 'no region is left once exclusions are applied' });
  }
  return issues;
}

/**
 * "Every enabled region": the partition's GuardDuty regions that are not
 * opt-in, plus the opt-in regions the account enabled, minus exclusions;
 * or the explicit list. Catalog order, so output is deterministic.
 * Assumes `checkRegionSelection` found nothing.
 */
export function resolveRegions(sel: RegionSelection, partition: Partition): string[] {
  return regionsOfPartition(partition)
    .filter((r) => (sel.include === 'all' ? !r.optIn || sel.optIn.includes(r.name) : sel.include.includes(r.name)))
    .filter((r) => !sel.exclude.includes(r.name))
    .map((r) => r.name);
}
