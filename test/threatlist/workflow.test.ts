import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/**
 * The list PR workflow's security properties, pinned: it must never run
 * PR code with a write token (GUARDDUTY-FACTS: no pull_request_target).
 */
interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, { permissions: Record<string, string>; steps: { uses?: string; run?: string }[] }>;
}

const workflow = parse(readFileSync(join(__dirname, '..', '..', '.github', 'workflows', 'threatlists.yml'), 'utf8')) as Workflow;

describe('.github/workflows/threatlists.yml', () => {
  it('runs on pull_request, never pull_request_target', () => {
    expect(Object.keys(workflow.on)).toEqual(['pull_request']);
  });

  it('grants nothing by default and each job only what it needs', () => {
    expect(workflow.permissions).toEqual({});
    expect(workflow.jobs.check!.permissions).toEqual({ contents: 'read' });
    expect(workflow.jobs.comment!.permissions).toEqual({ 'pull-requests': 'write' });
  });

  it('installs with npm ci and validates with annotations in the read-only job', () => {
    const runs = workflow.jobs.check!.steps.map((s) => s.run ?? '').join('\n');
    expect(runs).toContain('npm ci');
    expect(runs).toContain('validate --format github');
    expect(runs).toContain('diff --base "$BASE_SHA"');
  });

  it('runs no PR code in the job that can write', () => {
    const steps = workflow.jobs.comment!.steps;
    expect(steps.some((s) => s.uses?.startsWith('actions/checkout'))).toBe(false);
    expect(steps.map((s) => s.run ?? '').join('\n')).not.toMatch(/npm|threatlists (validate|diff)/);
  });
});
