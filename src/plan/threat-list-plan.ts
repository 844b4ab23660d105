import type { GuardDutyConfig } from '../config/schema';
import type { ThreatListFormat } from '../threatlist/lists-config';
import { ipListSetName, listBucketName, listLocation, listObjectKey } from '../naming';
import type { BuiltList } from '../threatlist/build';
import { listObjectMetadata } from '../threatlist/object-metadata';
import type { ListKind } from '../threatlist/validate';
import { tlsOnlyBucketPolicy } from '../policy/statements';
import type { PolicyTemplate } from '../policy/template';

/** One uploaded list object in the home stack. */
export interface ListObjectPlan {
  readonly listName: string;
  readonly kind: ListKind;
  readonly key: string;
  readonly body: string;
  readonly sha256: string;
  readonly entries: number;
  readonly sources: readonly string[];
  /** Provenance as S3 user-defined metadata (not tags: S3 allows 10 per object, default_tags included). */
  readonly metadata: Readonly<Record<string, string>>;
}

/** One IPSet (trusted) or ThreatIntelSet in a regional stack. */
export interface IpListSetPlan {
  readonly kind: ListKind;
  /** GuardDuty name of the set. */
  readonly name: string;
  readonly format: ThreatListFormat;
  readonly location: string;
  /** A new hash replaces the set, which is what makes GuardDuty read the new list. */
  readonly sha256: string;
}

export interface ThreatListPlan {
  readonly bucketName: string;
  readonly bucketPolicy: PolicyTemplate<'bucketArn'>;
  readonly objects: readonly ListObjectPlan[];
  readonly sets: readonly IpListSetPlan[];
}

/** Where the built lists go: one bucket in the home region, a set per list in every region. */
export function planThreatLists(config: GuardDutyConfig, lists: readonly BuiltList[]): ThreatListPlan | undefined {
  if (!config.threatLists || lists.length === 0) return undefined;
  const bucketName = listBucketName(config.prefix, config.accounts.admin.accountId, config.homeRegion);
  const objects = lists.map((l): ListObjectPlan => ({
    listName: l.name,
    kind: l.kind,
    key: listObjectKey(l.name, l.sha256),
    body: l.body,
    sha256: l.sha256,
    entries: l.entries,
    sources: l.sources,
    metadata: listObjectMetadata({ listName: l.name, kind: l.kind, sha256: l.sha256, entries: l.entries, sources: l.sources }),
  }));
  const sets = lists.map((l, i) => ({
    kind: l.kind,
    name: ipListSetName(config.prefix, l.name),
    format: l.format,
    location: listLocation(config.partition, bucketName, objects[i]!.key),
    sha256: l.sha256,
  }));
  return { bucketName, bucketPolicy: tlsOnlyBucketPolicy([]), objects, sets };
}
