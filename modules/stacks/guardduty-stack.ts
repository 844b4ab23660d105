import { TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import type { BackendPlan, ProviderPlan } from '../../src/plan/plan';
import { addAwsProvider } from './aws-provider';
import { addBackend } from './backend';
import { withStaticTerraformVersionChecks } from './terraform-version';

/** Every stack of the estate: one account and region, its own state. */
export abstract class GuardDutyStack extends TerraformStack {
  private readonly terraformVersion: string;
  /** The construct count `prepareStack()` last ran for. */
  private preparedFor?: number;
  /** The last `toTerraform()` result and the construct count it was computed for. */
  private resolved?: { readonly constructs: number; readonly json: Record<string, unknown> };

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

  /**
   * main.ts prepares and resolves every stack for the guardrails before any
   * file is written, then `app.synth()` prepares and resolves each stack
   * again: resolving was a third of a synth. Preparing (it may add
   * cross-stack outputs) runs once; the resolved JSON is kept until a
   * construct is added. The only aspect on these stacks, the guardrails',
   * reads and never mutates, so nothing else can change the tree in between.
   */
  public override prepareStack(): void {
    if (this.preparedFor === this.node.findAll().length) return;
    super.prepareStack();
    this.preparedFor = this.node.findAll().length;
  }

  public override toTerraform(): Record<string, unknown> {
    const constructs = this.node.findAll().length;
    if (this.resolved?.constructs !== constructs) this.resolved = { constructs, json: super.toTerraform() };
    return this.resolved.json;
  }

  public override runAllValidations(): void {
    withStaticTerraformVersionChecks(this.terraformVersion, () => super.runAllValidations());
  }
}
