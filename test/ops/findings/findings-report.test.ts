import { affectedResource } from '../../../src/ops/findings/affected-resource';
import { describeQuery, findingCriteria, matchesQuery } from '../../../src/ops/findings/finding-query';
import { toFindingRecord } from '../../../src/ops/findings/finding-record';
import { buildFindingsReport } from '../../../src/ops/findings/findings-report';
import { formatFindingsCsv } from '../../../src/ops/findings/format-csv';
import { formatFindingsMarkdown } from '../../../src/ops/findings/format-markdown';
import { formatFindingsText } from '../../../src/ops/findings/format-text';
import { portProbeHint, portProbeOf } from '../../../src/ops/findings/port-probe';
import { isSampleFinding } from '../../../src/ops/findings/sample-finding';
import { parseSeverity, severityBand } from '../../../src/ops/findings/severity';
import { summariseFindings } from '../../../src/ops/findings/summarise';
import { finding, portProbeFinding } from './finding-fixtures';

const QUERY = { archived: false, includeSamples: false };

describe('severity bands', () => {
  it('follows GuardDuty: Low 1.0-3.9, Medium 4.0-6.9, High 7.0-8.9, Critical 9.0-10.0', () => {
    expect([1, 3.9, 4, 6.9, 7, 8.9, 9, 10].map(severityBand)).toEqual(['Low', 'Low', 'Medium', 'Medium', 'High', 'High', 'Critical', 'Critical']);
  });

  it('reads band names and numbers', () => {
    expect([parseSeverity('HIGH', 'x'), parseSeverity('critical', 'x'), parseSeverity('7.5', 'x')]).toEqual([7, 9, 7.5]);
    expect(() => parseSeverity('severe', '--fail-on')).toThrow(/--fail-on: "severe" is not a severity/);
    expect(() => parseSeverity('11', '--fail-on')).toThrow();
  });
});

describe('finding query', () => {
  it('sends archive state, the floor of the severity and the time server-side', () => {
    expect(findingCriteria({ ...QUERY, minSeverity: 6.5, updatedSince: 1_700_000_000_000 })).toEqual({
      Criterion: {
        'service.archived': { Equals: ['false'] },
        severity: { GreaterThanOrEqual: 6 },
        updatedAt: { GreaterThanOrEqual: 1_700_000_000_000 },
      },
    });
    expect(findingCriteria({ archived: true, includeSamples: true })).toEqual({ Criterion: { 'service.archived': { Equals: ['true'] } } });
  });

  it('finishes the exact severity, the type prefix and sample exclusion client-side', () => {
    const record = (over: Parameters<typeof finding>[0]) => toFindingRecord(finding(over), 'us-east-1');
    const q = { ...QUERY, minSeverity: 6.5, typePrefix: 'Recon:' };
    expect(matchesQuery(record({ Severity: 6.2, Type: 'Recon:EC2/Portscan' }), q)).toBe(false);
    expect(matchesQuery(record({ Severity: 7, Type: 'Recon:EC2/Portscan' }), q)).toBe(true);
    expect(matchesQuery(record({ Severity: 7, Type: 'Backdoor:EC2/Spambot' }), q)).toBe(false);
    const sample = record({ Severity: 8, Type: 'Recon:EC2/Portscan', Title: '[SAMPLE] Unusual port scan' });
    expect(matchesQuery(sample, q)).toBe(false);
    expect(matchesQuery(sample, { ...q, includeSamples: true })).toBe(true);
  });

  it('describes itself for the report heading', () => {
    expect(describeQuery({ ...QUERY, minSeverity: 7, typePrefix: 'Recon:', updatedSince: Date.parse('2026-03-01T00:00:00Z') })).toBe(
      'current, severity >= 7.0, type Recon:*, updated since 2026-03-01T00:00:00.000Z, samples left out',
    );
  });
});

