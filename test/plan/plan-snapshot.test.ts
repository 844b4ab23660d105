import { App } from 'cdktf';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildEstateStacks } from '../../modules/estate-stacks';
import { type LoadedPlan, loadPlan, writeListBodies } from '../../src/plan/load-plan';
import type { EstatePlan } from '../../src/plan/plan';
import { parsePolicy, type PolicyDocument } from '../../src/policy/document';

const root = join(__dirname, '..', '..');
// Fixed, so list expiry (and the plan) does not move with the calendar.
const NOW = new Date('2026-06-01T00:00:00Z');
const CONFIGS = ['guardduty.yaml', 'examples/organization.yaml', 'examples/invitation.yaml', 'examples/siem-and-flow-logs.yaml'];
const load = (file: string): LoadedPlan => loadPlan(join(root, file), { root, now: NOW });

/** Sorted keys, list bodies as their size: the same plan always prints the same text. */
function serialise(plan: EstatePlan): string {
  const sort = (value: unknown, key?: string): unknown => {
    if (key === 'body' && typeof value === 'string') return `<${value.length} bytes>`;
    if (Array.isArray(value)) return value.map((v) => sort(v));
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.keys(value)
          .sort()
          .map((k) => [k, sort((value as Record<string, unknown>)[k], k)]),
      );
    }
    return value;
  };
  return JSON.stringify(sort(plan), null, 2);
}

/** Every policy document in a plan, slots still in place. */
function planPolicies(value: unknown): PolicyDocument[] {
  if (Array.isArray(value)) return value.flatMap(planPolicies);
  if (!value || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  if (record['Version'] === '2012-10-17' && Array.isArray(record['Statement'])) return [record as unknown as PolicyDocument];
  return Object.values(record).flatMap(planPolicies);
}

/** Every policy attribute of a synthesized stack (`policy`, `assume_role_policy`, `policy_document`). */
function synthesizedPolicies(json: { resource?: Record<string, Record<string, Record<string, unknown>>> }): string[] {
  return Object.values(json.resource ?? {}).flatMap((byName) =>
    Object.values(byName).flatMap((block) => Object.entries(block).flatMap(([k, v]) => (/(^|_)policy(_document)?$/.test(k) && parsePolicy(v) ? [v as string] : []))),
  );
}

describe('the plan of each example', () => {
  it.each(CONFIGS)('%s: shows every decision and every policy the estate will deploy', (file) => {
    expect(serialise(load(file).plan)).toMatchSnapshot();
  });
});

describe('every policy the stacks deploy is in the plan', () => {
  it.each(CONFIGS)('%s: as many policies in the plan as policy attributes in the synthesized stacks', (file) => {
    const { plan } = load(file);
    const app = new App({ outdir: mkdtempSync(join(tmpdir(), 'gd-plan-policies-')), stackTraces: false });
    const stacks = buildEstateStacks(app, plan, { listBodyFiles: writeListBodies(plan, mkdtempSync(join(tmpdir(), 'gd-plan-bodies-'))) });
    const synthesized = stacks.stacks.flatMap((s) => synthesizedPolicies(s.toTerraform() as Parameters<typeof synthesizedPolicies>[0]));
    // The home stack and, for their dead-letter queue and alarm topic, the regional stacks hold policies; every one comes from the plan.
    expect(planPolicies(plan)).toHaveLength(synthesized.length);
    // And statement for statement: the plan's Sids are the synthesized ones.
    const sids = (docs: readonly PolicyDocument[]) => docs.flatMap((d) => d.Statement.map((s) => s.Sid ?? '-')).sort();
    expect(sids(planPolicies(plan))).toEqual(sids(synthesized.map((p) => parsePolicy(p)!)));
  });
});
