import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { cliProject, configWithLists, DEFAULT_LISTS, threatlists } from '../threatlist/cli-harness';

/** `threatlists fetch` against a feed server on 127.0.0.1: no network beyond the loopback. */
const DROP = '; Spamhaus-style feed\n203.0.113.0/25 ; SBL1\n203.0.113.128/25 ; SBL2\n198.51.100.7 ; SBL3\n192.0.2.0/24 ; SBL4\n';
const BIG = Array.from({ length: 120_000 }, (_, i) => `${11 + (i >> 16)}.${(i >> 8) & 255}.${i & 255}.1`).join('\n');
const STIX = '<?xml version="1.0"?>\n<stix:STIX_Package xmlns:stix="http://stix.mitre.org/stix-1"/>\n';

describe('threatlists fetch', () => {
  let server: Server;
  let project: ReturnType<typeof cliProject>;
  let base: string;
  const fetchFeed = (feed: string, ...args: string[]) => threatlists(['fetch', '--feed', feed, ...args], { cwd: project.root });
  const read = (file: string) => readFileSync(join(project.root, file), 'utf8');

  beforeAll(async () => {
    server = createServer((req, res) => {
      switch (req.url) {
        case '/drop.txt':
          res.writeHead(200, { 'content-type': 'text/plain', 'content-length': Buffer.byteLength(DROP) }).end(DROP);
          return;
        case '/moved':
          res.writeHead(302, { location: '/drop.txt' }).end();
          return;
        case '/small.txt':
          res.writeHead(200).end('203.0.113.1\n');
          return;
        case '/empty.txt':
          res.writeHead(200).end('; nothing today\n');
          return;
        case '/truncated.txt':
          // Promises 10,000 bytes, sends 41, hangs up: a dropped connection, not a short feed.
          res.writeHead(200, { 'content-length': 10_000 });
          res.write('203.0.113.1\n203.0.113.2\n203.0.113.3\n203.0');
          setTimeout(() => res.socket?.destroy(), 20);
          return;
        case '/slow.txt':
          return; // never answers
        case '/big.txt':
          res.writeHead(200, { 'content-length': Buffer.byteLength(BIG) });
          for (let i = 0; i < BIG.length; i += 64 * 1024) res.write(BIG.slice(i, i + 64 * 1024));
          res.end();
          return;
        case '/intel.xml':
          res.writeHead(200).end(STIX);
          return;
        default:
          res.writeHead(404, 'Not Found').end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const feed = (name: string, path: string, extra = '') => `    - { name: ${name}, url: "${base}${path}", format: TXT, licence: "test data", ${extra} }\n`;
    project = cliProject({});
    project.write({
      'guardduty.yaml': configWithLists(
        `${DEFAULT_LISTS}  feeds:\n` +
          feed('drop', '/drop.txt') +
          feed('moved', '/moved') +
          feed('shrinking', '/small.txt') +
          feed('empty', '/empty.txt') +
          feed('truncated', '/truncated.txt') +
          feed('slow', '/slow.txt') +
          feed('gone', '/gone.txt') +
          feed('capped', '/drop.txt', 'maxEntries: 2') +
          feed('big', '/big.txt') +
          `    - { name: intel, url: "${base}/intel.xml", format: STIX, licence: "test data" }\n`,
      ),
    });
  });

  afterAll(async () => {
    project.remove();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('writes the feed as canonical entries under a provenance header', async () => {
    const result = await fetchFeed('drop');
    expect(result).toMatchObject({ code: 0, stdout: 'drop: wrote threatlists/threat/drop.txt, 3 entries\n' });
    const sha = createHash('sha256').update(DROP).digest('hex');
    expect(read('threatlists/threat/drop.txt')).toBe(
      [
        '# Feed "drop", written by `threatlists fetch`: refresh it with that command rather than by hand.',
        `# url: ${base}/drop.txt`,
        '# licence: test data',
        '# fetched-at: 2026-11-23T12:00:00.000Z',
        `# source-sha256: ${sha}`,
        `# source-bytes: ${Buffer.byteLength(DROP)}`,
        '# entries: 3 (from 5 source lines)',
        '',
        '192.0.2.0/24',
        '198.51.100.7',
        '203.0.113.0/24',
        '',
      ].join('\n'),
    );
    const validate = await threatlists(['validate', 'threatlists/threat/drop.txt'], { cwd: project.root });
    expect(validate.code).toBe(0);
  });

  it('leaves the file alone when the source has not changed', async () => {
    const before = read('threatlists/threat/drop.txt');
    const result = await threatlists(['fetch', '--feed', 'drop'], { cwd: project.root, now: new Date('2026-11-24T00:00:00Z') });
    expect(result.stdout).toBe('drop: unchanged since the last fetch (threatlists/threat/drop.txt, same source sha256)\n');
    expect(read('threatlists/threat/drop.txt')).toBe(before);
  });

  it('follows redirects', async () => {
    expect((await fetchFeed('moved')).code).toBe(0);
    expect(read('threatlists/threat/moved.txt')).toContain('\n203.0.113.0/24\n');
  });

  it('refuses a download with fewer than half the current entries, unless --allow-shrink', async () => {
    project.write({ 'threatlists/threat/shrinking.txt': '203.0.113.1\n203.0.113.3\n203.0.113.5\n' });
    const refused = await fetchFeed('shrinking');
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/^shrinking: NOT written: the download has 1 entry, fewer than half of the 3 in the current file/);
    expect(read('threatlists/threat/shrinking.txt')).toBe('203.0.113.1\n203.0.113.3\n203.0.113.5\n');
    expect((await fetchFeed('shrinking', '--allow-shrink')).code).toBe(0);
    expect(read('threatlists/threat/shrinking.txt')).toMatch(/\n\n203\.0\.113\.1\n$/);
  });

  it('refuses an empty download and one over maxEntries', async () => {
    const empty = await fetchFeed('empty');
    expect(empty).toMatchObject({ code: 1, stdout: 'empty: NOT written: the download has no entries; keeping the current file\n' });
    expect(existsSync(join(project.root, 'threatlists/threat/empty.txt'))).toBe(false);
    const capped = await fetchFeed('capped');
    expect(capped.stdout).toBe("capped: NOT written: the download has 3 entries, over the feed's maxEntries of 2\n");
  });

  it('fails on a truncated download (Content-Length not reached) and keeps the current file', async () => {
    project.write({ 'threatlists/threat/truncated.txt': '203.0.113.1\n' });
    const result = await fetchFeed('truncated');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^truncated: download from http:\/\/127\.0\.0\.1:\d+\/truncated\.txt failed: truncated download: the connection closed after 41 of 10,000 bytes; threatlists\/threat\/truncated\.txt left as it was\n$/);
    expect(read('threatlists/threat/truncated.txt')).toBe('203.0.113.1\n');
  });

  it('gives up after --timeout', async () => {
    const result = await fetchFeed('slow', '--timeout', '0.3');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('failed: timed out after 0.3 s');
  });

  it('reports an HTTP error', async () => {
    const result = await fetchFeed('gone');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('failed: HTTP 404 Not Found');
  });

  it('shows progress for a large feed on a terminal only', async () => {
    const quiet = await fetchFeed('big');
    expect(quiet.stderr).toBe('');
    project.write({ 'threatlists/threat/big.txt': '' });
    const tty = await threatlists(['fetch', '--feed', 'big'], { cwd: project.root, tty: true });
    expect(tty.code).toBe(0);
    expect(tty.stderr).toMatch(/^\rbig: \d+\.\d of 1\.\d MB \(\d+%\)/);
    expect(tty.stderr.endsWith('\n')).toBe(true);
  });

  it('keeps a non-TXT feed byte for byte, its provenance beside it, and warns when no list reads it', async () => {
    const result = await fetchFeed('intel', '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject([{ name: 'intel', file: 'threatlists/threat/intel.stix', status: 'written' }]);
    expect(read('threatlists/threat/intel.stix')).toBe(STIX);
    expect(read('threatlists/threat/intel.stix.provenance')).toContain(`# source-sha256: ${createHash('sha256').update(STIX).digest('hex')}`);
    expect(result.stderr).toBe('warning: no threatLists.threat entry in guardduty.yaml reads threatlists/threat/intel.stix, so feed "intel" is not deployed\n');
  });

  it('exits 2 on a feed name the config does not have', async () => {
    const result = await fetchFeed('nope');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^threatlists: no feed named "nope" in guardduty.yaml \(feeds: drop, moved, /);
  });
});
