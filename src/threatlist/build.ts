import { type EntryAnnotations, utcDay } from './annotations';
import { renderCanonicalBody, sha256Hex } from './canonical';
import { compareText, DiagnosticSink, type ListDiagnostic } from './diagnostics';
import { entryText } from './entry-text';
import { type ListFileReader, projectFileReader } from './list-files';
import type { ThreatListFormat, ThreatListsConfig } from './lists-config';
import { type ParsedListFile, parseListBytes } from './parse';
import { entryQuota, LIST_QUOTAS } from './quotas';
import { RangeSet } from './range-set';
import { SPECIAL_SET } from './special-ranges';
import { checkTrustedWidth, LIST_KIND_TITLE, type ListKind, type ListPolicy, removeExpired, reportIgnoredAddresses } from './validate';

/** One list ready to upload: the trusted IPSet or a ThreatIntelSet. */
export interface BuiltList {
  name: string;
  kind: ListKind;
  format: ThreatListFormat;
  /** Project-relative paths of the files merged, sorted. */
  sources: string[];
  /** Exactly the bytes to upload. TXT: canonical CIDR lines, sorted, '\n'-terminated, no comments. Other formats: the file as it is. */
  body: string;
  /** Hex sha256 of `body`. */
  sha256: string;
  /** Lines in `body` (TXT; 0 for other formats, which are not parsed). */
  entries: number;
  /** IPv4 addresses covered (TXT; 0 for other formats). */
  addresses: number;
  /** TXT: a header (sources, sha256, counts) and the body, what `threatlists normalize` prints. Other formats: the body. */
  canonical: string;
}

export interface BuildOptions {
  /** Project root: config paths and globs are relative to it. */
  root: string;
  /** The moment `expires=` dates are compared with (their UTC day). */
  now: Date;
  /** Named in diagnostics about the config itself. @default 'guardduty.yaml' */
  configFile?: string;
  /** Where list files come from. @default the files under `root` */
  reader?: ListFileReader;
  /** A path or pattern matching nothing is an empty list instead of an error (another git revision). @default false */
  missingFilesAreEmpty?: boolean;
}

export interface ThreatListBuild {
  lists: BuiltList[];
  diagnostics: ListDiagnostic[];
}

/** An annotated entry as it reads in its source file. */
export interface AnnotatedSourceEntry {
  readonly file: string;
  readonly line: number;
  readonly entry: string;
  readonly annotations: EntryAnnotations;
}

/** What `diff` and `stats` need beyond the uploaded bytes. */
export interface ListDetail {
  /** The uploaded address set (TXT); empty for other formats. */
  readonly set: RangeSet;
  /** Entries with annotations, in file and line order. */
  readonly annotated: readonly AnnotatedSourceEntry[];
  /** Parsed source files, after policy (expired entries removed). */
  readonly files: readonly ParsedListFile[];
}

export interface DetailedThreatListBuild extends ThreatListBuild {
  readonly details: ReadonlyMap<string, ListDetail>;
}

interface ListDefinition {
  readonly name: string;
  readonly kind: ListKind;
  readonly format: ThreatListFormat;
  readonly patterns: readonly string[];
}

/**
 * Reads, validates and normalizes every list of the config. Pure apart from
 * reading the list files (through `options.reader`); the same files give
 * byte-identical bodies. Synth fails on any error diagnostic.
 */
export function buildThreatLists(config: ThreatListsConfig, options: BuildOptions): ThreatListBuild {
  const { lists, diagnostics } = buildThreatListsWithDetail(config, options);
  return { lists, diagnostics };
}

