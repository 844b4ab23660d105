/**
 * What GuardDuty answers an organization call (DescribeOrganizationConfiguration,
 * UpdateOrganizationConfiguration) from an account that is not its
 * delegated administrator in that region: no dedicated error, a
 * BadRequestException with one of two documented messages.
 * - "The request is rejected because an invalid or out-of-range value is
 *   specified as an input parameter." until the management account has
 *   delegated the region (terraform-provider-aws issue 34765,
 *   aws-ia/terraform-aws-guardduty issue 6: fixed by depending on
 *   aws_guardduty_organization_admin_account; GUARDDUTY-FACTS.md).
 * - "The request failed because you do not have required AWS Organization
 *   master permission." (aws-security-reference-architecture-examples
 *   issue 141).
 * Anything else (throttling, access denied for the ops role, another bad
 * request) stays an unreadable part.
 */
const NOT_DELEGATED_MESSAGES: readonly RegExp[] = [/invalid or out-of-range value is specified as an input parameter/i, /do not have required AWS Organization master permission/i];

export function isNotDelegatedAdministrator(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const { name, message } = err as { name?: unknown; message?: unknown };
  return name === 'BadRequestException' && typeof message === 'string' && NOT_DELEGATED_MESSAGES.some((m) => m.test(message));
}
