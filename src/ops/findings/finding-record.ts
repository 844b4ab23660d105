import type { Finding } from '@aws-sdk/client-guardduty';
import { type AffectedResource, affectedResource } from './affected-resource';
import { type MaliciousObject, maliciousObjectOf } from './malicious-object';
import { type PortProbe, portProbeOf } from './port-probe';
import { isSampleFinding } from './sample-finding';
import { type SeverityBand, severityBand } from './severity';

/** The part of a finding the reports use; the JSON output lists these. */
export interface FindingRecord {
  /** The region whose detector holds the finding. */
  readonly region: string;
  readonly accountId: string;
  readonly id: string;
  readonly type: string;
  readonly severity: number;
  readonly band: SeverityBand;
  readonly title: string;
  readonly resource: AffectedResource;
  /** Occurrences aggregated into this finding. */
  readonly count: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly archived: boolean;
  readonly sample: boolean;
  readonly portProbe?: PortProbe;
  /** Object:S3/MaliciousFile: the bucket and object. */
  readonly maliciousObject?: MaliciousObject;
}

export function toFindingRecord(finding: Finding, region: string): FindingRecord {
  const severity = finding.Severity ?? 0;
  const portProbe = portProbeOf(finding);
  const maliciousObject = maliciousObjectOf(finding);
  return {
    region,
    accountId: finding.AccountId ?? '',
    id: finding.Id ?? '',
    type: finding.Type ?? '',
    severity,
    band: severityBand(severity),
    title: finding.Title ?? '',
    resource: affectedResource(finding.Resource),
    count: finding.Service?.Count ?? 1,
    createdAt: finding.CreatedAt ?? '',
    updatedAt: finding.UpdatedAt ?? '',
    archived: finding.Service?.Archived ?? false,
    sample: isSampleFinding({ title: finding.Title, additionalInfo: finding.Service?.AdditionalInfo }),
    ...(portProbe ? { portProbe } : {}),
    ...(maliciousObject ? { maliciousObject } : {}),
  };
}