export function buildThreatListsWithDetail(config: ThreatListsConfig, options: BuildOptions): DetailedThreatListBuild {
  const reader = options.reader ?? projectFileReader(options.root);
  const configFile = options.configFile ?? 'guardduty.yaml';
  const sink = new DiagnosticSink();
  const today = utcDay(options.now);
  const policy = config.policy;

  const definitions: ListDefinition[] = [
    // The schema fills the defaults (trusted name, TXT, policy): nothing to default here.
    ...(config.trusted ? [{ name: config.trusted.name, kind: 'trusted' as const, format: 'TXT' as const, patterns: config.trusted.files }] : []),
    ...config.threat.map((t) => ({ name: t.name, kind: 'threat' as const, format: t.format, patterns: t.files })),
  ];

  const names = new Set<string>();
  for (const d of definitions) {
    if (names.has(d.name)) {
      sink.error('duplicate-list-name', configFile, undefined, `two lists are named "${d.name}": GuardDuty set names (and S3 keys) come from list names, give each list its own`);
    }
    names.add(d.name);
  }

  // Which files each list reads; a file cannot be both trusted and a threat.
  const sourcesOf = new Map<ListDefinition, string[]>();
  const trustedFiles = new Set<string>();
  for (const d of definitions) {
    const files = new Set<string>();
    for (const pattern of d.patterns) {
      const matched = reader.expand(pattern);
      if (matched.length === 0 && !options.missingFilesAreEmpty) {
        sink.error('no-files', configFile, undefined, `${LIST_KIND_TITLE[d.kind]} "${d.name}": "${pattern}" matches no file (paths are relative to the project root)`);
      }
      for (const f of matched) files.add(f);
    }
    const sorted = [...files].sort(compareText);
    sourcesOf.set(d, sorted);
    if (d.kind === 'trusted') for (const f of sorted) trustedFiles.add(f);
  }
  for (const d of definitions) {
    if (d.kind !== 'threat') continue;
    for (const f of sourcesOf.get(d)!) {
      if (trustedFiles.has(f)) {
        sink.error('file-in-two-lists', f, undefined, `this file feeds both the trusted list and ThreatIntelSet "${d.name}": a trusted address is never a threat (trusted wins in GuardDuty), take it out of one list`);
      }
    }
  }

  const lists: BuiltList[] = [];
  const details = new Map<string, ListDetail>();
  for (const d of definitions) {
    const sources = sourcesOf.get(d)!;
    const built =
      d.format === 'TXT'
        ? buildTextList(d, sources, reader, { kind: d.kind, today, ...policy }, sink)
        : buildOpaqueList(d, sources, reader, sink);
    lists.push(built.list);
    details.set(d.name, built.detail);
  }

  const trusted = lists.find((l) => l.kind === 'trusted');
  if (trusted) {
    for (const list of lists) {
      if (list.kind === 'threat' && list.format === 'TXT') reportTrustedOverlap(details.get(trusted.name)!, list, details.get(list.name)!, sink);
    }
  }
  return { lists, diagnostics: sink.toArray(), details };
}

function buildTextList(
  d: ListDefinition,
  sources: readonly string[],
  reader: ListFileReader,
  policy: ListPolicy,
  sink: DiagnosticSink,
): { list: BuiltList; detail: ListDetail } {
  const files: ParsedListFile[] = [];
  for (const file of sources) {
    const bytes = readOrReport(reader, file, sink);
    if (bytes === undefined) continue;
    const parsed = parseListBytes(bytes, file, sink);
    removeExpired(parsed, policy, sink);
    if (policy.kind === 'trusted') checkTrustedWidth(parsed, policy.widestTrustedPrefix, sink);
    files.push(parsed);
  }

  // All files of a list into one pair of arrays, then one sort + merge.
  const total = files.reduce((n, f) => n + f.count, 0);
  const starts = new Uint32Array(total);
  const ends = new Uint32Array(total);
  let at = 0;
  for (const f of files) {
    starts.set(f.starts.subarray(0, f.count), at);
    ends.set(f.ends.subarray(0, f.count), at);
    at += f.count;
  }
  const merged = RangeSet.fromRanges(starts, ends, total);
  // GuardDuty ignores special-purpose addresses: they go, with a warning at each entry holding
  // some. One look at the merged set first, so a clean feed costs no second pass.
  if (merged.intersects(SPECIAL_SET)) for (const f of files) reportIgnoredAddresses(f, sink);
  const set = merged.subtract(SPECIAL_SET);
  const body = renderCanonicalBody(set);
  const anchor = sources[0] ?? 'guardduty.yaml';
  const title = `${LIST_KIND_TITLE[d.kind]} "${d.name}"`;

  const quota = entryQuota(d.kind);
  if (body.entries > quota) {
    sink.error(
      'too-many-entries',
      anchor,
      undefined,
      `${title} has ${body.entries.toLocaleString('en-US')} entries after merging, over GuardDuty's quota of ${quota.toLocaleString('en-US')}` +
        (d.kind === 'trusted' ? '; list wider ranges or move entries out' : '; split the files across more ThreatIntelSets (up to 6)'),
    );
  }
  checkSize(title, anchor, body.bytes, sink);
  if (body.entries === 0 && sources.length > 0) {
    sink.warning('empty-list', anchor, undefined, `${title} has no entries left to upload`);
  }

  const header = [
    `# ${title}: canonical list built by \`threatlists normalize\` from the files below; edit those, not this.`,
    ...sources.map((s) => `# source: ${s}`),
    `# sha256: ${body.sha256} (of the address lines below: the bytes uploaded)`,
    `# entries: ${body.entries} of ${quota} allowed; addresses: ${set.addresses}`,
    '',
  ].join('\n');

  const annotated: AnnotatedSourceEntry[] = [];
  for (const f of files) {
    for (const a of f.annotated) {
      annotated.push({ file: f.file, line: a.line, entry: entryText(f.starts[a.index], f.ends[a.index], f.forms[a.index]), annotations: a.annotations });
    }
  }
  return {
    list: {
      name: d.name,
      kind: d.kind,
      format: 'TXT',
      sources: [...sources],
      body: body.text,
      sha256: body.sha256,
      entries: body.entries,
      addresses: set.addresses,
      canonical: header + body.text,
    },
    detail: { set, annotated, files },
  };
}

