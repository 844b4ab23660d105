import { alertTopicPolicy } from '../../src/alerts/policies';
import { shortAlertMessage } from '../../src/alerts/message';
import { accessTrustPolicy, findingsAccessPolicy } from '../../src/access/policies';
import {
  findingsBucketStatements,
  findingsKeyPolicy,
  findingsLogResourcePolicy,
  publishingPrincipals,
  publishingRegionProblem,
  secretsManagerViaService,
} from '../../src/export/policies';
import { findingEventPattern } from '../../src/findings/event-pattern';
import { severityBand, severityThreshold } from '../../src/findings/severity';
import { asList } from '../../src/policy/document';
import { nlbSuppressions, suppressionFilters } from '../../src/suppression/filters';

describe('severity', () => {
  it('maps band names to their lower bound (GuardDuty: Low 1, Medium 4, High 7, Critical 9)', () => {
    expect([severityThreshold('Low'), severityThreshold('Medium'), severityThreshold('High'), severityThreshold('Critical'), severityThreshold(5.5)]).toEqual([1, 4, 7, 9, 5.5]);
  });
  it('puts a severity in its band', () => {
    expect([1, 3.9, 4, 6.9, 7, 8.9, 9, 10].map(severityBand)).toEqual(['Low', 'Low', 'Medium', 'Medium', 'High', 'High', 'Critical', 'Critical']);
  });
});

describe('findingEventPattern', () => {
  it('matches every GuardDuty finding without a threshold', () => {
    expect(findingEventPattern({ minSeverity: 1 })).toEqual({ source: ['aws.guardduty'], 'detail-type': ['GuardDuty Finding'] });
  });
  it('filters severity with a numeric pattern and types by prefix', () => {
    expect(findingEventPattern({ minSeverity: 7, typePrefixes: ['Recon:EC2/', 'Backdoor:'] })).toEqual({
      source: ['aws.guardduty'],
      'detail-type': ['GuardDuty Finding'],
      detail: { severity: [{ numeric: ['>=', 7] }], type: [{ prefix: 'Recon:EC2/' }, { prefix: 'Backdoor:' }] },
    });
  });
});

describe('S3 publishing destination policies', () => {
  const source = { partition: 'aws' as const, accountId: '111111111111', regions: ['us-east-1', 'af-south-1', 'eu-west-1'] };

  it('names the regional GuardDuty principal of opt-in regions', () => {
    expect(publishingPrincipals(source)).toEqual(['guardduty.af-south-1.amazonaws.com', 'guardduty.amazonaws.com']);
  });

  it('lets GuardDuty encrypt with the key only for this account\'s detectors', () => {
    const [admin, guardduty] = findingsKeyPolicy(source).Statement;
    expect(admin).toMatchObject({ Principal: { AWS: 'arn:aws:iam::111111111111:root' }, Action: 'kms:*' });
    expect(guardduty).toMatchObject({
      Action: 'kms:GenerateDataKey',
      Condition: { StringEquals: { 'aws:SourceAccount': '111111111111' }, ArnLike: { 'aws:SourceArn': 'arn:aws:guardduty:*:111111111111:detector/*' } },
    });
  });

  it('admits GuardDuty with conditions and denies objects not encrypted with the findings key', () => {
    const statements = findingsBucketStatements(source, 'arn:aws:s3:::b', 'arn:aws:kms:us-east-1:111111111111:key/k');
    const bySid = Object.fromEntries(statements.map((s) => [s.Sid, s]));
    expect(bySid.AllowGuardDutyPutObject).toMatchObject({ Action: 's3:PutObject', Resource: 'arn:aws:s3:::b/*', Condition: { StringEquals: { 'aws:SourceAccount': '111111111111' } } });
    expect(bySid.AllowGuardDutyGetBucketLocation).toMatchObject({ Action: 's3:GetBucketLocation', Resource: 'arn:aws:s3:::b' });
    expect(bySid.DenyObjectsNotEncryptedWithTheFindingsKey).toMatchObject({
      Effect: 'Deny',
      Condition: { StringNotEquals: { 's3:x-amz-server-side-encryption-aws-kms-key-id': 'arn:aws:kms:us-east-1:111111111111:key/k' } },
    });
    expect(bySid.DenyObjectsNotEncryptedWithKms).toMatchObject({ Effect: 'Deny', Condition: { StringNotEquals: { 's3:x-amz-server-side-encryption': 'aws:kms' } } });
  });

  it('knows the opt-in export rules', () => {
    expect(publishingRegionProblem('eu-west-1', 'us-east-1')).toBeUndefined();
    expect(publishingRegionProblem('af-south-1', 'us-east-1')).toBeUndefined();
    expect(publishingRegionProblem('af-south-1', 'af-south-1')).toBeUndefined();
    expect(publishingRegionProblem('eu-west-1', 'af-south-1')).toBe('eu-west-1 cannot export findings to a bucket in the opt-in region af-south-1');
    expect(publishingRegionProblem('me-south-1', 'af-south-1')).toBe('me-south-1 is an opt-in region and cannot export findings to another opt-in region (af-south-1)');
  });
});

