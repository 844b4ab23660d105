/** A GitHub-flavoured Markdown table; `|` and line breaks in cells are escaped so a finding title cannot break the table. */
export function formatMarkdownTable(headers: readonly string[], rows: readonly (readonly string[])[], numeric: readonly boolean[] = []): string {
  const cell = (text: string) => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
  const row = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
  const rule = `| ${headers.map((_, i) => (numeric[i] ? '---:' : '---')).join(' | ')} |`;
  return [row(headers), rule, ...rows.map((r) => row(headers.map((_, i) => r[i] ?? '')))].join('\n');
}
