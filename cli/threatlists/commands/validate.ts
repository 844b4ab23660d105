import { Option } from 'commander';
import { ExitCode } from '../../../src/ops/exit-code';
import {
  buildThreatListsWithDetail,
  countBySeverity,
  DiagnosticSink,
  LIST_KIND_TITLE,
  type ListDiagnostic,
  parseListBytes,
  projectFileReader,
  applyListPolicy,
  utcDay,
} from '../../../src/threatlist';
import { type CommandContext, type CommonOptions, listCommand, printJson } from '../command-context';
import { type DiagnosticFormat, renderDiagnostics, summarize } from '../diagnostics-output';
import { loadProject, projectPath } from '../project';

interface ValidateOptions extends CommonOptions {
  format: DiagnosticFormat;
}

export function validateCommand(ctx: CommandContext) {
  return listCommand('validate', 'check the list files: errors exit 1, warnings are reported')
    .description(
      'Checks every list the config names (or only the files given): syntax, annotations, expiry, addresses GuardDuty ignores, ' +
        'trusted ranges wider than the policy, quotas on the merged output, and trusted/threat overlap.',
    )
    .argument('[files...]', 'only report on these files (a file no list reads is checked as a ThreatIntelSet file)')
    .addOption(new Option('--format <format>', 'text, or github for workflow annotations on the files').choices(['text', 'github']).default('text'))
    .action((files: string[], options: ValidateOptions) => {
      const { io } = ctx;
      const project = loadProject(options.config, io);
      const now = new Date(io.now());
      const build = project.lists
        ? buildThreatListsWithDetail(project.lists, { root: project.root, now, configFile: project.configFile })
        : { lists: [], diagnostics: [], details: new Map() };
      let diagnostics: ListDiagnostic[] = build.diagnostics;

      if (files.length > 0) {
        const wanted = new Set(files.map((f) => projectPath(project.root, io.cwd, f)));
        const listed = new Set(build.lists.flatMap((l) => l.sources));
        diagnostics = diagnostics.filter((d) => wanted.has(d.file));
        for (const file of [...wanted].filter((f) => !listed.has(f)).sort()) diagnostics.push(...checkLoneFile(project.root, file, now, project.lists?.policy));
      }

      const counts = countBySeverity(diagnostics);
      if (options.json) {
        printJson(io, {
          ok: counts.errors === 0,
          ...counts,
          diagnostics,
          lists: build.lists.map(({ name, kind, format, sources, entries, addresses, sha256 }) => ({ name, kind, format, sources, entries, addresses, sha256 })),
        });
      } else {
        io.stdout(renderDiagnostics(diagnostics, options.format));
        const lists = build.lists.map((l) => `${LIST_KIND_TITLE[l.kind]} "${l.name}" ${l.format === 'TXT' ? `${l.entries} entr${l.entries === 1 ? 'y' : 'ies'}` : l.format}`);
        const scope = files.length > 0 ? `${files.length} file${files.length === 1 ? '' : 's'}` : lists.length > 0 ? lists.join(', ') : `no lists in ${project.configFile}`;
        io.stdout(`${counts.errors > 0 ? 'FAILED' : 'ok'}: ${summarize(diagnostics)} (${scope})\n`);
      }
      ctx.exit(counts.errors > 0 ? ExitCode.Problem : ExitCode.Ok);
    });
}

/** A file no configured list reads: checked on its own, as a ThreatIntelSet file would be. */
function checkLoneFile(root: string, file: string, now: Date, policy: { expiredEntries: 'error' | 'warn'; widestTrustedPrefix: number } | undefined): ListDiagnostic[] {
  const sink = new DiagnosticSink();
  let bytes: Uint8Array;
  try {
    bytes = projectFileReader(root).read(file);
  } catch (err) {
    sink.error('unreadable', file, undefined, `cannot read the file: ${(err as Error).message}`);
    return sink.toArray();
  }
  const parsed = parseListBytes(bytes, file, sink);
  applyListPolicy(parsed, { kind: 'threat', today: utcDay(now), expiredEntries: policy?.expiredEntries ?? 'error', widestTrustedPrefix: policy?.widestTrustedPrefix ?? 16 }, sink);
  sink.warning('no-files', file, undefined, 'no list in the config reads this file, so it is not deployed; checked as a ThreatIntelSet file');
  return sink.toArray();
}
