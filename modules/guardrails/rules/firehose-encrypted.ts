import type { GuardrailRule } from '../model';

/** Findings in transit through Firehose are encrypted at rest in the stream. */
export const FirehoseEncrypted: GuardrailRule = {
  id: 'GD-FH-1',
  description: 'Every Kinesis Data Firehose stream has server_side_encryption enabled.',
  appliesTo: ['aws_kinesis_firehose_delivery_stream'],
  check(stream) {
    const sse = stream.attributes.server_side_encryption as { enabled?: boolean } | undefined;
    return sse?.enabled === true ? [] : ['stream is not encrypted (server_side_encryption.enabled)'];
  },
};
