import { type Command, Option } from 'commander';
import { parseSince } from '../../../src/ops/duration';
import type { FindingQuery } from '../../../src/ops/findings/finding-query';
import { buildFindingsReport, type FindingsReport } from '../../../src/ops/findings/findings-report';
import { formatFindingsCsv } from '../../../src/ops/findings/format-csv';
import { formatFindingsMarkdown } from '../../../src/ops/findings/format-markdown';
import { formatFindingsText } from '../../../src/ops/findings/format-text';
import { narrowRegions } from '../../../src/ops/region-scope';
import { UsageError } from '../../../src/ops/usage-error';
import { type FanOutCliOptions, parsePositiveInt, parseSeverityArgument, withCredentialOptions, withFanOutOptions } from '../common-options';
import type { OpsDeps } from '../deps';
import { connect, loadPlanForCommand, progressFor } from '../estate';
import { guardedAction } from '../guarded-action';

const FORMATS = ['table', 'json', 'csv', 'markdown'] as const;
type Format = (typeof FORMATS)[number];

interface FindingsOptions extends FanOutCliOptions {
  readonly minSeverity?: number;
  readonly since?: string;
  readonly type?: string;
  readonly archived?: boolean;
  readonly includeSamples?: boolean;
  readonly failOn?: number;
  readonly format?: Format;
  readonly maxFindings: number;
  readonly top: number;
}

/**
 * Enough for any real backlog in one region while bounding a run: at 50
 * ids per GetFindings call this is 40 calls per region.
 */
const DEFAULT_MAX_FINDINGS = 2000;

const RENDER: Readonly<Record<Format, (report: FindingsReport) => string>> = {
  table: formatFindingsText,
  json: (report) => JSON.stringify(report, null, 2) + '\n',
  csv: formatFindingsCsv,
  markdown: formatFindingsMarkdown,
};

export function defineFindingsCommand(cmd: Command, deps: OpsDeps, finish: (code: number) => void): void {
  withFanOutOptions(withCredentialOptions(cmd))
    .description('findings across regions: summary by region x severity and by type, top resources, probed ports')
    .option('--min-severity <severity>', 'low | medium | high | critical, or a number from 0 to 10', parseSeverityArgument)
    .option('--since <when>', 'updated within a duration (24h, 7d) or since a date (2026-01-31)')
    .option('--type <prefix>', 'finding types starting with this (Recon:, UnauthorizedAccess:EC2/)')
    .option('--archived', 'archived findings (what suppression rules hid) instead of current ones')
    .option('--include-samples', 'keep sample findings (CreateSampleFindings), left out by default')
    .option('--fail-on <severity>', 'exit 1 when a finding is at or above this severity (high, 7.5...)', parseSeverityArgument)
    .addOption(new Option('--format <format>', 'output format').choices(FORMATS))
    .option('--max-findings <n>', 'most severe findings read per region', parsePositiveInt(100_000), DEFAULT_MAX_FINDINGS)
    .option('--top <n>', 'affected resources listed', parsePositiveInt(1000), 10)
    .action(
      guardedAction<FindingsOptions>('findings', deps, finish, async (options) => {
        if (options.json && options.format && options.format !== 'json') throw new UsageError(`--json and --format ${options.format} contradict each other`);
        const format: Format = options.json ? 'json' : (options.format ?? 'table');
        const query: FindingQuery = {
          ...(options.minSeverity !== undefined ? { minSeverity: options.minSeverity } : {}),
          ...(options.since ? { updatedSince: parseSince(options.since, deps.now()) } : {}),
          ...(options.type ? { typePrefix: options.type } : {}),
          archived: options.archived === true,
          includeSamples: options.includeSamples === true,
        };
        const loaded = loadPlanForCommand(options, deps, 'skip');
        const regions = narrowRegions(loaded.plan.regional.map((r) => r.region), options.regions);
        const { clients, accountId } = await connect(loaded, options, deps);
        const progress = progressFor(options, deps, regions.length);
        // Loaded on first use: the GuardDuty SDK client costs ~130 ms that --help does not need.
        const { collectEstateFindings } = require('../../../src/ops/findings/findings-estate') as typeof import('../../../src/ops/findings/findings-estate');
        const outcomes = await collectEstateFindings((region) => clients.guardduty(region), regions, query, {
          concurrency: options.concurrency,
          maxFindingsPerRegion: options.maxFindings,
          onSettled: (r) => progress.settled(r),
        });
        progress.finish();
        const report = buildFindingsReport({ accountId, query, outcomes, topResources: options.top, ...(options.failOn !== undefined ? { failOn: options.failOn } : {}) });
        deps.stdout(RENDER[format](report));
        return report.exitCode;
      }),
    );
}
