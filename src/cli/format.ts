/** Output helpers for the CLI: plain tables, CSV and a terminal progress bar. */

export function table(rows: Record<string, unknown>[], cols: string[], opts: { max?: Record<string, number> } = {}): string {
  const cell = (v: unknown, c: string) => {
    let s = v === null || v === undefined ? '' : Array.isArray(v) ? v.join('; ') : typeof v === 'object' ? JSON.stringify(v) : String(v);
    s = s.replace(/\s+/g, ' ');
    const max = opts.max?.[c] ?? 60;
    return s.length > max ? s.slice(0, max - 1) + '…' : s;
  };
  const data = rows.map((r) => cols.map((c) => cell(r[c], c)));
  const widths = cols.map((c, i) => Math.max(c.length, ...data.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((s, i) => s.padEnd(widths[i])).join('  ').trimEnd();
  return [line(cols), line(widths.map((w) => '-'.repeat(w))), ...data.map(line)].join('\n');
}

export function csv(rows: Record<string, unknown>[], cols: string[]): string {
  const esc = (v: unknown) => {
    const s = v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [cols.join(','), ...rows.map((r) => cols.map((c) => esc(r[c])).join(','))].join('\n');
}

/** A one-line progress bar on stderr, only when stderr is a terminal. */
export function progressBar(stream: NodeJS.WriteStream = process.stderr): ((done: number, total: number, label: string) => void) | undefined {
  if (!stream.isTTY) return undefined;
  let last = 0;
  return (done, total, label) => {
    const now = Date.now();
    if (done < total && now - last < 100) return;
    last = now;
    const width = 28;
    const f = total ? done / total : 1;
    const bar = '█'.repeat(Math.round(f * width)).padEnd(width, '░');
    const name = label.length > 40 ? '…' + label.slice(-39) : label;
    // a terminal that reports no width (0 columns, e.g. under `script`) gets the default width
    const cols = stream.columns && stream.columns > 1 ? stream.columns : 100;
    stream.write(`\r${bar} ${done}/${total} ${name}`.padEnd(cols - 1));
    if (done >= total) stream.write('\r' + ' '.repeat(cols - 1) + '\r');
  };
}
