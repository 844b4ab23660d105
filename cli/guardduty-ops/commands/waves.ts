import type { Command } from 'commander';
import { backendOf, hasRemoteState, readSynthOutput } from '../../../src/deploy/synth-output';
import { deployWaves, formatWavesText, wavesMatrix } from '../../../src/deploy/waves';
import { ExitCode } from '../../../src/ops/exit-code';
import { parsePositiveInt } from '../common-options';
import type { OpsDeps } from '../deps';
import { guardedAction } from '../guarded-action';

interface WavesOptions {
  readonly out: string;
  readonly json?: boolean;
  readonly maxWaves?: number;
}

export function defineWavesCommand(cmd: Command, deps: OpsDeps, finish: (code: number) => void): void {
  cmd
    .description('print the deploy waves of the synthesized stacks (from <out>/manifest.json); exit 1 if there are more than --max-waves')
    .option('--out <dir>', 'the synth output folder', 'cdktf.out')
    .option('--max-waves <n>', 'fail (exit 1) when the stacks need more waves than this, e.g. the wave jobs of a workflow', parsePositiveInt(100))
    .option('--json', 'JSON on stdout: {"waves": [[stack, ...], ...], "matrix": {"include": [{"wave", "stack"}]}, "backends", "remoteState"}')
    .action(
      guardedAction<WavesOptions>('waves', deps, finish, async (options) => {
        const output = readSynthOutput(options.out);
        const waves = deployWaves(output.manifest);
        const tooMany = options.maxWaves !== undefined && waves.length > options.maxWaves;
        const backends = Object.fromEntries(Object.entries(output.stacks).map(([name, stack]) => [name, backendOf(stack)]));
        const remoteState = hasRemoteState(output);
        if (options.json) {
          deps.stdout(JSON.stringify({ waves, matrix: wavesMatrix(waves), backends, remoteState }, null, 2) + '\n');
        } else {
          deps.stdout(formatWavesText(waves));
          if (!remoteState) deps.stdout('state: local backend (deploy from CI needs the s3 or cloud backend)\n');
        }
        if (tooMany) deps.stderr(`guardduty-ops waves: ${waves.length} waves, more than --max-waves ${options.maxWaves}\n`);
        return tooMany ? ExitCode.Problem : ExitCode.Ok;
      }),
    );
}
