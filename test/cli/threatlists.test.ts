import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cliProject, configWithLists, threatlists } from '../threatlist/cli-harness';

const CLEAN = {
  'threatlists/trusted/offices.txt': '# offices\n\n198.51.100.0/28  # owner=netops\n',
  'threatlists/threat/incidents.txt': '203.0.113.9  # ticket=IR-1\n203.0.113.64/27\n',
};

describe('threatlists CLI', () => {
  describe('usage', () => {
    const project = cliProject(CLEAN);
    afterAll(() => project.remove());
    const cli = (...args: string[]) => threatlists(args, { cwd: project.root });

    it('prints help and exits 0', async () => {
      const help = await cli('--help');
      expect(help.code).toBe(0);
      for (const command of ['validate', 'normalize', 'diff', 'fetch', 'stats']) expect(help.stdout).toContain(command);
    });

    it.each(['validate', 'normalize', 'diff', 'fetch', 'stats'])('%s --help documents --config and --json', async (command) => {
      const help = await cli(command, '--help');
      expect(help.code).toBe(0);
      expect(help.stdout).toContain('--config <file>');
      expect(help.stdout).toContain('--json');
    });

    it('exits 2 on an unknown command, an unknown option or a bad option value', async () => {
      expect((await cli('bogus')).code).toBe(2);
      expect((await cli('validate', '--nope')).code).toBe(2);
      const bad = await cli('validate', '--format', 'xml');
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain("argument 'xml' is invalid. Allowed choices are text, github.");
      expect((await cli('diff')).stderr).toContain("required option '--base <git-ref>' not specified");
    });

    it('exits 2 with the config loader\'s message when the config does not load', async () => {
      project.write({ 'broken.yaml': configWithLists('  threat: [ { name: Bad_Name, files: [] } ]\n') });
      const result = await cli('validate', '--config', 'broken.yaml');
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('threatlists: broken.yaml: 2 errors');
      expect(result.stderr).toContain('threatLists.threat[0].name: "Bad_Name" must be 1-40 characters');
      const missing = await cli('stats', '--config', 'nowhere.yaml');
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain('nowhere.yaml: 1 error');
    });

    it('reads $GUARDDUTY_CONFIG, and --config over it', async () => {
      project.write({ 'other.yaml': configWithLists('  threat: [ { name: other, files: [threatlists/threat/*.txt] } ]\n') });
      const viaEnv = await threatlists(['stats', '--json'], { cwd: project.root, env: { GUARDDUTY_CONFIG: 'other.yaml' } });
      expect(JSON.parse(viaEnv.stdout).lists.map((l: { name: string }) => l.name)).toEqual(['other']);
      const viaOption = await threatlists(['stats', '--json', '--config', 'guardduty.yaml'], { cwd: project.root, env: { GUARDDUTY_CONFIG: 'other.yaml' } });
      expect(JSON.parse(viaOption.stdout).lists.map((l: { name: string }) => l.name)).toEqual(['trusted', 'feeds']);
    });
  });

  describe('validate', () => {
    it('exits 0 on clean lists and says what it checked', async () => {
      const project = cliProject(CLEAN);
      const result = await threatlists(['validate'], { cwd: project.root });
      project.remove();
      expect(result).toEqual({ code: 0, stdout: 'ok: 0 errors, 0 warnings (trusted IPSet "trusted" 1 entry, ThreatIntelSet "feeds" 2 entries)\n', stderr: '' });
    });

    const broken = {
      ...CLEAN,
      'threatlists/threat/incidents.txt': '203.0.113.9\n2001:db8::1\n10.1.2.3\n198.51.100.1\n',
    };

    it('exits 1 on errors and names file and line', async () => {
      const project = cliProject(broken);
      const result = await threatlists(['validate'], { cwd: project.root });
      project.remove();
      expect(result.code).toBe(1);
      expect(result.stdout.split('\n')).toEqual([
        'threatlists/threat/incidents.txt:2: error [ipv6] "2001:db8::1" is IPv6: GuardDuty IP lists take IPv4 addresses and CIDR ranges only',
        'threatlists/threat/incidents.txt:3: warning [private-range] 10.1.2.3 is private (RFC 1918, 10.0.0.0/8): GuardDuty ignores it, so it is left out of the uploaded list',
        'threatlists/threat/incidents.txt:4: warning [trusted-overlap] 198.51.100.1 in ThreatIntelSet "feeds" overlaps the trusted list in 198.51.100.1 ' +
          '(trusted: threatlists/trusted/offices.txt:3 198.51.100.0/28): GuardDuty ignores those addresses here because trusted IPs win',
        'FAILED: 1 error, 2 warnings (trusted IPSet "trusted" 1 entry, ThreatIntelSet "feeds" 2 entries)',
        '',
      ]);
    });

    it('prints GitHub annotations with --format github', async () => {
      const project = cliProject(broken);
      const result = await threatlists(['validate', '--format', 'github'], { cwd: project.root });
      project.remove();
      expect(result.code).toBe(1);
      const lines = result.stdout.split('\n');
      expect(lines[0]).toBe(
        '::error file=threatlists/threat/incidents.txt,line=2,title=threatlists ipv6::"2001:db8::1" is IPv6: GuardDuty IP lists take IPv4 addresses and CIDR ranges only',
      );
      expect(lines[1]).toMatch(/^::warning file=threatlists\/threat\/incidents.txt,line=3,title=threatlists private-range::10\.1\.2\.3 is private/);
    });

    it('prints JSON with --json', async () => {
      const project = cliProject(broken);
      const result = await threatlists(['validate', '--json'], { cwd: project.root });
      project.remove();
      const json = JSON.parse(result.stdout);
      expect(json).toMatchObject({ ok: false, errors: 1, warnings: 2 });
      expect(json.diagnostics[0]).toEqual({
        severity: 'error',
        code: 'ipv6',
        file: 'threatlists/threat/incidents.txt',
        line: 2,
        message: '"2001:db8::1" is IPv6: GuardDuty IP lists take IPv4 addresses and CIDR ranges only',
      });
      expect(json.lists.map((l: { name: string; entries: number }) => [l.name, l.entries])).toEqual([
        ['trusted', 1],
        ['feeds', 2],
      ]);
    });

    it('reports only on the files given, and checks a file no list reads on its own', async () => {
      const project = cliProject({ ...broken, 'threatlists/new/list.txt': '203.0.113.300\n' });
      const one = await threatlists(['validate', 'threatlists/trusted/offices.txt'], { cwd: project.root });
      const lone = await threatlists(['validate', 'threatlists/new/list.txt'], { cwd: join(project.root) });
      project.remove();
      expect(one).toMatchObject({ code: 0, stdout: 'ok: 0 errors, 0 warnings (1 file)\n' });
      expect(lone.code).toBe(1);
      expect(lone.stdout.split('\n').slice(0, 2)).toEqual([
        'threatlists/new/list.txt: warning [no-files] no list in the config reads this file, so it is not deployed; checked as a ThreatIntelSet file',
        'threatlists/new/list.txt:1: error [malformed-address] "203.0.113.300": 300 is not an octet (0-255)',
      ]);
    });
  });

  describe('normalize', () => {
    const messy = { 'threatlists/trusted/offices.txt': '# offices\n\n198.51.100.16/28\n198.51.100.0/28  # owner=netops\n198.51.100.16/28\n', 'threatlists/threat/incidents.txt': '203.0.113.9\n' };

    it('prints the canonical list of each TXT list', async () => {
      const project = cliProject(messy);
      const result = await threatlists(['normalize', '--list', 'trusted'], { cwd: project.root });
      project.remove();
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^# trusted IPSet "trusted": canonical list/);
      expect(result.stdout).toMatch(/# entries: 1 of 2000 allowed; addresses: 32\n198\.51\.100\.0\/27\n$/);
    });

    it('--check exits 1 on an unsorted file, --write sorts and de-duplicates it keeping annotations', async () => {
      const project = cliProject(messy);
      const check = await threatlists(['normalize', '--check'], { cwd: project.root });
      const write = await threatlists(['normalize', '--write'], { cwd: project.root });
      const after = readFileSync(join(project.root, 'threatlists/trusted/offices.txt'), 'utf8');
      const again = await threatlists(['normalize', '--check'], { cwd: project.root });
      project.remove();
      expect(check.code).toBe(1);
      expect(check.stdout).toContain('threatlists/trusted/offices.txt: not normalized (run threatlists normalize --write)');
      expect(write.code).toBe(0);
      expect(write.stdout).toContain('threatlists/trusted/offices.txt: normalized (2 entries, 1 duplicate removed)');
      expect(after).toBe('# offices\n\n198.51.100.0/28  # owner=netops\n198.51.100.16/28\n');
      expect(again.code).toBe(0);
    });

    it('refuses to print lists that would not deploy', async () => {
      const project = cliProject({ ...messy, 'threatlists/threat/incidents.txt': 'nope\n' });
      const result = await threatlists(['normalize'], { cwd: project.root });
      project.remove();
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain('threatlists/threat/incidents.txt:1: error [malformed-address]');
    });
  });

  describe('stats', () => {
    it('prints entries, addresses and quota use', async () => {
      const project = cliProject(CLEAN);
      const table = await threatlists(['stats'], { cwd: project.root });
      const json = await threatlists(['stats', '--json'], { cwd: project.root });
      project.remove();
      expect(table.stdout).toBe(
        [
          'List     Set             Format  Files  Entries  Addresses  Bytes  Quota use',
          'trusted  trusted IPSet   TXT         1        1         16     16  1 / 2,000 entries (<0.1%)',
          'feeds    ThreatIntelSet  TXT         1        2         33     28  2 / 250,000 entries (<0.1%)',
          '',
        ].join('\n'),
      );
      expect(JSON.parse(json.stdout).lists[1]).toMatchObject({ name: 'feeds', entries: 2, addresses: 33, entryLimit: 250000 });
    });
  });

  it('runs as bin/threatlists with the exit code of the command', () => {
    const project = cliProject({ 'threatlists/trusted/offices.txt': '2001:db8::1\n', 'threatlists/threat/x.txt': '203.0.113.1\n' });
    const bin = join(__dirname, '..', '..', 'bin', 'threatlists');
    const result = spawnSync(process.execPath, [bin, 'validate'], { cwd: project.root, encoding: 'utf8', env: { ...process.env, GUARDDUTY_CONFIG: '' } });
    project.remove();
    expect(result.stdout).toContain('threatlists/trusted/offices.txt:1: error [ipv6]');
    expect(result.status).toBe(1);
  });

  it('bin/threatlists keeps a validated config by its hash in dist/.config-cache, and a broken edit is reported, not served from it', () => {
    const project = cliProject({ 'threatlists/trusted/offices.txt': '192.0.2.10\n', 'threatlists/threat/x.txt': '203.0.113.1\n198.51.100.0/24\n' });
    const bin = join(__dirname, '..', '..', 'bin', 'threatlists');
    const run = () => spawnSync(process.execPath, [bin, 'normalize', '--list', 'feeds'], { cwd: project.root, encoding: 'utf8', env: { ...process.env, GUARDDUTY_CONFIG: '' } });
    try {
      const text = readFileSync(join(project.root, 'guardduty.yaml'));
      const name = `${createHash('sha256').update(text).digest('hex')}.v8`;
      const first = run();
      expect(first.status).toBe(0);
      // In the folder of the bundle's build (bin/build.js configCache()).
      const cache = join(__dirname, '..', '..', 'dist', '.config-cache');
      expect(readdirSync(cache).some((build) => existsSync(join(cache, build, name)))).toBe(true);
      expect(run()).toMatchObject({ status: 0, stdout: first.stdout, stderr: first.stderr });
      writeFileSync(join(project.root, 'guardduty.yaml'), `${text.toString('utf8')}unknownKey: 1\n`);
      const broken = run();
      expect(broken.status).toBe(2);
      expect(broken.stderr).toMatch(/unknownKey: unknown key "unknownKey"/);
    } finally {
      project.remove();
    }
  });
});