describe('sample findings', () => {
  it('are recognised by the API JSON string, the event object or the [SAMPLE] title', () => {
    expect(isSampleFinding({ additionalInfo: { Value: '{"sample":true}', Type: 'default' } })).toBe(true);
    expect(isSampleFinding({ additionalInfo: { sample: true } })).toBe(true);
    expect(isSampleFinding({ title: '[SAMPLE] EC2 instance i-99999999 is querying a domain name of a remote host that is a known source of Drive-By download attacks.' })).toBe(true);
    expect(isSampleFinding({ title: 'Real', additionalInfo: { Value: '{"threatListName":"ProofPoint"}' } })).toBe(false);
    expect(isSampleFinding({ additionalInfo: { Value: 'not json' } })).toBe(false);
  });
});

describe('affected resources', () => {
  it('names the resource of each finding family', () => {
    expect(affectedResource({ ResourceType: 'AccessKey', AccessKeyDetails: { UserName: 'ci-bot', AccessKeyId: 'AKIAEXAMPLE' } })).toEqual({ type: 'AccessKey', id: 'ci-bot (AKIAEXAMPLE)' });
    expect(affectedResource({ ResourceType: 'S3Bucket', S3BucketDetails: [{ Name: 'logs' }] })).toEqual({ type: 'S3Bucket', id: 'logs' });
    expect(affectedResource({ ResourceType: 'Lambda', LambdaDetails: { FunctionName: 'fn' } })).toEqual({ type: 'Lambda', id: 'fn' });
    expect(affectedResource(undefined)).toEqual({ type: 'Unknown', id: '-' });
  });
});

describe('port probes (probed ports, probers and the security group to restrict)', () => {
  it('collects probed ports, probing hosts and the security groups to restrict', () => {
    const probe = portProbeOf(portProbeFinding())!;
    expect(probe).toEqual({
      instanceId: 'i-012345678aabbccdd',
      securityGroups: ['sg-0123 (cc-staging-env-sg)'],
      ports: [
        { port: 22, name: 'SSH' },
        { port: 3389, name: 'RDP' },
      ],
      probers: [{ ip: '198.51.100.7', country: 'Netherlands' }, { ip: '203.0.113.9' }],
    });
    expect(portProbeHint(probe)).toContain('Restrict sg-0123 (cc-staging-env-sg): allow ports 22/SSH, 3389/RDP only from trusted CIDRs, not 0.0.0.0/0');
    expect(portProbeHint(probe)).toContain('aws ec2 revoke-security-group-ingress --group-id sg-0123 --protocol tcp --port 22 --cidr 0.0.0.0/0');
    expect(portProbeOf(finding())).toBeUndefined();
  });
});

describe('summary', () => {
  const records = [
    toFindingRecord(finding({ Severity: 8, Type: 'Backdoor:EC2/C&CActivity.B!DNS', instanceId: 'i-0bbb' }), 'us-east-1'),
    toFindingRecord(finding({ Severity: 5, instanceId: 'i-0bbb' }), 'us-east-1'),
    toFindingRecord(finding({ Severity: 5 }), 'eu-west-1'),
    toFindingRecord(finding({ Severity: 9.5, Type: 'AttackSequence:IAM/CompromisedCredentials', Resource: { ResourceType: 'AccessKey', AccessKeyDetails: { UserName: 'ci' } } }), 'eu-west-1'),
    toFindingRecord(finding({ Severity: 2 }), 'eu-west-1'),
  ];

  it('counts region x severity band, including regions without findings', () => {
    const summary = summariseFindings(records, ['us-east-1', 'eu-west-1', 'ap-south-1']);
    expect(summary.byRegion).toEqual([
      { region: 'us-east-1', Low: 0, Medium: 1, High: 1, Critical: 0, total: 2 },
      { region: 'eu-west-1', Low: 1, Medium: 1, High: 0, Critical: 1, total: 3 },
      { region: 'ap-south-1', Low: 0, Medium: 0, High: 0, Critical: 0, total: 0 },
    ]);
    expect(summary.total).toEqual({ Low: 1, Medium: 2, High: 1, Critical: 1, total: 5 });
  });

  it('counts types (most findings first) and ranks resources', () => {
    const summary = summariseFindings(records, ['us-east-1', 'eu-west-1'], 2);
    expect(summary.byType[0]).toEqual({ type: 'UnauthorizedAccess:EC2/TorIPCaller', findings: 3, maxSeverity: 5 });
    expect(summary.topResources).toHaveLength(2);
    expect(summary.topResources[0]).toMatchObject({ resource: { type: 'Instance', id: 'i-0bbb' }, region: 'us-east-1', findings: 2, maxSeverity: 8 });
    expect(summary.topResources[0]!.types).toEqual(['Backdoor:EC2/C&CActivity.B!DNS', 'UnauthorizedAccess:EC2/TorIPCaller']);
  });
});

