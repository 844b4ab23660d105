import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkListText, formatDiagnostic, type ListPolicy } from '../../src/threatlist';

/**
 * Error corpus: each folder under cases/ holds a list file (`input.txt`),
 * optionally the policy it is checked under (`case.json`: kind, today,
 * expiredEntries, widestTrustedPrefix) and `expected.txt`, the exact
 * diagnostics it must produce, one per line as `threatlists validate`
 * prints them. `UPDATE_CASES=1` rewrites expected.txt; review the diff.
 */
const dir = join(__dirname, 'cases');
const cases = readdirSync(dir).sort();

describe('list file error corpus', () => {
  it('has a case per kind of mistake', () => {
    expect(cases.length).toBeGreaterThanOrEqual(12);
  });

  it.each(cases)('%s gives exactly its expected diagnostics', (name) => {
    const caseDir = join(dir, name);
    const settings = existsSync(join(caseDir, 'case.json')) ? (JSON.parse(readFileSync(join(caseDir, 'case.json'), 'utf8')) as Partial<ListPolicy>) : {};
    const policy: ListPolicy = { kind: 'threat', today: '2026-11-23', expiredEntries: 'error', widestTrustedPrefix: 16, ...settings };
    const actual = checkListText(readFileSync(join(caseDir, 'input.txt'), 'utf8'), 'input.txt', policy).map(formatDiagnostic);
    const expectedFile = join(caseDir, 'expected.txt');
    if (process.env.UPDATE_CASES) writeFileSync(expectedFile, actual.map((l) => `${l}\n`).join(''));
    const expected = readFileSync(expectedFile, 'utf8').split('\n').filter((l) => l !== '');
    expect(actual).toEqual(expected);
  });
});
