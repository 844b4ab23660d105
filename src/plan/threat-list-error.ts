import { formatDiagnostic, type ListDiagnostic } from '../threatlist/diagnostics';

/**
 * List errors, with file and line: nothing is synthesized or checked on a
 * list that GuardDuty would reject. Its own module, so a CLI can recognise
 * it without loading the config schema and the list engine.
 */
export class ThreatListError extends Error {
  constructor(public readonly diagnostics: readonly ListDiagnostic[]) {
    super(
      `${diagnostics.length} threat list error${diagnostics.length === 1 ? '' : 's'} (run npx threatlists validate):\n` +
        diagnostics.map((d) => `  ${formatDiagnostic(d)}`).join('\n'),
    );
    this.name = 'ThreatListError';
  }
}
