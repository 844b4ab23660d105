import { join } from 'node:path';
import { loadConfig } from '../../src/config';
import { buildThreatListsWithDetail, daysBetween, normalizeSourceText, projectFileReader, utcDay } from '../../src/threatlist';
import { listsConfig } from './project-dir';

/**
 * The lists shipped under threatlists/ must deploy with the example config:
 * no errors, no warnings, every source file already normalized. Checked
 * with the threatLists section of DESIGN.md's sketch (every threat file in
 * one set) and with the one in guardduty.yaml.
 */
const root = join(__dirname, '..', '..');
const config = listsConfig();

describe('shipped example lists', () => {
  const now = new Date();
  const build = buildThreatListsWithDetail(config, { root, now });

  it('validate without errors or warnings', () => {
    expect(build.diagnostics).toEqual([]);
    expect(build.lists.map((l) => [l.name, l.entries > 0])).toEqual([
      ['trusted', true],
      ['feeds', true],
    ]);
  });

  it('validate without errors or warnings under guardduty.yaml', () => {
    const lists = loadConfig(join(root, 'guardduty.yaml')).threatLists;
    expect(lists).toBeDefined();
    expect(buildThreatListsWithDetail(lists!, { root, now }).diagnostics).toEqual([]);
  });

  it('are normalized source files', () => {
    const reader = projectFileReader(root);
    for (const file of build.lists.flatMap((l) => l.sources)) {
      expect({ file, changed: normalizeSourceText(Buffer.from(reader.read(file)).toString('utf8'), file).changed }).toEqual({ file, changed: false });
    }
  });

  it('do not expire within a year (an expired example would fail the example synth)', () => {
    const today = utcDay(now);
    const soon = [...build.details.values()]
      .flatMap((d) => d.annotated)
      .filter((a) => a.annotations.expires !== undefined && daysBetween(today, a.annotations.expires) < 365)
      .map((a) => `${a.file}:${a.line} expires=${a.annotations.expires}: move the example date further out`);
    expect(soon).toEqual([]);
  });
});
