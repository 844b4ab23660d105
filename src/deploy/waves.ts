/**
 * Deploy waves: the stacks of a synthesized `cdktf.out/manifest.json` in
 * topological layers of their dependencies. Wave 1 holds the stacks that
 * depend on nothing; wave n+1 the stacks whose dependencies are all in
 * waves 1..n. Every stack of a wave can be applied in parallel once the
 * waves before it are done. Pure: the caller reads the manifest.
 */
import { UsageError } from '../ops/usage-error';

/** The part of cdktf's manifest.json this reads. */
export interface SynthManifest {
  readonly stacks: Readonly<Record<string, { readonly dependencies?: readonly string[] }>>;
}

/** A manifest whose dependencies cannot be ordered; a usage error to the CLI (exit 2, nothing deployed). */
export class WavesError extends UsageError {
  constructor(message: string) {
    super(message);
    this.name = 'WavesError';
  }
}

/** The waves, each sorted by stack name so the output is stable. */
export function deployWaves(manifest: SynthManifest): string[][] {
  const names = Object.keys(manifest.stacks).sort();
  const unknown = names.flatMap((name) =>
    (manifest.stacks[name]!.dependencies ?? []).filter((dep) => !(dep in manifest.stacks)).map((dep) => `${name} -> ${dep}`),
  );
  if (unknown.length > 0) throw new WavesError(`unknown stack dependencies (not in the manifest): ${unknown.join(', ')}`);

  const waveOf = new Map<string, number>();
  const waves: string[][] = [];
  let left = names;
  while (left.length > 0) {
    const ready = left.filter((name) => (manifest.stacks[name]!.dependencies ?? []).every((dep) => waveOf.has(dep)));
    if (ready.length === 0) throw new WavesError(`a dependency cycle among these stacks: ${cycleAmong(manifest, left).join(' -> ')}`);
    for (const name of ready) waveOf.set(name, waves.length);
    waves.push(ready);
    left = left.filter((name) => !waveOf.has(name));
  }
  return waves;
}

/** One cycle, walked from the first stuck stack: every stuck stack has a stuck dependency. */
function cycleAmong(manifest: SynthManifest, stuck: readonly string[]): string[] {
  const isStuck = new Set(stuck);
  const path: string[] = [];
  let at = stuck[0]!;
  while (!path.includes(at)) {
    path.push(at);
    at = (manifest.stacks[at]!.dependencies ?? []).find((dep) => isStuck.has(dep))!;
  }
  return [...path.slice(path.indexOf(at)), at];
}

/** One matrix entry a stack, for `strategy.matrix: ${{ fromJSON(...) }}` in a workflow. */
export interface WaveMatrix {
  readonly include: readonly { readonly wave: number; readonly stack: string }[];
}

export function wavesMatrix(waves: readonly (readonly string[])[]): WaveMatrix {
  return { include: waves.flatMap((stacks, i) => stacks.map((stack) => ({ wave: i + 1, stack }))) };
}

export function formatWavesText(waves: readonly (readonly string[])[]): string {
  return waves.map((stacks, i) => `wave ${i + 1}: ${stacks.join(' ')}\n`).join('');
}
