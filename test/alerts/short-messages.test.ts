import { shortAlertMessage } from '../../src/alerts/message';
import { shortTamperMessage } from '../../src/tamper/message';
import { renderInputTemplate } from '../support/input-transformer';
import { apiCallEvent, assumedRole, FINDING_EVENT, iamUser, TAMPER_CALLS } from '../tamper/sample-events';

// What an email subscriber reads: every input path of a short message must exist in the event it is made for
// (a missing one renders as nothing, and the alert says nothing of what happened).
describe('short alert messages, rendered from the events they are made for', () => {
  it('a finding: severity, type, account, region, resource type, title and a console link to it', () => {
    const finding = { ...FINDING_EVENT, detail: { ...FINDING_EVENT.detail, id: 'f00d', title: 'Unprotected port on EC2 instance i-0abc is being probed.', resource: { resourceType: 'Instance' } } };
    expect(renderInputTemplate(shortAlertMessage('aws'), finding)).toBe(
      'GuardDuty finding, severity 2: Recon:EC2/PortProbeUnprotectedPort in account 111111111111, us-east-1 (Instance). ' +
        'Unprotected port on EC2 instance i-0abc is being probed. https://us-east-1.console.aws.amazon.com/guardduty/home?region=us-east-1#/findings?macros=current&fId=f00d',
    );
  });

  it.each([
    ['an IAM user', iamUser()],
    ['an assumed role', assumedRole('arn:aws:iam::111111111111:role/Admin')],
  ])('a tamper call by %s: the call, its service, the caller, account, region, time and CloudTrail event id', (_, who) => {
    const text = renderInputTemplate(shortTamperMessage(), apiCallEvent(TAMPER_CALLS.DeleteDetector!, who, 'eu-west-1'));
    expect(text).toBe(
      `GuardDuty tamper alert: DeleteDetector (guardduty.amazonaws.com) by ${String(who.arn)} in account 111111111111, eu-west-1, at 2026-12-01T12:00:00Z. ` +
        'Detection may be turned down; CloudTrail event a1b2c3d4-5678-90ab-cdef-EXAMPLEbbbbb has the request.',
    );
    expect(String(who.arn)).toMatch(/^arn:aws:(iam|sts)::111111111111:/);
  });
});
