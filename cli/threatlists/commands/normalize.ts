import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ExitCode } from '../../../src/ops/exit-code';
import { UsageError } from '../../../src/ops/usage-error';
import { buildThreatLists, type BuiltList, normalizeSourceText, projectFileReader } from '../../../src/threatlist';
import { type CommandContext, type CommonOptions, listCommand, printJson } from '../command-context';
import { renderDiagnostics, summarize } from '../diagnostics-output';
import { loadProject, projectPath } from '../project';

interface NormalizeOptions extends CommonOptions {
  write?: boolean;
  check?: boolean;
  list?: string;
}

export function normalizeCommand(ctx: CommandContext) {
  return listCommand('normalize', 'print the canonical lists, or sort and de-duplicate the source files')
    .description(
      'Without --write: prints the canonical form of each TXT list, the aggregated file GuardDuty receives (a build artefact, with a header naming ' +
        'its sources and sha256). With --write: sorts and de-duplicates the source files in place, keeping each entry\'s annotations and comments. ' +
        'With --check: exits 1 if a source file is not normalized.',
    )
    .argument('[files...]', 'with --write or --check: only these source files')
    .option('--write', 'rewrite the source files sorted and de-duplicated')
    .option('--check', 'exit 1 when a source file is not normalized (changes nothing)')
    .option('--list <name>', 'print only this list')
    .action((files: string[], options: NormalizeOptions) => {
      const { io } = ctx;
      if (options.write && options.check) throw new UsageError('--write and --check exclude each other');
      if (files.length > 0 && !options.write && !options.check) throw new UsageError('files are only taken with --write or --check');
      const project = loadProject(options.config, io);
      const build = project.lists ? buildThreatLists(project.lists, { root: project.root, now: new Date(io.now()), configFile: project.configFile }) : { lists: [], diagnostics: [] };
      if (options.list && !build.lists.some((l) => l.name === options.list)) {
        throw new UsageError(`no list named "${options.list}" (lists: ${build.lists.map((l) => l.name).join(', ') || 'none'})`);
      }
      const selected = build.lists.filter((l) => l.format === 'TXT' && (!options.list || l.name === options.list));

      if (options.write || options.check) {
        const sources = files.length > 0 ? files.map((f) => projectPath(project.root, io.cwd, f)) : [...new Set(selected.flatMap((l) => l.sources))].sort();
        ctx.exit(rewriteSources(ctx, project.root, sources, Boolean(options.write), Boolean(options.json)));
        return;
      }

      const errors = build.diagnostics.filter((d) => d.severity === 'error');
      if (errors.length > 0) {
        io.stderr(renderDiagnostics(errors, 'text'));
        io.stderr(`${summarize(build.diagnostics)}: not printing lists that would not deploy\n`);
        ctx.exit(ExitCode.Problem);
        return;
      }
      if (options.json) printJson(io, selected.map(canonicalJson));
      else io.stdout(selected.map((l) => l.canonical).join('\n'));
      ctx.exit(ExitCode.Ok);
    });
}

function canonicalJson(l: BuiltList) {
  return { name: l.name, kind: l.kind, sources: l.sources, sha256: l.sha256, entries: l.entries, addresses: l.addresses, body: l.body };
}

function rewriteSources(ctx: CommandContext, root: string, sources: readonly string[], write: boolean, json: boolean): 0 | 1 {
  const { io } = ctx;
  const reader = projectFileReader(root);
  const results: { file: string; status: 'normalized' | 'unchanged' | 'not-normalized' | 'error'; entries: number; duplicatesRemoved: number }[] = [];
  let failed = false;
  for (const file of sources) {
    let text: string;
    try {
      text = Buffer.from(reader.read(file)).toString('utf8');
    } catch (err) {
      io.stderr(`${file}: cannot read the file: ${(err as Error).message}\n`);
      results.push({ file, status: 'error', entries: 0, duplicatesRemoved: 0 });
      failed = true;
      continue;
    }
    const result = normalizeSourceText(text, file);
    if (result.diagnostics.length > 0) {
      io.stderr(renderDiagnostics(result.diagnostics, 'text'));
      io.stderr(`${file}: left as it is until its errors are fixed\n`);
      results.push({ file, status: 'error', entries: result.entries, duplicatesRemoved: 0 });
      failed = true;
      continue;
    }
    const status = !result.changed ? 'unchanged' : write ? 'normalized' : 'not-normalized';
    if (status === 'normalized') writeFileSync(join(root, file), result.text);
    if (status === 'not-normalized') failed = true;
    results.push({ file, status, entries: result.entries, duplicatesRemoved: result.duplicatesRemoved });
    if (!json) {
      const dupes = result.duplicatesRemoved > 0 ? `, ${result.duplicatesRemoved} duplicate${result.duplicatesRemoved === 1 ? '' : 's'} removed` : '';
      const said = { normalized: 'normalized', unchanged: 'already normalized', 'not-normalized': 'not normalized (run threatlists normalize --write)' }[status];
      io.stdout(`${file}: ${said} (${result.entries} entries${dupes})\n`);
    }
  }
  if (json) printJson(io, results);
  return failed ? ExitCode.Problem : ExitCode.Ok;
}
