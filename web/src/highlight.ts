/**
 * Lay records over a document's text as nested spans, without HTML strings: the text is cut
 * at every span boundary and each piece is wrapped in the records that cover it. Records
 * that cross (rather than nest) are split into several pieces; only the first piece of a
 * record carries `first: true`.
 */

export interface Mark {
  start: number;
  end: number;
  /** lower is outer when two marks share a range */
  prio: number;
  key: string;
  data: unknown;
}

export interface Piece {
  mark: Mark;
  first: boolean;
  children: (Piece | string)[];
}

export function layMarks(text: string, input: Mark[]): (Piece | string)[] {
  const len = text.length;
  const marks = input
    .map((m) => ({ ...m, start: Math.max(0, Math.min(m.start, len)), end: Math.max(0, Math.min(m.end, len)) }))
    .filter((m) => m.end > m.start);
  const order = (a: Mark, b: Mark) => a.start - b.start || b.end - a.end || a.prio - b.prio || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  marks.sort(order);

  const cuts = new Set<number>([0, len]);
  for (const m of marks) cuts.add(m.start).add(m.end);
  const bounds = [...cuts].sort((a, b) => a - b);

  const root: (Piece | string)[] = [];
  const stack: Piece[] = [];
  const opened = new Set<string>();
  let active: Mark[] = [];
  let next = 0; // next mark (in start order) not yet active

  for (let i = 0; i < bounds.length - 1; i++) {
    const from = bounds[i];
    const to = bounds[i + 1];
    active = active.filter((m) => m.end > from);
    let added = false;
    while (next < marks.length && marks[next].start <= from) {
      if (marks[next].end > from) active.push(marks[next]);
      next++;
      added = true;
    }
    if (added) active.sort(order);

    // keep the open pieces the segment shares with the last one, close the rest
    let common = 0;
    while (common < stack.length && common < active.length && stack[common].mark === active[common]) common++;
    stack.length = common;
    for (let k = common; k < active.length; k++) {
      const m = active[k];
      const piece: Piece = { mark: m, first: !opened.has(m.key), children: [] };
      opened.add(m.key);
      (k === 0 ? root : stack[k - 1].children).push(piece);
      stack.push(piece);
    }
    const leaf = text.slice(from, to);
    (stack.length ? stack[stack.length - 1].children : root).push(leaf);
  }
  return root;
}
