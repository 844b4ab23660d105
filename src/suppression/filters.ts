import { type SeverityName, severityThreshold } from '../findings/severity';

/** GuardDuty allows 100 filters per detector per region. */
export const MAX_FILTERS = 100;

/** One `criterion` of a GuardDuty filter (provider 6.25 names; the API's eq/neq/gt are deprecated). */
export interface FilterCriterion {
  readonly field: string;
  readonly equals?: readonly string[];
  readonly notEquals?: readonly string[];
  readonly greaterThan?: string;
  readonly greaterThanOrEqual?: string;
  readonly lessThan?: string;
  readonly lessThanOrEqual?: string;
}

/** What GuardDuty does with matching findings: ARCHIVE suppresses them, NOOP only saves the filter. */
export const FILTER_ACTIONS = ['ARCHIVE', 'NOOP'] as const;
export type FilterAction = (typeof FILTER_ACTIONS)[number];

/** `service.resourceRole` of a finding. */
export const RESOURCE_ROLES = ['ACTOR', 'TARGET'] as const;
export type ResourceRole = (typeof RESOURCE_ROLES)[number];

/** `connectionDirection` of a network connection finding. */
export const CONNECTION_DIRECTIONS = ['INBOUND', 'OUTBOUND'] as const;
export type ConnectionDirection = (typeof CONNECTION_DIRECTIONS)[number];

export interface FilterSpec {
  /** Config name, before the prefix. */
  readonly name: string;
  readonly description: string;
  readonly action: FilterAction;
  readonly rank: number;
  readonly criteria: readonly FilterCriterion[];
}

export interface InstanceTag {
  readonly key: string;
  readonly value: string;
}

/** The readable criteria of a suppression (every one set must match); `raw` passes GuardDuty criteria through. */
export interface SuppressionCriteria {
  readonly types?: readonly string[];
  readonly severityBelow?: number | SeverityName;
  readonly resourceRole?: ResourceRole;
  readonly connectionDirection?: ConnectionDirection;
  readonly connectionLocalPorts?: readonly number[];
  readonly probedLocalPorts?: readonly number[];
  readonly instanceTag?: InstanceTag;
  readonly accounts?: readonly string[];
  readonly raw?: readonly FilterCriterion[];
}

/** A suppression rule: one GuardDuty filter in every region. */
export interface Suppression {
  /** Before the prefix. */
  readonly name: string;
  readonly description?: string;
  readonly action: FilterAction;
  /** Orders among the filters (ties keep list order). */
  readonly rank?: number;
  readonly criteria: SuppressionCriteria;
}

/** The Network Load Balancer preset: listener ports, and the tag of the instances behind the NLBs. */
export interface NlbPreset {
  readonly ports: readonly number[];
  readonly instanceTag?: InstanceTag;
}

/** The ready-made suppressions. */
export interface SuppressionPresets {
  readonly nlb?: NlbPreset;
}

/** GuardDuty finding fields behind the readable criteria. */
export const FIELDS = {
  type: 'type',
  severity: 'severity',
  accountId: 'accountId',
  resourceRole: 'service.resourceRole',
  connectionDirection: 'service.action.networkConnectionAction.connectionDirection',
  connectionLocalPort: 'service.action.networkConnectionAction.localPortDetails.port',
  probedLocalPort: 'service.action.portProbeAction.portProbeDetails.localPortDetails.port',
  instanceTagKey: 'resource.instanceDetails.tags.key',
  instanceTagValue: 'resource.instanceDetails.tags.value',
} as const;

const ports = (list: readonly number[]) => list.map(String);

/** The readable criteria of a suppression as GuardDuty criteria; raw ones pass through. */
export function filterCriteria(c: SuppressionCriteria): FilterCriterion[] {
  const out: FilterCriterion[] = [];
  if (c.types) out.push({ field: FIELDS.type, equals: c.types });
  if (c.severityBelow !== undefined) out.push({ field: FIELDS.severity, lessThan: String(severityThreshold(c.severityBelow)) });
  if (c.resourceRole) out.push({ field: FIELDS.resourceRole, equals: [c.resourceRole] });
  if (c.connectionDirection) out.push({ field: FIELDS.connectionDirection, equals: [c.connectionDirection] });
  if (c.connectionLocalPorts) out.push({ field: FIELDS.connectionLocalPort, equals: ports(c.connectionLocalPorts) });
  if (c.probedLocalPorts) out.push({ field: FIELDS.probedLocalPort, equals: ports(c.probedLocalPorts) });
  if (c.instanceTag) out.push({ field: FIELDS.instanceTagKey, equals: [c.instanceTag.key] }, { field: FIELDS.instanceTagValue, equals: [c.instanceTag.value] });
  if (c.accounts) out.push({ field: FIELDS.accountId, equals: c.accounts });
  for (const raw of c.raw ?? []) out.push(raw);
  return out;
}

/** Fields a suppression sets twice (readable and raw): GuardDuty keeps one criterion per field. */
export function duplicateFields(c: SuppressionCriteria): string[] {
  const fields = filterCriteria(c).map((x) => x.field);
  return [...new Set(fields.filter((f, i) => fields.indexOf(f) !== i))];
}

/**
 * The Network Load Balancer false positives: NLB targets see the client's
 * source IP, so internet clients on the listener ports look like direct
 * probes (`Recon:EC2/PortProbeUnprotectedPort`) and, for Tor or listed
 * clients, inbound connections to a TARGET instance.
 */
export function nlbSuppressions(preset: NlbPreset): Suppression[] {
  const tag = preset.instanceTag ? { instanceTag: preset.instanceTag } : {};
  const inbound = { resourceRole: 'TARGET' as const, connectionDirection: 'INBOUND' as const, connectionLocalPorts: preset.ports, ...tag };
  const suppression = (name: string, description: string, criteria: SuppressionCriteria): Suppression => ({ name, description, action: 'ARCHIVE', criteria });
  return [
    suppression('nlb-port-probe', 'NLB listener ports probed through the load balancer', {
      types: ['Recon:EC2/PortProbeUnprotectedPort'],
      probedLocalPorts: preset.ports,
      ...tag,
    }),
    suppression('nlb-tor-inbound', 'Tor clients reaching NLB targets on listener ports', { types: ['UnauthorizedAccess:EC2/TorIPCaller'], ...inbound }),
    suppression('nlb-threat-list-inbound', 'Threat-list clients reaching NLB targets on listener ports', {
      types: ['UnauthorizedAccess:EC2/MaliciousIPCaller.Custom'],
      ...inbound,
    }),
  ];
}

/**
 * Every filter of every region, in rank order: the configured suppressions,
 * then the presets. GuardDuty rejects a rank that leaves a gap ("rank is
 * out-of-bounds"), so a configured `rank` only orders (ties keep list
 * order) and the filters are numbered 1..n.
 */
export function suppressionFilters(config: { readonly suppressions: readonly Suppression[]; readonly presets: SuppressionPresets }): FilterSpec[] {
  const all = [...config.suppressions, ...(config.presets.nlb ? nlbSuppressions(config.presets.nlb) : [])];
  const ordered = all.map((s, i) => ({ s, key: s.rank ?? i + 1, i })).sort((a, b) => a.key - b.key || a.i - b.i);
  return ordered.map(({ s }, i) => ({
    name: s.name,
    description: s.description ?? `guardduty-cdktf suppression ${s.name}`,
    action: s.action,
    rank: i + 1,
    criteria: filterCriteria(s.criteria),
  }));
}
