/**
 * What a change does to the synthesized Terraform: stacks added and
 * removed, and per stack the resources and data sources added, removed and
 * changed, by Terraform address. cdktf's `//` metadata (construct paths)
 * is ignored, so moving a construct without changing what it renders is
 * no change. Pure: the caller reads both outputs (stack name -> cdk.tf.json).
 */
import type { TerraformJson } from './synth-output';

export type SynthStacks = Readonly<Record<string, TerraformJson>>;

export interface ChangedAddress {
  readonly address: string;
  /** The top-level arguments that differ (added, removed or changed). */
  readonly arguments: readonly string[];
}

export interface StackDiff {
  readonly stack: string;
  readonly added: readonly string[];
  readonly removed: readonly string[];
  readonly changed: readonly ChangedAddress[];
  /** Other top-level blocks that differ: provider, terraform (backend, versions), import, output... */
  readonly blocks: readonly string[];
}

export interface SynthDiff {
  readonly addedStacks: readonly { readonly stack: string; readonly addresses: number }[];
  readonly removedStacks: readonly { readonly stack: string; readonly addresses: number }[];
  readonly changedStacks: readonly StackDiff[];
  readonly unchangedStacks: number;
}

/** Blocks keyed by address (type, then name). */
const ADDRESSED = { resource: '', data: 'data.' } as const;

export function diffSynth(base: SynthStacks, head: SynthStacks): SynthDiff {
  const baseNames = Object.keys(base).sort();
  const headNames = Object.keys(head).sort();
  const changedStacks: StackDiff[] = [];
  let unchangedStacks = 0;
  for (const stack of headNames.filter((n) => n in base)) {
    const diff = diffStack(stack, base[stack]!, head[stack]!);
    if (diff.added.length + diff.removed.length + diff.changed.length + diff.blocks.length === 0) unchangedStacks++;
    else changedStacks.push(diff);
  }
  return {
    addedStacks: headNames.filter((n) => !(n in base)).map((stack) => ({ stack, addresses: addresses(head[stack]!).size })),
    removedStacks: baseNames.filter((n) => !(n in head)).map((stack) => ({ stack, addresses: addresses(base[stack]!).size })),
    changedStacks,
    unchangedStacks,
  };
}

export function hasChanges(diff: SynthDiff): boolean {
  return diff.addedStacks.length + diff.removedStacks.length + diff.changedStacks.length > 0;
}

function diffStack(stack: string, base: TerraformJson, head: TerraformJson): StackDiff {
  const before = addresses(base);
  const after = addresses(head);
  const changed: ChangedAddress[] = [];
  for (const [address, body] of after) {
    const old = before.get(address);
    if (old === undefined) continue;
    const args = differingKeys(old, body);
    if (args.length > 0) changed.push({ address, arguments: args });
  }
  const blocks = differingKeys(otherBlocks(base), otherBlocks(head));
  return {
    stack,
    added: [...after.keys()].filter((a) => !before.has(a)).sort(),
    removed: [...before.keys()].filter((a) => !after.has(a)).sort(),
    changed: changed.sort((a, b) => a.address.localeCompare(b.address)),
    blocks,
  };
}

type Body = Readonly<Record<string, unknown>>;

/** address -> body without its `//` metadata. */
function addresses(stack: TerraformJson): Map<string, Body> {
  const out = new Map<string, Body>();
  for (const [block, prefix] of Object.entries(ADDRESSED)) {
    const types = (stack[block] ?? {}) as Record<string, Record<string, Body>>;
    for (const [type, names] of Object.entries(types)) {
      for (const [name, body] of Object.entries(names)) {
        const { '//': _metadata, ...rest } = body;
        out.set(`${prefix}${type}.${name}`, rest);
      }
    }
  }
  return out;
}

function otherBlocks(stack: TerraformJson): Body {
  const { '//': _metadata, resource: _r, data: _d, ...rest } = stack;
  return rest;
}

function differingKeys(a: Body, b: Body): string[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return keys.filter((k) => canonical(a[k]) !== canonical(b[k]));
}

/** JSON with object keys sorted, so key order is no difference; undefined stays distinct from null. */
function canonical(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Body)
      .filter(([, v]) => v !== undefined)
      .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The first line of the Markdown report: a workflow finds its earlier comment by it. */
export const SYNTH_DIFF_MARKER = '<!-- synth-diff -->';

/** At most this many addresses listed per stack and kind; the rest are counted. */
const LIST_LIMIT = 40;

export function formatSynthDiffMarkdown(diff: SynthDiff): string {
  const lines = [SYNTH_DIFF_MARKER, '### Synthesized Terraform: changes against the base branch', ''];
  if (!hasChanges(diff)) {
    lines.push(`No change in the synthesized Terraform (${diff.unchangedStacks} stacks compared).`);
    return lines.join('\n') + '\n';
  }
  lines.push(
    `${diff.changedStacks.length} stacks changed, ${diff.addedStacks.length} added, ${diff.removedStacks.length} removed, ${diff.unchangedStacks} unchanged.`,
    '',
  );
  for (const { stack, addresses: n } of diff.addedStacks) lines.push(`- **added stack** \`${stack}\` (${n} resources and data sources)`);
  for (const { stack, addresses: n } of diff.removedStacks) lines.push(`- **removed stack** \`${stack}\` (had ${n} resources and data sources)`);
  if (diff.addedStacks.length + diff.removedStacks.length > 0) lines.push('');
  if (diff.changedStacks.length > 0) {
    lines.push('| stack | added | removed | changed | other blocks |', '| --- | ---: | ---: | ---: | --- |');
    for (const s of diff.changedStacks) {
      lines.push(`| \`${s.stack}\` | ${s.added.length} | ${s.removed.length} | ${s.changed.length} | ${s.blocks.join(', ') || '–'} |`);
    }
    lines.push('');
    for (const s of diff.changedStacks) {
      lines.push(`<details><summary><code>${s.stack}</code></summary>`, '');
      lines.push(...limited(s.added.map((a) => `- added \`${a}\``)));
      lines.push(...limited(s.removed.map((a) => `- removed \`${a}\``)));
      lines.push(...limited(s.changed.map((c) => `- changed \`${c.address}\`: ${c.arguments.join(', ')}`)));
      if (s.blocks.length > 0) lines.push(`- changed blocks: ${s.blocks.join(', ')}`);
      lines.push('', '</details>', '');
    }
  }
  return lines.join('\n').trimEnd() + '\n';
}

function limited(items: readonly string[]): string[] {
  return items.length <= LIST_LIMIT ? [...items] : [...items.slice(0, LIST_LIMIT), `- … and ${items.length - LIST_LIMIT} more`];
}
