import { type ExitCode, exitCodeOf } from '../exit-code';
import { findRegion, type Partition, REGIONS_WITHOUT_GUARDDUTY } from '../../regions/catalog';
import { type RegionSelection, resolveRegions } from '../../regions/resolve';
import type { AccountRegion } from './enabled-regions';

export type GuardDutyAvailability = 'yes' | 'no' | 'unknown';

export interface RegionRow {
  readonly name: string;
  readonly location?: string;
  readonly optStatus: string;
  /** GuardDuty has an endpoint there (catalog); `unknown` for a region newer than the catalog. */
  readonly guardDuty: GuardDutyAvailability;
  /** Whether the config deploys a detector there (only with a config). */
  readonly inConfig?: boolean;
}

export interface SuggestedRegions {
  readonly include: 'all';
  readonly optIn: readonly string[];
  readonly exclude: readonly string[];
}

export interface RegionsReport {
  readonly command: 'regions';
  readonly accountId: string;
  readonly partition: Partition;
  readonly configFile?: string;
  readonly regions: readonly RegionRow[];
  readonly suggested: SuggestedRegions;
  /** The `regions:` block to paste into guardduty.yaml. */
  readonly configBlock: string;
  /** Where the config and the account disagree. */
  readonly differences: readonly string[];
  readonly exitCode: ExitCode;
}

function availability(name: string, partition: Partition): GuardDutyAvailability {
  if (REGIONS_WITHOUT_GUARDDUTY.includes(name)) return 'no';
  const info = findRegion(name);
  if (!info) return 'unknown';
  return info.partition === partition ? 'yes' : 'no';
}

/**
 * The account's enabled regions against the catalog (and the config, when
 * there is one). "Every enabled region" = `include: all` plus every
 * enabled opt-in region GuardDuty serves, which is the block suggested.
 */
export function buildRegionsReport(args: {
  readonly accountId: string;
  readonly partition: Partition;
  readonly enabled: readonly AccountRegion[];
  readonly selection?: RegionSelection;
  readonly configFile?: string;
}): RegionsReport {
  const { partition, selection } = args;
  const configured = selection ? resolveRegions(selection, partition) : undefined;
  const rows = [...args.enabled]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((r): RegionRow => {
      const location = findRegion(r.name)?.location;
      return {
        name: r.name,
        ...(location ? { location } : {}),
        optStatus: r.optStatus,
        guardDuty: availability(r.name, partition),
        ...(configured ? { inConfig: configured.includes(r.name) } : {}),
      };
    });
  const optIn = rows.filter((r) => r.guardDuty === 'yes' && findRegion(r.name)?.optIn).map((r) => r.name);
  const suggested: SuggestedRegions = { include: 'all', optIn, exclude: selection ? [...selection.exclude] : [] };

  const differences: string[] = [];
  if (selection && configured) {
    const enabledNames = new Set(rows.map((r) => r.name));
    for (const row of rows.filter((r) => r.guardDuty === 'yes' && !r.inConfig && !selection.exclude.includes(r.name))) {
      const where = findRegion(row.name)?.optIn ? 'add it to regions.optIn' : 'add it to regions.include (or regions.exclude)';
      differences.push(`${row.name} is enabled for the account but has no detector in the config: ${where}`);
    }
    for (const name of configured.filter((n) => !enabledNames.has(n))) {
      differences.push(`${name} is in the config but not enabled for the account: its stack cannot deploy; enable the region or remove it`);
    }
  }
  const unavailable = rows.filter((r) => r.guardDuty !== 'yes');
  return {
    command: 'regions',
    accountId: args.accountId,
    partition,
    ...(args.configFile ? { configFile: args.configFile } : {}),
    regions: rows,
    suggested,
    configBlock: regionsConfigBlock(suggested, unavailable),
    differences,
    exitCode: exitCodeOf({ problem: differences.length > 0, incomplete: false }),
  };
}

const yamlList = (items: readonly string[]) => `[${items.join(', ')}]`;

export function regionsConfigBlock(suggested: SuggestedRegions, unavailable: readonly RegionRow[] = []): string {
  const notes = unavailable.map((r) =>
    r.guardDuty === 'no' ? `# ${r.name} is enabled, but GuardDuty is not available there` : `# ${r.name} is enabled, but not in this tool's region catalog yet`,
  );
  return [
    ...notes,
    'regions:',
    `  include: all${suggested.optIn.length > 0 ? '          # every default region, plus:' : ''}`,
    `  optIn: ${yamlList(suggested.optIn)}${suggested.optIn.length > 0 ? '   # the opt-in regions this account has enabled' : ''}`,
    `  exclude: ${yamlList(suggested.exclude)}`,
  ].join('\n') + '\n';
}
