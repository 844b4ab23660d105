import type { OpsDeps } from '../../cli/guardduty-ops/deps';
import { run as guarddutyOps } from '../../cli/guardduty-ops/program';
import { ROLE_ARN_MESSAGE } from '../../src/config/role-arn';
import { MockedAws } from '../ops/aws-mocks';
import { cliProject, configWithLists, DEFAULT_LISTS, threatlists } from '../threatlist/cli-harness';

/**
 * Both CLIs take --config from one definition and find it the same way
 * (relative to their working directory, then $GUARDDUTY_CONFIG, then
 * guardduty.yaml), and a role ARN is checked by the config's one rule: the
 * same mistake gets the same words from either.
 */
async function ops(args: readonly string[], cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  const credentials: unknown[] = [];
  const aws = new MockedAws().callerIs('111111111111');
  const deps: OpsDeps = {
    clients: (options) => {
      credentials.push(options);
      return aws.clients;
    },
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    now: () => Date.parse('2026-11-23T12:00:00Z'),
    sleep: async () => {},
    isTTY: false,
    cwd,
    env: {},
  };
  const code = await guarddutyOps(args, deps);
  return { code, stderr: err.join(''), credentials };
}

/** The message after the CLI's own prefix (`guardduty-ops verify: `, `threatlists: `). */
const message = (stderr: string) => stderr.replace(/^(guardduty-ops \w+|threatlists): /, '');

describe('one --config and one role-ARN rule for both CLIs', () => {
  const project = cliProject({
    'threatlists/trusted/offices.txt': '198.51.100.0/28  # owner=netops\n',
    'threatlists/threat/incidents.txt': '203.0.113.9  # ticket=IR-1\n',
    'bad-role.yaml': configWithLists(DEFAULT_LISTS).replace('admin: { accountId: "111111111111" }', 'admin: { accountId: "111111111111", assumeRoleArn: not-an-arn }'),
  });
  afterAll(() => project.remove());

  it('a --config that does not exist: exit 2 and the same message, the file found relative to the working directory', async () => {
    const a = await ops(['verify', '--config', 'nope.yaml'], project.root);
    const b = await threatlists(['validate', '--config', 'nope.yaml'], { cwd: project.root });
    expect([a.code, b.code]).toEqual([2, 2]);
    expect(message(a.stderr)).toBe(message(b.stderr));
    expect(message(a.stderr)).toMatch(/^nope\.yaml: 1 error\n/);
    expect(message(a.stderr)).toContain(`${project.root}/nope.yaml`);
  });

  it('a --config with a bad role ARN: exit 2 and the same message, naming the file as given, with the line', async () => {
    const a = await ops(['verify', '--config', 'bad-role.yaml'], project.root);
    const b = await threatlists(['validate', '--config', 'bad-role.yaml'], { cwd: project.root });
    expect([a.code, b.code]).toEqual([2, 2]);
    expect(message(a.stderr)).toBe(message(b.stderr));
    expect(message(a.stderr)).toMatch(new RegExp(`^bad-role\\.yaml: 1 error\\n  accounts\\.admin\\.assumeRoleArn: "not-an-arn" ${ROLE_ARN_MESSAGE.replace(/[.:/]/g, '\\$&')} \\(line \\d+\\)`));
  });

  it('--role-arn is held to the same rule and words as the config roles', async () => {
    const bad = await ops(['verify', '--role-arn', 'not-an-arn'], project.root);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`argument 'not-an-arn' is invalid. ${ROLE_ARN_MESSAGE}`);
    expect(bad.credentials).toEqual([]);
  });

  it("--role-arn must be in the config's partition and admin account, as the config's own roles must (exit 2 before any call)", async () => {
    const other = await ops(['verify', '--role-arn', 'arn:aws:iam::222222222222:role/GuardDutyAudit'], project.root);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('--role-arn: role belongs to account 222222222222, not 111111111111');
    const gov = await ops(['findings', '--role-arn', 'arn:aws-us-gov:iam::111111111111:role/GuardDutyAudit'], project.root);
    expect(gov.stderr).toContain("--role-arn: role is in partition aws-us-gov, but the config's partition is aws");
    expect([...other.credentials, ...gov.credentials]).toEqual([]);
  });

  it('both CLIs describe --config with the same help', async () => {
    const a: string[] = [];
    await guarddutyOps(['verify', '--help'], { ...({} as OpsDeps), stdout: (t) => a.push(t), stderr: (t) => a.push(t), env: {}, cwd: project.root });
    const b = await threatlists(['validate', '--help'], { cwd: project.root });
    const line = (text: string) => text.split('\n').find((l) => l.includes('--config'))!.trim();
    expect(line(a.join(''))).toBe(line(b.stdout));
  });
});
