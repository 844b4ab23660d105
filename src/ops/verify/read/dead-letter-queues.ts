import { GetQueueAttributesCommand, GetQueueUrlCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { LiveQueue } from '../checks/delivery-failures';

/**
 * Each dead-letter queue's URL and depth: GetQueueUrl by name, then
 * GetQueueAttributes(ApproximateNumberOfMessages), the messages available
 * to read. A queue GetQueueUrl does not find is `missing`.
 */
export async function readDeadLetterQueues(client: SQSClient, names: readonly string[]): Promise<LiveQueue[]> {
  return Promise.all(
    names.map(async (name): Promise<LiveQueue> => {
      let url: string | undefined;
      try {
        url = (await client.send(new GetQueueUrlCommand({ QueueName: name }))).QueueUrl;
      } catch (err) {
        if (isQueueDoesNotExist(err)) return { name, state: 'missing' };
        throw err;
      }
      if (!url) return { name, state: 'missing' };
      const out = await client.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['ApproximateNumberOfMessages'] }));
      return { name, state: 'present', url, messages: Number(out.Attributes?.ApproximateNumberOfMessages ?? '0') };
    }),
  );
}

/** SQS's error for an unknown queue name: QueueDoesNotExist (the JSON protocol) or, in the older query protocol, AWS.SimpleQueueService.NonExistentQueue. */
function isQueueDoesNotExist(err: unknown): boolean {
  const { name, Code } = (typeof err === 'object' && err !== null ? err : {}) as { name?: unknown; Code?: unknown };
  return name === 'QueueDoesNotExist' || name === 'AWS.SimpleQueueService.NonExistentQueue' || Code === 'AWS.SimpleQueueService.NonExistentQueue';
}