describe('findings report', () => {
  const outcomes = [
    {
      region: 'us-east-1',
      ok: true as const,
      value: { detectorId: 'd1', truncated: false, records: [toFindingRecord(portProbeFinding(), 'us-east-1'), toFindingRecord(finding({ Severity: 7.2, Title: '=cmd|calc' }), 'us-east-1')] },
    },
    { region: 'eu-west-1', ok: true as const, value: { detectorId: 'd2', truncated: true, records: [] } },
    { region: 'af-south-1', ok: false as const, error: { kind: 'access-denied' as const, code: 'AccessDeniedException', message: 'denied' } },
  ];

  it('exits 1 when a finding reaches --fail-on, and 1 wins over an unreadable region', () => {
    const report = buildFindingsReport({ accountId: '111111111111', query: QUERY, outcomes, failOn: 7 });
    expect(report.threshold).toEqual({ severity: 7, band: 'High', breaching: 1 });
    expect(report.exitCode).toBe(1);
    expect(buildFindingsReport({ accountId: '111111111111', query: QUERY, outcomes, failOn: 9 }).exitCode).toBe(3);
    expect(buildFindingsReport({ accountId: '111111111111', query: QUERY, outcomes: outcomes.slice(0, 2) }).exitCode).toBe(0);
  });

  it('renders the summary tables, the probed ports with their hint, and the unreadable regions', () => {
    const text = formatFindingsText(buildFindingsReport({ accountId: '111111111111', query: QUERY, outcomes, failOn: 7 }));
    expect(text).toContain('Findings in account 111111111111, 2 of 3 regions read (current, samples left out)');
    expect(text).toMatch(/us-east-1\s+1\s+0\s+1\s+0\s+2/);
    expect(text).toMatch(/All regions\s+1\s+0\s+1\s+0\s+2/);
    // Regions read without findings are named once, not listed as rows of zeros.
    expect(text).toContain('No findings in eu-west-1.');
    expect(text).not.toMatch(/^eu-west-1\s+0/m);
    expect(text).toMatch(/us-east-1\s+i-012345678aabbccdd\s+sg-0123 \(cc-staging-env-sg\)\s+22\/SSH, 3389\/RDP\s+198\.51\.100\.7 \(Netherlands\), 203\.0\.113\.9\s+7/);
    expect(text).toContain('→ i-012345678aabbccdd: Restrict sg-0123');
    expect(text).toContain('af-south-1: could not read: AccessDeniedException: denied');
    expect(text).toContain('eu-west-1: more findings matched than --max-findings');
    expect(text).toContain('2 findings; 1 at or above 7.0 (High, --fail-on). Exit 1: findings over the threshold.');
  });

  it('renders Markdown tables', () => {
    const md = formatFindingsMarkdown(buildFindingsReport({ accountId: '111111111111', query: QUERY, outcomes }));
    expect(md).toContain('### By region and severity\n\n| Region | Low | Medium | High | Critical | Total |\n| --- | ---: | ---: | ---: | ---: | ---: |\n| us-east-1 | 1 | 0 | 1 | 0 | 2 |');
    expect(md).toContain('### Probed ports (Recon:EC2/PortProbeUnprotectedPort)');
  });

  it('renders one CSV row per finding, formulas defused', () => {
    const csv = formatFindingsCsv(buildFindingsReport({ accountId: '111111111111', query: QUERY, outcomes }));
    const lines = csv.trimEnd().split('\n');
    expect(lines[0]).toBe('region,accountId,severity,band,type,resourceType,resourceId,title,count,updatedAt,archived,sample,probedPorts,id');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^us-east-1,111111111111,7\.2,High,UnauthorizedAccess:EC2\/TorIPCaller,Instance,i-0aaa,'=cmd\|calc,1,/);
    expect(lines[2]).toContain(',"22/SSH, 3389/RDP",');
  });
});
