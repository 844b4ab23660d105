import type { Command } from 'commander';
import { diffSynth, formatSynthDiffMarkdown } from '../../../src/deploy/synth-diff';
import { readSynthOutput } from '../../../src/deploy/synth-output';
import { ExitCode } from '../../../src/ops/exit-code';
import type { OpsDeps } from '../deps';
import { guardedAction } from '../guarded-action';

interface SynthDiffOptions {
  readonly base: string;
  readonly head: string;
  readonly json?: boolean;
}

export function defineSynthDiffCommand(cmd: Command, deps: OpsDeps, finish: (code: number) => void): void {
  cmd
    .description('compare two synth outputs: stacks, resources and data sources added, removed, changed (Markdown for a pull request); a report, exit 0 either way')
    .requiredOption('--base <dir>', "the base branch's synth output folder")
    .option('--head <dir>', 'the synth output folder of the change', 'cdktf.out')
    .option('--json', 'JSON on stdout instead of Markdown')
    .action(
      guardedAction<SynthDiffOptions>('synth-diff', deps, finish, async (options) => {
        const diff = diffSynth(readSynthOutput(options.base).stacks, readSynthOutput(options.head).stacks);
        deps.stdout(options.json ? JSON.stringify(diff, null, 2) + '\n' : formatSynthDiffMarkdown(diff));
        return ExitCode.Ok;
      }),
    );
}
