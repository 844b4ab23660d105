import { LambdaPermission } from '@cdktf/provider-aws/lib/lambda-permission';
import { SnsTopicSubscription } from '@cdktf/provider-aws/lib/sns-topic-subscription';
import type { Construct } from 'constructs';
import type { AlertSubscription } from '../../src/alerts/subscription';

export interface TopicSubscription extends AlertSubscription {
  /** A Lambda function's region, when it differs from the stack's provider (per-resource `region`). */
  readonly functionRegion?: string;
}

/**
 * The topic's subscriptions, each under `scope` as `Subscription<i>`; a
 * Lambda endpoint also gets the permission SNS needs to invoke it, pinned
 * to this topic and account (confused deputy).
 */
export function subscribeToTopic(scope: Construct, topicArn: string, accountId: string, subscriptions: readonly TopicSubscription[], topicRegion?: string): void {
  subscriptions.forEach((s, i) => {
    new SnsTopicSubscription(scope, `Subscription${i}`, { ...(topicRegion ? { region: topicRegion } : {}), topicArn, protocol: s.protocol, endpoint: s.endpoint });
    if (s.protocol === 'lambda') {
      new LambdaPermission(scope, `InvokePermission${i}`, {
        ...(s.functionRegion ? { region: s.functionRegion } : {}),
        functionName: s.endpoint,
        action: 'lambda:InvokeFunction',
        principal: 'sns.amazonaws.com',
        sourceArn: topicArn,
        sourceAccount: accountId,
      });
    }
  });
}
