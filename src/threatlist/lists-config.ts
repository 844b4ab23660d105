import type { ListPolicy } from './validate';

/**
 * What the list builder and `threatlists fetch` read: the lists, their
 * policy and the feeds, every default already filled in (the config's
 * `threatLists` section has this shape).
 */
export interface ThreatListsConfig {
  /** The one trusted IPSet; every file listed merges into it. */
  readonly trusted?: { readonly name: string; readonly files: readonly string[] };
  /** ThreatIntelSets. */
  readonly threat: readonly { readonly name: string; readonly files: readonly string[]; readonly format: ThreatListFormat }[];
  readonly policy: Pick<ListPolicy, 'expiredEntries' | 'widestTrustedPrefix'>;
  readonly feeds: readonly FeedConfig[];
}

/** GuardDuty's IPSet and ThreatIntelSet formats. TXT lists are validated and normalized; the others are uploaded as they are. */
export const THREAT_LIST_FORMATS = ['TXT', 'STIX', 'OTX_CSV', 'ALIEN_VAULT', 'PROOF_POINT', 'FIRE_EYE'] as const;
export type ThreatListFormat = (typeof THREAT_LIST_FORMATS)[number];

/** A third-party feed `threatlists fetch` downloads into a threat list file. */
export interface FeedConfig {
  readonly name: string;
  readonly url: string;
  readonly format: ThreatListFormat;
  readonly licence: string;
  /** Refuse a download with more entries. */
  readonly maxEntries: number;
}
