import { convertTextFeed, countEntries, feedFile, provenanceFile, readProvenance, refuseDownload, renderTextFeedFile } from '../../src/threatlist';

describe('feeds', () => {
  it('reads a feed leniently (; and # comments, text after the address) into canonical entries', () => {
    const download = '; Spamhaus-style header\n203.0.113.0/25 ; SBL1\n203.0.113.128/25 ; SBL2\n# other\n198.51.100.7 some text\n2001:db8::/32 ; SBL3\n10.0.0.0/8\n';
    const feed = convertTextFeed(download, 'drop');
    expect(feed).toMatchObject({ body: '198.51.100.7\n203.0.113.0/24\n', entries: 2, addresses: 257, sourceLines: 7, skipped: { ipv6: 1 }, specialEntries: 1 });
  });

  it('writes a provenance header that fetch reads back, and the entries below it', () => {
    const provenance = { feed: 'drop', url: 'https://feeds.example.net/drop.txt', licence: 'CC0', fetchedAt: '2026-11-23T06:00:00.000Z', sourceSha256: 'ab'.repeat(32), sourceBytes: 42 };
    const text = renderTextFeedFile(provenance, convertTextFeed('203.0.113.1\n203.0.113.2\n', 'drop'));
    expect(text).toBe(
      [
        '# Feed "drop", written by `threatlists fetch`: refresh it with that command rather than by hand.',
        '# url: https://feeds.example.net/drop.txt',
        '# licence: CC0',
        '# fetched-at: 2026-11-23T06:00:00.000Z',
        `# source-sha256: ${'ab'.repeat(32)}`,
        '# source-bytes: 42',
        '# entries: 2 (from 2 source lines)',
        '',
        '203.0.113.1',
        '203.0.113.2',
        '',
      ].join('\n'),
    );
    expect(readProvenance(text)).toMatchObject({ url: provenance.url, 'source-sha256': provenance.sourceSha256 });
    expect(countEntries(text)).toBe(2);
  });

  it('puts TXT feeds where the threat glob reads them and other formats beside their provenance', () => {
    expect(feedFile({ name: 'drop', format: 'TXT' })).toBe('threatlists/threat/drop.txt');
    expect(feedFile({ name: 'otx', format: 'OTX_CSV' })).toBe('threatlists/threat/otx.otx_csv');
    expect(provenanceFile({ name: 'otx', format: 'OTX_CSV' })).toBe('threatlists/threat/otx.otx_csv.provenance');
  });

  it('refuses empty, oversized and suddenly halved downloads', () => {
    const base = { unit: 'entries' as const, allowShrink: false };
    expect(refuseDownload({ ...base, size: 0, previous: 10 })).toBe('the download has no entries; keeping the current file');
    expect(refuseDownload({ ...base, size: 11, previous: 0, maxEntries: 10 })).toBe("the download has 11 entries, over the feed's maxEntries of 10");
    expect(refuseDownload({ ...base, size: 4, previous: 10 })).toMatch(/^the download has 4 entries, fewer than half of the 10 in the current file/);
    expect(refuseDownload({ ...base, size: 5, previous: 10 })).toBeUndefined();
    expect(refuseDownload({ ...base, size: 4, previous: 10, allowShrink: true })).toBeUndefined();
  });
});
