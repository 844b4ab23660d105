import { TerraformElement } from 'cdktf';
import type { Construct } from 'constructs';

/**
 * A Terraform `import` block for any address, such as one instance of a
 * `for_each` resource (`aws_guardduty_detector.X["eu-west-1"]`), which
 * cdktf's `importFrom` cannot name. Terraform >= 1.5.
 */
export class ImportBlock extends TerraformElement {
  constructor(
    scope: Construct,
    id: string,
    private readonly to: string,
    private readonly importId: string,
    /**
     * The resource's per-resource `region` argument, if it sets one. The id
     * then ends in `@<region>`: without it the AWS provider imports in its
     * own region (provider guide "Enhanced Region Support").
     */
    private readonly region?: string,
  ) {
    super(scope, id);
  }

  public override toTerraform(): Record<string, unknown> {
    return { import: [{ to: this.to, id: this.region ? `${this.importId}@${this.region}` : this.importId }] };
  }
}
