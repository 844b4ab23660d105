/**
 * `npm run golden`: rewrites the list engine's error corpus, each
 * test/threatlist/cases/<name>/expected.txt, from the diagnostics the engine
 * gives today. `--check` only compares and exits 1 when any is stale. The
 * tests never write these files: review the diff of what this writes.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkListText, formatDiagnostic, type ListPolicy } from '../src/threatlist';
import { staleFiles, writeOrCheck } from './generated-files';

export const LIST_CASES_DIR = join(__dirname, '..', 'test', 'threatlist', 'cases');

export function listCaseNames(): string[] {
  return readdirSync(LIST_CASES_DIR).sort();
}

/** The diagnostics of one case (`input.txt` under the policy of its optional `case.json`), as `threatlists validate` prints them. */
export function listCaseDiagnostics(name: string): string[] {
  const caseDir = join(LIST_CASES_DIR, name);
  const settings = existsSync(join(caseDir, 'case.json')) ? (JSON.parse(readFileSync(join(caseDir, 'case.json'), 'utf8')) as Partial<ListPolicy>) : {};
  const policy: ListPolicy = { kind: 'threat', today: '2026-11-23', expiredEntries: 'error', widestTrustedPrefix: 16, ...settings };
  return checkListText(readFileSync(join(caseDir, 'input.txt'), 'utf8'), 'input.txt', policy).map(formatDiagnostic);
}

/** Each case's expected.txt whose content differs from what the engine gives, with the wanted content. */
export function staleListCases(): [string, string][] {
  return staleFiles(listCaseNames().map((name) => [join(LIST_CASES_DIR, name, 'expected.txt'), listCaseDiagnostics(name).map((l) => `${l}\n`).join('')]));
}

if (require.main === module) {
  process.exitCode = writeOrCheck(staleListCases(), process.argv.includes('--check'), 'npm run golden');
}
