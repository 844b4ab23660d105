import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { satisfies } from 'semver';
import { parse } from 'yaml';
import { readSynthOutput } from '../../src/deploy/synth-output';
import { EXAMPLES, ROOT, synthExample } from './synth-examples';

/**
 * The security and ordering properties of every workflow, pinned: the files
 * parse, never use pull_request_target, pin their actions, grant nothing by
 * default and each job only what it needs. `terraform validate` itself runs
 * on GitHub, not here.
 */
interface Step {
  id?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
  if?: string;
}
interface Job {
  if?: string;
  needs?: string | string[];
  environment?: string;
  permissions?: Record<string, string>;
  strategy?: { matrix?: Record<string, unknown> };
  outputs?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
}

const DIR = join(ROOT, '.github', 'workflows');
const FILES = readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f)).sort();
const text = (file: string) => readFileSync(join(DIR, file), 'utf8');
const workflow = (file: string) => parse(text(file)) as Workflow;
const runs = (job: Job) => job.steps.map((s) => s.run ?? '').join('\n');
const uses = (job: Job) => job.steps.map((s) => s.uses ?? '').filter(Boolean);

/** Jobs that may ask GitHub for an OIDC token (AWS credentials). */
const OIDC_JOBS = /^(plan|wave-\d)$/;

