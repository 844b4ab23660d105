import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LIST_CASES_DIR, listCaseDiagnostics, listCaseNames } from '../../scripts/write-list-cases';

/**
 * Error corpus: each folder under cases/ holds a list file (`input.txt`),
 * optionally the policy it is checked under (`case.json`: kind, today,
 * expiredEntries, widestTrustedPrefix) and `expected.txt`, the exact
 * diagnostics it must produce, one per line as `threatlists validate`
 * prints them. This test only reads them; `npm run golden` rewrites them
 * (review the diff).
 */
const cases = listCaseNames();

describe('list file error corpus', () => {
  it('has a case per kind of mistake', () => {
    expect(cases.length).toBeGreaterThanOrEqual(12);
  });

  it.each(cases)('%s gives exactly its expected diagnostics', (name) => {
    const expected = readFileSync(join(LIST_CASES_DIR, name, 'expected.txt'), 'utf8').split('\n').filter((l) => l !== '');
    expect(listCaseDiagnostics(name)).toEqual(expected);
  });
});
