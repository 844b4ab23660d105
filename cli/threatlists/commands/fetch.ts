import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomically } from '../../../src/files/write-atomically';
import { ExitCode } from '../../../src/ops/exit-code';
import { UsageError } from '../../../src/ops/usage-error';
import {
  convertTextFeed,
  countEntries,
  type FeedConfig,
  feedFile,
  projectFileReader,
  type Provenance,
  provenanceFile,
  readProvenance,
  refuseDownload,
  renderProvenanceFile,
  renderTextFeedFile,
} from '../../../src/threatlist';
import { type CommandContext, type CommonOptions, listCommand, printJson } from '../command-context';
import type { CliIo } from '../../common/io';
import { loadProject, type Project } from '../project';

interface FetchOptions extends CommonOptions {
  feed?: string[];
  timeout: string;
  allowShrink?: boolean;
}

interface FeedResult {
  name: string;
  file: string;
  url: string;
  status: 'written' | 'unchanged' | 'refused' | 'failed';
  entries?: number;
  previous?: number;
  sourceSha256?: string;
  reason?: string;
}

/** Reading more than this is not a list GuardDuty could take (35 MB), whatever the comments. */
const MAX_FEED_BYTES = 256 * 1024 * 1024;

export function fetchCommand(ctx: CommandContext) {
  return listCommand('fetch', 'download the third-party feeds of the config into threatlists/threat/')
    .description(
      'Downloads each feed in threatLists.feeds into threatlists/threat/<name>.txt (TXT feeds, converted to canonical entries) with a provenance ' +
        'header: url, licence, fetched-at, sha256 of the download. Refuses to replace a file with an empty download, one that is truncated ' +
        '(shorter than its Content-Length) or one with fewer than half the current entries. Exit 1 if any feed failed or was refused.',
    )
    .option('--feed <name...>', 'only these feeds')
    .option('--timeout <seconds>', 'give up on a feed after this long', '60')
    .option('--allow-shrink', 'accept a download with fewer than half the current entries')
    .action(async (options: FetchOptions) => {
      const { io } = ctx;
      const timeout = Number(options.timeout);
      if (!(timeout > 0)) throw new UsageError(`--timeout takes a number of seconds, got "${options.timeout}"`);
      const project = loadProject(options.config, io);
      const feeds = project.lists?.feeds ?? [];
      const unknown = (options.feed ?? []).filter((n) => !feeds.some((f) => f.name === n));
      if (unknown.length > 0) throw new UsageError(`no feed named ${unknown.map((n) => `"${n}"`).join(', ')} in ${project.configFile} (feeds: ${feeds.map((f) => f.name).join(', ') || 'none'})`);
      const selected = options.feed ? feeds.filter((f) => options.feed!.includes(f.name)) : feeds;
      if (selected.length === 0) {
        if (options.json) printJson(io, []);
        else io.stdout(`no feeds in ${project.configFile} (threatLists.feeds)\n`);
        ctx.exit(ExitCode.Ok);
        return;
      }

      const results: FeedResult[] = [];
      for (const feed of selected) {
        const result = await fetchFeed(project, feed, io, { timeoutMs: timeout * 1000, allowShrink: Boolean(options.allowShrink) });
        results.push(result);
        if (!options.json) io.stdout(`${describe(result)}\n`);
        if (result.status === 'written' || result.status === 'unchanged') warnIfUnread(project, feed, io);
      }
      if (options.json) printJson(io, results);
      ctx.exit(results.some((r) => r.status === 'refused' || r.status === 'failed') ? ExitCode.Problem : ExitCode.Ok);
    });
}

