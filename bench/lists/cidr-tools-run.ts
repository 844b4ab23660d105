/**
 * One benchmark run of cidr-tools' mergeCidr, in its own process.
 * Usage: node cidr-tools-run.js <input> <output> <file URL of cidr-tools' entry>
 */
import { readFileSync, writeFileSync } from 'node:fs';

type MergeCidr = (networks: string[]) => string[];

async function main(): Promise<void> {
  const [input, output, entry] = process.argv.slice(2) as [string, string, string];
  // cidr-tools is ESM-only: a real dynamic import (ts compiles `import()` to require()), by URL
  // because this transpiled copy runs outside the project, where ESM resolution cannot find it.
  const load = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<{ mergeCidr: MergeCidr }>;
  const { mergeCidr } = await load(entry);
  const lines = readFileSync(input, 'utf8').split('\n').filter((l) => l !== '');
  const merged = mergeCidr(lines);
  writeFileSync(output, `${merged.join('\n')}\n`);
  process.stdout.write(JSON.stringify({ entries: merged.length }));
}

void main();
