import { formatDuration, parseDuration, parseSince } from '../../src/ops/duration';
import { formatCsv } from '../../src/ops/format/csv';
import { formatMarkdownTable } from '../../src/ops/format/markdown-table';
import { formatTable } from '../../src/ops/format/text-table';
import { narrowRegions } from '../../src/ops/region-scope';
import { UsageError } from '../../src/ops/usage-error';

describe('tables', () => {
  it('pads columns to their widest cell, right-aligns numbers', () => {
    expect(formatTable(['Region', 'High'], [['us-east-1', '3'], ['eu-west-1', '12']], ['left', 'right'])).toBe(
      ['Region     High', '---------  ----', 'us-east-1     3', 'eu-west-1    12'].join('\n'),
    );
  });

  it('escapes pipes and newlines in Markdown cells so a title cannot break the table', () => {
    expect(formatMarkdownTable(['Title', 'N'], [['a | b\nc', '1']], [false, true])).toBe('| Title | N |\n| --- | ---: |\n| a \\| b c | 1 |');
    expect(formatMarkdownTable(['Title'], [['x']]).endsWith('| x |')).toBe(true);
  });

  it('quotes CSV cells per RFC 4180 and defuses spreadsheet formulas', () => {
    expect(formatCsv(['a', 'b', 'c'], [['x,y', 'say "hi"', 3], ['=HYPERLINK("http://evil")', '-1+2', '@SUM(A1)']])).toBe(
      'a,b,c\n"x,y","say ""hi""",3\n"\'=HYPERLINK(""http://evil"")",\'-1+2,\'@SUM(A1)\n',
    );
  });
});

describe('durations', () => {
  it('parses 90s, 10m, 2h, 7d and bare seconds', () => {
    expect([parseDuration('90s'), parseDuration('10m'), parseDuration('2h'), parseDuration('7d'), parseDuration('30'), parseDuration('250ms')]).toEqual([
      90_000, 600_000, 7_200_000, 604_800_000, 30_000, 250,
    ]);
    expect(() => parseDuration('soon')).toThrow(UsageError);
  });

  it('reads --since as a duration before now or as a date', () => {
    const now = Date.parse('2026-03-10T12:00:00Z');
    expect(parseSince('24h', now)).toBe(Date.parse('2026-03-09T12:00:00Z'));
    expect(parseSince('2026-03-01', now)).toBe(Date.parse('2026-03-01T00:00:00Z'));
    expect(parseSince('2026-03-01T06:00:00Z', now)).toBe(Date.parse('2026-03-01T06:00:00Z'));
    expect(() => parseSince('2026-13-45', now)).toThrow(/not a valid date/);
  });

  it('prints latencies', () => {
    expect([formatDuration(850), formatDuration(48_200), formatDuration(125_000)]).toEqual(['850ms', '48s', '2m 05s']);
  });
});

describe('narrowRegions', () => {
  const configured = ['us-east-1', 'eu-west-1', 'ap-south-1'];
  it('keeps the config order and rejects regions the config does not deploy to', () => {
    expect(narrowRegions(configured, undefined)).toEqual(configured);
    expect(narrowRegions(configured, ['ap-south-1', 'us-east-1'])).toEqual(['us-east-1', 'ap-south-1']);
    expect(() => narrowRegions(configured, ['eu-west-1', 'me-south-1'])).toThrow(/me-south-1 is not among the config's regions/);
  });
});
