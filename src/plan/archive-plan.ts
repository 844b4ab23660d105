import type { GuardDutyConfig } from '../config/schema';
import type { ArchiveStorageClass } from '../export/archive';
import { findingsBucketStatements, findingsKeyPolicy, type PublishingSource } from '../export/policies';
import { findingsBucketName, findingsKeyAlias } from '../naming';
import type { PolicyDocument } from '../policy/document';
import { tlsOnlyBucketPolicy } from '../policy/statements';
import { type PolicyTemplate, slot } from '../policy/template';
import type { ExportContext } from './export-context';

/** GuardDuty's S3 publishing destination: one bucket and key in the home region. */
export interface ArchivePlan {
  readonly bucketName: string;
  readonly keyAlias: string;
  readonly transitionDays: number;
  readonly storageClass: ArchiveStorageClass;
  readonly expireDays: number;
  readonly keyPolicy: PolicyDocument;
  readonly bucketPolicy: PolicyTemplate<'bucketArn' | 'keyArn'>;
}

/** The bucket every region's detector exports to; principals and conditions name each exporting region. */
export function planArchive(ctx: ExportContext, config: GuardDutyConfig['export']['s3'], regions: readonly string[]): ArchivePlan | undefined {
  if (!config.enabled) return undefined;
  const source: PublishingSource = { partition: ctx.partition, accountId: ctx.accountId, regions };
  return {
    bucketName: findingsBucketName(ctx.prefix, ctx.accountId, ctx.homeRegion),
    keyAlias: findingsKeyAlias(ctx.prefix),
    transitionDays: config.transitionDays,
    storageClass: config.storageClass,
    expireDays: config.expireDays,
    keyPolicy: findingsKeyPolicy(source),
    bucketPolicy: tlsOnlyBucketPolicy(findingsBucketStatements(source, slot('bucketArn'), slot('keyArn')), 'keyArn'),
  };
}
