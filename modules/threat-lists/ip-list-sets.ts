import { GuarddutyIpset } from '@cdktf/provider-aws/lib/guardduty-ipset';
import { GuarddutyThreatintelset } from '@cdktf/provider-aws/lib/guardduty-threatintelset';
import { DataResource } from 'cdktf';
import { Construct } from 'constructs';
import type { IpListSetPlan } from '../../src/plan/threat-list-plan';
import { resourceAddress } from '../terraform/address';

export interface IpListSetsProps {
  readonly detectorId: string;
  /** At most one trusted set (GuardDuty allows one IPSet) and six threat sets. */
  readonly sets: readonly IpListSetPlan[];
}

/**
 * The trusted IPSet and ThreatIntelSets of one region's detector. GuardDuty
 * reads a list only when its set is activated, and the provider re-sends
 * `activate` only when that argument changes: a new location alone is not
 * proven to reload the list. So each set is replaced when its content hash
 * changes (replace_triggered_by a terraform_data holding the hash), which
 * guarantees a fresh activation and shows as a replacement in review.
 */
export class IpListSets extends Construct {
  constructor(scope: Construct, id: string, props: IpListSetsProps) {
    super(scope, id);
    for (const set of props.sets) {
      const version = new DataResource(this, `${set.name}-version`, { triggersReplace: { sha256: set.sha256 } });
      const config = {
        detectorId: props.detectorId,
        name: set.name,
        format: set.format,
        location: set.location,
        activate: true,
        lifecycle: { replaceTriggeredBy: [resourceAddress(version)] },
      };
      if (set.kind === 'trusted') new GuarddutyIpset(this, set.name, config);
      else new GuarddutyThreatintelset(this, set.name, config);
    }
  }
}
