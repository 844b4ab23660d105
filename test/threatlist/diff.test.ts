import { buildThreatListsWithDetail, diffThreatLists, renderDiffMarkdown } from '../../src/threatlist';
import { listsConfig, NOW, projectDir } from './project-dir';

describe('diffThreatLists', () => {
  const base = projectDir({
    'threatlists/trusted/t.txt': '198.51.100.0/28\n',
    'threatlists/threat/a.txt': '203.0.113.0/28\n203.0.113.64\n',
  });
  const head = projectDir({
    'threatlists/trusted/t.txt': '198.51.100.0/28\n192.0.2.0/26  # expires=2026-12-01 owner=secops ticket=SEC-9\n',
    'threatlists/threat/a.txt': '203.0.113.0/27\n192.0.2.10\n',
  });
  afterAll(() => {
    base.remove();
    head.remove();
  });

  const build = (root: string) => buildThreatListsWithDetail(listsConfig(), { root, now: NOW });

  it('reports addresses added and removed, new overlaps, expiring entries and the widest new ranges', () => {
    const diff = diffThreatLists(build(base.root), build(head.root), { baseRef: 'origin/main', now: NOW });
    const [trusted, feeds] = diff.lists;
    expect(trusted).toMatchObject({
      status: 'changed',
      base: { entries: 1, addresses: 16 },
      head: { entries: 2, addresses: 80 },
      added: { addresses: 64, cidrs: 1, listed: ['192.0.2.0/26'] },
      removed: { addresses: 0 },
      widestNew: ['192.0.2.0/26'],
      expiringSoon: [{ file: 'threatlists/trusted/t.txt', line: 2, entry: '192.0.2.0/26', expires: '2026-12-01', days: 8, owner: 'secops', ticket: 'SEC-9' }],
    });
    expect(feeds).toMatchObject({
      status: 'changed',
      added: { addresses: 17, listed: ['192.0.2.10', '203.0.113.16/28'] },
      removed: { addresses: 1, listed: ['203.0.113.64'] },
      newOverlaps: { addresses: 1, listed: ['192.0.2.10'] },
      quota: { entries: 2, entryLimit: 250_000 },
    });
    expect(diff.warnings).toBe(1); // the overlap, also a validate warning
  });

  it('treats a list that has no files at the base as new, and an identical one as unchanged', () => {
    const empty = projectDir({});
    const diff = diffThreatLists(buildThreatListsWithDetail(listsConfig(), { root: empty.root, now: NOW, missingFilesAreEmpty: true }), build(head.root), { baseRef: 'main', now: NOW });
    const same = diffThreatLists(build(head.root), build(head.root), { baseRef: 'main', now: NOW });
    empty.remove();
    expect(diff.lists.map((l) => [l.name, l.status, l.added.addresses])).toEqual([
      ['trusted', 'changed', 80],
      ['feeds', 'changed', 33],
    ]);
    expect(same.lists.map((l) => l.status)).toEqual(['unchanged', 'unchanged']);
  });

  it('renders a Markdown report for the pull request', () => {
    const markdown = renderDiffMarkdown(diffThreatLists(build(base.root), build(head.root), { baseRef: 'origin/main', now: NOW }));
    expect(markdown).toBe(
      [
        '<!-- threatlists-diff -->',
        '## IP list changes against `origin/main`',
        '',
        '| List | Set | Status | Entries | Addresses | Quota use |',
        '| --- | --- | --- | ---: | ---: | ---: |',
        '| `trusted` | trusted IPSet (TXT) | changed | 1 → 2 (+1) | 16 → 80 (+64) | 2 / 2,000 (0.1%); 29 B of 35 MB |',
        '| `feeds` | ThreatIntelSet (TXT) | changed | 2 | 17 → 33 (+16) | 2 / 250,000 (<0.1%); 26 B of 35 MB |',
        '',
        '### `trusted` — trusted IPSet',
        '',
        '- **Added** 64 addresses in 1 CIDR: `192.0.2.0/26`',
        '- **Widest new ranges:** `192.0.2.0/26`',
        '- **Expiring within 30 days:**',
        '',
        '  | Entry | Expires | In | Owner | Ticket | Where |',
        '  | --- | --- | ---: | --- | --- | --- |',
        '  | `192.0.2.0/26` | 2026-12-01 | 8 d | secops | SEC-9 | threatlists/trusted/t.txt:2 |',
        '',
        '### `feeds` — ThreatIntelSet',
        '',
        '- **Added** 17 addresses in 2 CIDRs: `192.0.2.10`, `203.0.113.16/28`',
        '- **Removed** 1 address in 1 CIDR: `203.0.113.64`',
        '- **Widest new ranges:** `203.0.113.16/28`',
        '- **New overlap with the trusted list** (GuardDuty ignores these threat entries, trusted wins): 1 address in 1 CIDR: `192.0.2.10`',
        '',
        'Validation: 0 errors, 1 warning — see `threatlists validate` (annotated on the files in this PR).',
        '',
      ].join('\n'),
    );
  });
});
