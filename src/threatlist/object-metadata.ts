import type { ListKind } from './validate';

/**
 * Provenance of an uploaded list object. It goes into S3 user-defined
 * metadata, not object tags: S3 allows 10 tags per object, keys of 128 and
 * values of 256 characters from a small alphabet (S3 User Guide,
 * "Categorizing your objects using tags"), the provider's `default_tags`
 * count against the 10 (`tags_all`), and the list of source files grows
 * with the file count.
 */

/**
 * Tag keys this project sets itself on a list object: none, so the config's
 * `tags` (the provider's default_tags) may use all 10 of S3's object tags.
 * `src/config` checks the config's tags against this.
 */
export const LIST_OBJECT_TAG_KEYS: readonly string[] = [];

/**
 * S3 User Guide, "Working with object metadata" (user-defined): in the PUT
 * request header, user-defined metadata is limited to 2 KB, measured as the
 * UTF-8 bytes of each key and value. The guide says neither KB nor KiB and
 * whether the `x-amz-meta-` prefix counts: 2,000 bytes with the prefix
 * counted fits every reading.
 */
export const S3_USER_METADATA_MAX_BYTES = 2000;
const HEADER_PREFIX = 'x-amz-meta-';

export interface ListProvenance {
  readonly listName: string;
  readonly kind: ListKind;
  readonly sha256: string;
  readonly entries: number;
  /** Project-relative paths of the files merged into the list. */
  readonly sources: readonly string[];
}

/** Bytes a metadata entry takes in the PUT request, as counted against the 2 KB. */
export function metadataEntryBytes(key: string, value: string): number {
  return Buffer.byteLength(HEADER_PREFIX + key, 'utf8') + Buffer.byteLength(value, 'utf8');
}

export function metadataBytes(metadata: Readonly<Record<string, string>>): number {
  return Object.entries(metadata).reduce((sum, [k, v]) => sum + metadataEntryBytes(k, v), 0);
}

/**
 * A metadata value is an HTTP header value: S3 returns metadata only in
 * US-ASCII over REST (non-printable entries come back as
 * `x-amz-missing-meta`). Bytes outside printable ASCII, `%` and the space
 * (which separates paths) are percent-encoded.
 */
function headerSafe(text: string): string {
  return text.replace(/[^\x21-\x24\x26-\x7e]/gu, (c) =>
    [...Buffer.from(c, 'utf8')].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
  );
}

/**
 * The object's metadata: list, kind, sha256, entries, source-count and as
 * many source paths (in their sorted order) as fit in S3's 2 KB; paths that
 * do not fit are counted, `... (+N more)`, so the result is deterministic
 * and always fits. Keys are lowercase ASCII: S3 returns metadata keys in
 * lowercase, and the provider's `metadata` argument supports only
 * lowercase labels (aws_s3_object docs).
 */
export function listObjectMetadata(list: ListProvenance): Record<string, string> {
  const fixed: Record<string, string> = {
    list: list.listName,
    kind: list.kind,
    sha256: list.sha256,
    entries: String(list.entries),
    'source-count': String(list.sources.length),
  };
  const budget = S3_USER_METADATA_MAX_BYTES - metadataBytes(fixed);
  const paths = list.sources.map(headerSafe);
  const value = (shown: number) => {
    const omitted = paths.length - shown;
    return [...paths.slice(0, shown), ...(omitted > 0 ? [`(+${omitted} more)`] : [])].join(' ');
  };
  let shown = 0;
  while (shown < paths.length && metadataEntryBytes('sources', value(shown + 1)) <= budget) shown++;
  return { ...fixed, sources: value(shown) };
}
