import { type CheckResult, result } from '../check-result';

/**
 * Every configured filter present; a filter the config does not create is
 * drift too, because an ARCHIVE filter added by hand silently hides
 * findings in that region. (Criteria are not compared: names carry the
 * config's identity, and the suppression stacks own the content.)
 */
export function checkFilters(expectedNames: readonly string[], liveNames: readonly string[]): CheckResult[] {
  const results = expectedNames.map((name) =>
    liveNames.includes(name) ? result('filter', name, 'present', 'present', 'ok') : result('filter', name, 'present', '(none)', 'drift'),
  );
  for (const name of liveNames.filter((n) => !expectedNames.includes(n))) {
    results.push(result('filter', name, '(not in config)', 'present', 'drift'));
  }
  return results;
}
