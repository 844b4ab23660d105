/**
 * Reads one synthesized `cdk.tf.json` the way Terraform reads its JSON syntax
 * and lists what Terraform would reject, without a terraform binary or a
 * provider download. Each rule is named so a failure says which one broke:
 *
 * - template-syntax: every string with `${...}`/`%{...}` parses as a template;
 * - bare-expression: the arguments Terraform reads as expressions, not
 *   templates (`depends_on`, `lifecycle.replace_triggered_by`,
 *   `lifecycle.ignore_changes`, `provider`, module `providers`, import `to`,
 *   moved/removed `from`/`to`) hold plain references such as
 *   `terraform_data.x`, never `"${...}"`;
 * - reference: every reference names a resource, data source, local,
 *   variable, module or provider configuration the stack declares (with an
 *   instance key exactly when the resource has count/for_each);
 * - iteration-variable: `each.*` only in a block with for_each, `count.*` only
 *   in one with count, dynamic-block iterators only inside their block;
 * - resource-type: every resource and data source type exists in the bound
 *   AWS provider (or is one of Terraform's built-ins).
 */
import { type HclNode, type HclTraversalPart, hasTemplateSyntax, parseBareExpression, parseTemplate } from './hcl-expressions';
import { providerTypes } from './provider-types';

export type TerraformJsonRule = 'template-syntax' | 'bare-expression' | 'reference' | 'iteration-variable' | 'resource-type';

export interface TerraformJsonProblem {
  readonly rule: TerraformJsonRule;
  /** Where in the document, e.g. `resource.aws_guardduty_ipset.X.lifecycle.replace_triggered_by[0]`. */
  readonly path: string;
  readonly message: string;
}

/** The problems Terraform would find in one parsed `cdk.tf.json`: unknown types first, then string by string in document order. */
export async function checkTerraformJson(document: unknown): Promise<TerraformJsonProblem[]> {
  if (!isObject(document)) throw new TypeError('a Terraform JSON file holds one object');
  const declared = declarationsOf(document);
  const sites: StringSite[] = [];
  collectDocument(document, sites);
  // Every string goes to the parser at once: its wasm bridge answers a queue
  // of calls about 4x faster than calls awaited one by one.
  const perSite = await Promise.all(sites.map((site) => checkSite(site, declared)));
  return [...resourceTypeProblems(declared), ...perSite.flat()];
}

/** One line per problem, for test failure output. */
export function formatProblem(problem: TerraformJsonProblem): string {
  return `[${problem.rule}] ${problem.path}: ${problem.message}`;
}

// ---------------------------------------------------------------------------
// What the stack declares

type Iteration = 'for_each' | 'count' | undefined;

interface Declarations {
  /** `type.name` of managed resources and data sources, with their iteration. */
  readonly managed: ReadonlyMap<string, Iteration>;
  readonly data: ReadonlyMap<string, Iteration>;
  readonly locals: ReadonlySet<string>;
  readonly variables: ReadonlySet<string>;
  readonly modules: ReadonlySet<string>;
  /** Provider configurations by local name: `aws`, `aws.west`. */
  readonly providerConfigs: ReadonlySet<string>;
}

function declarationsOf(document: JsonObject): Declarations {
  const managed = new Map<string, Iteration>();
  const data = new Map<string, Iteration>();
  for (const [mode, into] of [['resource', managed], ['data', data]] as const) {
    for (const [type, byName] of entries(document[mode])) {
      for (const [name, body] of entries(byName)) into.set(`${type}.${name}`, iterationOf(body));
    }
  }
  const providerConfigs = new Set<string>();
  for (const [name, configs] of entries(document.provider)) {
    for (const config of bodies(configs)) {
      providerConfigs.add(typeof config.alias === 'string' ? `${name}.${config.alias}` : name);
    }
  }
  return {
    managed,
    data,
    locals: new Set(bodies(document.locals).flatMap((block) => Object.keys(block))),
    variables: new Set(Object.keys(asObject(document.variable))),
    modules: new Set(Object.keys(asObject(document.module))),
    providerConfigs,
  };
}

function iterationOf(body: unknown): Iteration {
  const block = bodies(body)[0] ?? {};
  if ('for_each' in block) return 'for_each';
  if ('count' in block) return 'count';
  return undefined;
}

