/** One problem in a list file, located by file and (for entries) line. */
export interface ListDiagnostic {
  severity: 'error' | 'warning';
  code: string;
  /** Project-relative path of the list file. */
  file: string;
  /** 1-based line of the entry. */
  line?: number;
  message: string;
}

/**
 * Diagnostic codes. Errors stop synth; warnings are things GuardDuty would
 * accept but that have no effect or need a reviewer's eye.
 */
export const DIAGNOSTIC_CODES = {
  // Entries that are not IPv4 addresses, CIDRs or ranges (errors).
  ipv6: 'IPv6 address or network: GuardDuty IP lists take IPv4 only',
  'malformed-address': 'not a dotted-quad IPv4 address',
  'bad-prefix': 'prefix length outside 0-32',
  'host-bits': 'CIDR with bits set after the prefix',
  netmask: 'netmask instead of a prefix length',
  'bad-range': 'range whose start is after its end, or with CIDRs as ends',
  hostname: 'host name instead of an address',
  malformed: 'anything else that is not an entry',
  'bad-annotation': 'trailing annotation with an unknown key, a repeated key or a bad value',
  // Policy.
  expired: 'entry past its expires= date (error or warning per policy.expiredEntries)',
  'trusted-too-wide': 'trusted range wider than policy.widestTrustedPrefix',
  // Addresses GuardDuty ignores (warnings; dropped from the uploaded list).
  'private-range': 'private address (RFC 1918, RFC 6598)',
  'loopback-range': 'loopback address',
  'link-local-range': 'link-local address',
  'multicast-range': 'multicast address',
  'reserved-range': 'reserved address',
  // Lists.
  'no-files': 'a configured path or pattern matches no file',
  unreadable: 'a list file cannot be read',
  'file-in-two-lists': 'one file feeds the trusted list and a threat list',
  'duplicate-list-name': 'two lists share a name',
  'too-many-entries': 'the uploaded list exceeds GuardDuty\'s entry quota',
  'too-large': 'the uploaded file exceeds GuardDuty\'s 35 MB limit',
  'one-file-per-format': 'a non-TXT list has more than one file',
  'empty-list': 'a list with no entries left to upload',
  'trusted-overlap': 'a threat entry that the trusted list overrides',
  'more-diagnostics': 'summary of diagnostics left out after the first ones of a kind',
} as const;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

interface Tally {
  readonly first: ListDiagnostic;
  count: number;
}

/** How many diagnostics of one code one file reports before it summarises the rest. */
export const DIAGNOSTICS_PER_CODE = 100;

/**
 * Collects diagnostics, keeping the first DIAGNOSTICS_PER_CODE of each code
 * per file: a feed with 150,000 private addresses needs one line saying so,
 * not 150,000 (and GitHub shows only a few annotations per step anyway).
 */
export class DiagnosticSink {
  private readonly kept: ListDiagnostic[] = [];
  /** severity -> file -> code -> tally; nested maps, so counting builds no key strings. */
  private readonly seen = { error: new Map<string, Map<string, Tally>>(), warning: new Map<string, Map<string, Tally>>() };

  add(severity: ListDiagnostic['severity'], code: DiagnosticCode, file: string, line: number | undefined, message: string | (() => string)): void {
    let byCode = this.seen[severity].get(file);
    if (!byCode) this.seen[severity].set(file, (byCode = new Map()));
    const tally = byCode.get(code);
    if (tally && tally.count >= DIAGNOSTICS_PER_CODE) {
      // Past the cap only the count matters: the message is never built.
      tally.count++;
      return;
    }
    const text = typeof message === 'string' ? message : message();
    const diagnostic: ListDiagnostic = line === undefined ? { severity, code, file, message: text } : { severity, code, file, line, message: text };
    if (tally) tally.count++;
    else byCode.set(code, { first: diagnostic, count: 1 });
    this.kept.push(diagnostic);
  }

  error(code: DiagnosticCode, file: string, line: number | undefined, message: string | (() => string)): void {
    this.add('error', code, file, line, message);
  }

  warning(code: DiagnosticCode, file: string, line: number | undefined, message: string | (() => string)): void {
    this.add('warning', code, file, line, message);
  }

  get hasErrors(): boolean {
    return this.kept.some((d) => d.severity === 'error');
  }

  /** How many diagnostics of each severity and code were added, the ones past the cap included. */
  totals(): { severity: ListDiagnostic['severity']; code: string; count: number }[] {
    const out: { severity: ListDiagnostic['severity']; code: string; count: number }[] = [];
    for (const severity of ['error', 'warning'] as const) {
      const byCode = new Map<string, number>();
      for (const perFile of this.seen[severity].values()) for (const [code, t] of perFile) byCode.set(code, (byCode.get(code) ?? 0) + t.count);
      for (const [code, count] of [...byCode].sort(([a], [b]) => compareText(a, b))) out.push({ severity, code, count });
    }
    return out;
  }

  /** Everything kept plus one summary per truncated code, in file and line order. */
  toArray(): ListDiagnostic[] {
    const out = [...this.kept];
    const tallies = [...this.seen.error.values(), ...this.seen.warning.values()].flatMap((byCode) => [...byCode.values()]);
    for (const { first, count } of tallies) {
      if (count > DIAGNOSTICS_PER_CODE) {
        out.push({
          severity: first.severity,
          code: 'more-diagnostics',
          file: first.file,
          message: `${(count - DIAGNOSTICS_PER_CODE).toLocaleString('en-US')} more ${first.code} ${first.severity}s in this file (the first ${DIAGNOSTICS_PER_CODE} are listed)`,
        });
      }
    }
    return sortDiagnostics(out);
  }
}

/** File, then line (file-level diagnostics first), then code: a stable order for reports and tests. */
export function sortDiagnostics(diagnostics: readonly ListDiagnostic[]): ListDiagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      compareText(a.file, b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      compareText(a.code, b.code) ||
      compareText(a.message, b.message),
  );
}

/** `file:line: error [code] message`, the form every CLI output and test uses. */
export function formatDiagnostic(d: ListDiagnostic): string {
  return `${d.file}${d.line === undefined ? '' : `:${d.line}`}: ${d.severity} [${d.code}] ${d.message}`;
}

export function countBySeverity(diagnostics: readonly ListDiagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const d of diagnostics) if (d.severity === 'error') errors++;
  return { errors, warnings: diagnostics.length - errors };
}

/** Code-unit order, independent of the machine's locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
