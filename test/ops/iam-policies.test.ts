import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OPS_IAM_ACTIONS, type OpsCommand } from '../../src/ops/iam-actions';

const ROOT = join(__dirname, '..', '..');

interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: string | string[];
}

function policy(command: string): { Version: string; Statement: Statement[] } {
  return JSON.parse(readFileSync(join(ROOT, 'docs', 'iam', `guardduty-ops-${command}.json`), 'utf8'));
}

const asList = (v: string | string[]) => (Array.isArray(v) ? v : [v]);

/** Every `new XCommand(` and `paginateX(` the ops code sends. */
function operationsUsed(dir: string): Set<string> {
  const found = new Set<string>();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) operationsUsed(path).forEach((op) => found.add(op));
    else if (entry.name.endsWith('.ts')) {
      const text = readFileSync(path, 'utf8');
      for (const m of text.matchAll(/new (\w+)Command\(|paginate(\w+)\(/g)) found.add((m[1] ?? m[2])!);
    }
  }
  return found;
}

describe('least-privilege policies (docs/iam)', () => {
  it.each(Object.keys(OPS_IAM_ACTIONS) as OpsCommand[])('guardduty-ops-%s.json allows exactly the actions the command calls', (command) => {
    const doc = policy(command);
    expect(doc.Version).toBe('2012-10-17');
    const actions = doc.Statement.filter((s) => s.Effect === 'Allow').flatMap((s) => asList(s.Action));
    expect([...new Set(actions)].sort()).toEqual([...OPS_IAM_ACTIONS[command]].sort());
    for (const s of doc.Statement) {
      expect(asList(s.Action).some((a) => a.includes('*'))).toBe(false);
      // Only actions without a resource type may use Resource "*" (AWS's own example for ListRegions uses "*").
      if (asList(s.Resource).includes('*')) expect(['guardduty:ListDetectors', 'guardduty:ListMalwareProtectionPlans', 'account:ListRegions']).toEqual(expect.arrayContaining(asList(s.Action)));
    }
  });

  it('covers every API operation the ops code sends (GetCallerIdentity needs no permission)', () => {
    const granted = new Set(Object.values(OPS_IAM_ACTIONS).flat().map((a) => a.split(':')[1]));
    const missing = [...operationsUsed(join(ROOT, 'src', 'ops'))].filter((op) => op !== 'GetCallerIdentity' && !granted.has(op));
    expect(missing).toEqual([]);
  });
});