function resourceTypeProblems(declared: Declarations): TerraformJsonProblem[] {
  const known = providerTypes();
  const problems: TerraformJsonProblem[] = [];
  for (const [mode, addresses, types] of [['resource', declared.managed, known.managed], ['data', declared.data, known.data]] as const) {
    const seen = new Set<string>();
    for (const address of addresses.keys()) {
      const type = address.slice(0, address.indexOf('.'));
      if (seen.has(type) || types.has(type)) continue;
      seen.add(type);
      const kind = mode === 'resource' ? 'resource' : 'data source';
      const near = nearest(type, types);
      problems.push({
        rule: 'resource-type',
        path: `${mode}.${type}`,
        message: `${type} is not a ${kind} type of the bound AWS provider (@cdktf/provider-aws) nor a Terraform built-in${near ? `; did you mean ${near}?` : ''}`,
      });
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------
// Where the strings are, and how Terraform reads each

/** The arguments Terraform decodes as an expression, not as a template. */
type BarePosition =
  | 'depends_on' // hcl.AbsTraversalForExpr: a static reference to a resource, data source or module
  | 'provider' // hcl.AbsTraversalForExpr: `name` or `name.alias`
  | 'replace_triggered_by' // hclsyntax.ParseExpression: references to managed resources
  | 'ignore_changes' // hcl.RelTraversalForExpr: an attribute path, or the keyword `all`
  | 'import_to' // hclsyntax.ParseExpression: a managed resource (instance)
  | 'moved_address'; // hcl.AbsTraversalForExpr: moved/removed `from` and `to`, old addresses allowed

interface Scope {
  /** count or for_each of the resource, data, module or import block around the string. */
  readonly iteration: Iteration;
  /** Dynamic-block iterator names in scope (`setting` in `dynamic.setting.content`). */
  readonly iterators: readonly string[];
}

interface StringSite {
  readonly path: string;
  readonly text: string;
  readonly scope: Scope;
  /** Absent for a template (every other string). */
  readonly bare?: BarePosition;
}

const NO_SCOPE: Scope = { iteration: undefined, iterators: [] };

function collectDocument(document: JsonObject, sites: StringSite[]): void {
  for (const [key, value] of Object.entries(document)) {
    if (key === '//') continue;
    const path = segment('', key);
    switch (key) {
      case 'resource':
      case 'data':
        for (const [type, byName] of entries(value)) {
          for (const [name, body] of entries(byName)) {
            const blockPath = segment(segment(path, type), name);
            forEachBody(body, blockPath, (block, at) => collectBlock(block, at, key, sites));
          }
        }
        break;
      case 'module':
        for (const [name, body] of entries(value)) {
          forEachBody(body, segment(path, name), (block, at) => collectBlock(block, at, 'module', sites));
        }
        break;
      case 'output':
        for (const [name, body] of entries(value)) {
          forEachBody(body, segment(path, name), (block, at) => collectBlock(block, at, 'output', sites));
        }
        break;
      case 'import':
        forEachBody(value, path, (block, at) => collectBlock(block, at, 'import', sites));
        break;
      case 'moved':
      case 'removed':
        forEachBody(value, path, (block, at) => collectBlock(block, at, key, sites));
        break;
      default:
        // locals, variable, provider, terraform: every string a template. (Check
        // blocks' scoped data sources are not modelled: cdktf emits none here.)
        collectValue(value, path, NO_SCOPE, sites);
    }
  }
}

type BlockKind = 'resource' | 'data' | 'module' | 'output' | 'import' | 'moved' | 'removed';

/** The meta-arguments of a block body, then its arguments and nested blocks. */
function collectBlock(block: JsonObject, path: string, kind: BlockKind, sites: StringSite[]): void {
  const iteration = kind === 'output' || kind === 'moved' || kind === 'removed' ? undefined : iterationOf(block);
  const scope: Scope = { iteration, iterators: [] };
  for (const [key, value] of Object.entries(block)) {
    if (key === '//') continue;
    const at = segment(path, key);
    if (key === 'depends_on' && kind !== 'import' && kind !== 'moved' && kind !== 'removed') {
      collectBareList(value, at, 'depends_on', scope, sites);
    } else if (key === 'provider' && (kind === 'resource' || kind === 'data' || kind === 'import')) {
      collectBare(value, at, 'provider', scope, sites);
    } else if (key === 'providers' && kind === 'module') {
      for (const [name, ref] of entries(value)) collectBare(ref, segment(at, name), 'provider', scope, sites);
    } else if (key === 'to' && kind === 'import') {
      collectBare(value, at, 'import_to', scope, sites);
    } else if ((key === 'from' || key === 'to') && (kind === 'moved' || kind === 'removed')) {
      collectBare(value, at, 'moved_address', scope, sites);
    } else if (key === 'lifecycle' && kind === 'resource') {
      forEachBody(value, at, (lifecycle, lifecyclePath) => collectLifecycle(lifecycle, lifecyclePath, scope, sites));
    } else if (key === 'dynamic' && isObject(value)) {
      collectDynamicBlocks(value, at, scope, sites);
    } else if (key === 'for_each' || key === 'count') {
      // each.* / count.* are not defined while Terraform expands the block itself.
      collectValue(value, at, NO_SCOPE, sites);
    } else {
      collectValue(value, at, scope, sites);
    }
  }
}

function collectLifecycle(lifecycle: JsonObject, path: string, scope: Scope, sites: StringSite[]): void {
  for (const [key, value] of Object.entries(lifecycle)) {
    const at = segment(path, key);
    if (key === 'replace_triggered_by') collectBareList(value, at, 'replace_triggered_by', scope, sites);
    // `"ignore_changes": "all"` is the keyword, read as a traversal too.
    else if (key === 'ignore_changes') {
      if (Array.isArray(value)) collectBareList(value, at, 'ignore_changes', scope, sites);
      else collectBare(value, at, 'ignore_changes', scope, sites);
    } else collectValue(value, at, scope, sites);
  }
}

function collectBareList(value: unknown, path: string, bare: BarePosition, scope: Scope, sites: StringSite[]): void {
  if (!Array.isArray(value)) {
    collectBare(value, path, bare, scope, sites);
    return;
  }
  value.forEach((item, i) => collectBare(item, `${path}[${i}]`, bare, scope, sites));
}

function collectBare(value: unknown, path: string, bare: BarePosition, scope: Scope, sites: StringSite[]): void {
  // Terraform wants a string here; anything else is a template-free value we leave to terraform.
  if (typeof value === 'string') sites.push({ path, text: value, scope, bare });
}

/** Any value: strings are templates; `dynamic` blocks bring their iterator into scope. */
function collectValue(value: unknown, path: string, scope: Scope, sites: StringSite[]): void {
  if (typeof value === 'string') {
    if (hasTemplateSyntax(value)) sites.push({ path, text: value, scope });
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => collectValue(item, `${path}[${i}]`, scope, sites));
  } else if (isObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      // HCL's JSON syntax ignores "//" properties (comments; cdktf's metadata).
      if (key === '//') continue;
      const at = segment(path, key);
      // An object key inside an argument is a template too.
      if (hasTemplateSyntax(key)) sites.push({ path: at, text: key, scope });
      if (key === 'dynamic' && isObject(item)) collectDynamicBlocks(item, at, scope, sites);
      else collectValue(item, at, scope, sites);
    }
  }
}

/** `"dynamic": {"setting": {"for_each": ..., "iterator": ..., "content": {...}}}` */
function collectDynamicBlocks(dynamic: JsonObject, path: string, scope: Scope, sites: StringSite[]): void {
  for (const [label, body] of Object.entries(dynamic)) {
    forEachBody(body, segment(path, label), (block, blockPath) => {
      const iterator = typeof block.iterator === 'string' ? block.iterator : label;
      const inner: Scope = { ...scope, iterators: [...scope.iterators, iterator] };
      for (const [key, value] of Object.entries(block)) {
        if (key === '//' || key === 'iterator') continue;
        collectValue(value, segment(blockPath, key), key === 'content' || key === 'labels' ? inner : scope, sites);
      }
    });
  }
}

// ---------------------------------------------------------------------------
// Checking one string

async function checkSite(site: StringSite, declared: Declarations): Promise<TerraformJsonProblem[]> {
  if (!site.bare) {
    const parse = await parseTemplate(site.text);
    if ('error' in parse) return [{ rule: 'template-syntax', path: site.path, message: `${quote(site.text)} does not parse as a template: ${parse.error}` }];
    return referencesIn(parse.ast).flatMap((ref) => referenceProblems(ref, site, declared));
  }

  if (site.text.includes('${')) {
    const interpolated = /^\$\{([^{}]*)\}$/.exec(site.text);
    return [
      {
        rule: 'bare-expression',
        path: site.path,
        message:
          `${quote(site.text)}: Terraform reads ${positionName(site.bare)} as a bare expression, not a template, so ` +
          `"\${" is an "Invalid character" there; write ${interpolated ? quote(interpolated[1]) : 'the reference without "${...}"'}`,
      },
    ];
  }
  const parse = await parseBareExpression(site.text);
  if ('error' in parse) return [{ rule: 'bare-expression', path: site.path, message: `${quote(site.text)} does not parse as an expression: ${parse.error}` }];
  const staticOnly = site.bare !== 'replace_triggered_by' && site.bare !== 'import_to';
  if (staticOnly && !isStaticTraversal(parse.ast)) {
    return [
      {
        rule: 'bare-expression',
        path: site.path,
        message: `${quote(site.text)}: ${positionName(site.bare)} takes a single static reference (attribute access and constant indexes only)`,
      },
    ];
  }
  return bareReferenceProblems(parse.ast, site, declared);
}

function bareReferenceProblems(ast: HclNode, site: StringSite, declared: Declarations): TerraformJsonProblem[] {
  const problem = (message: string): TerraformJsonProblem[] => [{ rule: 'reference', path: site.path, message }];
  const parts = ast.meta.traversal ?? [];
  switch (site.bare) {
    case 'ignore_changes': // attribute paths of the resource itself
    case 'moved_address': // may name what no longer exists
      return [];
    case 'provider': {
      const names = parts.map((part) => part.segment);
      if (parts.length > 2 || parts.some((part) => part.type !== 'nameTraversal')) return problem(`${quote(site.text)} is not a provider configuration reference (name or name.alias)`);
      // A provider's default configuration exists even without a provider block; an alias must be declared.
      if (names.length === 2 && !declared.providerConfigs.has(names.join('.'))) return problem(`provider configuration ${names.join('.')} is not declared in this stack`);
      return [];
    }
    case 'depends_on': {
      const root = parts[0].segment;
      if (root !== 'data' && root !== 'module' && RESERVED_ROOTS.has(root)) return problem(`depends_on names ${quote(site.text)}: only resources, data sources and modules can be dependencies`);
      return referenceProblems(parts, site, declared);
    }
    case 'import_to':
    case 'replace_triggered_by': {
      const refs = referencesIn(ast);
      const what = site.bare === 'import_to' ? 'an import block imports into managed resources only' : 'replace_triggered_by takes references to managed resources only';
      const out: TerraformJsonProblem[] = [];
      for (const ref of refs) {
        const root = ref[0].segment;
        const iterationVariable = (root === 'each' && site.bare === 'replace_triggered_by') || root === 'count';
        if (!iterationVariable && RESERVED_ROOTS.has(root)) out.push(...problem(`${quote(site.text)}: ${what}`));
        else out.push(...referenceProblems(ref, site, declared));
      }
      return out;
    }
    default:
      return referenceProblems(parts, site, declared);
  }
}

/** Roots that are not managed resource types. */
const RESERVED_ROOTS = new Set(['data', 'local', 'var', 'module', 'each', 'count', 'self', 'path', 'terraform']);
const BUILTIN_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  path: ['module', 'root', 'cwd'],
  terraform: ['workspace', 'applying'],
};

