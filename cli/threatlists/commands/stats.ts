import { ExitCode } from '../../../src/ops/exit-code';
import { buildThreatLists, countBySeverity, LIST_KIND_TITLE, listStats, type ListStats, percentOf } from '../../../src/threatlist';
import { type CommandContext, type CommonOptions, listCommand, printJson } from '../command-context';
import { summarize } from '../diagnostics-output';
import { loadProject } from '../project';

export function statsCommand(ctx: CommandContext) {
  return listCommand('stats', 'entries, addresses and quota use per list')
    .description('Entries and addresses per list as GuardDuty receives them (after merging), and how much of its quota each uses.')
    .action((options: CommonOptions) => {
      const { io } = ctx;
      const project = loadProject(options.config, io);
      const build = project.lists ? buildThreatLists(project.lists, { root: project.root, now: new Date(io.now()), configFile: project.configFile }) : { lists: [], diagnostics: [] };
      const rows = build.lists.map(listStats);
      const { errors } = countBySeverity(build.diagnostics);
      if (options.json) {
        printJson(io, { lists: rows, ...countBySeverity(build.diagnostics) });
      } else if (rows.length === 0) {
        io.stdout(`no lists in ${project.configFile} (threatLists)\n`);
      } else {
        io.stdout(renderTable(rows));
        if (build.diagnostics.length > 0) io.stdout(`\n${summarize(build.diagnostics)}: run \`threatlists validate\` for details\n`);
      }
      ctx.exit(errors > 0 ? ExitCode.Problem : ExitCode.Ok);
    });
}

function renderTable(rows: readonly ListStats[]): string {
  const n = (v: number) => v.toLocaleString('en-US');
  const table = [
    ['List', 'Set', 'Format', 'Files', 'Entries', 'Addresses', 'Bytes', 'Quota use'],
    ...rows.map((r) => [
      r.name,
      LIST_KIND_TITLE[r.kind],
      r.format,
      n(r.sources),
      r.format === 'TXT' ? n(r.entries) : '-',
      r.format === 'TXT' ? n(r.addresses) : '-',
      n(r.bytes),
      r.format === 'TXT' ? `${n(r.entries)} / ${n(r.entryLimit)} entries (${percentOf(r.entries, r.entryLimit)})` : `${percentOf(r.bytes, r.byteLimit)} of 35 MB`,
    ]),
  ];
  const widths = table[0]!.map((_, c) => Math.max(...table.map((row) => row[c]!.length)));
  const numeric = new Set([3, 4, 5, 6]);
  return table.map((row) => `${row.map((cell, c) => (numeric.has(c) ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  ').trimEnd()}\n`).join('');
}
