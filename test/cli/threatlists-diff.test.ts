import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { cliProject, threatlists } from '../threatlist/cli-harness';

/** `threatlists diff --base <ref>` in a throwaway git repository. */
describe('threatlists diff', () => {
  const project = cliProject({
    'threatlists/trusted/offices.txt': '198.51.100.0/28\n',
    'threatlists/threat/incidents.txt': '203.0.113.0/28\n203.0.113.64\n',
  });
  const git = (...args: string[]) => execFileSync('git', args, { cwd: project.root, encoding: 'utf8' });

  beforeAll(() => {
    git('init', '-q', '-b', 'main');
    git('-c', 'user.name=test', '-c', 'user.email=test@example.com', 'commit', '-q', '--allow-empty', '-m', 'empty');
    git('add', '.');
    git('-c', 'user.name=test', '-c', 'user.email=test@example.com', 'commit', '-q', '-m', 'lists');
    // The pull request: a new trusted entry expiring soon, a threat file changed, a new feed file.
    project.write({
      'threatlists/trusted/offices.txt': '198.51.100.0/28\n192.0.2.0/26  # expires=2026-12-01 owner=secops ticket=SEC-9\n',
      'threatlists/threat/incidents.txt': '203.0.113.0/27\n',
      'threatlists/threat/feed.txt': '192.0.2.10\n',
    });
  });
  afterAll(() => project.remove());

  it('prints a Markdown report of the working tree against the base', async () => {
    const result = await threatlists(['diff', '--base', 'main'], { cwd: project.root });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('## IP list changes against `main`');
    expect(result.stdout).toContain('| `trusted` | trusted IPSet (TXT) | changed | 1 → 2 (+1) | 16 → 80 (+64) |');
    expect(result.stdout).toContain('- **Added** 17 addresses in 2 CIDRs: `192.0.2.10`, `203.0.113.16/28`');
    expect(result.stdout).toContain('- **Removed** 1 address in 1 CIDR: `203.0.113.64`');
    expect(result.stdout).toContain('| `192.0.2.0/26` | 2026-12-01 | 8 d | secops | SEC-9 | threatlists/trusted/offices.txt:2 |');
    expect(result.stdout).toContain('- **New overlap with the trusted list** (GuardDuty ignores these threat entries, trusted wins): 1 address in 1 CIDR: `192.0.2.10`');
  });

  it('counts files absent at the base as empty', async () => {
    const result = await threatlists(['diff', '--base', 'HEAD~1', '--json'], { cwd: project.root });
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.lists.map((l: { name: string; base: { entries: number }; head: { entries: number } }) => [l.name, l.base.entries, l.head.entries])).toEqual([
      ['trusted', 0, 2],
      ['feeds', 0, 2],
    ]);
    expect(json.baseCommit).toMatch(/^[0-9a-f]{40}$/);
  });

  it('exits 2 on a revision git does not know', async () => {
    const result = await threatlists(['diff', '--base', 'no-such-branch'], { cwd: project.root });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('threatlists: git does not know the revision "no-such-branch" (fetch it first, e.g. git fetch origin no-such-branch)\n');
  });

  it('exits 2 outside a git repository', async () => {
    const outside = cliProject({ 'threatlists/trusted/a.txt': '198.51.100.1\n' });
    rmSync(join(outside.root, '.git'), { recursive: true, force: true });
    const result = await threatlists(['diff', '--base', 'main'], { cwd: outside.root, env: { GIT_CEILING_DIRECTORIES: join(outside.root, '..') } });
    outside.remove();
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('is not in a git repository');
  });
});
