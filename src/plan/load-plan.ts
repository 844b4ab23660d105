import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { detectionIssues, trustedAddressFindings } from '../config/detection-rules';
import { ConfigError } from '../config/issues';
import { loadConfigWithCache } from '../config/validated-config-cache';
import type { GuardDutyConfig } from '../config/schema';
import { buildThreatLists, type BuiltList } from '../threatlist/build';
import { formatDiagnostic, sortDiagnostics } from '../threatlist/diagnostics';
import { ThreatListError } from './threat-list-error';
import { type EstatePlan, planEstate } from './plan';

export { ThreatListError } from './threat-list-error';

export interface LoadedPlan {
  readonly configFile: string;
  readonly config: GuardDutyConfig;
  readonly lists: readonly BuiltList[];
  /** The plan, its warnings preceded by the lists' warnings. */
  readonly plan: EstatePlan;
}

export interface LoadOptions {
  /** The project root: list files and local state are relative to it. */
  readonly root: string;
  readonly now: Date;
  /** cdktf's output folder (absolute, or relative to `root`). @default cdktf.out */
  readonly outdir?: string;
  /**
   * `skip`: leave the IP lists unread, for operations that do not touch
   * them (findings, smoke): an expired list entry must not block incident
   * tooling. The plan then has no list bucket and no IP list sets.
   * @default build
   */
  readonly threatLists?: 'build' | 'skip';
  /** How messages and the result name the config file (a CLI: as the user gave it). @default configFile */
  readonly shownAs?: string;
  /** Where validated configs are kept between runs (src/config/validated-config-cache.ts). @default none: validate every time */
  readonly configCache?: string;
}

/**
 * Everything synth and `guardduty-ops` read, read once: the config, the IP
 * lists it names (paths relative to `root`, the project root), and the
 * plan built from both (without the lists with `threatLists: 'skip'`).
 * Throws ConfigError or ThreatListError.
 */
export function loadPlan(file: string, options: LoadOptions): LoadedPlan {
  const config = loadConfigWithCache(file, options.configCache);
  const configFile = options.shownAs ?? file;
  const outdir = projectOutdir(configFile, config, options);
  let lists: BuiltList[] = [];
  let listWarnings: string[] = [];
  if (config.threatLists && options.threatLists !== 'skip') {
    const build = buildThreatLists(config.threatLists, { root: options.root, now: options.now, configFile });
    const diagnostics = sortDiagnostics(build.diagnostics);
    const errors = diagnostics.filter((d) => d.severity === 'error');
    if (errors.length > 0) throw new ThreatListError(errors);
    lists = build.lists;
    // The lists are well-formed; whether the trusted one is too wide to allow is a detection rule.
    const refused = detectionIssues(trustedAddressFindings(lists), config.overrides);
    if (refused.length > 0) throw new ConfigError(configFile, refused);
    listWarnings = diagnostics.map(formatDiagnostic);
  }
  const plan = planEstate(config, lists, outdir ? { outdir } : {});
  return { configFile, config, lists, plan: { ...plan, warnings: [...listWarnings, ...plan.warnings] } };
}

/**
 * The output folder relative to the project root, in the form the plan's
 * local state paths need. The local backend finds its state by climbing
 * from the stack's folder: from a folder outside the project that path
 * would name this machine's directories, so that combination is refused.
 */
function projectOutdir(configFile: string, config: GuardDutyConfig, options: LoadOptions): string | undefined {
  if (options.outdir === undefined) return undefined;
  const rel = relative(options.root, resolve(options.root, options.outdir));
  const inside = rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
  if (!inside && config.backend.type === 'local') {
    throw new ConfigError(configFile, [
      {
        path: ['backend', 'type'],
        message:
          `the local backend keeps each stack's state under the project (${options.root}), found from the stack's folder in the output folder, ` +
          `but the output folder ${resolve(options.root, options.outdir)} is not inside the project: synthesize into a folder of the project (default cdktf.out) or use backend type s3 or cloud`,
      },
    ]);
  }
  return inside ? rel.split(sep).join('/') : undefined;
}

/**
 * Writes each list object's body under `dir` (path = object key) for synth
 * to copy into cdktf.out as an asset; returns the file of each key.
 */
export function writeListBodies(plan: EstatePlan, dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const o of plan.home.threatLists?.objects ?? []) {
    const file = join(dir, o.key);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, o.body);
    files[o.key] = file;
  }
  return files;
}