describe('log resource policy', () => {
  it('lets only the delivery rule put findings into the findings group; stream creation carries no source context', () => {
    const group = 'arn:aws:logs:us-east-1:111111111111:log-group:/aws/events/acme-guardduty';
    const rule = 'arn:aws:events:us-east-1:111111111111:rule/acme-guardduty-findings/acme-guardduty-to-logs';
    const principal = { Service: ['events.amazonaws.com', 'delivery.logs.amazonaws.com'] };
    expect(findingsLogResourcePolicy('aws', group, rule).Statement).toEqual([
      { Sid: 'EventBridgeCreatesStreams', Effect: 'Allow', Principal: principal, Action: 'logs:CreateLogStream', Resource: `${group}:*` },
      { Sid: 'TheDeliveryRulePutsFindings', Effect: 'Allow', Principal: principal, Action: 'logs:PutLogEvents', Resource: `${group}:*`, Condition: { ArnEquals: { 'aws:SourceArn': rule } } },
    ]);
  });
});

describe('alerts', () => {
  it('lets only the route\'s rule publish to its topic, over TLS', () => {
    const [allow, deny] = alertTopicPolicy('aws', '111111111111', 'arn:aws:sns:us-east-1:111111111111:t', 'arn:aws:events:us-east-1:111111111111:rule/bus/r').Statement;
    expect(allow).toMatchObject({ Principal: { Service: 'events.amazonaws.com' }, Condition: { ArnEquals: { 'aws:SourceArn': 'arn:aws:events:us-east-1:111111111111:rule/bus/r' } } });
    expect(deny).toMatchObject({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } });
  });

  it('writes a one-line message with the console link of the partition', () => {
    const message = shortAlertMessage('aws');
    expect(Object.keys(message.inputPaths).sort()).toEqual(['account', 'id', 'region', 'resource', 'severity', 'title', 'type']);
    expect(message.inputTemplate).toContain('<type> in account <account>, <region>');
    expect(message.inputTemplate).toContain('https://<region>.console.aws.amazon.com/guardduty/home?region=<region>');
    expect(shortAlertMessage('aws-us-gov').inputTemplate).toContain('console.amazonaws-us-gov.com');
  });
});

describe('access roles', () => {
  it('never grants guardduty:* and only triage may act on findings', () => {
    const viewer = findingsAccessPolicy('arn:aws:logs:us-east-1:1:log-group:g', false);
    const triage = findingsAccessPolicy('arn:aws:logs:us-east-1:1:log-group:g', true);
    const actions = (p: typeof viewer) => p.Statement.flatMap((s) => asList(s.Action));
    expect(actions(triage)).not.toContain('guardduty:*');
    expect(actions(triage).every((a) => !a.endsWith(':*'))).toBe(true);
    expect(actions(viewer)).not.toContain('guardduty:ArchiveFindings');
    expect(actions(triage)).toEqual(expect.arrayContaining(['guardduty:ArchiveFindings', 'guardduty:UnarchiveFindings', 'guardduty:UpdateFindingsFeedback', 'guardduty:CreateSampleFindings']));
    expect(actions(viewer)).toEqual(expect.arrayContaining(['guardduty:GetFindings', 'guardduty:ListFindings', 'logs:FilterLogEvents']));
  });

  it('requires MFA to assume unless turned off', () => {
    expect(accessTrustPolicy(['arn:aws:iam::1:role/a'], true).Statement[0]!.Condition).toEqual({ Bool: { 'aws:MultiFactorAuthPresent': 'true' } });
    expect(accessTrustPolicy(['arn:aws:iam::1:role/a'], false).Statement[0]!.Condition).toBeUndefined();
  });
});

