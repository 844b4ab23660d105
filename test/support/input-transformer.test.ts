import { renderInputTemplate } from './input-transformer';

/**
 * The emulator against the EventBridge user guide ("Amazon EventBridge input
 * transformation": its EC2 example event and "Simple string" template;
 * Common Issues) and AWS's rendering of a missing path recorded in
 * localstack's validated snapshot (test_events_inputs.snapshot.json,
 * "custom-variables-not-match-all").
 */
const ec2Event = {
  version: '0',
  id: '7bf73129-1428-4cd3-a780-95db273d1602',
  'detail-type': 'EC2 Instance State-change Notification',
  source: 'aws.ec2',
  account: '123456789012',
  time: '2015-11-11T21:29:54Z',
  region: 'us-east-1',
  resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-abcd1111'],
  detail: { 'instance-id': 'i-0123456789', state: 'RUNNING' },
};
const stateOf = { inputPaths: { instance: '$.detail.instance-id', state: '$.detail.state' }, inputTemplate: '"instance <instance> is in <state>"' };

describe('input transformer emulator (documented behaviour only)', () => {
  it("renders the guide's simple string example", () => {
    expect(renderInputTemplate(stateOf, ec2Event)).toBe('instance i-0123456789 is in RUNNING');
  });

  it('resolves array indices, and leaves out a path the event does not have', () => {
    expect(renderInputTemplate({ inputPaths: { r: '$.resources[0]' }, inputTemplate: '"<r>"' }, ec2Event)).toBe('arn:aws:ec2:us-east-1:123456789012:instance/i-abcd1111');
    expect(renderInputTemplate({ inputPaths: { r: '$.resources[1]', x: '$.detail.nothing.here' }, inputTemplate: '"[<r>][<x>]"' }, ec2Event)).toBe('[][]');
  });

  it('refuses what the guide leaves open: a value that needs escaping, a null, an object or an array in a string', () => {
    // "EventBridge doesn't escape values extracted by Input Path": unescaped, such a value breaks the JSON string.
    for (const odd of ['a "quoted" key', 'back\\slash', 'new\nline']) {
      expect(() => renderInputTemplate(stateOf, { ...ec2Event, detail: { ...ec2Event.detail, state: odd } })).toThrow(/not documented/);
    }
    for (const value of [null, { a: 1 }, ['x']]) {
      expect(() => renderInputTemplate(stateOf, { ...ec2Event, detail: { ...ec2Event.detail, state: value } })).toThrow(/not modelled/);
    }
    expect(() => renderInputTemplate({ inputPaths: {}, inputTemplate: '{"a": 1}' }, ec2Event)).toThrow(/not modelled/);
  });
});
