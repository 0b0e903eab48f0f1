/** Period labels of the dyad series ("2024", "2024-06", "2024-W25") and filling the gaps. */

const pad = (n: number) => String(n).padStart(2, '0');

function isoWeek(d: Date): [number, number] {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day);
  const year = t.getUTCFullYear();
  const week = Math.ceil(((t.getTime() - Date.UTC(year, 0, 1)) / 86400000 + 1) / 7);
  return [year, week];
}

function mondayOfIsoWeek(year: number, week: number): Date {
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const day = jan4.getUTCDay() || 7;
  return new Date(Date.UTC(year, 0, 4 - day + 1 + (week - 1) * 7));
}

/** Every period from the first to the last label, in order; null if the labels are not understood. */
export function fillPeriods(labels: string[], max = 600): string[] | null {
  if (!labels.length) return [];
  const sorted = [...labels].sort();
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  const out: string[] = [];
  let m: RegExpExecArray | null;
  if (/^\d{4}$/.test(first) && /^\d{4}$/.test(last)) {
    for (let y = +first; y <= +last && out.length <= max; y++) out.push(String(y));
  } else if ((m = /^(\d{4})-(\d{2})$/.exec(first)) && /^\d{4}-\d{2}$/.test(last)) {
    let y = +m[1];
    let mo = +m[2];
    for (;;) {
      const label = `${y}-${pad(mo)}`;
      out.push(label);
      if (label >= last || out.length > max) break;
      mo++;
      if (mo > 12) (mo = 1), y++;
    }
  } else if ((m = /^(\d{4})-W(\d{2})$/.exec(first)) && /^\d{4}-W\d{2}$/.test(last)) {
    const d = mondayOfIsoWeek(+m[1], +m[2]);
    for (;;) {
      const [y, w] = isoWeek(d);
      const label = `${y}-W${pad(w)}`;
      out.push(label);
      if (label >= last || out.length > max) break;
      d.setUTCDate(d.getUTCDate() + 7);
    }
  } else {
    return null;
  }
  return out.length > max ? null : out;
}

/** At most `n` evenly spaced labels for a crowded band axis. */
export function thinTicks(labels: string[], n: number): string[] {
  if (labels.length <= n) return labels;
  const step = Math.ceil(labels.length / n);
  return labels.filter((_, i) => i % step === 0);
}
