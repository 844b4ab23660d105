import { TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import type { HomeStackPlan } from '../../src/stacks/plan';
import { addAwsProvider } from './aws-provider';
import { addBackend } from './backend';

/**
 * The admin account's home region. Shared resources land here (list bucket,
 * findings bucket and key, event bus, IAM roles) as their capabilities are
 * added; every regional stack depends on it.
 */
export class HomeStack extends TerraformStack {
  constructor(scope: Construct, plan: HomeStackPlan) {
    super(scope, plan.name);
    addAwsProvider(this, plan.provider);
    addBackend(this, plan.backend);
  }
}