function referenceProblems(parts: readonly HclTraversalPart[], site: StringSite, declared: Declarations): TerraformJsonProblem[] {
  const reference = (message: string): TerraformJsonProblem[] => [{ rule: 'reference', path: site.path, message }];
  const iteration = (message: string): TerraformJsonProblem[] => [{ rule: 'iteration-variable', path: site.path, message }];
  const root = parts[0].segment;
  const attribute = parts[1]?.type === 'nameTraversal' ? parts[1].segment : undefined;
  const shown = traversalText(parts);

  switch (root) {
    case 'data': {
      const typeAndName = parts[2]?.type === 'nameTraversal' && attribute ? `${attribute}.${parts[2].segment}` : undefined;
      if (!typeAndName) return reference(`${shown}: a data source reference is data.<type>.<name>`);
      if (!declared.data.has(typeAndName)) return reference(`data.${typeAndName} is not declared in this stack`);
      return instanceKeyProblems(`data.${typeAndName}`, declared.data.get(typeAndName), parts.slice(3), site);
    }
    case 'local':
      return attribute && declared.locals.has(attribute) ? [] : reference(`${shown}: local value ${attribute ?? '?'} is not declared in this stack`);
    case 'var':
      return attribute && declared.variables.has(attribute) ? [] : reference(`${shown}: variable ${attribute ?? '?'} is not declared in this stack`);
    case 'module':
      return attribute && declared.modules.has(attribute) ? [] : reference(`${shown}: module ${attribute ?? '?'} is not declared in this stack`);
    case 'each':
      if (site.scope.iteration !== 'for_each') return iteration(`${shown}: each.* exists only in a resource, data, module or import block with for_each`);
      if (site.bare === 'replace_triggered_by' && attribute !== 'key') return iteration(`${shown}: replace_triggered_by allows each.key only`);
      return attribute === 'key' || attribute === 'value' ? [] : iteration(`${shown}: each has only key and value`);
    case 'count':
      if (site.scope.iteration !== 'count') return iteration(`${shown}: count.* exists only in a block with count`);
      return attribute === 'index' ? [] : iteration(`${shown}: count has only index`);
    case 'self':
      return [];
    case 'path':
    case 'terraform':
      return attribute && BUILTIN_ATTRIBUTES[root].includes(attribute) ? [] : reference(`${shown}: ${root} has no attribute ${attribute ?? '?'}`);
    default: {
      if (site.scope.iterators.includes(root)) {
        return attribute === 'key' || attribute === 'value' ? [] : iteration(`${shown}: a dynamic block iterator has only key and value`);
      }
      if (!attribute) return reference(`${shown}: a resource reference is <type>.<name>`);
      const address = `${root}.${attribute}`;
      if (!declared.managed.has(address)) return reference(`${address} is not declared in this stack`);
      return instanceKeyProblems(address, declared.managed.get(address), parts.slice(2), site);
    }
  }
}

