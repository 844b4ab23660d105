import { FEATURE_DEFAULT_ENABLED, type DetectorFeatureName } from '../features/catalog';
import { regionsOfPartition } from '../regions/catalog';
import { resolveRegions } from '../regions/resolve';
import { severityThreshold } from '../findings/severity';
import type { DetectionRuleId } from './detection-rule-ids';
import type { ConfigIssue } from './issues';
import type { GuardDutyConfig } from './schema';

/** One setting a detection rule refuses. */
export interface DetectionFinding {
  readonly rule: DetectionRuleId;
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/** The widest trusted range allowed without an override: a /16. */
export const WIDEST_TRUSTED_PREFIX = 16;
/** 2^24: a /8's worth of trusted addresses; 2,000 /16s would be 131M. */
export const MAX_TRUSTED_ADDRESSES = 2 ** 24;
/** High: a higher threshold forwards almost nothing (Critical only). */
export const MAX_EXPORT_MIN_SEVERITY = 7;

type Sections = Partial<Pick<GuardDutyConfig, 'suppressions' | 'threatLists' | 'export' | 'detector' | 'organization' | 'regions' | 'members' | 'partition'>>;

/** The settings of a (possibly partly well-formed) config that the rules refuse. */
export function detectionFindings(config: Sections): DetectionFinding[] {
  return [...archiveFilters(config), ...trustedPrefixPolicy(config), ...exportThreshold(config), ...disabledPlans(config), ...autoEnable(config), ...leftOutRegions(config)];
}

/**
 * Extended Threat Detection's attack sequences (type prefix `AttackSequence:`)
 * are raised at Critical, 9.0-10.0, and correlate many signals into one
 * finding (GuardDuty user guide, "Extended Threat Detection"; on by default
 * since December 2024): archiving one archives the estate's most serious
 * findings, whatever else the filter names.
 */
export const ATTACK_SEQUENCE_TYPE_PREFIX = 'AttackSequence:';

/**
 * GD-DET-1: criteria that only narrow by severity, account, resource or
 * not-equals archive whole classes of findings; naming an attack sequence
 * type archives Critical findings.
 */
function archiveFilters(config: Sections): DetectionFinding[] {
  return (config.suppressions ?? []).flatMap((s, i): DetectionFinding[] => {
    if (s.action !== 'ARCHIVE') return [];
    const types = [...(s.criteria.types ?? []), ...(s.criteria.raw ?? []).flatMap((c) => (c.field === 'type' ? (c.equals ?? []) : []))];
    const attackSequences = types.filter((t) => t.startsWith(ATTACK_SEQUENCE_TYPE_PREFIX));
    if (attackSequences.length > 0) {
      return [
        {
          rule: 'GD-DET-1',
          path: ['suppressions', i, 'criteria'],
          message: `ARCHIVE filter "${s.name}" archives attack sequence findings (${attackSequences.join(', ')}): GuardDuty raises them at Critical, and archived findings are never exported`,
        },
      ];
    }
    if (types.length > 0) return [];
    return [
      {
        rule: 'GD-DET-1',
        path: ['suppressions', i, 'criteria'],
        message: `ARCHIVE filter "${s.name}" does not name the finding types it archives (criteria.types): it would archive every type its other criteria match, and archived findings are never exported`,
      },
    ];
  });
}

/** GD-DET-2 (policy half; the address total is checked on the built list). */
function trustedPrefixPolicy(config: Sections): DetectionFinding[] {
  const prefix = config.threatLists?.policy.widestTrustedPrefix;
  if (prefix === undefined || prefix >= WIDEST_TRUSTED_PREFIX) return [];
  return [
    {
      rule: 'GD-DET-2',
      path: ['threatLists', 'policy', 'widestTrustedPrefix'],
      message: `/${prefix} lets the trusted list hold ranges of ${2 ** (32 - prefix)} addresses; GuardDuty raises no flow-log or CloudTrail finding for a trusted address (the floor is /${WIDEST_TRUSTED_PREFIX})`,
    },
  ];
}

/**
 * GD-DET-2 on the built lists, as uploaded: adjacent ranges merge, so 256
 * trusted /16s each within the floor upload as one /8; and the total size
 * (2,000 /16s pass the floor but cover 131M addresses).
 */
export function trustedAddressFindings(lists: readonly { readonly kind: string; readonly name: string; readonly addresses: number; readonly body: string }[]): DetectionFinding[] {
  return lists.flatMap((l) => {
    if (l.kind !== 'trusted') return [];
    const findings: DetectionFinding[] = [];
    const widest = Math.min(...[...l.body.matchAll(/\/(\d+)$/gm)].map((m) => Number(m[1])), 32);
    if (widest < WIDEST_TRUSTED_PREFIX) {
      findings.push({
        rule: 'GD-DET-2',
        path: ['threatLists', 'trusted'],
        message: `trusted list "${l.name}" uploads a /${widest} once adjacent ranges merge (wider than the /${WIDEST_TRUSTED_PREFIX} floor): GuardDuty raises no flow-log or CloudTrail finding for any of its addresses`,
      });
    }
    if (l.addresses > MAX_TRUSTED_ADDRESSES) {
      findings.push({
        rule: 'GD-DET-2',
        path: ['threatLists', 'trusted'],
        message: `trusted list "${l.name}" covers ${l.addresses} addresses, more than ${MAX_TRUSTED_ADDRESSES} (2^24): GuardDuty raises no flow-log or CloudTrail finding for any of them`,
      });
    }
    return findings;
  });
}

function exportThreshold(config: Sections): DetectionFinding[] {
  const min = config.export?.minSeverity;
  if (min === undefined || severityThreshold(min) <= MAX_EXPORT_MIN_SEVERITY) return [];
  return [{ rule: 'GD-DET-3', path: ['export', 'minSeverity'], message: `${min} forwards only findings of severity ${severityThreshold(min)} and above; the most allowed is ${MAX_EXPORT_MIN_SEVERITY} (High)` }];
}

function disabledPlans(config: Sections): DetectionFinding[] {
  return Object.entries(config.detector?.features ?? {}).flatMap(([name, feature]) =>
    (feature as { enabled?: boolean } | undefined)?.enabled === false && FEATURE_DEFAULT_ENABLED[name as DetectorFeatureName]
      ? [{ rule: 'GD-DET-4' as const, path: ['detector', 'features', name, 'enabled'], message: `${name} is on by default and would be turned off in every region` }]
      : [],
  );
}

function autoEnable(config: Sections): DetectionFinding[] {
  const org = config.organization;
  if (!org?.enabled || org.autoEnable === 'ALL') return [];
  return [
    {
      rule: 'GD-DET-5',
      path: ['organization', 'autoEnable'],
      message: `${org.autoEnable} leaves ${org.autoEnable === 'NEW' ? 'the accounts already in the organization' : 'every member account'} without GuardDuty`,
    },
  ];
}

function leftOutRegions(config: Sections): DetectionFinding[] {
  const regions = config.regions;
  if (!regions || !config.partition) return [];
  const defaults = regionsOfPartition(config.partition).filter((r) => !r.optIn).map((r) => r.name);
  const findings: DetectionFinding[] = regions.exclude
    .filter((r) => defaults.includes(r))
    .map((r) => ({ rule: 'GD-DET-6' as const, path: ['regions', 'exclude', regions.exclude.indexOf(r)], message: `${r} is enabled in every account: excluding it leaves it unmonitored` }));
  if (Array.isArray(regions.include)) {
    const include = regions.include;
    const missing = defaults.filter((r) => !include.includes(r));
    if (missing.length > 0) {
      findings.push({ rule: 'GD-DET-6', path: ['regions', 'include'], message: `leaves out ${missing.length} region${missing.length === 1 ? '' : 's'} enabled in every account (${missing.join(', ')}): use include: all` });
    }
  }
  // An invited member limited to some regions has no detector in the others.
  const estate = resolveRegions(regions, config.partition);
  (config.members ?? []).forEach((m, i) => {
    const missing = m.regions ? estate.filter((r) => !m.regions!.includes(r)) : [];
    if (missing.length > 0) {
      findings.push({ rule: 'GD-DET-6', path: ['members', i, 'regions'], message: `member ${m.accountId} is left unmonitored in ${missing.length} of the estate's regions (${missing.join(', ')}): leave regions out to cover them all` });
    }
  });
  return findings;
}

/** An override as the config states it. */
export interface DetectionOverride {
  readonly rule: DetectionRuleId;
  readonly reason: string;
}

/** What the overrides leave: the findings still refused, the ones lifted (with their reason), overrides that lift nothing. */
export function applyOverrides(
  findings: readonly DetectionFinding[],
  overrides: readonly DetectionOverride[],
): { refused: DetectionFinding[]; overridden: (DetectionFinding & { reason: string })[]; unused: number[] } {
  const byRule = new Map(overrides.map((o) => [o.rule, o.reason]));
  const refused = findings.filter((f) => !byRule.has(f.rule));
  const overridden = findings.flatMap((f) => (byRule.has(f.rule) ? [{ ...f, reason: byRule.get(f.rule)! }] : []));
  const unused = overrides.flatMap((o, i) => (findings.some((f) => f.rule === o.rule) ? [] : [i]));
  return { refused, overridden, unused };
}

/** Config issues for the refused findings. */
export function detectionIssues(findings: readonly DetectionFinding[], overrides: readonly DetectionOverride[]): Omit<ConfigIssue, 'line'>[] {
  return applyOverrides(findings, overrides).refused.map((f) => ({
    path: f.path,
    message: `${f.message} [${f.rule}; lift it only with overrides: [{ rule: ${f.rule}, reason: ... }]]`,
  }));
}

/** One line per lifted rule and per override that lifts nothing, for synth output and `guardduty-ops verify`. */
export function overrideNotices(findings: readonly DetectionFinding[], overrides: readonly DetectionOverride[]): string[] {
  const { overridden, unused } = applyOverrides(findings, overrides);
  return [
    ...overridden.map((f) => `override ${f.rule} (${f.reason}): ${f.message}`),
    ...unused.map((i) => `overrides[${i}]: ${overrides[i]!.rule} refuses nothing in this config: remove the override`),
  ];
}
