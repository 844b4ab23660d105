/**
 * `npm run schema`: regenerates guardduty.schema.json and the config
 * reference table of docs/configuration.md from the zod schema. `--check` only compares and exits 1
 * when either is stale (CI runs it).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configJsonSchemaText, configReferenceMarkdown } from '../src/config/json-schema';
import { staleFiles, writeOrCheck } from './generated-files';

export const SCHEMA_FILE = join(__dirname, '..', 'guardduty.schema.json');
export const CONFIG_DOC_FILE = join(__dirname, '..', 'docs', 'configuration.md');
const BEGIN = '<!-- BEGIN CONFIG REFERENCE (npm run schema) -->\n';
const END = '<!-- END CONFIG REFERENCE -->';

export function docWithReference(doc: string): string {
  const start = doc.indexOf(BEGIN);
  const end = doc.indexOf(END);
  if (start < 0 || end < start) throw new Error(`docs/configuration.md has no "${BEGIN.trim()}" ... "${END}" block`);
  return doc.slice(0, start + BEGIN.length) + configReferenceMarkdown() + doc.slice(end);
}

/** Files whose content differs from what the schema generates, with the wanted content. */
export function staleGeneratedFiles(): [string, string][] {
  const wanted: [string, string][] = [
    [SCHEMA_FILE, configJsonSchemaText()],
    [CONFIG_DOC_FILE, docWithReference(readFileSync(CONFIG_DOC_FILE, 'utf8'))],
  ];
  return staleFiles(wanted);
}

function main(check: boolean): number {
  return writeOrCheck(staleGeneratedFiles(), check, 'npm run schema');
}

if (require.main === module) process.exit(main(process.argv.includes('--check')));
