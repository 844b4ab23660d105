/**
 * HashiCorp's HCL parser (hclsyntax, compiled to wasm) as `@cdktf/hcl2json`
 * ships it, reading the strings of a Terraform JSON file the two ways
 * Terraform does:
 *
 * - as a string template: HCL's JSON syntax hands every string value to
 *   `hclsyntax.ParseTemplate` (hcl/json/structure.go), which sees `${...}`
 *   and `%{...}` and no backslash escapes;
 * - as a bare expression: for the arguments Terraform decodes itself
 *   (`replace_triggered_by`, import `to`: `hclsyntax.ParseExpression` on the
 *   string, internal/configs/import.go `unwrapJSONRefExpr`; `depends_on`,
 *   `provider`, `ignore_changes`: `hcl.AbsTraversalForExpr` /
 *   `RelTraversalForExpr`, which parse the string as a traversal).
 *
 * The wasm's `getExpressionAst` runs `hclsyntax.ParseExpression` on its input.
 * A quoted string would be the wrong wrapper for a template (quoted templates
 * read `\n`, `\"`, and a bare `"` ends them), so a template goes in as the body
 * of a heredoc, which the scanner reads exactly like ParseTemplate: `${`, `%{`,
 * `$${`, `%%{`, no backslash escapes.
 */

/** One node of the parser's AST (the shape `getExpressionAst` returns). */
export interface HclNode {
  readonly type: string;
  readonly meta: HclNodeMeta;
  readonly children: readonly HclNode[];
}

export interface HclNodeMeta {
  /** scopeTraversal: the root name and each attribute or literal index after it. */
  readonly traversal?: readonly HclTraversalPart[];
  /** for: the iteration variables, in scope inside the expression. */
  readonly keyVar?: string;
  readonly valVar?: string;
  readonly [other: string]: unknown;
}

export interface HclTraversalPart {
  readonly type: 'nameTraversal' | 'indexTraversal';
  /** The name, or an index's source text (`"key"`, `0`). */
  readonly segment: string;
}

export type HclParse = { readonly ast: HclNode } | { readonly error: string };

// Required untyped on purpose: the package's bridge.d.ts carries
// `/// <reference lib="dom" />`, which would add the DOM globals to the whole
// project's type-check.
const hcl2json = require('@cdktf/hcl2json') as {
  getExpressionAst(filename: string, expression: string): Promise<HclNode | null>;
};

/** The file name the parser puts in its diagnostics. */
const SOURCE = 'cdk.tf.json';

// One parse per distinct string per process: stacks of one estate repeat the
// same strings (detector ids, bucket ARNs) many times.
const parsed = new Map<string, Promise<HclParse>>();

/** Parse `text` the way Terraform's JSON syntax reads a string value: as a template. */
export function parseTemplate(text: string): Promise<HclParse> {
  return cached(`template\0${text}`, () => heredoc(text));
}

/** Parse `text` the way Terraform reads a bare-expression argument in JSON. */
export function parseBareExpression(text: string): Promise<HclParse> {
  return cached(`expression\0${text}`, () => text);
}

/** True when Terraform would find template syntax in the string (else it is a literal and cannot fail to parse). */
export function hasTemplateSyntax(text: string): boolean {
  return text.includes('${') || text.includes('%{');
}

function cached(key: string, source: () => string): Promise<HclParse> {
  let result = parsed.get(key);
  if (!result) {
    const input = source();
    result = hcl2json.getExpressionAst(SOURCE, input).then(
      (ast): HclParse => (ast ? { ast } : { error: 'empty expression' }),
      (err: unknown): HclParse => ({ error: diagnosticOf(err, input) }),
    );
    parsed.set(key, result);
  }
  return result;
}

/** The heredoc whose body is `text`, with an end marker that no line of `text` equals. */
function heredoc(text: string): string {
  let marker = 'END_OF_TERRAFORM_JSON_STRING';
  const lines = new Set(text.split('\n').map((line) => line.trim()));
  while (lines.has(marker)) marker += '_';
  return `<<${marker}\n${text}\n${marker}\n`;
}

/**
 * The parser's diagnostic without the echo of the input: the bridge reports
 * "getExpressionAst errors on input string '<input>': <file>:<line>,<cols>: <summary>; <detail>".
 */
function diagnosticOf(err: unknown, input: string): string {
  const message = err instanceof Error ? err.message : String(err);
  const echo = `'${input}': `;
  const afterEcho = message.includes(echo) ? message.slice(message.indexOf(echo) + echo.length) : message;
  return afterEcho.replace(/^\S+:\d+,\d+-\d+: /, '').trim();
}
