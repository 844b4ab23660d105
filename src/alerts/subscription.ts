/** SNS protocols an alert topic may deliver over: never plain http or sms, so findings travel encrypted. */
export const ALERT_PROTOCOLS = ['email', 'https', 'lambda'] as const;
export type AlertProtocol = (typeof ALERT_PROTOCOLS)[number];

/** One subscription of an alert topic this project creates. */
export interface AlertSubscription {
  readonly protocol: AlertProtocol;
  /** Email address, https URL or Lambda function ARN. */
  readonly endpoint: string;
}
