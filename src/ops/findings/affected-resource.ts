import type { Resource } from '@aws-sdk/client-guardduty';

/** The resource a finding is about, as one printable identity: `Instance i-0abc`. */
export interface AffectedResource {
  readonly type: string;
  readonly id: string;
}

export function affectedResource(resource: Resource | undefined): AffectedResource {
  const r = resource ?? {};
  const type = r.ResourceType ?? 'Unknown';
  const id =
    r.InstanceDetails?.InstanceId ??
    (r.AccessKeyDetails ? [r.AccessKeyDetails.UserName, r.AccessKeyDetails.AccessKeyId && `(${r.AccessKeyDetails.AccessKeyId})`].filter(Boolean).join(' ') : undefined) ??
    r.S3BucketDetails?.[0]?.Name ??
    r.EksClusterDetails?.Name ??
    r.EcsClusterDetails?.Name ??
    r.LambdaDetails?.FunctionName ??
    r.RdsDbInstanceDetails?.DbInstanceIdentifier ??
    r.RdsLimitlessDbDetails?.DbShardGroupIdentifier ??
    r.ContainerDetails?.Name ??
    r.KubernetesDetails?.KubernetesWorkloadDetails?.Name ??
    r.EbsSnapshotDetails?.SnapshotArn ??
    r.Ec2ImageDetails?.ImageArn ??
    r.RecoveryPointDetails?.RecoveryPointArn;
  return { type, id: id || '-' };
}

export function formatResource(resource: AffectedResource): string {
  return `${resource.type} ${resource.id}`;
}
