import { type CheckResult, result } from '../check-result';
import type { ListKind } from '../../../threatlist/validate';
import type { ExpectedIpSet } from '../expectations';
import { sameListObject, shortLocation } from './list-location';

/** The trusted IPSet or a ThreatIntelSet as GetIPSet / GetThreatIntelSet report it. */
export interface LiveIpSet {
  readonly kind: ListKind;
  readonly id: string;
  readonly name: string;
  readonly location: string;
  /** ACTIVATING | ACTIVE | DEACTIVATING | DELETED | DELETE_PENDING | ERROR | INACTIVE */
  readonly status: string;
}

/** On their way to the configured state: a fresh set activates in ~15 minutes, up to 40 (AWS). */
const SETTLING = new Set(['ACTIVATING']);
/** On their way out: an unlisted set being deleted is not drift. */
const LEAVING = new Set(['DEACTIVATING', 'DELETE_PENDING', 'DELETED']);

const subject = (set: { kind: string; name: string }) => `${set.kind} ${set.name}`;

/**
 * Every listed set ACTIVE at its expected (content-hashed) location; a set
 * ACTIVE at an older location is a list GuardDuty has not re-read. Live
 * sets the config does not list are drift too: the one trusted IPSet slot
 * and the six ThreatIntelSet slots are the config's to fill.
 */
export function checkIpSets(expected: readonly ExpectedIpSet[], live: readonly LiveIpSet[]): CheckResult[] {
  const results = expected.map((want): CheckResult => {
    const wanted = `ACTIVE at ${shortLocation(want.location)}`;
    const found = live.find((set) => set.kind === want.kind && set.name === want.name && !LEAVING.has(set.status));
    if (!found) return result('ip-set', subject(want), wanted, '(none)', 'drift');
    const atLocation = sameListObject(found.location, want.location);
    const shown = `${found.status} at ${shortLocation(found.location)}`;
    if (atLocation && found.status === 'ACTIVE') return result('ip-set', subject(want), wanted, shown, 'ok');
    if (atLocation && SETTLING.has(found.status)) return result('ip-set', subject(want), wanted, shown, 'pending');
    return result('ip-set', subject(want), wanted, shown, 'drift');
  });
  const unlisted = live.filter((set) => !expected.some((want) => want.kind === set.kind && want.name === set.name) && set.status !== 'DELETED');
  for (const set of unlisted) {
    results.push(result('ip-set', subject(set), '(not in config)', `${set.status} at ${shortLocation(set.location)}`, LEAVING.has(set.status) ? 'pending' : 'drift'));
  }
  return results;
}