async function fetchFeed(project: Project, feed: FeedConfig, io: CliIo, options: { timeoutMs: number; allowShrink: boolean }): Promise<FeedResult> {
  const file = feedFile(feed);
  const path = join(project.root, file);
  const base = { name: feed.name, file, url: feed.url };
  const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  const sidecar = join(project.root, provenanceFile(feed));
  const currentProvenance = readProvenance(feed.format === 'TXT' ? (current ?? '') : existsSync(sidecar) ? readFileSync(sidecar, 'utf8') : '');

  // Loaded on first use: node:http, node:https and node:zlib are for fetch alone.
  const { download, DownloadError } = require('../download') as typeof import('../download');
  let body: Buffer;
  try {
    const progress = io.isTTY ? progressReporter(feed.name, io) : undefined;
    ({ body } = await download(feed.url, { timeoutMs: options.timeoutMs, maxBytes: MAX_FEED_BYTES, ...(progress ? { onProgress: progress.update } : {}) }));
    progress?.done();
  } catch (err) {
    if (!(err instanceof DownloadError)) throw err;
    return { ...base, status: 'failed', reason: err.message };
  }

  const sourceSha256 = createHash('sha256').update(body).digest('hex');
  if (current !== undefined && currentProvenance['source-sha256'] === sourceSha256) {
    return { ...base, status: 'unchanged', sourceSha256, ...(feed.format === 'TXT' ? { entries: countEntries(current) } : {}) };
  }
  const provenance: Provenance = {
    feed: feed.name,
    url: feed.url,
    licence: feed.licence,
    fetchedAt: new Date(io.now()).toISOString(),
    sourceSha256,
    sourceBytes: body.length,
  };

  if (feed.format === 'TXT') {
    const converted = convertTextFeed(body.toString('utf8'), feed.name);
    const previous = current === undefined ? 0 : countEntries(current);
    const refusal = refuseDownload({ size: converted.entries, previous, unit: 'entries', maxEntries: feed.maxEntries, allowShrink: options.allowShrink });
    if (refusal) return { ...base, status: 'refused', entries: converted.entries, previous, sourceSha256, reason: refusal };
    writeFileAtomically(path, renderTextFeedFile(provenance, converted));
    return { ...base, status: 'written', entries: converted.entries, previous, sourceSha256 };
  }

  const previous = current === undefined ? 0 : Buffer.byteLength(current, 'utf8');
  const refusal = refuseDownload({ size: body.length, previous, unit: 'bytes', allowShrink: options.allowShrink });
  if (refusal) return { ...base, status: 'refused', previous, sourceSha256, reason: refusal };
  // Atomically: an interrupted fetch never leaves half a list.
  writeFileAtomically(path, body);
  writeFileAtomically(sidecar, renderProvenanceFile(provenance));
  return { ...base, status: 'written', previous, sourceSha256 };
}

function describe(r: FeedResult): string {
  const count = r.entries !== undefined ? `${r.entries.toLocaleString('en-US')} entr${r.entries === 1 ? 'y' : 'ies'}` : 'file';
  switch (r.status) {
    case 'written':
      return `${r.name}: wrote ${r.file}, ${count}${r.previous ? ` (was ${r.previous.toLocaleString('en-US')})` : ''}`;
    case 'unchanged':
      return `${r.name}: unchanged since the last fetch (${r.file}, same source sha256)`;
    case 'refused':
      return `${r.name}: NOT written: ${r.reason}`;
    case 'failed':
      return `${r.name}: download from ${r.url} failed: ${r.reason}; ${r.file} left as it was`;
  }
}

/** A feed nobody reads is a fetch for nothing: say so. */
function warnIfUnread(project: Project, feed: FeedConfig, io: CliIo): void {
  const file = feedFile(feed);
  const reader = projectFileReader(project.root);
  const read = (project.lists?.threat ?? []).some((t) => t.files.some((pattern) => reader.expand(pattern).includes(file)));
  if (!read) io.stderr(`warning: no threatLists.threat entry in ${project.configFile} reads ${file}, so feed "${feed.name}" is not deployed\n`);
}

/** `name: 12.3 of 40.0 MB (31%)` on one rewritten stderr line, at most every 200 ms. */
function progressReporter(name: string, io: CliIo) {
  let last = 0;
  let shown = false;
  const mb = (bytes: number) => (bytes / 1_000_000).toFixed(1);
  return {
    update(received: number, total: number | undefined) {
      const now = Date.now();
      if (now - last < 200 || (total !== undefined && total < 1_000_000)) return;
      last = now;
      shown = true;
      io.stderr(`\r${name}: ${mb(received)}${total ? ` of ${mb(total)} MB (${Math.floor((received / total) * 100)}%)` : ' MB'}   `);
    },
    done() {
      if (shown) io.stderr('\n');
    },
  };
}
