import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The compiled build (bin/build.js): what dist/ may require at run time, and the staleness rule.
const ROOT = join(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const build = require(join(ROOT, 'bin', 'build.js')) as { ensureBuilt(): void; staleness(): string | undefined };

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.js'))
    .map((e) => join(e.parentPath, e.name));
}

const packageName = (spec: string) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);

describe('dist/', () => {
  beforeAll(() => build.ensureBuilt(), 120_000);

  it('is current after a launcher ran', () => {
    expect(build.staleness()).toBeUndefined();
  });

  it('requires only dependencies and node builtins: no devDependency at run time', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const allowed = new Set([...Object.keys(pkg.dependencies), ...builtinModules]);
    const outside: string[] = [];
    const files = [...jsFiles(join(ROOT, 'dist')), ...['threatlists', 'guardduty-ops', 'synth', 'build.js'].map((b) => join(ROOT, 'bin', b))];
    for (const file of files) {
      for (const [, spec] of readFileSync(file, 'utf8').matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)) {
        if (spec!.startsWith('.') || spec!.startsWith('/')) continue;
        const name = packageName(spec!.replace(/^node:/, ''));
        if (!allowed.has(name)) outside.push(`${file.slice(ROOT.length + 1)}: ${spec}`);
      }
    }
    expect(files.length).toBeGreaterThan(100);
    expect(outside).toEqual([]);
  });

  it('the synth app is one bundled file, the one bin/synth loads', () => {
    expect(readFileSync(join(ROOT, 'bin', 'synth'), 'utf8')).toContain(".load('synth', 'synth')");
    const bundle = readFileSync(join(ROOT, 'dist', 'synth.js'), 'utf8');
    // Everything but node builtins is inside: the requires left are builtins only (checked above), and cdktf is among the bundled code.
    expect(bundle).toContain('node_modules/cdktf/lib/terraform-stack.js');
    expect(bundle).toContain('src/config/schema.js');
  });

  it('a stale build is never used: without typescript and esbuild the launcher fails naming npm run build', () => {
    // A copy of the project with a dist/ whose manifest does not match and no node_modules (a production install without the build).
    const copy = mkdtempSync(join(tmpdir(), 'gd-stale-'));
    try {
      for (const entry of ['bin', 'cli', 'src', 'modules', 'main.ts', 'tsconfig.json', 'tsconfig.build.json', 'dist']) cpSync(join(ROOT, entry), join(copy, entry), { recursive: true });
      writeFileSync(join(copy, 'src', 'config', 'index.ts'), `${readFileSync(join(copy, 'src', 'config', 'index.ts'), 'utf8')}\n// edited\n`);
      const run = spawnSync(process.execPath, [join(copy, 'bin', 'threatlists'), '--help'], { cwd: copy, encoding: 'utf8' });
      expect(run.status).toBe(70);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(
        'threatlists: a source changed since dist/ was built, and typescript and esbuild (devDependencies) are not installed to rebuild it: run `npm run build` in a checkout with dev dependencies\n',
      );
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
