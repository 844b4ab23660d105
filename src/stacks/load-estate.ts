import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadConfig } from '../config/load';
import type { GuardDutyConfig } from '../config/schema';
import { buildThreatLists, type BuiltList } from '../threatlist/build';
import { formatDiagnostic, type ListDiagnostic, sortDiagnostics } from '../threatlist/diagnostics';
import { type EstatePlan, planEstate } from './plan';

/** List errors, with file and line: nothing is synthesized or checked on a list that GuardDuty would reject. */
export class ThreatListError extends Error {
  constructor(public readonly diagnostics: readonly ListDiagnostic[]) {
    super(
      `${diagnostics.length} threat list error${diagnostics.length === 1 ? '' : 's'} (run npx threatlists validate):\n` +
        diagnostics.map((d) => `  ${formatDiagnostic(d)}`).join('\n'),
    );
    this.name = 'ThreatListError';
  }
}

export interface LoadedEstate {
  readonly configFile: string;
  readonly config: GuardDutyConfig;
  readonly lists: readonly BuiltList[];
  /** The plan, its warnings preceded by the lists' warnings. */
  readonly plan: EstatePlan;
}

/**
 * Everything synth and `guardduty-ops` read, read once: the config, the IP
 * lists it names (paths relative to `root`, the project root), and the
 * plan built from both. Throws ConfigError or ThreatListError.
 */
export function loadEstate(configFile: string, options: { readonly root: string; readonly now: Date }): LoadedEstate {
  const config = loadConfig(configFile);
  let lists: BuiltList[] = [];
  let listWarnings: string[] = [];
  if (config.threatLists) {
    const build = buildThreatLists(config.threatLists, { root: options.root, now: options.now, configFile });
    const diagnostics = sortDiagnostics(build.diagnostics);
    const errors = diagnostics.filter((d) => d.severity === 'error');
    if (errors.length > 0) throw new ThreatListError(errors);
    lists = build.lists;
    listWarnings = diagnostics.map(formatDiagnostic);
  }
  const plan = planEstate(config, lists);
  return { configFile, config, lists, plan: { ...plan, warnings: [...listWarnings, ...plan.warnings] } };
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
