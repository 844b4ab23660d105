import type { InputTransformer } from '../alerts/message';

/**
 * The short tamper alert: who called what, where and when, one line for
 * email. `account` and `region` are where the call was made (the event
 * keeps them when forwarded); the CloudTrail event id finds the full record.
 */
export function shortTamperMessage(): InputTransformer {
  return {
    inputPaths: {
      eventName: '$.detail.eventName',
      eventSource: '$.detail.eventSource',
      principal: '$.detail.userIdentity.arn',
      account: '$.account',
      region: '$.region',
      time: '$.time',
      eventId: '$.detail.eventID',
    },
    // A quoted template is one JSON string, not an object: subscribers read one line of text (between the quotes, which they
    // receive too: terraform-provider-aws issue 43253).
    inputTemplate:
      '"GuardDuty tamper alert: <eventName> (<eventSource>) by <principal> in account <account>, <region>, at <time>. ' +
      'Detection may be turned down; CloudTrail event <eventId> has the request."',
  };
}
