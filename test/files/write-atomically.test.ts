import { closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomically } from '../../src/files/write-atomically';

describe('writeFileAtomically', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'gd-atomic-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('replaces a file whole, making its folder, and leaves nothing else behind', () => {
    const file = join(dir, 'a', 'b', 'list.txt');
    writeFileAtomically(file, 'first\n');
    writeFileAtomically(file, Buffer.from('second\n'));
    expect(readFileSync(file, 'utf8')).toBe('second\n');
    expect(readdirSync(join(dir, 'a', 'b'))).toEqual(['list.txt']);
  });

  it('a reader that opened the file before the write reads the old content whole: the file is replaced, not rewritten', () => {
    const file = join(dir, 'entry.v8');
    writeFileAtomically(file, 'old content\n');
    const fd = openSync(file, 'r');
    try {
      writeFileAtomically(file, 'the new content, longer\n');
      expect(readFileSync(fd, 'utf8')).toBe('old content\n');
    } finally {
      closeSync(fd);
    }
    expect(readFileSync(file, 'utf8')).toBe('the new content, longer\n');
  });

  it('a write that fails throws and leaves no temporary file', () => {
    // A folder where the file should go: the rename fails, for root as for anyone.
    const blocked = join(dir, 'blocked');
    mkdirSync(join(blocked, 'inside'), { recursive: true });
    expect(() => writeFileAtomically(blocked, 'new\n')).toThrow(/EISDIR|ENOTEMPTY|EEXIST/);
    expect(readdirSync(dir)).toEqual(['blocked']);
    expect(readdirSync(blocked)).toEqual(['inside']);
  });
});
