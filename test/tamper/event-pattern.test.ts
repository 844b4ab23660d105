import { EVENT_PATTERN_MAX_CHARS, TAMPER_GROUPS, tamperAlertPattern, tamperForwardPattern, tamperLogPattern } from '../../src/tamper/event-pattern';
import { eventMatchesPattern } from '../support/event-pattern-matcher';
import { ACCOUNT, apiCallEvent, assumedRole, BENIGN_CALLS, FINDING_EVENT, iamUser, rootUser, TAMPER_CALLS } from './sample-events';

const prefix = 'acme';
const forwarded = (event: unknown) => TAMPER_GROUPS.filter((g) => eventMatchesPattern(tamperForwardPattern(g, prefix), event));
const deployRole = `arn:aws:iam::${ACCOUNT}:role/GuardDutyDeployer`;
const triageRole = `arn:aws:iam::${ACCOUNT}:role/GuardDutyFindingsTriage`;

describe('tamper patterns', () => {
  it.each(Object.entries(TAMPER_CALLS))('%s is forwarded by exactly one rule', (_name, call) => {
    expect(forwarded(apiCallEvent(call))).toHaveLength(1);
  });

  it.each(Object.entries(BENIGN_CALLS))('%s is not forwarded', (_name, call) => {
    expect(forwarded(apiCallEvent(call))).toEqual([]);
  });

  it('covers every listed action of the issue', () => {
    const names = new Set(Object.values(TAMPER_CALLS).map((c) => c.eventName));
    for (const action of [
      'DeleteDetector', 'UpdateDetector', 'CreateFilter', 'UpdateFilter', 'CreateIPSet', 'UpdateIPSet', 'DeleteIPSet', 'UpdateThreatIntelSet',
      'DeleteThreatIntelSet', 'UpdatePublishingDestination', 'DeletePublishingDestination', 'UpdateOrganizationConfiguration', 'UpdateMemberDetectors',
      'DisassociateMembers', 'DeleteMembers', 'StopMonitoringMembers', 'DisassociateFromAdministratorAccount', 'DisableOrganizationAdminAccount',
      'ArchiveFindings', 'CreateSampleFindings', 'DisableRule', 'DeleteRule', 'RemoveTargets', 'StopLogging', 'DeleteTrail',
    ]) {
      expect(names).toContain(action);
    }
  });

  it('does not forward findings, nor a call of the right name from another service', () => {
    expect(forwarded(FINDING_EVENT)).toEqual([]);
    const spoofed = apiCallEvent(TAMPER_CALLS.DeleteDetector!);
    expect(forwarded({ ...spoofed, source: 'aws.events' })).toEqual([]);
    expect(forwarded({ ...spoofed, detail: { ...(spoofed.detail as object), eventSource: 'events.amazonaws.com' } })).toEqual([]);
  });

  it('watches the rules of this prefix only', () => {
    const call = TAMPER_CALLS['DisableRule of the estate']!;
    expect(forwarded(apiCallEvent(call))).toEqual(['trail']);
    expect(TAMPER_GROUPS.filter((g) => eventMatchesPattern(tamperForwardPattern(g, 'other'), apiCallEvent(call)))).toEqual([]);
  });

  it('keeps every forwarding pattern within the EventBridge pattern size quota', () => {
    for (const group of TAMPER_GROUPS) expect(JSON.stringify(tamperForwardPattern(group, 'a-twenty-char-prefix')).length).toBeLessThanOrEqual(EVENT_PATTERN_MAX_CHARS);
  });
});

describe('tamper routes on the findings bus', () => {
  const alert = tamperAlertPattern([deployRole, triageRole]);
  const deleteDetector = TAMPER_CALLS.DeleteDetector!;

  it('logs every forwarded call, and nothing else that reaches the bus', () => {
    for (const call of Object.values(TAMPER_CALLS)) expect(eventMatchesPattern(tamperLogPattern(), apiCallEvent(call, assumedRole(deployRole)))).toBe(true);
    expect(eventMatchesPattern(tamperLogPattern(), FINDING_EVENT)).toBe(false);
  });

  it('pages for other principals: a role, an IAM user, the root user', () => {
    expect(eventMatchesPattern(alert, apiCallEvent(deleteDetector, assumedRole(`arn:aws:iam::${ACCOUNT}:role/Intruder`)))).toBe(true);
    expect(eventMatchesPattern(alert, apiCallEvent(deleteDetector, iamUser()))).toBe(true);
    expect(eventMatchesPattern(alert, apiCallEvent(deleteDetector, rootUser()))).toBe(true);
    expect(eventMatchesPattern(alert, FINDING_EVENT)).toBe(false);
  });

  it('does not page for the deploy and triage roles, whatever the session', () => {
    expect(eventMatchesPattern(alert, apiCallEvent(deleteDetector, assumedRole(deployRole, 'terraform')))).toBe(false);
    expect(eventMatchesPattern(alert, apiCallEvent(TAMPER_CALLS.ArchiveFindings!, assumedRole(triageRole, 'alice@example.com')))).toBe(false);
  });

  it('matches the role exactly: a role whose name only starts the same still pages', () => {
    expect(eventMatchesPattern(alert, apiCallEvent(deleteDetector, assumedRole(`${deployRole}Evil`)))).toBe(true);
    expect(eventMatchesPattern(alert, apiCallEvent(deleteDetector, assumedRole(`arn:aws:iam::999999999999:role/GuardDutyDeployer`)))).toBe(true);
  });

  it('pages for everyone when there is no quiet principal', () => {
    expect(eventMatchesPattern(tamperAlertPattern([]), apiCallEvent(deleteDetector, assumedRole(deployRole)))).toBe(true);
  });
});