/** Terraform's "Missing resource instance key" / "Unexpected resource instance key". */
function instanceKeyProblems(address: string, iteration: Iteration, rest: readonly HclTraversalPart[], site: StringSite): TerraformJsonProblem[] {
  const next = rest[0];
  if (!next) return [];
  if (iteration && next.type === 'nameTraversal') {
    return [{ rule: 'reference', path: site.path, message: `${address} has ${iteration}: name an instance (${address}[...]) before .${next.segment}` }];
  }
  if (!iteration && next.type === 'indexTraversal') {
    return [{ rule: 'reference', path: site.path, message: `${address} has neither count nor for_each, so ${address}[${next.segment}] names no instance` }];
  }
  return [];
}

/** The root-scoped traversals in an expression, skipping names a `for` expression binds. */
function referencesIn(ast: HclNode): (readonly HclTraversalPart[])[] {
  const found: (readonly HclTraversalPart[])[] = [];
  const visit = (node: HclNode, bound: ReadonlySet<string>): void => {
    let inner = bound;
    if (node.type === 'for') inner = new Set([...bound, ...[node.meta.keyVar, node.meta.valVar].filter((name): name is string => !!name)]);
    const traversal = node.meta.traversal;
    if (node.type === 'scopeTraversal' && traversal?.length && !inner.has(traversal[0].segment)) found.push(traversal);
    for (const child of node.children ?? []) visit(child, inner);
  };
  visit(ast, new Set());
  return found;
}

