import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../../src/config/issues';
import * as load from '../../src/config/load';
import { loadConfigWithCache } from '../../src/config/validated-config-cache';

// parseConfig counted: a call is a validation, a hit makes none.
jest.mock('../../src/config/load', () => {
  const actual = jest.requireActual<typeof import('../../src/config/load')>('../../src/config/load');
  return { ...actual, parseConfig: jest.fn(actual.parseConfig) };
});

// What the CLIs' config cache (src/config/validated-config-cache.ts) must keep: the very config loadConfig gives.
const ROOT = join(__dirname, '..', '..');
const CONFIGS = ['guardduty.yaml', ...readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.yaml')).map((f) => `examples/${f}`)];

describe('loadConfigWithCache', () => {
  let dir: string;
  let cache: string;
  const parse = load.parseConfig as jest.MockedFunction<typeof load.parseConfig>;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'gd-config-cache-'));
    cache = join(dir, 'cache');
    parse.mockClear();
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(CONFIGS)('%s: a hit is the config loadConfig gives, to the last undefined, without validating again', (config) => {
    const file = join(ROOT, config);
    const expected = load.loadConfig(file);
    parse.mockClear();
    expect(loadConfigWithCache(file, cache)).toStrictEqual(expected);
    expect(parse).toHaveBeenCalledTimes(1);
    expect(readdirSync(cache)).toHaveLength(1);
    expect(loadConfigWithCache(file, cache)).toStrictEqual(expected);
    expect(parse).toHaveBeenCalledTimes(1);
  });

  it('an edit is validated again: a broken config fails with its messages and lines, and is never kept', () => {
    const file = join(dir, 'guardduty.yaml');
    const good = readFileSync(join(ROOT, 'examples', 'minimal.yaml'), 'utf8');
    writeFileSync(file, good);
    loadConfigWithCache(file, cache);
    writeFileSync(file, good.replace(/^homeRegion: .*$/m, 'homeRegion: mars-central-1'));
    const broken = () => loadConfigWithCache(file, cache);
    expect(broken).toThrow(ConfigError);
    expect(broken).toThrow(/homeRegion.*line \d+|line \d+.*homeRegion/s);
    expect(readdirSync(cache)).toHaveLength(1);
    // The good text again: the kept entry, no validation.
    writeFileSync(file, good);
    parse.mockClear();
    loadConfigWithCache(file, cache);
    expect(parse).not.toHaveBeenCalled();
  });

  it('a damaged entry is a miss: the config is validated and the entry written again', () => {
    const file = join(ROOT, 'examples', 'minimal.yaml');
    loadConfigWithCache(file, cache);
    const [entry] = readdirSync(cache);
    writeFileSync(join(cache, entry!), 'not a serialized config');
    parse.mockClear();
    expect(loadConfigWithCache(file, cache)).toStrictEqual(load.loadConfig(file));
    expect(parse).toHaveBeenCalledTimes(1); // the miss (loadConfig above calls its own parseConfig)
    parse.mockClear();
    loadConfigWithCache(file, cache);
    expect(parse).not.toHaveBeenCalled();
  });

  it('without a cache folder it is loadConfig and writes nothing; a missing file is loadConfig\'s error', () => {
    const file = join(ROOT, 'examples', 'minimal.yaml');
    expect(loadConfigWithCache(file, undefined)).toStrictEqual(load.loadConfig(file));
    expect(readdirSync(dir)).toEqual([]);
    expect(() => loadConfigWithCache(join(dir, 'missing.yaml'), cache)).toThrow(/cannot read the file: ENOENT/);
  });

  it('where the cache cannot be written it validates every time and still gives the config', () => {
    const file = join(ROOT, 'examples', 'minimal.yaml');
    writeFileSync(cache, 'a file where the cache folder belongs');
    expect(loadConfigWithCache(file, cache)).toStrictEqual(load.loadConfig(file));
    loadConfigWithCache(file, cache);
    expect(parse).toHaveBeenCalledTimes(2);
  });

  it('validation reads only the text: no module it runs reads the clock, the environment or a file but the loaders', () => {
    // The cache is exact only while this holds: a rule that read today's date or another file would be kept stale.
    // Every module validation runs, inside src/config or not (regions, threat lists, naming, ...), as esbuild follows the imports.
    const loaders = new Set(['src/config/load.ts', 'src/config/config-file.ts', 'src/config/validated-config-cache.ts']);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const esbuild = require('esbuild') as typeof import('esbuild');
    const { metafile } = esbuild.buildSync({ entryPoints: [join(ROOT, 'src', 'config', 'load.ts')], absWorkingDir: ROOT, bundle: true, platform: 'node', packages: 'external', write: false, metafile: true, logLevel: 'silent' });
    const modules = Object.keys(metafile.inputs).filter((f) => f.startsWith('src/') && !loaders.has(f));
    expect(modules).toEqual(expect.arrayContaining(['src/config/validate.ts', 'src/regions/resolve.ts']));
    const readers: string[] = [];
    for (const name of modules) {
      const text = readFileSync(join(ROOT, name), 'utf8');
      for (const pattern of [/Date\.now\(/, /new Date\(\s*\)/, /process\.env/, /from 'node:fs'/, /require\('node:fs'\)/, /process\.cwd\(/]) {
        if (pattern.test(text)) readers.push(`${name}: ${pattern.source}`);
      }
    }
    expect(readers).toEqual([]);
  });
});
