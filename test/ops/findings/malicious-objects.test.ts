import type { Finding } from '@aws-sdk/client-guardduty';
import { buildFindingsReport } from '../../../src/ops/findings/findings-report';
import { toFindingRecord } from '../../../src/ops/findings/finding-record';
import { formatFindingsText } from '../../../src/ops/findings/format-text';
import { finding } from './finding-fixtures';

const QUERY = { archived: false, includeSamples: false };

/** An Object:S3/MaliciousFile finding as Malware Protection for S3 reports it: the bucket and the object key. */
function maliciousFile(bucket: string, key: string, over: Partial<Finding> = {}): Finding {
  return finding({
    Type: 'Object:S3/MaliciousFile',
    Severity: 8,
    Title: 'A malicious file was detected in an S3 object.',
    Resource: { ResourceType: 'S3Object', S3BucketDetails: [{ Name: bucket, S3ObjectDetails: [{ Key: key }] }] },
    ...over,
  });
}

describe('guardduty-ops findings: malicious S3 objects', () => {
  it('counts Object:S3/MaliciousFile findings per bucket with the objects they name, and shows them as a section', () => {
    const records = [
      maliciousFile('acme-customer-uploads', 'incoming/invoice.pdf.exe'),
      maliciousFile('acme-customer-uploads', 'incoming/eicar.txt'),
      maliciousFile('acme-partner-drop', 'x.zip'),
      finding({ Severity: 5 }),
    ].map((f) => toFindingRecord(f, 'us-east-1'));
    const report = buildFindingsReport({ accountId: '111111111111', query: QUERY, outcomes: [{ ok: true, region: 'us-east-1', value: { detectorId: 'd', records, truncated: false } }] });
    expect(report.maliciousObjects).toEqual([
      { bucket: 'acme-customer-uploads', accountId: '111111111111', region: 'us-east-1', findings: 2, keys: ['incoming/eicar.txt', 'incoming/invoice.pdf.exe'] },
      { bucket: 'acme-partner-drop', accountId: '111111111111', region: 'us-east-1', findings: 1, keys: ['x.zip'] },
    ]);
    const text = formatFindingsText(report);
    expect(text).toContain('Malicious S3 objects (Object:S3/MaliciousFile): 3 findings');
    expect(text).toMatch(/acme-customer-uploads\s+111111111111\s+us-east-1\s+2\s+incoming\/eicar\.txt, incoming\/invoice\.pdf\.exe/);
  });

  it('has no malicious-object section when there are none', () => {
    const records = [toFindingRecord(finding(), 'us-east-1')];
    const report = buildFindingsReport({ accountId: '111111111111', query: QUERY, outcomes: [{ ok: true, region: 'us-east-1', value: { detectorId: 'd', records, truncated: false } }] });
    expect(report.maliciousObjects).toEqual([]);
    expect(formatFindingsText(report)).not.toContain('Malicious S3 objects');
  });
});
