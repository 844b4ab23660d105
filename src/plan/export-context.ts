import type { GuardDutyConfig } from '../config/schema';
import { severityThreshold } from '../findings/severity';
import { findingsBusName } from '../naming';
import type { Partition } from '../regions/catalog';
import { arn } from '../regions/principals';

/** What every findings-export capability plans from: the admin account's home region and its bus. */
export interface ExportContext {
  readonly partition: Partition;
  readonly prefix: string;
  readonly homeRegion: string;
  readonly accountId: string;
  readonly busName: string;
  readonly busArn: string;
  /** `export.minSeverity` as a number: the regional rules forward nothing below it. */
  readonly minSeverity: number;
  busRuleArn(ruleName: string): string;
  iamRoleArn(roleName: string): string;
}

export function exportContext(config: GuardDutyConfig): ExportContext {
  const { partition, prefix, homeRegion } = config;
  const accountId = config.accounts.admin.accountId;
  const busName = findingsBusName(prefix);
  return {
    partition,
    prefix,
    homeRegion,
    accountId,
    busName,
    busArn: arn(partition, 'events', homeRegion, accountId, `event-bus/${busName}`),
    minSeverity: severityThreshold(config.export.minSeverity),
    busRuleArn: (ruleName) => arn(partition, 'events', homeRegion, accountId, `rule/${busName}/${ruleName}`),
    iamRoleArn: (roleName) => `arn:${partition}:iam::${accountId}:role/${roleName}`,
  };
}
