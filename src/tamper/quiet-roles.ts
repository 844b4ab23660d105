/**
 * Roles whose tamper calls are logged but never page: the deploy roles
 * (their applies change detectors, filters and the organization
 * configuration), the triage role (archiving findings is its job) and the
 * roles the config names (a CI role, whoever runs `guardduty-ops smoke`).
 * Sorted and without repeats, so the synthesized pattern is stable.
 */
export function quietRoleArns(parts: {
  readonly deployRoleArns: readonly (string | undefined)[];
  readonly triageRoleArn?: string | undefined;
  readonly configured: readonly (string | undefined)[];
}): string[] {
  const all = [...parts.deployRoleArns, parts.triageRoleArn, ...parts.configured].filter((a): a is string => typeof a === 'string' && a.length > 0);
  return [...new Set(all)].sort();
}
