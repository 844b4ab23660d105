import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { Construct } from 'constructs';
import { alertsKeyPolicy } from '../../src/alerts/policies';
import { policyJson } from '../../src/policy/document';
import type { Partition } from '../../src/regions/catalog';

export interface AlertsKeyProps {
  readonly partition: Partition;
  readonly accountId: string;
  readonly alias: string;
}

/** The KMS key of the alert topics; EventBridge needs it to publish to them. */
export class AlertsKey extends Construct {
  public readonly key: KmsKey;

  constructor(scope: Construct, id: string, props: AlertsKeyProps) {
    super(scope, id);
    this.key = new KmsKey(this, 'Resource', {
      description: 'Encrypts GuardDuty alert topics',
      enableKeyRotation: true,
      deletionWindowInDays: 30,
      policy: policyJson(alertsKeyPolicy(props.partition, props.accountId)),
    });
    new KmsAlias(this, 'Alias', { name: props.alias, targetKeyId: this.key.keyId });
  }
}
