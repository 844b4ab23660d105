import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { synthesize } from '../../main';
import { projectOutdir } from '../synth/output-dir';

export const ROOT = join(__dirname, '..', '..');
export const EXAMPLES = readdirSync(join(ROOT, 'examples'))
  .filter((f) => f.endsWith('.yaml'))
  .sort();

const synthesized = new Map<string, string>();

/** Synthesizes examples/<file> once per test file into a project output folder; returns the folder. */
export function synthExample(file: string): string {
  let outdir = synthesized.get(file);
  if (!outdir) {
    outdir = projectOutdir();
    synthesize({ configFile: join(ROOT, 'examples', file), outdir });
    synthesized.set(file, outdir);
  }
  return outdir;
}
