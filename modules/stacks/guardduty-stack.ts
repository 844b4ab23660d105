import { TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import type { BackendPlan, ProviderPlan } from '../../src/plan/plan';
import { addAwsProvider } from './aws-provider';
import { addBackend } from './backend';
import { withStaticTerraformVersionChecks } from './terraform-version';

/** Every stack of the estate: one account and region, its own state. */
export abstract class GuardDutyStack extends TerraformStack {
  private readonly terraformVersion: string;

  constructor(
    scope: Construct,
    plan: { readonly name: string; readonly provider: ProviderPlan; readonly backend: BackendPlan; readonly terraformVersion: string },
  ) {
    super(scope, plan.name);
    this.terraformVersion = plan.terraformVersion;
    // cdktf 0.21 has no stack-level setting for it; Terraform reads terraform.required_version.
    this.addOverride('terraform.required_version', plan.terraformVersion);
    addAwsProvider(this, plan.provider);
    addBackend(this, plan.backend);
  }

  public override runAllValidations(): void {
    withStaticTerraformVersionChecks(this.terraformVersion, () => super.runAllValidations());
  }
}
