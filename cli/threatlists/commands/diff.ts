import { ExitCode } from '../../../src/ops/exit-code';
import { UsageError } from '../../../src/ops/usage-error';
import { buildThreatListsWithDetail, diffThreatLists, renderDiffMarkdown } from '../../../src/threatlist';
import { type CommandContext, type CommonOptions, listCommand, printJson } from '../command-context';
import { loadProject } from '../project';

interface DiffOptions extends CommonOptions {
  base: string;
  days: string;
  limit: string;
}

export function diffCommand(ctx: CommandContext) {
  return listCommand('diff', 'Markdown report of what the working tree changes in the lists against a git revision')
    .description(
      'Compares the lists as built from the working tree with the same lists (as the current config defines them) built from the files at --base: ' +
        'per list, addresses added and removed, quota use, new overlaps with the trusted list, entries expiring soon, and the widest new ranges. ' +
        'Prints Markdown for a pull-request comment (or JSON). Exits 0 when the report was produced: failing on list errors is validate\'s job.',
    )
    .requiredOption('--base <git-ref>', 'revision to compare with, e.g. origin/main or the PR base sha')
    .option('--days <n>', 'report entries expiring within this many days', '30')
    .option('--limit <n>', 'CIDRs listed per section before "and N more"', '50')
    .action((options: DiffOptions) => {
      const { io } = ctx;
      const days = wholeNumber('--days', options.days);
      const limit = wholeNumber('--limit', options.limit);
      const project = loadProject(options.config, io);
      const now = new Date(io.now());
      const lists = project.lists ?? { threat: [], policy: { expiredEntries: 'error' as const, widestTrustedPrefix: 16 }, feeds: [] };
      const patterns = [...(lists.trusted?.files ?? []), ...lists.threat.flatMap((t) => t.files)];
      // Loaded on first use: git-revision brings node:child_process, which the other commands never start.
      const { checkoutRevision } = require('../git-revision') as typeof import('../git-revision');
      const checkout = checkoutRevision(project.root, options.base, patterns);
      try {
        const base = buildThreatListsWithDetail(lists, { root: checkout.dir, now, configFile: project.configFile, missingFilesAreEmpty: true });
        const head = buildThreatListsWithDetail(lists, { root: project.root, now, configFile: project.configFile });
        const diff = diffThreatLists(base, head, { baseRef: options.base, now, expiringWithinDays: days, listLimit: limit });
        if (options.json) printJson(io, { ...diff, baseCommit: checkout.commit });
        else io.stdout(renderDiffMarkdown(diff));
      } finally {
        checkout.dispose();
      }
      ctx.exit(ExitCode.Ok);
    });
}

function wholeNumber(option: string, text: string): number {
  if (!/^\d+$/.test(text)) throw new UsageError(`${option} takes a whole number, got "${text}"`);
  return Number(text);
}
