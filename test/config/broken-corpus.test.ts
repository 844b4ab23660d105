import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, formatIssue, parseConfig } from '../../src/config';

/**
 * Each file under broken/ is a config with mistakes; its `# expect:` lines
 * are the exact errors, with YAML path and line, that it must produce, all
 * in one report.
 */
const dir = join(__dirname, 'broken');
const cases = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();

describe('broken configs', () => {
  it('has a corpus', () => {
    expect(cases.length).toBeGreaterThanOrEqual(15);
  });

  it.each(cases)('%s fails with exactly its expected errors', (file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    const expected = text
      .split('\n')
      .filter((l) => l.startsWith('# expect: '))
      .map((l) => l.slice('# expect: '.length));
    expect(expected.length).toBeGreaterThan(0);
    let error: unknown;
    try {
      parseConfig(text, file);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const actual = (error as ConfigError).issues.map(formatIssue);
    expect([...actual].sort()).toEqual([...expected].sort());
    expect((error as ConfigError).message).toContain(`${file}: ${expected.length} error`);
  });
});
