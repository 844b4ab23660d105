import { DiagnosticSink, ENTRY_FORM, formatAddress, parseListText } from '../../src/threatlist';

function parse(text: string) {
  const sink = new DiagnosticSink();
  const parsed = parseListText(text, 'list.txt', sink);
  const entries = Array.from({ length: parsed.count }, (_, k) => ({
    range: `${formatAddress(parsed.starts[k]!)}-${formatAddress(parsed.ends[k]!)}`,
    line: parsed.lines[k],
    form: parsed.forms[k],
  }));
  return { parsed, entries, diagnostics: sink.toArray() };
}

describe('parseListText', () => {
  it('reads addresses, CIDRs and ranges with their line numbers', () => {
    const { entries, diagnostics } = parse('# header\n198.51.100.7\n\n198.51.100.0/30\n203.0.113.1 - 203.0.113.9\n');
    expect(diagnostics).toEqual([]);
    expect(entries).toEqual([
      { range: '198.51.100.7-198.51.100.7', line: 2, form: ENTRY_FORM.cidr },
      { range: '198.51.100.0-198.51.100.3', line: 4, form: ENTRY_FORM.cidr },
      { range: '203.0.113.1-203.0.113.9', line: 5, form: ENTRY_FORM.range },
    ]);
  });

  it('takes a BOM, CRLF line ends, tabs and a last line without a newline', () => {
    const { entries, diagnostics } = parse('\uFEFF\t198.51.100.1\r\n198.51.100.2  \r\n203.0.113.0/24');
    expect(diagnostics).toEqual([]);
    expect(entries.map((e) => e.range)).toEqual(['198.51.100.1-198.51.100.1', '198.51.100.2-198.51.100.2', '203.0.113.0-203.0.113.255']);
  });

  it('keeps annotations only for entries that carry them', () => {
    const { parsed } = parse('198.51.100.1  # expires=2027-01-31 owner=netops ticket=NET-1\n198.51.100.2  # just a note\n');
    expect(parsed.annotated).toEqual([{ index: 0, line: 1, annotations: { expires: '2027-01-31', owner: 'netops', ticket: 'NET-1' } }]);
  });

  it('reports a bad line with its number and goes on', () => {
    const { entries, diagnostics } = parse('198.51.100.1\n2001:db8::1\n198.51.100.3\n');
    expect(entries.map((e) => e.line)).toEqual([1, 3]);
    expect(diagnostics).toMatchObject([{ severity: 'error', code: 'ipv6', file: 'list.txt', line: 2 }]);
  });

  it('summarises past 100 diagnostics of one kind in a file instead of listing them all', () => {
    const { diagnostics } = parse('bad\n'.repeat(250));
    expect(diagnostics).toHaveLength(101);
    expect(diagnostics[0]).toMatchObject({ code: 'more-diagnostics', message: '150 more malformed-address errors in this file (the first 100 are listed)' });
  });
});
