/**
 * `npm run layers [root...]`: checks the layer rules of .dependency-cruiser.cjs
 * on main.ts, src/, modules/ and cli/ of each root (default: this project),
 * plus what dependency-cruiser cannot see: use of the global `process` in
 * src/ or modules/ (same exceptions as its `no-process-import` rule).
 * Prints one line per violation and exits 1 if there is any; `--json`
 * prints `{ [root]: violations[] }` instead (test/architecture reads it).
 *
 * dependency-cruiser's JS API, not its CLI: one Node start-up for several
 * roots, and about a second faster per run.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { cruise } from 'dependency-cruiser';
import ts from 'typescript';

const PROJECT = resolve(import.meta.dirname, '..');
const config = createRequire(import.meta.url)(join(PROJECT, '.dependency-cruiser.cjs'));
const ENTRIES = ['main.ts', 'src', 'modules', 'cli'];

/** Violations of the dependency rules, as `{ rule, from, to }`. */
async function dependencyViolations(root) {
  const entries = ENTRIES.filter((entry) => existsSync(join(root, entry)));
  const { output } = await cruise(entries, {
    ...config.options,
    baseDir: root,
    validate: true,
    ruleSet: { forbidden: config.forbidden },
  });
  return output.summary.violations.map((v) => ({
    rule: v.rule.name,
    from: v.from,
    to: v.cycle ? v.cycle.map((step) => step.name).join(' -> ') : v.to,
  }));
}

/** Uses of the global `process` in src/ and modules/ outside the allowed files. */
function processViolations(root) {
  const rule = config.forbidden.find((r) => r.name === 'no-process-import');
  const checked = new RegExp(rule.from.path);
  const allowed = new RegExp(rule.from.pathNot);
  const files = ['src', 'modules']
    .flatMap((dir) => (existsSync(join(root, dir)) ? readdirSync(join(root, dir), { recursive: true }).map((f) => join(dir, f)) : []))
    .map((file) => file.split('\\').join('/'))
    .filter((file) => file.endsWith('.ts') && checked.test(file) && !allowed.test(file));
  const violations = [];
  for (const file of files) {
    const source = ts.createSourceFile(file, readFileSync(join(root, file), 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node) => {
      if (ts.isIdentifier(node) && node.text === 'process' && !isMemberName(node)) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart());
        violations.push({ rule: 'no-process-global', from: `${file}:${line + 1}`, to: 'process' });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return violations;
}

/** `x.process`, `{ process: 1 }`, `NodeJS.process`: a name, not the global. */
function isMemberName(node) {
  const parent = node.parent;
  return (
    (ts.isPropertyAccessExpression(parent) && parent.name === node) ||
    (ts.isQualifiedName(parent) && parent.right === node) ||
    ((ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent) || ts.isPropertySignature(parent) || ts.isMethodDeclaration(parent)) &&
      parent.name === node)
  );
}

const args = process.argv.slice(2);
const json = args.includes('--json');
const roots = args.filter((a) => a !== '--json');
const report = {};
for (const root of roots.length > 0 ? roots : [PROJECT]) {
  const dir = resolve(root);
  report[relative(PROJECT, dir) || '.'] = [...(await dependencyViolations(dir)), ...processViolations(dir)];
}
const all = Object.values(report).flat();
if (json) {
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
} else {
  for (const [root, violations] of Object.entries(report)) {
    for (const v of violations) process.stdout.write(`${root}: ${v.rule}: ${v.from} -> ${v.to}\n`);
  }
  process.stdout.write(all.length === 0 ? 'layers: no violations\n' : `layers: ${all.length} violation(s)\n`);
}
process.exitCode = all.length === 0 ? 0 : 1;
