import type { BackendConfig, GuardDutyConfig } from '../config/schema';
import { type RegionFeatures, resolveDetectorFeatures } from '../features/resolve';
import { HOME_STACK_NAME, localStatePath, regionalStackName, stateObjectKey, workspaceName } from '../naming';
import type { Partition } from '../regions/catalog';
import { resolveRegions } from '../regions/resolve';

/** How a stack's AWS provider reaches its account and region. */
export interface ProviderPlan {
  readonly region: string;
  readonly accountId: string;
  readonly assumeRoleArn?: string;
  readonly defaultTags: Readonly<Record<string, string>>;
}

export type BackendPlan =
  | { readonly type: 'local'; readonly path: string }
  | { readonly type: 's3'; readonly bucket: string; readonly key: string; readonly region: string; readonly useLockfile: boolean; readonly roleArn?: string }
  | { readonly type: 'cloud'; readonly organization: string; readonly workspace: string; readonly hostname: string };

interface StackPlanBase {
  /** Stack name: also the cdktf.out folder and the state key. */
  readonly name: string;
  readonly partition: Partition;
  readonly provider: ProviderPlan;
  readonly backend: BackendPlan;
}

/** The admin account's home region: shared resources. */
export interface HomeStackPlan extends StackPlanBase {
  readonly kind: 'home';
}

export interface DetectorPlan extends RegionFeatures {
  readonly findingPublishingFrequency: GuardDutyConfig['detector']['findingPublishingFrequency'];
  /** Destroying a detector deletes its findings. */
  readonly preventDestroy: boolean;
  /** Existing detector id to import instead of creating one. */
  readonly importId?: string;
}

/** One enabled region of the admin account. */
export interface RegionalStackPlan extends StackPlanBase {
  readonly kind: 'regional';
  readonly region: string;
  /** Stacks deployed first; never another regional stack. */
  readonly dependsOn: readonly string[];
  readonly detector: DetectorPlan;
}

export interface EstatePlan {
  readonly home: HomeStackPlan;
  readonly regional: readonly RegionalStackPlan[];
  /** Things worth telling the user that do not stop synth. */
  readonly warnings: readonly string[];
}

export function backendPlan(backend: BackendConfig, stackName: string): BackendPlan {
  switch (backend.type) {
    case 'local':
      return { type: 'local', path: localStatePath(backend.directory, stackName) };
    case 's3':
      return {
        type: 's3',
        bucket: backend.bucket,
        key: stateObjectKey(backend.keyPrefix, stackName),
        region: backend.region,
        useLockfile: backend.useLockfile,
        ...(backend.roleArn ? { roleArn: backend.roleArn } : {}),
      };
    case 'cloud':
      return { type: 'cloud', organization: backend.organization, workspace: workspaceName(backend.workspacePrefix, stackName), hostname: backend.hostname };
  }
}

/** Decides accounts x regions x stacks from a validated config. Pure: no I/O. */
export function planEstate(config: GuardDutyConfig): EstatePlan {
  const admin = config.accounts.admin;
  const provider = (region: string): ProviderPlan => ({
    region,
    accountId: admin.accountId,
    ...(admin.assumeRoleArn ? { assumeRoleArn: admin.assumeRoleArn } : {}),
    defaultTags: config.tags,
  });
  const home: HomeStackPlan = {
    kind: 'home',
    name: HOME_STACK_NAME,
    partition: config.partition,
    provider: provider(config.homeRegion),
    backend: backendPlan(config.backend, HOME_STACK_NAME),
  };
  const warnings: string[] = [];
  const regional = resolveRegions(config.regions, config.partition).map((region): RegionalStackPlan => {
    const name = regionalStackName(region);
    const features = resolveDetectorFeatures(config.detector.features, region);
    for (const skip of features.skipped.filter((s) => s.wanted)) {
      warnings.push(`${name}: ${skip.reason}; the feature is skipped there`);
    }
    const importId = config.existingDetectors[region];
    return {
      kind: 'regional',
      name,
      region,
      partition: config.partition,
      provider: provider(region),
      backend: backendPlan(config.backend, name),
      dependsOn: [home.name],
      detector: {
        ...features,
        findingPublishingFrequency: config.detector.findingPublishingFrequency,
        preventDestroy: !config.detector.allowDestroy,
        ...(importId ? { importId } : {}),
      },
    };
  });
  return { home, regional, warnings };
}
