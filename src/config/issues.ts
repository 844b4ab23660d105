/** One problem found in a config file, located by its YAML path. */
export interface ConfigIssue {
  /** Path inside the document, e.g. `['regions', 'exclude', 2]`. */
  readonly path: readonly (string | number)[];
  readonly message: string;
  /** 1-based line in the file, when the path exists there. */
  readonly line?: number;
}

/** `regions.exclude[2]`, `tags."cost.center"`; `(root)` for the document itself. */
export function formatPath(path: readonly (string | number)[]): string {
  if (path.length === 0) return '(root)';
  return path
    .map((seg, i) => {
      if (typeof seg === 'number') return `[${seg}]`;
      const key = /^[A-Za-z0-9_$-]+$/.test(seg) ? seg : JSON.stringify(seg);
      return i === 0 ? key : `.${key}`;
    })
    .join('');
}

export function formatIssue(issue: ConfigIssue): string {
  const where = issue.line !== undefined ? ` (line ${issue.line})` : '';
  return `${formatPath(issue.path)}: ${issue.message}${where}`;
}

/** Every problem of one config file, reported at once. */
export class ConfigError extends Error {
  constructor(
    public readonly file: string,
    public readonly issues: readonly ConfigIssue[],
  ) {
    super(
      `${file}: ${issues.length} error${issues.length === 1 ? '' : 's'}\n` +
        issues.map((i) => `  ${formatIssue(i)}`).join('\n'),
    );
    this.name = 'ConfigError';
  }
}