describe.each(FILES)('.github/workflows/%s', (file) => {
  const wf = workflow(file);

  it('parses, runs on pull_request, push or workflow_dispatch, never pull_request_target', () => {
    expect(Object.keys(wf.jobs).length).toBeGreaterThan(0);
    const code = text(file)
      .split('\n')
      .filter((l) => !/^\s*#/.test(l))
      .join('\n');
    expect(code).not.toContain('pull_request_target');
    for (const event of Object.keys(wf.on)) expect(['pull_request', 'push', 'workflow_dispatch']).toContain(event);
  });

  it('pins every action by full commit SHA, with its exact version in a comment', () => {
    const lines = text(file)
      .split('\n')
      .filter((l) => /^\s*-?\s*uses:/.test(l));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/uses: [\w.-]+\/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
  });

  it('grants nothing by default; each job states its permissions, only what it needs', () => {
    expect(wf.permissions).toEqual({});
    for (const [name, job] of Object.entries(wf.jobs)) {
      expect([name, job.permissions]).toEqual([name, expect.any(Object)]);
      for (const [scope, level] of Object.entries(job.permissions!)) {
        if (scope === 'contents') expect([name, level]).toEqual([name, 'read']);
        else if (scope === 'id-token') expect([name, OIDC_JOBS.test(name), level]).toEqual([name, true, 'write']);
        else if (scope === 'pull-requests') expect([name, level]).toEqual(['comment', 'write']);
        else throw new Error(`${file}: job ${name} asks for ${scope}: ${level}`);
      }
    }
  });

  it('runs no repository code where it can write or get AWS credentials', () => {
    for (const [name, job] of Object.entries(wf.jobs)) {
      const powerful = Object.entries(job.permissions ?? {}).some(([scope, level]) => scope !== 'contents' && level === 'write');
      if (!powerful) continue;
      expect([name, uses(job).some((u) => u.startsWith('actions/checkout'))]).toEqual([name, false]);
      expect([name, runs(job)]).toEqual([name, expect.not.stringMatching(/\bnpm\b|\bnpx\b/)]);
    }
  });
});

describe('pull-request.yml', () => {
  const wf = workflow('pull-request.yml');
  const { synth, validate, plan, comment } = wf.jobs as Record<string, Job>;

  it('tests, synthesizes, and reports the synth diff against a synth of the base branch', () => {
    expect(runs(wf.jobs.test!)).toMatch(/npm ci[\s\S]*npm test/);
    const checkouts = synth!.steps.filter((s) => s.uses?.startsWith('actions/checkout'));
    expect(checkouts[1]!.with).toMatchObject({ ref: '${{ github.event.pull_request.base.sha }}', path: 'base' });
    expect(runs(synth!)).toContain('npx cdktf synth');
    expect(runs(synth!)).toContain('synth-diff --base base/cdktf.out --head cdktf.out');
    expect(runs(synth!)).toContain('>> "$GITHUB_STEP_SUMMARY"');
    expect(runs(synth!)).toContain('waves --json --max-waves 5');
  });

  it('validates every stack with init -backend=false, on a Terraform that every example stack accepts', () => {
    expect(runs(validate!)).toContain('init -backend=false');
    expect(runs(validate!)).toContain('validate');
    const version = String(validate!.steps.find((s) => s.uses?.startsWith('hashicorp/setup-terraform'))!.with!.terraform_version);
    expect(version).toMatch(/^\d+\.\d+\.\d+$/);
    for (const example of EXAMPLES) {
      for (const [stack, json] of Object.entries(readSynthOutput(synthExample(example)).stacks)) {
        expect([example, stack, satisfies(version, json.terraform!.required_version!)]).toEqual([example, stack, true]);
      }
    }
  });

  it('plans only when configured, never for a fork, never with local state, with -lock=false', () => {
    expect(plan!.if).toContain("vars.GUARDDUTY_PLAN_ROLE_ARN != ''");
    expect(plan!.if).toContain('github.event.pull_request.head.repo.full_name == github.repository');
    expect(plan!.if).toContain("needs.synth.outputs.remote-state == 'true'");
    expect(runs(plan!)).toContain('plan -lock=false');
    const creds = plan!.steps.find((s) => s.uses?.startsWith('aws-actions/configure-aws-credentials'))!;
    expect(creds.with!['role-to-assume']).toBe('${{ vars.GUARDDUTY_PLAN_ROLE_ARN }}');
    expect(runs(synth!)).toContain('local backend');
  });

  it('comments from a job that runs no PR code, only for PRs from this repository', () => {
    expect(comment!.if).toContain('github.event.pull_request.head.repo.full_name == github.repository');
    expect(comment!.steps.every((s) => !s.uses || s.uses.startsWith('actions/download-artifact'))).toBe(true);
  });
});

describe('deploy.yml', () => {
  const wf = workflow('deploy.yml');
  const waves = [1, 2, 3, 4, 5].map((i) => wf.jobs[`wave-${i}`]!);

  it('deploys on push to the default branch and by hand (a dry run unless apply is set)', () => {
    expect(wf.on.push).toEqual({ branches: ['main'] });
    expect(wf.on).toHaveProperty('workflow_dispatch.inputs.apply.default', false);
  });

  it('applies only on the default branch, whatever on.push.branches names (GitHub has no expression for it there), and says so at the top', () => {
    const step = wf.jobs.synth!.steps.find((s) => s.id === 'waves')!;
    expect(step.env!.APPLY).toBe("${{ github.ref_name == github.event.repository.default_branch && (github.event_name == 'push' || inputs.apply) }}");
    expect(text('deploy.yml').split('\nname:')[0]).toMatch(/THE DEFAULT BRANCH[\s\S]*change that line[\s\S]*only the\n# default branch ever applies/);
  });

  it('takes the waves from the synthesized manifest and refuses a local backend', () => {
    const synth = runs(wf.jobs.synth!);
    expect(synth).toContain('npx cdktf synth');
    expect(synth).toContain('waves --json --max-waves 5');
    expect(synth).toMatch(/remoteState[\s\S]*refusing to deploy[\s\S]*exit 1/);
    expect(Object.keys(wf.jobs).filter((j) => j.startsWith('wave-'))).toHaveLength(5);
  });

  it.each([1, 2, 3, 4, 5])('wave-%i: after the wave before, only if not empty, a matrix of its stacks, approved, applying the one synth', (i) => {
    const job = waves[i - 1]!;
    expect(job.needs).toEqual(i === 1 ? 'synth' : ['synth', `wave-${i - 1}`]);
    expect(job.if).toBe(`needs.synth.outputs.apply == 'true' && needs.synth.outputs.wave${i} != '[]'`);
    expect(job.strategy!.matrix).toEqual({ stack: `\${{ fromJSON(needs.synth.outputs.wave${i}) }}` });
    expect(job.environment).toBe('production');
    expect(job.permissions).toEqual({ 'id-token': 'write' });
    expect(job.steps).toEqual(waves[0]!.steps);
    expect(job.steps[0]!.uses).toMatch(/^actions\/download-artifact@/);
    expect(runs(job)).toContain('init -input=false');
    expect(runs(job)).toContain('apply -auto-approve');
    expect(runs(job)).toContain('detector already exists');
  });

  it('says what a first organization deploy does and where the command is', () => {
    expect(text('deploy.yml')).toContain('"detector already exists"');
    expect(text('deploy.yml')).toContain('last-wave 2');
  });
});

describe('workflow snippets in the docs', () => {
  /** `owner/repo@<sha> # vX.Y.Z` as the workflows pin them. */
  const pinned = new Set(FILES.flatMap((f) => [...text(f).matchAll(/uses: (\S+@[0-9a-f]{40} # v\d+\.\d+\.\d+)/g)].map((m) => m[1]!)));
  const docs = [...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => join('docs', f)), 'README.md', 'CONTRIBUTING.md'];

  it.each(docs)('%s pins every action as the workflows do (full SHA and # vX.Y.Z, the same pair)', (doc) => {
    const uses = [...readFileSync(join(ROOT, doc), 'utf8').matchAll(/uses: (\S+@\S+(?: # \S+)?)/g)].map((m) => m[1]!);
    expect(uses.filter((u) => !pinned.has(u))).toEqual([]);
  });
});
