import type { BuiltList } from './build';
import { entryQuota, LIST_QUOTAS } from './quotas';
import type { ListKind } from './validate';

/** One row of `threatlists stats`. */
export interface ListStats {
  readonly name: string;
  readonly kind: ListKind;
  readonly format: BuiltList['format'];
  readonly sources: number;
  readonly entries: number;
  readonly addresses: number;
  readonly bytes: number;
  readonly entryLimit: number;
  readonly byteLimit: number;
  /** Share of the entry quota (TXT) or of the size limit (other formats), 0..1+. */
  readonly quotaUse: number;
  readonly sha256: string;
}

export function listStats(list: BuiltList): ListStats {
  const bytes = Buffer.byteLength(list.body, 'utf8');
  const entryLimit = entryQuota(list.kind);
  return {
    name: list.name,
    kind: list.kind,
    format: list.format,
    sources: list.sources.length,
    entries: list.entries,
    addresses: list.addresses,
    bytes,
    entryLimit,
    byteLimit: LIST_QUOTAS.fileBytes,
    quotaUse: list.format === 'TXT' ? Math.max(list.entries / entryLimit, bytes / LIST_QUOTAS.fileBytes) : bytes / LIST_QUOTAS.fileBytes,
    sha256: list.sha256,
  };
}
