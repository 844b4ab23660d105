import fc from 'fast-check';
import { formatAddress, normalizeSourceText } from '../../src/threatlist';

describe('normalizeSourceText (normalize --write)', () => {
  it('sorts entries, keeps their annotations and the comments above them, keeps the header', () => {
    const input = [
      '# Trusted: our egress',
      '# (documentation addresses)',
      '',
      '# VPN',
      '198.51.100.200-198.51.100.203   # owner=netops ticket=NET-3',
      '# Head office',
      '198.51.100.0/28  # owner=netops ticket=NET-1',
      '192.0.2.7/32',
      '',
    ].join('\n');
    const result = normalizeSourceText(input, 'offices.txt');
    expect(result.text).toBe(
      [
        '# Trusted: our egress',
        '# (documentation addresses)',
        '',
        '192.0.2.7',
        '# Head office',
        '198.51.100.0/28  # owner=netops ticket=NET-1',
        '# VPN',
        '198.51.100.200-198.51.100.203  # owner=netops ticket=NET-3',
        '',
      ].join('\n'),
    );
    expect(result).toMatchObject({ changed: true, entries: 3, duplicatesRemoved: 0 });
  });

  it('folds exact duplicates, keeping the annotated one; keeps duplicates whose annotations differ', () => {
    const input = '203.0.113.1\n203.0.113.1  # ticket=IR-1\n203.0.113.2  # ticket=IR-2\n203.0.113.2  # ticket=IR-3\n203.0.113.0/24\n';
    const result = normalizeSourceText(input, 'x.txt');
    expect(result.text).toBe('203.0.113.0/24\n203.0.113.1  # ticket=IR-1\n203.0.113.2  # ticket=IR-2\n203.0.113.2  # ticket=IR-3\n');
    expect(result.duplicatesRemoved).toBe(1);
  });

  it('leaves a file with syntax errors untouched and says why', () => {
    const input = '203.0.113.9\n2001:db8::1\n';
    const result = normalizeSourceText(input, 'x.txt');
    expect(result.text).toBe(input);
    expect(result.changed).toBe(false);
    expect(result.diagnostics.map((d) => `${d.line} ${d.code}`)).toEqual(['2 ipv6']);
  });

  it('is idempotent on any mix of entries, comments and blank lines', () => {
    const line = fc.oneof(
      fc.integer({ min: 0, max: 2 ** 32 - 1 }).map(formatAddress),
      fc.integer({ min: 0, max: 255 }).map((n) => `203.0.113.${n}  # owner=o${n % 3}`),
      fc.integer({ min: 0, max: 9 }).map((n) => `# comment ${n}`),
      fc.constant(''),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), (lines) => {
        const once = normalizeSourceText(`${lines.join('\n')}\n`, 'x.txt');
        const twice = normalizeSourceText(once.text, 'x.txt');
        expect(twice.text).toBe(once.text);
        expect(twice.changed).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});
