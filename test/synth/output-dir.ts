import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const made: string[] = [];

afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/**
 * A fresh cdktf output folder one level under the project root, like
 * `cdktf.out`: the local backend's state path is found from the output
 * folder, so synth output here is byte-identical to what users get.
 * Removed after the test file (`cdktf.out*` is git-ignored).
 */
export function projectOutdir(): string {
  const dir = mkdtempSync(join(root, 'cdktf.out.test-'));
  made.push(dir);
  return dir;
}
