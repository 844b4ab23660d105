import type { TerraformResource } from 'cdktf';

/**
 * A resource's plain address, `type.name`, for the places Terraform reads a
 * bare reference rather than a string template: `lifecycle.replace_triggered_by`,
 * `depends_on`, an import block's `to`. cdktf 0.21 renders a construct there
 * as `"${type.name}"`, which Terraform rejects at init with "Invalid
 * character" (terraform-cdk issues 3532, 3645, 3196).
 */
export function resourceAddress(resource: TerraformResource): string {
  return `${resource.terraformResourceType}.${resource.friendlyUniqueId}`;
}
