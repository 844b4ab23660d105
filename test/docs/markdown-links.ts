/**
 * Checks the relative links of Markdown files: each target file exists and
 * each `#anchor` matches a heading of the target, slugged as GitHub does
 * (lowercase; every character that is not a letter, mark, digit, `_`, `-`
 * or space removed; each space turned into `-`; a repeated slug gets `-1`,
 * `-2`, … in order). No slug library is installed, and this one is short.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';

/** Lines outside fenced code blocks, with their 1-based numbers. */
function proseLines(text: string): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  let fence: string | undefined;
  text.split('\n').forEach((raw, i) => {
    const marker = /^\s*(`{3,}|~{3,})/.exec(raw)?.[1];
    if (marker) {
      if (fence === undefined) fence = marker;
      else if (marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
      return;
    }
    if (fence === undefined) out.push({ line: i + 1, text: raw });
  });
  return out;
}

/** GitHub's slug of one heading's text, before de-duplication. */
export function slug(heading: string): string {
  // Links and images count by their text; HTML tags count for nothing, except
  // inside code spans, where `<git-ref>` is literal text.
  const text = heading
    .split(/(`+[^`]*`+)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/<[^>]+>/g, '')))
    .join('')
    .trim()
    .toLowerCase();
  return text.replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-');
}

/** Every anchor a file's headings produce, duplicates numbered as GitHub numbers them. */
export function headingAnchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  for (const { text } of proseLines(markdown)) {
    const m = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(text);
    if (!m) continue;
    const base = slug(m[1] ?? '');
    let anchor = base;
    const count = seen.get(base) ?? 0;
    if (count > 0) anchor = `${base}-${count}`;
    while (anchors.has(anchor)) anchor = `${base}-${(seen.get(base) ?? 0) + 1}`;
    seen.set(base, count + 1);
    anchors.add(anchor);
  }
  return anchors;
}

export interface MarkdownLink {
  readonly line: number;
  readonly target: string;
}

/** Inline links and images of the prose (code spans and fenced blocks left out). */
export function markdownLinks(markdown: string): MarkdownLink[] {
  const links: MarkdownLink[] = [];
  for (const { line, text } of proseLines(markdown)) {
    const prose = text.replace(/(`+)[^`]*?\1/g, (span) => ' '.repeat(span.length));
    for (const m of prose.matchAll(/!?\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
      links.push({ line, target: m[1] ?? '' });
    }
  }
  return links;
}

/** Problems with the relative links of one file, as `file:line: message`. */
export function brokenLinks(file: string, root: string): string[] {
  const problems: string[] = [];
  const where = (line: number) => `${relative(root, file)}:${line}`;
  for (const { line, target } of markdownLinks(readFileSync(file, 'utf8'))) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto:, …
    const hash = target.indexOf('#');
    const pathPart = decodeURIComponent(hash < 0 ? target : target.slice(0, hash));
    const anchor = hash < 0 ? undefined : decodeURIComponent(target.slice(hash + 1));
    const targetFile = pathPart === '' ? file : resolve(dirname(file), pathPart);
    if (!existsSync(targetFile)) {
      problems.push(`${where(line)}: ${target}: no file ${relative(root, targetFile)}`);
      continue;
    }
    if (anchor === undefined) continue;
    if (statSync(targetFile).isDirectory() || !targetFile.endsWith('.md')) {
      problems.push(`${where(line)}: ${target}: an anchor into something that is not a Markdown file`);
      continue;
    }
    if (!headingAnchors(readFileSync(targetFile, 'utf8')).has(anchor)) {
      problems.push(`${where(line)}: ${target}: no heading with the anchor #${anchor} in ${relative(root, targetFile)}`);
    }
  }
  return problems;
}
