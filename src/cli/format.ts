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

export type ProgressBar = ((done: number, total: number, label: string) => void) & {
  /** take the bar off its line, so a line of output can be written there; the next call draws it again */
  clear: () => void;
};

/** A one-line progress bar on stderr, only when stderr is a terminal. */
export function progressBar(stream: NodeJS.WriteStream = process.stderr): ProgressBar | undefined {
  if (!stream.isTTY) return undefined;
  let last = 0;
  let shown = false;
  let args: [number, number, string] | null = null;
  const cols = () => (stream.columns && stream.columns > 1 ? stream.columns : 100);
  const clear = () => {
    if (shown) stream.write('\r' + ' '.repeat(cols() - 1) + '\r');
    shown = false;
  };
  const bar = (done: number, total: number, label: string, force = false) => {
    args = [done, total, label];
    const now = Date.now();
    if (!force && done < total && now - last < 100) return;
    last = now;
    const width = 28;
    const f = total ? done / total : 1;
    const line = '█'.repeat(Math.round(f * width)).padEnd(width, '░');
    const name = label.length > 40 ? '…' + label.slice(-39) : label;
    // a terminal that reports no width (0 columns, e.g. under `script`) gets the default width
    stream.write(`\r${line} ${done}/${total} ${name}`.padEnd(cols() - 1));
    shown = true;
    if (done >= total) clear();
  };
  const redrawn = (done: number, total: number, label: string) => bar(done, total, label);
  return Object.assign(redrawn, {
    clear: () => {
      clear();
      // drawn again at once under the line written meanwhile
      if (args && args[0] < args[1]) queueMicrotask(() => args && args[0] < args[1] && bar(args[0], args[1], args[2], true));
    },
  });
}
