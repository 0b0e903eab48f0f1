/**
 * The coder on real-shaped news: the restated reports of `test/golden/news/` (real wire and
 * newspaper reports in our own words: long sentences, appositions, attributions), repeated to
 * size, against the wink-nlp ceiling (sentence split + POS alone) on the same sentences in the
 * same run, timed in this process's CPU seconds (so other load on the machine does not count).
 * Built documents are made outside the timer; `docs_per_s` times build + extract.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { BuiltDocument, Pipeline } from '../app/pipeline.js';
import type { RawDocument } from '../core/types.js';

export interface RealisticFigures {
  real_reports: number;
  real_sentences: number;
  real_words_per_sentence: number;
  real_code_sentences_per_s: number;
  real_nlp_ceiling_sentences_per_s: number;
  real_code_share_of_ceiling: number;
  real_docs_per_s: number;
}

/** The restated reports' texts (each line of news/reports-*.jsonl). */
export function realisticTexts(dir: string): { id: string; text: string; published: string | null }[] {
  const out: { id: string; text: string; published: string | null }[] = [];
  for (const f of readdirSync(dir).filter((x) => /^reports-.*\.jsonl$/.test(x)).sort()) {
    for (const line of readFileSync(path.join(dir, f), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const r = JSON.parse(line) as { id: string; text: string; published?: string };
      out.push({ id: r.id, text: r.text, published: r.published ?? null });
    }
  }
  return out;
}

export function benchRealistic(pipeline: Pipeline, texts: { id: string; text: string; published: string | null }[], repeat = 4): RealisticFigures {
  const raws: RawDocument[] = [];
  for (let r = 0; r < repeat; r++) for (const t of texts) raws.push({ origin: 'bench', locator: `${t.id}-${r}`, text: t.text, kind: 'plain', published: t.published, authors: [] });
  const docs: BuiltDocument[] = raws.map((raw) => pipeline.build(raw));
  const sentences = docs.flatMap((d) => d.sentences.map((s) => s.text));
  const words = sentences.reduce((n, s) => n + s.split(/\s+/).length, 0);
  // CPU time of this process, not the wall clock: other load on the machine does not count against the coder
  const time = (f: () => void) => {
    const t = process.cpuUsage();
    f();
    const d = process.cpuUsage(t);
    return (d.user + d.system) / 1e6;
  };
  const ceiling = () => time(() => {
    for (const s of sentences) pipeline.nlp.tokens(s);
  });
  const code = () => time(() => {
    for (const d of docs) pipeline.extract(d);
  });
  const whole = () => time(() => {
    for (const raw of raws) pipeline.extract(pipeline.build(raw));
  });
  // warm once, then the median of three alternating runs, so load on the machine hits both alike
  ceiling();
  code();
  const c: number[] = [], x: number[] = [], w: number[] = [];
  for (let i = 0; i < 3; i++) {
    c.push(ceiling());
    x.push(code());
    w.push(whole());
  }
  const med = (a: number[]) => [...a].sort((p, q) => p - q)[1];
  const r2 = (v: number) => Math.round(v * 100) / 100;
  return {
    real_reports: texts.length,
    real_sentences: sentences.length,
    real_words_per_sentence: r2(words / sentences.length),
    real_code_sentences_per_s: r2(sentences.length / med(x)),
    real_nlp_ceiling_sentences_per_s: r2(sentences.length / med(c)),
    real_code_share_of_ceiling: r2(med(c) / med(x)),
    real_docs_per_s: r2(raws.length / med(w)),
  };
}
