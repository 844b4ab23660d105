import { GetDetectorCommand, type GuardDutyClient } from '@aws-sdk/client-guardduty';
import type { LiveDetector } from '../checks/detector';

export async function readDetector(client: GuardDutyClient, detectorId: string): Promise<LiveDetector> {
  const out = await client.send(new GetDetectorCommand({ DetectorId: detectorId }));
  return {
    detectorId,
    ...(out.Status ? { status: out.Status } : {}),
    ...(out.FindingPublishingFrequency ? { findingPublishingFrequency: out.FindingPublishingFrequency } : {}),
    features: (out.Features ?? []).map((f) => ({
      name: f.Name ?? '',
      ...(f.Status ? { status: f.Status } : {}),
      additionalConfiguration: (f.AdditionalConfiguration ?? []).map((c) => ({ name: c.Name ?? '', ...(c.Status ? { status: c.Status } : {}) })),
    })),
  };
}
