import { TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import type { BackendPlan, ProviderPlan } from '../../src/stacks/plan';
import { addAwsProvider } from './aws-provider';
import { addBackend } from './backend';

/** Every stack of the estate: one account and region, its own state. */
export abstract class GuardDutyStack extends TerraformStack {
  constructor(scope: Construct, plan: { readonly name: string; readonly provider: ProviderPlan; readonly backend: BackendPlan }) {
    super(scope, plan.name);
    addAwsProvider(this, plan.provider);
    addBackend(this, plan.backend);
  }
}
