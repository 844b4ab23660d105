import { accessTrustPolicy, findingsAccessPolicy } from '../access/policies';
import type { GuardDutyConfig } from '../config/schema';
import { TRIAGE_ROLE_NAME, VIEWER_ROLE_NAME } from '../naming';
import type { PolicyDocument } from '../policy/document';

export interface AccessRolePlan {
  readonly roleName: string;
  readonly principals: readonly string[];
  readonly requireMfa: boolean;
  readonly triage: boolean;
  readonly trustPolicy: PolicyDocument;
  readonly policy: PolicyDocument;
}

/** The viewer and triage roles people assume to read findings and the findings log group. */
export function planAccess(config: GuardDutyConfig['access'], logGroupArn: string): AccessRolePlan[] {
  const role = (roleName: string, r: { principals: string[]; requireMfa: boolean }, triage: boolean): AccessRolePlan => ({
    roleName,
    ...r,
    triage,
    trustPolicy: accessTrustPolicy(r.principals, r.requireMfa),
    policy: findingsAccessPolicy(logGroupArn, triage),
  });
  return [...(config?.viewer ? [role(VIEWER_ROLE_NAME, config.viewer, false)] : []), ...(config?.triage ? [role(TRIAGE_ROLE_NAME, config.triage, true)] : [])];
}
