import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { isAscii } from 'node:buffer';
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
    const files = [...jsFiles(join(ROOT, 'dist')), ...['threatlists', 'guardduty-ops', 'synth', 'build.js', 'code-cache.js', 'write-atomically.js'].map((b) => join(ROOT, 'bin', b))];
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

  it('each launcher runs one bundled file; guardduty-ops leaves the AWS SDK outside, for the commands that call AWS to load', () => {
    for (const name of ['synth', 'threatlists', 'guardduty-ops']) {
      expect(readFileSync(join(ROOT, 'bin', name), 'utf8')).toContain(`.load('${name}', '${name}')`);
    }
    // Everything but node builtins (and the SDK) is inside: cdktf is among the synth app's bundled code, zod among the CLIs'.
    const bundle = (name: string) => readFileSync(join(ROOT, 'dist', `${name}.js`), 'utf8');
    expect(bundle('synth')).toContain('node_modules/cdktf/lib/terraform-stack.js');
    expect(bundle('synth')).toContain('src/config/schema.js');
    expect(bundle('threatlists')).toContain('node_modules/zod/');
    expect(bundle('threatlists')).toContain('src/threatlist/parse.js');
    expect(bundle('guardduty-ops')).toContain('src/ops/verify/');
    expect(bundle('guardduty-ops')).toContain('require("@aws-sdk/client-guardduty")');
    expect(bundle('guardduty-ops')).not.toContain('node_modules/@aws-sdk/');
    // ASCII only (bin/build.js escapes what esbuild leaves in comments): the launchers read a bundle as a one-byte string.
    expect(['synth', 'threatlists', 'guardduty-ops'].filter((name) => !isAscii(readFileSync(join(ROOT, 'dist', `${name}.js`))))).toEqual([]);
  });

  it('making a bundle ASCII escapes only what is inert: a comment, never the raw text of a template a tag reads', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gd-ascii-'));
    try {
      // As esbuild prints them: non-ASCII kept in a comment and in a template literal's raw text.
      const file = join(dir, 'bundle.js');
      writeFileSync(file, '// caf\u00e9 \u2014 a comment\nprocess.stdout.write(String.raw`caf\u00e9`);\n');
      const before = spawnSync(process.execPath, [file], { encoding: 'utf8' }).stdout;
      expect(before).toBe('caf\u00e9');
      (build as unknown as { asciiOnly(file: string): void }).asciiOnly(file);
      expect(readFileSync(file, 'utf8').split('\n')[0]).toBe('// caf\\u00e9 \\u2014 a comment');
      expect(spawnSync(process.execPath, [file], { encoding: 'utf8' }).stdout).toBe(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('staleness: the content hash decides, unchanged stats skip it', () => {
    let copy: string;
    let copied: { staleness(): string | undefined };
    const manifest = () => JSON.parse(readFileSync(join(copy, 'dist', '.build-manifest.json'), 'utf8')) as { hash: string; stats: Record<string, string> };
    beforeEach(() => {
      copy = mkdtempSync(join(tmpdir(), 'gd-stats-'));
      for (const entry of ['bin', 'cli', 'src', 'modules', 'main.ts', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json', 'dist']) cpSync(join(ROOT, entry), join(copy, entry), { recursive: true });
      // cpSync gives the copies new mtimes: the copy's first check hashes, finds the same content and records the stats.
      jest.isolateModules(() => {
        copied = require(join(copy, 'bin', 'build.js')) as typeof copied;
      });
      expect(copied.staleness()).toBeUndefined();
    });
    afterEach(() => rmSync(copy, { recursive: true, force: true }));

    it('files touched but unchanged (a checkout) leave dist/ fresh, and the manifest then holds their new stats', () => {
      const file = join(copy, 'src', 'config', 'index.ts');
      const later = new Date(statSync(file).mtimeMs + 60_000);
      utimesSync(file, later, later);
      const before = manifest();
      expect(copied.staleness()).toBeUndefined();
      const after = manifest();
      expect(after.hash).toBe(before.hash);
      expect(after.stats['src/config/index.ts']).toBe(`${statSync(file).size}:${statSync(file).mtimeMs}`);
      expect(after.stats['src/config/index.ts']).not.toBe(before.stats['src/config/index.ts']);
    });

    it('while dist.lock is held (a build that may be replacing dist/), the stats are not written: the next start hashes again', () => {
      const file = join(copy, 'src', 'config', 'index.ts');
      const later = new Date(statSync(file).mtimeMs + 60_000);
      utimesSync(file, later, later);
      const before = readFileSync(join(copy, 'dist', '.build-manifest.json'), 'utf8');
      writeFileSync(join(copy, 'dist.lock'), String(process.pid)); // a live holder: this process
      expect(copied.staleness()).toBeUndefined();
      expect(readFileSync(join(copy, 'dist', '.build-manifest.json'), 'utf8')).toBe(before);
      expect(readFileSync(join(copy, 'dist.lock'), 'utf8')).toBe(String(process.pid)); // not taken over or removed
      rmSync(join(copy, 'dist.lock'));
      expect(copied.staleness()).toBeUndefined();
      expect(manifest().stats['src/config/index.ts']).toBe(`${statSync(file).size}:${statSync(file).mtimeMs}`);
    });

    it('an edit of the same size is stale: content, not size, decides once a stat moved', () => {
      const file = join(copy, 'src', 'config', 'index.ts');
      const text = readFileSync(file, 'utf8');
      writeFileSync(file, text.replace(/e/, 'E'));
      expect(statSync(file).size).toBe(Buffer.byteLength(text));
      expect(copied.staleness()).toBe('a source changed since dist/ was built');
    });

    it('a dependency change (package-lock.json) is stale: the bundles hold zod, yaml, commander and cdktf', () => {
      const lock = join(copy, 'package-lock.json');
      writeFileSync(lock, readFileSync(lock, 'utf8').replace(/"version": "\d/, (v) => `${v.slice(0, -1)}9`));
      expect(copied.staleness()).toBe('a source changed since dist/ was built');
    });

    it('a new source file is stale', () => {
      writeFileSync(join(copy, 'src', 'config', 'new-rule.ts'), 'export const x = 1;\n');
      expect(copied.staleness()).toBe('a source changed since dist/ was built');
    });
  });

  it('a validated config kept by one build of a CLI bundle is never used by another (a run that began before a rebuild)', () => {
    // The copy's dist/ is current (same sources); its CLI runs without node_modules, the bundle holding all it needs.
    const copy = mkdtempSync(join(tmpdir(), 'gd-config-build-'));
    try {
      for (const entry of ['bin', 'cli', 'src', 'modules', 'main.ts', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json', 'dist']) cpSync(join(ROOT, entry), join(copy, entry), { recursive: true });
      rmSync(join(copy, 'dist', '.config-cache'), { recursive: true, force: true });
      const good = readFileSync(join(ROOT, 'examples', 'minimal.yaml'), 'utf8');
      const broken = `${good}unknownKey: 1\n`;
      const stats = (text: string) => {
        writeFileSync(join(copy, 'guardduty.yaml'), text);
        return spawnSync(process.execPath, [join(copy, 'bin', 'threatlists'), 'stats'], { cwd: copy, encoding: 'utf8', env: { ...process.env, GUARDDUTY_CONFIG: '' } });
      };
      expect(stats(good).status).toBe(0);
      // Where that run kept the good config, an older build's run puts what its rules passed: here the broken text.
      const sha = (text: string) => createHash('sha256').update(text).digest('hex');
      const kept = readdirSync(join(copy, 'dist', '.config-cache'), { recursive: true, encoding: 'utf8' }).find((f) => f.endsWith(`${sha(good)}.v8`))!;
      const entry = join(copy, 'dist', '.config-cache', kept);
      cpSync(entry, join(entry, '..', `${sha(broken)}.v8`));
      // The rebuild: a new bundle file in place of the old one.
      const bundle = join(copy, 'dist', 'threatlists.js');
      cpSync(bundle, `${bundle}.next`);
      renameSync(`${bundle}.next`, bundle);
      const run = stats(broken);
      expect(run.stderr).toMatch(/unknownKey: unknown key "unknownKey"/);
      expect(run.status).toBe(2);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('a rebuild succeeds while runs of the old build write their caches into dist/, and leaves nothing beside it', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'gd-rebuild-'));
    try {
      for (const entry of ['bin', 'cli', 'src', 'modules', 'main.ts', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json', 'dist']) cpSync(join(ROOT, entry), join(copy, entry), { recursive: true });
      symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
      // Runs of the old build exiting one after another, each writing its cache as bin/code-cache.js does.
      const writer = spawn(process.execPath, ['-e', `const { writeFileAtomically } = require(${JSON.stringify(join(copy, 'bin', 'write-atomically.js'))});
        for (let i = 0; ; i++) try { writeFileAtomically(${JSON.stringify(join(copy, 'dist', '.code-cache'))} + '/old.' + (i % 5) + '.v8', 'x'); } catch {}`]);
      try {
        const built = spawnSync(process.execPath, [join(copy, 'bin', 'build.js')], { cwd: copy, encoding: 'utf8' });
        expect(built.stderr).toBe('');
        expect(built.status).toBe(0);
      } finally {
        writer.kill();
        await new Promise((resolve) => writer.once('exit', resolve));
      }
      expect(readdirSync(join(copy, 'dist'))).toEqual(expect.arrayContaining(['.build-manifest.json', 'threatlists.js']));
      expect(readdirSync(copy).filter((f) => f.startsWith('dist.'))).toEqual([]);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  }, 120_000);

  it('a stale build is never used: without typescript and esbuild the launcher fails naming npm run build', () => {
    // A copy of the project with a dist/ whose manifest does not match and no node_modules (a production install without the build).
    const copy = mkdtempSync(join(tmpdir(), 'gd-stale-'));
    try {
      for (const entry of ['bin', 'cli', 'src', 'modules', 'main.ts', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json', 'dist']) cpSync(join(ROOT, entry), join(copy, entry), { recursive: true });
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
