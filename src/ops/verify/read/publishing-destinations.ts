import { DescribePublishingDestinationCommand, type GuardDutyClient, paginateListPublishingDestinations } from '@aws-sdk/client-guardduty';
import type { LivePublishingDestination } from '../checks/publishing-destination';

export async function readPublishingDestinations(client: GuardDutyClient, detectorId: string): Promise<LivePublishingDestination[]> {
  const destinations: LivePublishingDestination[] = [];
  for await (const page of paginateListPublishingDestinations({ client }, { DetectorId: detectorId })) {
    for (const listed of page.Destinations ?? []) {
      const id = listed.DestinationId ?? '';
      // The list omits the destination's bucket and key: describe each one.
      const d = await client.send(new DescribePublishingDestinationCommand({ DetectorId: detectorId, DestinationId: id }));
      destinations.push({
        destinationId: id,
        ...(d.DestinationType ? { destinationType: d.DestinationType } : {}),
        ...(d.Status ? { status: d.Status } : {}),
        ...(d.DestinationProperties?.DestinationArn ? { destinationArn: d.DestinationProperties.DestinationArn } : {}),
        ...(d.DestinationProperties?.KmsKeyArn ? { kmsKeyArn: d.DestinationProperties.KmsKeyArn } : {}),
      });
    }
  }
  return destinations;
}
