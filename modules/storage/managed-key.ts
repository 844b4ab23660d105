import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { Construct } from 'constructs';
import type { PolicyDocument } from '../../src/policy/document';
import { renderPolicy } from '../../src/policy/template';

export interface ManagedKeyProps {
  readonly description: string;
  /** `alias/...`: how other stacks find the key (its ARN holds a UUID). */
  readonly alias: string;
  /** The key policy: account administration plus the services that use the key. */
  readonly policy: PolicyDocument;
  /** @default - the provider's region */
  readonly region?: string;
}

/** A KMS key of this project: rotating yearly, 30 days to cancel a deletion, reachable by alias. */
export class ManagedKey extends Construct {
  public readonly key: KmsKey;

  constructor(scope: Construct, id: string, props: ManagedKeyProps) {
    super(scope, id);
    const region = props.region ? { region: props.region } : {};
    this.key = new KmsKey(this, 'Resource', {
      ...region,
      description: props.description,
      enableKeyRotation: true,
      deletionWindowInDays: 30,
      policy: renderPolicy(props.policy),
    });
    new KmsAlias(this, 'Alias', { ...region, name: props.alias, targetKeyId: this.key.keyId });
  }
}
