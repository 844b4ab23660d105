import { eventMatchesPattern } from './event-pattern-matcher';

/**
 * The matcher against the documented examples: the EventBridge user guide
 * ("Content filtering in Amazon EventBridge event patterns", "Arrays in
 * Amazon EventBridge event patterns") and the aws/event-ruler README
 * (its sample event and its "$or" examples).
 */

// event-ruler README, "Ruler by Example".
const rulerEvent = {
  version: '0',
  id: 'ddddd4-aaaa-7777-4444-345dd43cc333',
  'detail-type': 'EC2 Instance State-change Notification',
  source: 'aws.ec2',
  account: '012345679012',
  time: '2017-10-02T16:24:49Z',
  region: 'us-east-1',
  resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-000000aaaaaa00000'],
  detail: { 'c-count': 5, 'd-count': 3, 'x-limit': 301.8, 'source-ip': '10.0.0.33', 'instance-id': 'i-000000aaaaaa00000', state: 'running' },
};
const withDetail = (detail: Record<string, unknown>) => ({ ...rulerEvent, detail: { ...rulerEvent.detail, ...detail } });

describe('event pattern matcher (documented examples)', () => {
  it('simple matching: all fields AND, values in a field OR', () => {
    const pattern = {
      'detail-type': ['EC2 Instance State-change Notification'],
      resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-000000aaaaaa00000'],
      detail: { state: ['initializing', 'running'] },
    };
    expect(eventMatchesPattern(pattern, rulerEvent)).toBe(true);
    expect(eventMatchesPattern(pattern, withDetail({ state: 'initializing' }))).toBe(true);
    expect(eventMatchesPattern(pattern, withDetail({ state: 'stopped' }))).toBe(false);
    expect(eventMatchesPattern({ ...pattern, source: ['aws.s3'] }, rulerEvent)).toBe(false);
  });

  it('arrays: an event array matches if it intersects the pattern array', () => {
    const pattern = {
      resources: [
        'arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f',
        'arn:aws:ec2:us-east-1:111122223333:instance/i-b188560f',
        'arn:aws:ec2:us-east-1:444455556666:instance/i-b188560f',
      ],
    };
    const event = {
      resources: [
        'arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:eb56d16b-bbf0-401d-b893-d5978ed4a025:autoScalingGroupName/ASGTerminate',
        'arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f',
      ],
    };
    expect(eventMatchesPattern(pattern, event)).toBe(true);
    expect(eventMatchesPattern(pattern, { resources: [event.resources[0]] })).toBe(false);
  });

  it('arrays of objects: one element must match the whole nested pattern (array-consistent matching)', () => {
    const event = {
      employees: [
        { firstName: 'John', lastName: 'Doe' },
        { firstName: 'Anna', lastName: 'Smith' },
        { firstName: 'Peter', lastName: 'Jones' },
      ],
    };
    expect(eventMatchesPattern({ employees: { firstName: ['Anna'] } }, event)).toBe(true);
    expect(eventMatchesPattern({ employees: { firstName: ['Anna'], lastName: ['Jones'] } }, event)).toBe(false);
  });

  it('prefix and suffix, on strings only', () => {
    expect(eventMatchesPattern({ time: [{ prefix: '2017-10-02' }] }, rulerEvent)).toBe(true);
    expect(eventMatchesPattern({ time: [{ prefix: '2017-10-03' }] }, rulerEvent)).toBe(false);
    expect(eventMatchesPattern({ source: ['aws.autoscaling'], region: [{ prefix: 'eu-' }] }, { source: 'aws.autoscaling', region: 'eu-west-1' })).toBe(true);
    expect(eventMatchesPattern({ source: [{ suffix: 'ec2' }] }, rulerEvent)).toBe(true);
    expect(eventMatchesPattern({ detail: { 'c-count': [{ prefix: '5' }] } }, rulerEvent)).toBe(false);
  });

  it('anything-but: strings, numbers, lists and prefix; the field must be present', () => {
    expect(eventMatchesPattern({ detail: { state: [{ 'anything-but': 'initializing' }] } }, rulerEvent)).toBe(true);
    expect(eventMatchesPattern({ detail: { state: [{ 'anything-but': 'running' }] } }, rulerEvent)).toBe(false);
    expect(eventMatchesPattern({ detail: { 'x-limit': [{ 'anything-but': 123 }] } }, rulerEvent)).toBe(true);
    expect(eventMatchesPattern({ detail: { state: [{ 'anything-but': ['stopped', 'overloaded'] }] } }, rulerEvent)).toBe(true);
    expect(eventMatchesPattern({ detail: { state: [{ 'anything-but': ['stopped', 'running'] }] } }, rulerEvent)).toBe(false);
    expect(eventMatchesPattern({ detail: { 'x-limit': [{ 'anything-but': [100, 200, 300] }] } }, rulerEvent)).toBe(true);
    expect(eventMatchesPattern({ detail: { 'x-limit': [{ 'anything-but': [100, 301.8] }] } }, rulerEvent)).toBe(false);
    expect(eventMatchesPattern({ detail: { state: [{ 'anything-but': { prefix: 'init' } }] } }, rulerEvent)).toBe(true);
    expect(eventMatchesPattern({ detail: { state: [{ 'anything-but': { prefix: 'run' } }] } }, rulerEvent)).toBe(false);
    expect(eventMatchesPattern({ 'detail-type': [{ 'anything-but': 'AWS API Call via CloudTrail' }] }, rulerEvent)).toBe(true);
    expect(eventMatchesPattern({ source: [{ 'anything-but': { prefix: 'aws.' } }] }, rulerEvent)).toBe(false);
    // A field that is not there is not "anything but": only exists:false matches absence.
    expect(eventMatchesPattern({ detail: { missing: [{ 'anything-but': 'x' }] } }, rulerEvent)).toBe(false);
  });

  it('numeric ranges, all fields true', () => {
    const pattern = {
      detail: {
        'c-count': [{ numeric: ['>', 0, '<=', 5] }],
        'd-count': [{ numeric: ['<', 10] }],
        'x-limit': [{ numeric: ['=', 3.018e2] }],
      },
    };
    expect(eventMatchesPattern(pattern, rulerEvent)).toBe(true);
    expect(eventMatchesPattern(pattern, withDetail({ 'c-count': 6 }))).toBe(false);
    expect(eventMatchesPattern(pattern, withDetail({ 'c-count': '5' }))).toBe(false);
  });

  it('IP address matching (IPv4 cidr)', () => {
    expect(eventMatchesPattern({ detail: { 'source-ip': [{ cidr: '10.0.0.0/24' }] } }, rulerEvent)).toBe(true);
    expect(eventMatchesPattern({ detail: { 'source-ip': [{ cidr: '10.0.1.0/24' }] } }, rulerEvent)).toBe(false);
  });

  it('exists: true needs the leaf; false matches its absence and a field that is not a leaf', () => {
    expect(eventMatchesPattern({ detail: { 'c-count': [{ exists: true }] } }, rulerEvent)).toBe(true);
    expect(eventMatchesPattern({ detail: { 'c-count': [{ exists: false }] } }, rulerEvent)).toBe(false);
    const withoutCount = { 'detail-type': ['EC2 Instance State-change Notification'], detail: { state: ['initializing', 'running'] } };
    expect(eventMatchesPattern({ detail: { 'c-count': [{ exists: false }] } }, withoutCount)).toBe(true);
    // The guide: it "also matches the following event because c-count isn't a leaf node".
    expect(eventMatchesPattern({ detail: { 'c-count': [{ exists: false }] } }, { ...withoutCount, detail: { ...withoutCount.detail, 'c-count': { c1: 100 } } })).toBe(true);
    // Below a parent that is missing altogether.
    expect(eventMatchesPattern({ detail: { a: { b: [{ exists: false }] } } }, rulerEvent)).toBe(true);
    expect(eventMatchesPattern({ detail: { a: { b: [{ exists: true }] } } }, rulerEvent)).toBe(false);
  });

  it('the complex example combining prefix, anything-but, numeric and cidr', () => {
    const pattern = {
      time: [{ prefix: '2017-10-02' }],
      detail: {
        state: [{ 'anything-but': 'initializing' }],
        'c-count': [{ numeric: ['>', 0, '<=', 5] }],
        'd-count': [{ numeric: ['<', 10] }],
        'x-limit': [{ 'anything-but': [100, 200, 300] }],
        'source-ip': [{ cidr: '10.0.0.0/8' }],
      },
    };
    expect(eventMatchesPattern(pattern, rulerEvent)).toBe(true);
    expect(eventMatchesPattern(pattern, withDetail({ state: 'initializing' }))).toBe(false);
  });

  it('$or: normal, parallel and nested, from the event-ruler README', () => {
    const normal = { source: ['aws.cloudwatch'], $or: [{ metricName: ['CPUUtilization', 'ReadLatency'] }, { namespace: ['AWS/EC2', 'AWS/ES'] }] };
    expect(eventMatchesPattern(normal, { source: 'aws.cloudwatch', metricName: 'ReadLatency' })).toBe(true);
    expect(eventMatchesPattern(normal, { source: 'aws.cloudwatch', namespace: 'AWS/ES' })).toBe(true);
    expect(eventMatchesPattern(normal, { source: 'aws.cloudwatch', namespace: 'AWS/S3' })).toBe(false);
    expect(eventMatchesPattern(normal, { source: 'aws.ec2', namespace: 'AWS/ES' })).toBe(false);

    const parallel = {
      $or: [{ metricName: ['CPUUtilization', 'ReadLatency'] }, { namespace: ['AWS/EC2', 'AWS/ES'] }],
      detail: { $or: [{ source: ['aws.cloudwatch'] }, { 'detail-type': ['CloudWatch Alarm State Change'] }] },
    };
    expect(eventMatchesPattern(parallel, { namespace: 'AWS/EC2', detail: { 'detail-type': 'CloudWatch Alarm State Change' } })).toBe(true);
    expect(eventMatchesPattern(parallel, { namespace: 'AWS/EC2', detail: { source: 'aws.s3' } })).toBe(false);

    const nested = {
      source: ['aws.cloudwatch'],
      $or: [
        { metricName: ['CPUUtilization', 'ReadLatency'] },
        { metricType: ['MetricType'], namespace: ['AWS/EC2', 'AWS/ES'], $or: [{ metricId: [1234] }, { spaceId: [1000] }] },
        { scope: ['Service'] },
      ],
    };
    expect(eventMatchesPattern(nested, { source: 'aws.cloudwatch', metricType: 'MetricType', namespace: 'AWS/EC2', spaceId: 1000 })).toBe(true);
    expect(eventMatchesPattern(nested, { source: 'aws.cloudwatch', metricType: 'MetricType', namespace: 'AWS/EC2', spaceId: 1001 })).toBe(false);
    expect(eventMatchesPattern(nested, { source: 'aws.cloudwatch', scope: 'Service' })).toBe(true);
  });

  it('refuses what it does not understand rather than guessing', () => {
    expect(() => eventMatchesPattern({ detail: { state: [{ 'starts-with': 'r' }] } }, rulerEvent)).toThrow(/unknown operator/);
    expect(() => eventMatchesPattern({ $or: [{ source: ['aws.ec2'] }] }, rulerEvent)).toThrow(/two or more/);
  });
});