describe('suppression filters', () => {
  it('builds the exact NLB false-positive criteria (port probes on listener ports; Tor and malicious-IP callers inbound to the target)', () => {
    const filters = suppressionFilters({ suppressions: [], presets: { nlb: { ports: [443, 8443], instanceTag: { key: 'behind-nlb', value: 'true' } } } });
    expect(filters).toEqual([
      {
        name: 'nlb-port-probe',
        description: 'NLB listener ports probed through the load balancer',
        action: 'ARCHIVE',
        rank: 1,
        criteria: [
          { field: 'type', equals: ['Recon:EC2/PortProbeUnprotectedPort'] },
          { field: 'service.action.portProbeAction.portProbeDetails.localPortDetails.port', equals: ['443', '8443'] },
          { field: 'resource.instanceDetails.tags.key', equals: ['behind-nlb'] },
          { field: 'resource.instanceDetails.tags.value', equals: ['true'] },
        ],
      },
      {
        name: 'nlb-tor-inbound',
        description: 'Tor clients reaching NLB targets on listener ports',
        action: 'ARCHIVE',
        rank: 2,
        criteria: [
          { field: 'type', equals: ['UnauthorizedAccess:EC2/TorIPCaller'] },
          { field: 'service.resourceRole', equals: ['TARGET'] },
          { field: 'service.action.networkConnectionAction.connectionDirection', equals: ['INBOUND'] },
          { field: 'service.action.networkConnectionAction.localPortDetails.port', equals: ['443', '8443'] },
          { field: 'resource.instanceDetails.tags.key', equals: ['behind-nlb'] },
          { field: 'resource.instanceDetails.tags.value', equals: ['true'] },
        ],
      },
      {
        name: 'nlb-threat-list-inbound',
        description: 'Threat-list clients reaching NLB targets on listener ports',
        action: 'ARCHIVE',
        rank: 3,
        criteria: [
          { field: 'type', equals: ['UnauthorizedAccess:EC2/MaliciousIPCaller.Custom'] },
          { field: 'service.resourceRole', equals: ['TARGET'] },
          { field: 'service.action.networkConnectionAction.connectionDirection', equals: ['INBOUND'] },
          { field: 'service.action.networkConnectionAction.localPortDetails.port', equals: ['443', '8443'] },
          { field: 'resource.instanceDetails.tags.key', equals: ['behind-nlb'] },
          { field: 'resource.instanceDetails.tags.value', equals: ['true'] },
        ],
      },
    ]);
  });

  it('orders by configured rank (ties keep list order, presets last) and numbers 1..n without gaps', () => {
    const filters = suppressionFilters({
      suppressions: [
        { name: 'a', action: 'ARCHIVE', rank: 50, criteria: { types: ['X'] } },
        { name: 'b', action: 'NOOP', criteria: { severityBelow: 'Medium', accounts: ['111111111111'] } },
      ],
      presets: { nlb: { ports: [80] } },
    });
    expect(filters.map((f) => [f.name, f.rank])).toEqual([['b', 1], ['nlb-port-probe', 2], ['nlb-tor-inbound', 3], ['nlb-threat-list-inbound', 4], ['a', 5]]);
    expect(filters[0]!.criteria).toEqual([
      { field: 'severity', lessThan: '4' },
      { field: 'accountId', equals: ['111111111111'] },
    ]);
    expect(nlbSuppressions({ ports: [80] })[0]!.criteria).not.toHaveProperty('instanceTag');
  });
});

describe('secretsManagerViaService', () => {
  it("names Secrets Manager's endpoint in the region, the kms:ViaService value (amazonaws.com.cn in China)", () => {
    expect(secretsManagerViaService('aws', 'eu-west-1')).toBe('secretsmanager.eu-west-1.amazonaws.com');
    expect(secretsManagerViaService('aws-us-gov', 'us-gov-west-1')).toBe('secretsmanager.us-gov-west-1.amazonaws.com');
    expect(secretsManagerViaService('aws-cn', 'cn-north-1')).toBe('secretsmanager.cn-north-1.amazonaws.com.cn');
  });
});
