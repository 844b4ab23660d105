import { createHash } from 'node:crypto';
import { buildThreatLists, formatDiagnostic, LIST_QUOTAS } from '../../src/threatlist';
import { listsConfig, NOW, projectDir } from './project-dir';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('buildThreatLists', () => {
  const project = projectDir({
    'threatlists/trusted/offices.txt': '# offices\n198.51.100.0/28  # owner=netops\n198.51.100.16/28\n',
    'threatlists/trusted/vendors.txt': '192.0.2.64/28  # expires=2027-06-30 owner=secops ticket=SEC-1\n198.51.100.8\n',
    'threatlists/threat/incidents.txt': '203.0.113.9\n203.0.113.0/28\n10.0.0.1\n',
    'threatlists/threat/feed.txt': '203.0.113.16/28\n203.0.113.200-203.0.113.207\n',
  });
  afterAll(() => project.remove());

  it('merges every trusted file into the one IPSet and builds each ThreatIntelSet', () => {
    const { lists, diagnostics } = buildThreatLists(listsConfig(), { root: project.root, now: NOW });
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      'threatlists/threat/incidents.txt:3: warning [private-range] 10.0.0.1 is private (RFC 1918, 10.0.0.0/8): GuardDuty ignores it, so it is left out of the uploaded list',
    ]);
    const [trusted, feeds] = lists;
    expect(trusted).toMatchObject({
      name: 'trusted',
      kind: 'trusted',
      format: 'TXT',
      sources: ['threatlists/trusted/offices.txt', 'threatlists/trusted/vendors.txt'],
      body: '192.0.2.64/28\n198.51.100.0/27\n',
      entries: 2,
      addresses: 48,
    });
    expect(trusted!.sha256).toBe(sha256(trusted!.body));
    expect(feeds).toMatchObject({ name: 'feeds', kind: 'threat', body: '203.0.113.0/27\n203.0.113.200/29\n', entries: 2, addresses: 40 });
  });

  it('prints a canonical file: header naming sources and sha256, then exactly the body', () => {
    const { lists } = buildThreatLists(listsConfig(), { root: project.root, now: NOW });
    expect(lists[0]!.canonical).toBe(
      [
        '# trusted IPSet "trusted": canonical list built by `threatlists normalize` from the files below; edit those, not this.',
        '# source: threatlists/trusted/offices.txt',
        '# source: threatlists/trusted/vendors.txt',
        `# sha256: ${lists[0]!.sha256} (of the address lines below: the bytes uploaded)`,
        '# entries: 2 of 2000 allowed; addresses: 48',
        '192.0.2.64/28',
        '198.51.100.0/27',
        '',
      ].join('\n'),
    );
  });

  it('is deterministic: a second build gives the same bytes', () => {
    const a = buildThreatLists(listsConfig(), { root: project.root, now: NOW });
    const b = buildThreatLists(listsConfig(), { root: project.root, now: NOW });
    expect(b).toEqual(a);
  });

  it('warns at each threat entry the trusted list overrides, naming the trusted entry', () => {
    const p = projectDir({ 'threatlists/trusted/t.txt': '198.51.100.0/28\n', 'threatlists/threat/x.txt': '203.0.113.1\n198.51.100.8/29\n' });
    const { diagnostics } = buildThreatLists(listsConfig(), { root: p.root, now: NOW });
    p.remove();
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      'threatlists/threat/x.txt:2: warning [trusted-overlap] 198.51.100.8/29 in ThreatIntelSet "feeds" overlaps the trusted list in 198.51.100.8/29 ' +
        '(trusted: threatlists/trusted/t.txt:1 198.51.100.0/28): GuardDuty ignores those addresses here because trusted IPs win',
    ]);
  });

  it('enforces the entry quota on the merged output, not on the source lines', () => {
    // 2,001 separate addresses: one over the trusted quota. 4,002 adjacent ones would merge into few lines.
    const spread = Array.from({ length: LIST_QUOTAS.trustedEntries + 1 }, (_, i) => `198.51.${(i * 2) >> 8}.${(i * 2) & 255}`).join('\n');
    const adjacent = Array.from({ length: 4096 }, (_, i) => `203.0.${i >> 8}.${i & 255}`).join('\n');
    const p = projectDir({ 'threatlists/trusted/many.txt': spread, 'threatlists/trusted/adjacent.txt': adjacent });
    const { lists, diagnostics } = buildThreatLists(listsConfig({ threat: [] }), { root: p.root, now: NOW });
    p.remove();
    expect(lists[0]!.entries).toBe(LIST_QUOTAS.trustedEntries + 2);
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      'threatlists/trusted/adjacent.txt: error [too-many-entries] trusted IPSet "trusted" has 2,002 entries after merging, over GuardDuty\'s quota of 2,000; list wider ranges or move entries out',
    ]);
  });

  it('reports config paths that match nothing, a file in two lists and two lists with one name', () => {
    const p = projectDir({ 'threatlists/both.txt': '203.0.113.1\n' });
    const config = listsConfig({
      trusted: { name: 'feeds', files: ['threatlists/both.txt', 'threatlists/trusted/*.txt'] },
      threat: [{ name: 'feeds', files: ['threatlists/both.txt', 'threatlists/missing.txt'], format: 'TXT' }],
    });
    const { diagnostics } = buildThreatLists(config, { root: p.root, now: NOW, configFile: 'guardduty.yaml' });
    p.remove();
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      'guardduty.yaml: error [duplicate-list-name] two lists are named "feeds": GuardDuty set names (and S3 keys) come from list names, give each list its own',
      'guardduty.yaml: error [no-files] ThreatIntelSet "feeds": "threatlists/missing.txt" matches no file (paths are relative to the project root)',
      'guardduty.yaml: error [no-files] trusted IPSet "feeds": "threatlists/trusted/*.txt" matches no file (paths are relative to the project root)',
      'threatlists/both.txt: error [file-in-two-lists] this file feeds both the trusted list and ThreatIntelSet "feeds": a trusted address is never a threat (trusted wins in GuardDuty), take it out of one list',
      'threatlists/both.txt:1: warning [trusted-overlap] 203.0.113.1 in ThreatIntelSet "feeds" overlaps the trusted list in 203.0.113.1 (trusted: threatlists/both.txt:1 203.0.113.1): GuardDuty ignores those addresses here because trusted IPs win',
    ]);
  });

  it('uploads other formats as they are, one file each, after a size check', () => {
    const stix = '<stix:STIX_Package/>\n';
    const p = projectDir({ 'threatlists/stix/a.xml': stix, 'threatlists/stix/b.xml': stix });
    const config = listsConfig({ trusted: undefined, threat: [{ name: 'stix', files: ['threatlists/stix/a.xml'], format: 'STIX' }, { name: 'two', files: ['threatlists/stix/*.xml'], format: 'STIX' }] });
    const { lists, diagnostics } = buildThreatLists(config, { root: p.root, now: NOW });
    p.remove();
    expect(lists[0]).toEqual({ name: 'stix', kind: 'threat', format: 'STIX', sources: ['threatlists/stix/a.xml'], body: stix, sha256: sha256(stix), entries: 0, addresses: 0, canonical: stix });
    expect(diagnostics.map(formatDiagnostic)).toEqual(['threatlists/stix/b.xml: error [one-file-per-format] ThreatIntelSet "two" is STIX, which cannot be merged: give it exactly one file (it matches 2)']);
  });

  it('drops expired entries and follows policy.expiredEntries', () => {
    const p = projectDir({ 'threatlists/trusted/t.txt': '198.51.100.1  # expires=2026-11-22\n198.51.100.2  # expires=2026-11-23\n' });
    const warn = buildThreatLists(listsConfig({ threat: [], policy: { expiredEntries: 'warn', widestTrustedPrefix: 16 } }), { root: p.root, now: NOW });
    const error = buildThreatLists(listsConfig({ threat: [] }), { root: p.root, now: NOW });
    p.remove();
    expect(warn.lists[0]!.body).toBe('198.51.100.2\n');
    expect(warn.diagnostics.map((d) => `${d.severity} ${d.code}`)).toEqual(['warning expired']);
    expect(error.diagnostics.map((d) => `${d.severity} ${d.code}`)).toEqual(['error expired']);
  });

  it('warns about a list left empty', () => {
    const p = projectDir({ 'threatlists/trusted/t.txt': '# nothing yet\n10.0.0.0/8\n' });
    const { diagnostics } = buildThreatLists(listsConfig({ threat: [] }), { root: p.root, now: NOW });
    p.remove();
    expect(diagnostics.map((d) => d.code)).toEqual(['empty-list', 'private-range']);
  });
});
