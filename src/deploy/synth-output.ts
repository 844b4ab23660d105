import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../ops/usage-error';
import type { SynthManifest } from './waves';

/** A parsed `cdk.tf.json`: only the blocks this folder reads are typed. */
export interface TerraformJson {
  readonly terraform?: {
    readonly backend?: Readonly<Record<string, unknown>>;
    readonly cloud?: unknown;
    readonly required_version?: string;
  };
  readonly [block: string]: unknown;
}

/** A synthesized output folder (`cdktf.out`): the manifest and every stack's Terraform JSON. */
export interface SynthOutput {
  readonly manifest: SynthManifest;
  readonly stacks: Readonly<Record<string, TerraformJson>>;
}

/**
 * Reads `<outdir>/manifest.json` and each stack's `cdk.tf.json` at the path
 * the manifest gives (`synthesizedStackPath`). A missing manifest is a usage
 * error: synth has not run.
 */
export function readSynthOutput(outdir: string): SynthOutput {
  const manifestFile = join(outdir, 'manifest.json');
  if (!existsSync(manifestFile)) throw new UsageError(`no ${manifestFile}: run npx cdktf synth first (or pass the output folder)`);
  const manifest = parseJson(manifestFile) as SynthManifest & {
    stacks: Record<string, { synthesizedStackPath?: string }>;
  };
  if (typeof manifest?.stacks !== 'object' || manifest.stacks === null) throw new UsageError(`${manifestFile}: no "stacks" object`);
  const stacks: Record<string, TerraformJson> = {};
  for (const [name, stack] of Object.entries(manifest.stacks)) {
    stacks[name] = parseJson(join(outdir, stack.synthesizedStackPath ?? join('stacks', name, 'cdk.tf.json'))) as TerraformJson;
  }
  return { manifest, stacks };
}

function parseJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new UsageError(`${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** The stack's state backend: `local`, `s3`, ... (the `terraform.backend` key), `cloud`, or `none`. */
export function backendOf(stack: TerraformJson): string {
  if (stack.terraform?.cloud !== undefined) return 'cloud';
  const backend = Object.keys(stack.terraform?.backend ?? {});
  return backend.length > 0 ? backend.join('+') : 'none';
}

/** Remote state everywhere: no stack keeps its state in a local file (or in no backend at all, which is local too). */
export function hasRemoteState(output: SynthOutput): boolean {
  return Object.values(output.stacks).every((stack) => !['local', 'none'].includes(backendOf(stack)));
}
