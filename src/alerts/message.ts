import type { Partition } from '../regions/catalog';

/** What an alert carries: short, one readable line (shortAlertMessage); full, the finding JSON. */
export const ALERT_MESSAGE_FORMATS = ['short', 'full'] as const;
export type AlertMessageFormat = (typeof ALERT_MESSAGE_FORMATS)[number];

/** An EventBridge input transformer: a short, human line per finding for email alerts. */
export interface InputTransformer {
  readonly inputPaths: Readonly<Record<string, string>>;
  readonly inputTemplate: string;
}

const CONSOLE_HOST: Readonly<Record<Partition, string>> = {
  aws: 'console.aws.amazon.com',
  'aws-us-gov': 'console.amazonaws-us-gov.com',
  'aws-cn': 'console.amazonaws.cn',
};

export function shortAlertMessage(partition: Partition): InputTransformer {
  return {
    inputPaths: {
      type: '$.detail.type',
      severity: '$.detail.severity',
      account: '$.detail.accountId',
      region: '$.detail.region',
      resource: '$.detail.resource.resourceType',
      title: '$.detail.title',
      id: '$.detail.id',
    },
    // A quoted template is one JSON string, not an object: subscribers read one line of text (between the quotes, which they
    // receive too: terraform-provider-aws issue 43253).
    inputTemplate:
      '"GuardDuty finding, severity <severity>: <type> in account <account>, <region> (<resource>). <title> ' +
      `https://<region>.${CONSOLE_HOST[partition]}/guardduty/home?region=<region>#/findings?macros=current&fId=<id>"`,
  };
}

/**
 * The short alert for a Malware Protection for S3 scan result with threats
 * found: which object, where, and the first threat's name. A scan result
 * has none of a finding's fields (GuardDuty user guide, "Monitoring S3
 * object scans with Amazon EventBridge"); `account` and `region` are the
 * bucket's, kept when the event is forwarded. Input paths may index arrays
 * (EventBridge user guide, "Amazon EventBridge input transformation"). The
 * object key is whatever the uploader named it and EventBridge places it
 * unescaped (same guide, Common Issues): a key with a quote or backslash is
 * left to the log group (docs/malware-protection.md).
 */
export function shortScanResultMessage(): InputTransformer {
  return {
    inputPaths: {
      bucket: '$.detail.s3ObjectDetails.bucketName',
      key: '$.detail.s3ObjectDetails.objectKey',
      threat: '$.detail.scanResultDetails.threats[0].name',
      account: '$.account',
      region: '$.region',
      time: '$.time',
    },
    // A quoted template is one JSON string, not an object: subscribers read one line of text (between the quotes, which they
    // receive too: terraform-provider-aws issue 43253).
    inputTemplate:
      '"GuardDuty Malware Protection for S3 found a threat (<threat>) in s3://<bucket>/<key>, account <account>, <region>, at <time>. ' +
      'The findings log group has the whole scan result."',
  };
}