/** STIX, OTX_CSV, ALIEN_VAULT, PROOF_POINT and FIRE_EYE go up as they are, after a size check. */
function buildOpaqueList(d: ListDefinition, sources: readonly string[], reader: ListFileReader, sink: DiagnosticSink): { list: BuiltList; detail: ListDetail } {
  const title = `${LIST_KIND_TITLE[d.kind]} "${d.name}"`;
  if (sources.length > 1) {
    sink.error('one-file-per-format', sources[1]!, undefined, `${title} is ${d.format}, which cannot be merged: give it exactly one file (it matches ${sources.length})`);
  }
  const file = sources[0];
  const bytes = file !== undefined ? readOrReport(reader, file, sink) : undefined;
  const body = bytes ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8') : '';
  if (file !== undefined) {
    checkSize(title, file, Buffer.byteLength(body, 'utf8'), sink);
    if (body.trim() === '') sink.warning('empty-list', file, undefined, `${title} is empty`);
  }
  return {
    list: {
      name: d.name,
      kind: d.kind,
      format: d.format,
      sources: file !== undefined ? [file] : [],
      body,
      sha256: sha256Hex(body),
      entries: 0,
      addresses: 0,
      canonical: body,
    },
    detail: { set: RangeSet.EMPTY, annotated: [], files: [] },
  };
}

function checkSize(title: string, file: string, bytes: number, sink: DiagnosticSink): void {
  if (bytes > LIST_QUOTAS.fileBytes) {
    sink.error('too-large', file, undefined, `${title} is ${bytes.toLocaleString('en-US')} bytes, over GuardDuty's 35 MB limit for a list file`);
  }
}

function readOrReport(reader: ListFileReader, file: string, sink: DiagnosticSink): Uint8Array | undefined {
  try {
    return reader.read(file);
  } catch (err) {
    sink.error('unreadable', file, undefined, `cannot read the file: ${(err as Error).message}`);
    return undefined;
  }
}

/** Overlap warnings reported in full; past this, entries are only counted. */
const OVERLAP_DETAIL = 100;

/**
 * A threat entry that is also trusted never raises a finding: GuardDuty lets
 * the trusted IPSet win. Each such threat entry is a warning at its line,
 * naming the trusted entry it collides with.
 */
function reportTrustedOverlap(trusted: ListDetail, list: BuiltList, detail: ListDetail, sink: DiagnosticSink): void {
  const overlap = trusted.set.intersect(detail.set);
  if (overlap.isEmpty) return;
  let reported = 0;
  for (const f of detail.files) {
    for (let k = 0; k < f.count; k++) {
      const start = f.starts[k];
      const end = f.ends[k];
      if (!overlap.overlaps(start, end)) continue;
      reported++;
      const entry = entryText(start, end, f.forms[k]);
      if (reported > OVERLAP_DETAIL) {
        sink.warning('trusted-overlap', f.file, f.lines[k], `${entry} is also trusted`);
        continue;
      }
      const shared = overlap.clip(start, end);
      const where = trustedEntryAt(trusted, shared.starts[0]);
      sink.warning(
        'trusted-overlap',
        f.file,
        f.lines[k],
        `${entry} in ThreatIntelSet "${list.name}" overlaps the trusted list in ${shared.toCidrs(3).join(', ')}${shared.cidrCount > 3 ? ', ...' : ''}` +
          `${where ? ` (${where})` : ''}: GuardDuty ignores those addresses here because trusted IPs win`,
      );
    }
  }
}

/** `threatlists/trusted/office.txt:4 198.51.100.0/24`: the first trusted entry holding an address. */
function trustedEntryAt(trusted: ListDetail, address: number): string | undefined {
  for (const f of trusted.files) {
    for (let k = 0; k < f.count; k++) {
      if (f.starts[k] <= address && address <= f.ends[k]) return `trusted: ${f.file}:${f.lines[k]} ${entryText(f.starts[k], f.ends[k], f.forms[k])}`;
    }
  }
  return undefined;
}
