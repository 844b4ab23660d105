import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * The layer rules (.dependency-cruiser.cjs, run by scripts/layers.mjs) on this
 * project, and on a fixture with one planted violation per rule to prove the
 * check can fail.
 */
const ROOT = join(__dirname, '..', '..');
const PLANTED = 'test/architecture/fixtures/planted';

interface Violation {
  readonly rule: string;
  readonly from: string;
  readonly to: string;
}

/** Both roots in one run: dependency-cruiser loads once (~1.5 s). */
function layerReport(): Record<string, Violation[]> {
  try {
    execFileSync(process.execPath, ['scripts/layers.mjs', '--json', '.', PLANTED], { cwd: ROOT, encoding: 'utf8' });
  } catch (err) {
    const { status, stdout } = err as { status: number | null; stdout: string };
    // Exit 1 is the planted fixture failing; anything else is the check itself failing.
    if (status === 1 && stdout) return JSON.parse(stdout) as Record<string, Violation[]>;
    throw err;
  }
  throw new Error(`the planted fixture passed the layer check: ${PLANTED}`);
}

describe('layers', () => {
  const report = layerReport();

  it('this project keeps the layer rules', () => {
    expect(report['.']).toEqual([]);
  });

  it('a planted violation of each rule fails the check, and the excepted file does not', () => {
    expect(report[PLANTED]).toEqual(
      expect.arrayContaining([
        { rule: 'src-not-to-modules', from: 'src/plan/plan.ts', to: 'modules/widget.ts' },
        { rule: 'modules-not-to-cli-or-main', from: 'modules/widget.ts', to: 'cli/print.ts' },
        { rule: 'no-circular', from: 'cli/print.ts', to: 'modules/widget.ts -> cli/print.ts' },
        { rule: 'no-process-import', from: 'src/plan/env.ts', to: 'process' },
        { rule: 'no-process-global', from: 'src/plan/plan.ts:5', to: 'process' },
        { rule: 'domain-not-to-config', from: 'src/features/resolve.ts', to: 'src/config/config-file.ts' },
        { rule: 'config-not-to-plan', from: 'src/config/schema.ts', to: 'src/plan/env.ts' },
      ]),
    );
    expect(report[PLANTED]).toHaveLength(7);
    expect(report[PLANTED].map((v) => v.from)).not.toContain('src/config/config-file.ts');
  });
});
