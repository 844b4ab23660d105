/**
 * `npm run schema`: regenerates guardduty.schema.json and the README's
 * config reference from the zod schema. `--check` only compares and exits 1
 * when either is stale (CI runs it).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { configJsonSchemaText, configReferenceMarkdown } from '../src/config/json-schema';

export const SCHEMA_FILE = join(__dirname, '..', 'guardduty.schema.json');
export const README_FILE = join(__dirname, '..', 'README.md');
const BEGIN = '<!-- BEGIN CONFIG REFERENCE (npm run schema) -->\n';
const END = '<!-- END CONFIG REFERENCE -->';

export function readmeWithReference(readme: string): string {
  const start = readme.indexOf(BEGIN);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md has no "${BEGIN.trim()}" ... "${END}" block`);
  return readme.slice(0, start + BEGIN.length) + configReferenceMarkdown() + readme.slice(end);
}

/** Files whose content differs from what the schema generates, with the wanted content. */
export function staleGeneratedFiles(): [string, string][] {
  const wanted: [string, string][] = [
    [SCHEMA_FILE, configJsonSchemaText()],
    [README_FILE, readmeWithReference(readFileSync(README_FILE, 'utf8'))],
  ];
  return wanted.filter(([file, text]) => {
    try {
      return readFileSync(file, 'utf8') !== text;
    } catch {
      return true;
    }
  });
}

function main(check: boolean): number {
  const stale = staleGeneratedFiles();
  if (check) {
    for (const [file] of stale) process.stderr.write(`${file} is out of date: run npm run schema\n`);
    return stale.length > 0 ? 1 : 0;
  }
  for (const [file, text] of stale) {
    writeFileSync(file, text);
    process.stdout.write(`wrote ${file}\n`);
  }
  return 0;
}

if (require.main === module) process.exit(main(process.argv.includes('--check')));
