/**
 * RFC 4180 CSV. Finding titles and resource names can carry attacker-chosen
 * text (domain names, user names), so a cell that a spreadsheet would run
 * as a formula (= + - @ tab CR first) gets a leading apostrophe.
 */
export function formatCsv(headers: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cell = (value: string | number): string => {
    if (typeof value === 'number') return String(value);
    const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return [headers, ...rows].map((r) => r.map(cell).join(',')).join('\n') + '\n';
}
