/**
 * Every name this project gives: stacks, state keys, workspaces. The stacks
 * and the CLIs both import it, so what `guardduty-ops` looks for is exactly
 * what synth produced. Changing a name here renames live resources.
 */

export const HOME_STACK_NAME = 'guardduty-home';

export function regionalStackName(region: string): string {
  return `guardduty-${region}`;
}

/** Key of a stack's state object in the S3 backend. */
export function stateObjectKey(keyPrefix: string, stackName: string): string {
  return `${keyPrefix.replace(/\/+$/, '')}/${stackName}.tfstate`;
}

/** HCP Terraform workspace of a stack. */
export function workspaceName(workspacePrefix: string, stackName: string): string {
  return `${workspacePrefix}${stackName}`;
}

/**
 * State file of a stack in the local backend. Terraform runs inside
 * `cdktf.out/stacks/<stack>/`, and cdktf's default path is absolute (so
 * synth output would differ per checkout): the path is relative to that
 * working directory, pointing back to the project root.
 */
export function localStatePath(directory: string, stackName: string): string {
  const dir = directory.replace(/\/+$/, '');
  return `../../../${dir === '.' ? '' : `${dir}/`}terraform.${stackName}.tfstate`;
}
