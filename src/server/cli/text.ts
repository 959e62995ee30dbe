/** Plain text for the terminal: aligned columns and readable times. */

/** Rows under a header, each column as wide as its widest cell. */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

/** "2026-11-20 10:00 UTC", or the fallback for a missing time. */
export function formatTime(iso: string | null, missing = '-'): string {
  return iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : missing;
}
