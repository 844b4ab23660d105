import { listObjectMetadata, metadataBytes, S3_USER_METADATA_MAX_BYTES } from '../../src/threatlist/object-metadata';

const list = (sources: string[]) => ({ listName: 'feeds', kind: 'threat' as const, sha256: 'c'.repeat(64), entries: 1234, sources });
const manyFiles = (n: number) => Array.from({ length: n }, (_, i) => `threatlists/threat/feed-${String(i).padStart(4, '0')}.txt`);

describe('list object metadata', () => {
  it('carries the provenance under lowercase ASCII keys', () => {
    expect(listObjectMetadata(list(['threatlists/threat/a.txt', 'threatlists/threat/b.txt']))).toEqual({
      list: 'feeds',
      kind: 'threat',
      sha256: 'c'.repeat(64),
      entries: '1234',
      'source-count': '2',
      sources: 'threatlists/threat/a.txt threatlists/threat/b.txt',
    });
  });

  it("stays within S3's 2 KB of user-defined metadata however many source files, listing what fits and counting the rest", () => {
    for (const n of [1, 40, 41, 60, 500, 5000]) {
      const metadata = listObjectMetadata(list(manyFiles(n)));
      expect(metadataBytes(metadata)).toBeLessThanOrEqual(S3_USER_METADATA_MAX_BYTES);
      expect(metadata['source-count']).toBe(String(n));
      const shown = metadata.sources!.split(' ').filter((p) => p.startsWith('threatlists/'));
      const omitted = Number(/\(\+(\d+) more\)$/.exec(metadata.sources!)?.[1] ?? 0);
      expect(shown).toEqual(manyFiles(n).slice(0, shown.length));
      expect(shown.length + omitted).toBe(n);
      if (omitted > 0) {
        // The next path would not have fitted: the list is cut where the budget ends, not earlier.
        const longer = { ...metadata, sources: [...shown, manyFiles(n)[shown.length]!, `(+${omitted - 1} more)`].join(' ') };
        expect(metadataBytes(longer)).toBeGreaterThan(S3_USER_METADATA_MAX_BYTES);
      }
    }
  });

  it('truncates deterministically: the same sources give the same metadata', () => {
    expect(listObjectMetadata(list(manyFiles(300)))).toEqual(listObjectMetadata(list(manyFiles(300))));
    expect(listObjectMetadata(list(manyFiles(300))).sources).toMatch(/ \(\+2\d\d more\)$/);
  });

  it('keeps values printable US-ASCII (HTTP headers): other bytes, "%" and spaces in paths are percent-encoded', () => {
    const metadata = listObjectMetadata(list(['threatlists/threat/café feed%.txt']));
    expect(metadata.sources).toBe('threatlists/threat/caf%C3%A9%20feed%25.txt');
    for (const [key, value] of Object.entries(metadata)) {
      expect(key).toMatch(/^[a-z0-9-]+$/);
      expect(value).toMatch(/^[\x20-\x7e]*$/);
    }
  });
});