function isStaticTraversal(ast: HclNode): boolean {
  return ast.type === 'scopeTraversal' && !!ast.meta.traversal?.length;
}

function positionName(bare: BarePosition): string {
  return bare === 'import_to' ? 'an import block\'s "to"' : bare === 'moved_address' ? 'a moved/removed address' : bare;
}

function traversalText(parts: readonly HclTraversalPart[]): string {
  return parts.map((part, i) => (part.type === 'indexTraversal' ? `[${part.segment}]` : i === 0 ? part.segment : `.${part.segment}`)).join('');
}

// ---------------------------------------------------------------------------
// JSON plumbing

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asObject(value: unknown): JsonObject {
  return isObject(value) ? value : {};
}

function entries(value: unknown): [string, unknown][] {
  return Object.entries(asObject(value)).filter(([key]) => key !== '//');
}

/** A block given as one object or, as HCL's JSON syntax also allows, an array of them. */
function bodies(value: unknown): JsonObject[] {
  return (Array.isArray(value) ? value : [value]).filter(isObject);
}

function forEachBody(value: unknown, path: string, visit: (block: JsonObject, path: string) => void): void {
  if (Array.isArray(value)) value.forEach((item, i) => isObject(item) && visit(item, `${path}[${i}]`));
  else if (isObject(value)) visit(value, path);
}

/** `a.b` while the key is a plain name, `a["k/v"]` otherwise. */
function segment(path: string, key: string): string {
  if (/^[A-Za-z_][\w-]*$/.test(key)) return path ? `${path}.${key}` : key;
  return `${path}[${JSON.stringify(key)}]`;
}

function quote(text: string): string {
  return JSON.stringify(text.length > 120 ? `${text.slice(0, 117)}...` : text);
}

/** The closest type name within two edits, for a "did you mean". */
function nearest(name: string, names: ReadonlySet<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of names) {
    if (Math.abs(candidate.length - name.length) >= bestDistance) continue;
    const distance = editDistance(name, candidate, bestDistance);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}

function editDistance(a: string, b: string, limit: number): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    if (Math.min(...current) >= limit) return limit;
    previous = current;
  }
  return previous[b.length];
}
