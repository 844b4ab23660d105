import { countBySeverity, formatDiagnostic, type ListDiagnostic } from '../../src/threatlist';

export type DiagnosticFormat = 'text' | 'github';

/** Diagnostics as lines for a terminal, or as GitHub Actions workflow commands that annotate the PR's files. */
export function renderDiagnostics(diagnostics: readonly ListDiagnostic[], format: DiagnosticFormat): string {
  return diagnostics.map((d) => `${format === 'github' ? githubAnnotation(d) : formatDiagnostic(d)}\n`).join('');
}

/**
 * `::error file=…,line=…,title=…::message`. GitHub reads `%`, CR and LF as
 * escapes in the message, and also `:` and `,` in property values.
 */
export function githubAnnotation(d: ListDiagnostic): string {
  const props = [`file=${escapeProperty(d.file)}`, ...(d.line !== undefined ? [`line=${d.line}`] : []), `title=${escapeProperty(`threatlists ${d.code}`)}`];
  return `::${d.severity} ${props.join(',')}::${escapeData(d.message)}`;
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** `1 error, 2 warnings`. */
export function summarize(diagnostics: readonly ListDiagnostic[]): string {
  const { errors, warnings } = countBySeverity(diagnostics);
  return `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
}
