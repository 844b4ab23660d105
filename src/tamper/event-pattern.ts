import { ACTION_UNCHANGED, ARCHIVE_ACTION, CLOUDTRAIL, CLOUDTRAIL_ALWAYS, EVENTBRIDGE, EVENTBRIDGE_ESTATE_CALLS, GUARDDUTY, GUARDDUTY_ALWAYS, UPDATE_DETECTOR_DISABLES } from './actions';

export const API_CALL_DETAIL_TYPE = 'AWS API Call via CloudTrail';

export type EventPattern = Record<string, unknown>;

/**
 * EventBridge quotas ("Event pattern size"): 2,048 characters by default.
 * Each forwarding pattern is kept under it (a test checks), which is why
 * the GuardDuty calls and the trail calls are two rules.
 */
export const EVENT_PATTERN_MAX_CHARS = 2048;

/** Which calls a forwarding rule on a default bus matches. */
export type TamperGroup = 'guardduty' | 'trail';
export const TAMPER_GROUPS: readonly TamperGroup[] = ['guardduty', 'trail'];

/** GuardDuty calls that turn detection down (src/tamper/actions.ts). */
function guardDutyPattern(): EventPattern {
  return {
    source: [GUARDDUTY.source],
    'detail-type': [API_CALL_DETAIL_TYPE],
    detail: {
      eventSource: [GUARDDUTY.eventSource],
      $or: [
        { eventName: [...GUARDDUTY_ALWAYS] },
        { eventName: ['UpdateDetector'], requestParameters: { $or: UPDATE_DETECTOR_DISABLES } },
        { eventName: ['CreateFilter', 'UpdateFilter'], requestParameters: ARCHIVE_ACTION },
        { eventName: ['UpdateFilter'], requestParameters: ACTION_UNCHANGED },
      ],
    },
  };
}

/**
 * Calls that break the route itself: this estate's EventBridge rules
 * disabled, deleted or retargeted and its findings bus deleted or stripped
 * of its policy (every name starts with `<prefix>-`), and any trail
 * stopped, deleted or narrowed.
 */
function trailPattern(prefix: string): EventPattern {
  const ours = [{ prefix: `${prefix}-` }];
  // One branch per name field and extra condition: the calls that share both share a branch.
  const branches = new Map<string, { eventName: string[]; requestParameters: Record<string, unknown> }>();
  for (const c of EVENTBRIDGE_ESTATE_CALLS) {
    const key = JSON.stringify([c.nameField, c.when ?? {}]);
    const branch = branches.get(key) ?? { eventName: [], requestParameters: { [c.nameField]: ours, ...c.when } };
    branch.eventName.push(c.eventName);
    branches.set(key, branch);
  }
  return {
    'detail-type': [API_CALL_DETAIL_TYPE],
    $or: [
      {
        source: [EVENTBRIDGE.source],
        detail: {
          eventSource: [EVENTBRIDGE.eventSource],
          $or: [...branches.values()],
        },
      },
      { source: [CLOUDTRAIL.source], detail: { eventSource: [CLOUDTRAIL.eventSource], eventName: [...CLOUDTRAIL_ALWAYS] } },
    ],
  };
}

/** The pattern of a forwarding rule on the default bus of an account and region where the calls are made. */
export function tamperForwardPattern(group: TamperGroup, prefix: string): EventPattern {
  return group === 'guardduty' ? guardDutyPattern() : trailPattern(prefix);
}

/**
 * On the findings bus: every API call forwarded to it. Only the tamper
 * forwarders put CloudTrail events there (findings are `GuardDuty Finding`),
 * so the bus's rules need not repeat the precise patterns.
 */
export function tamperLogPattern(): EventPattern {
  return { 'detail-type': [API_CALL_DETAIL_TYPE] };
}

/**
 * On the findings bus: the calls to page for, made by anyone but the quiet
 * principals (the deploy roles, the triage role, whoever runs
 * `guardduty-ops smoke`). An assumed role's session has the role's ARN in
 * `userIdentity.sessionContext.sessionIssuer.arn` (CloudTrail user guide,
 * "CloudTrail userIdentity element"); matched exactly, never on the session
 * name. A caller without a session issuer (an IAM user, the root user)
 * always pages: `anything-but` alone would not match a field that is not
 * there, hence the `exists: false` branch.
 */
export function tamperAlertPattern(quietRoleArns: readonly string[]): EventPattern {
  if (quietRoleArns.length === 0) return tamperLogPattern();
  const issuer = (arn: unknown[]) => ({ sessionContext: { sessionIssuer: { arn } } });
  return {
    'detail-type': [API_CALL_DETAIL_TYPE],
    detail: { userIdentity: { $or: [issuer([{ 'anything-but': [...quietRoleArns] }]), issuer([{ exists: false }])] } },
  };
}
