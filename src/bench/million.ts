/**
 * A million events (#15): a bench fixture that fills a store through its own schema with
 * realistic-shaped records, written directly in multi-row statements (not through ingest):
 *
 * - documents published over ten years, volume growing year on year; each with a dozen sentences
 *   taken in order from the restated news reports of test/golden/news (real wording, so search
 *   finds what it would find in news);
 * - about ten events a document; sources and targets drawn from a Zipf law over the knowledge's
 *   states (a few states make most of the news), a source's target usually one of its few
 *   partners (dyads concentrate as they do in news); organisations on a side now and then;
 * - roots in the shares news coding gives (statements, consultations and cooperation common,
 *   mass violence rare), codes from the codebook, dates near the publication date, some to the
 *   month or the year only, some undated; modalities mostly factual;
 * - twenty mentions, a claim, and now and then flows, agreements and compliance flags a document.
 *
 * Everything is seeded: the same arguments give the same store.
 */
import type { Knowledge } from '../app/pipeline.js';
import type { Queryable, Store } from '../store/store.js';
import { dateSort } from '../store/records.js';

export interface MillionOptions {
  events: number;
  /** events per document, on average (news: about ten) */
  eventsPerDoc?: number;
  sentencesPerDoc?: number;
  mentionsPerDoc?: number;
  /** the texts sentences are drawn from (in order, a run per document) */
  texts: string[];
  seed?: number;
  /** documents written per round of statements (memory stays bounded by this) */
  batchDocs?: number;
  onProgress?: (events: number) => void;
}

export interface FillFigures {
  documents: number;
  sentences: number;
  events: number;
  mentions: number;
  claims: number;
  flow_evidence: number;
  agreement_evidence: number;
  compliance: number;
  actors: number;
}

/** roots and their rough share of coded news events (CAMEO roots 01–20) */
const ROOT_SHARE: [string, number][] = [
  ['01', 14], ['02', 5], ['03', 8], ['04', 20], ['05', 9], ['06', 3], ['07', 3], ['08', 3], ['09', 1], ['10', 3],
  ['11', 8], ['12', 3], ['13', 3], ['14', 3], ['15', 1.5], ['16', 3], ['17', 4], ['18', 3], ['19', 4], ['20', 0.3],
];
const MODALITIES: [string, number][] = [['factual', 80], ['future', 8], ['possible', 5], ['negated', 4], ['sought', 3]];
const CLAIM_KINDS: [string, number][] = [['assessment', 55], ['prediction', 15], ['motive', 12], ['recommendation', 12], ['disagreement', 6]];
const FLOW_CATEGORIES: [string, number][] = [['arms', 35], ['finance', 20], ['energy', 12], ['food', 8], ['technology', 8], ['troops', 6], ['medicine', 4], ['materials', 4], ['diplomatic-support', 3]];
const FLOW_STATUS: [string, number][] = [['delivered', 45], ['promised', 40], ['possible', 15]];
const VIA: [string, number][] = [['name', 60], ['adjective', 20], ['title', 12], ['coref', 8]];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 4294967296);
}

function weighted<T>(pairs: [T, number][]): (u: number) => T {
  const total = pairs.reduce((n, [, w]) => n + w, 0);
  const cum: number[] = [];
  let c = 0;
  for (const [, w] of pairs) cum.push((c += w / total));
  return (u) => {
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid] < u) lo = mid + 1;
      else hi = mid;
    }
    return pairs[lo][0];
  };
}

/** the sentences of a text, split at end punctuation followed by a capital (fixture only) */
function sentencesOf(text: string): string[] {
  return text.split(/(?<=[.!?]["”’)]?)\s+(?=["“‘(]?[A-Z0-9])/u).map((s) => s.trim()).filter((s) => s.length > 10);
}

const pad = (n: number) => String(n).padStart(2, '0');

export async function fillMillion(store: Store, knowledge: Knowledge, o: MillionOptions): Promise<FillFigures> {
  const r = rng(o.seed ?? 15);
  const perDoc = o.eventsPerDoc ?? 10;
  const sentPerDoc = o.sentencesPerDoc ?? 12;
  const mentionsPerDoc = o.mentionsPerDoc ?? 20;
  const batchDocs = o.batchDocs ?? 1000;
  const docsTotal = Math.ceil(o.events / perDoc);

  const pool = o.texts.map(sentencesOf).filter((s) => s.length >= 3);
  if (!pool.length) throw new Error('million: no texts to draw sentences from');

  // actors: the knowledge's states (Zipf by a shuffled but seeded order, the busiest first), their people and the IGOs
  const all = [...knowledge.actors.actors.values()];
  const states = all.filter((a) => a.kind === 'state' && a.country && /^[A-Z]{3}$/.test(a.id)).sort((a, b) => (a.id < b.id ? -1 : 1));
  const busiest = ['USA', 'RUS', 'CHN', 'UKR', 'ISR', 'IRN', 'PRK', 'KOR', 'GBR', 'FRA', 'DEU', 'TUR', 'IND', 'JPN', 'PAK', 'SYR', 'SAU', 'TWN', 'BLR', 'POL'];
  const order = [...busiest.filter((c) => states.some((s) => s.id === c)), ...states.map((s) => s.id).filter((c) => !busiest.includes(c))];
  for (let i = order.length - 1; i > busiest.length; i--) {
    const j = busiest.length + Math.floor(r() * (i - busiest.length + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const zipf = weighted(order.map((c, i): [string, number] => [c, 1 / Math.pow(i + 1, 1.1)]));
  // each state has a few partners it is mostly reported with
  const partners = new Map<string, string[]>();
  for (const c of order) {
    const ps = new Set<string>();
    while (ps.size < 4) {
      const p = zipf(r());
      if (p !== c) ps.add(p);
    }
    partners.set(c, [...ps]);
  }
  const people = new Map<string, { id: string; name: string }[]>();
  for (const [, p] of knowledge.actors.people) if (p.country) (people.get(p.country) ?? people.set(p.country, []).get(p.country)!).push({ id: p.id, name: p.name });
  const igos = all.filter((a) => a.kind === 'igo' && a.org);
  const usedActors = new Map<string, { id: string; name: string; kind: string; country: string | null; org: string | null }>();
  const actorFor = (c: string) => {
    const ppl = people.get(c);
    if (ppl?.length && r() < 0.4) {
      const p = ppl[Math.floor(r() * ppl.length)];
      usedActors.set(p.id, { id: p.id, name: p.name, kind: 'person', country: c, org: null });
      return p.id;
    }
    const s = knowledge.actors.actors.get(c);
    usedActors.set(c, { id: c, name: s?.name ?? c, kind: 'state', country: c, org: null });
    return c;
  };

  const codes = knowledge.codebook.codes();
  const byRoot = new Map<string, typeof codes>();
  for (const c of codes) (byRoot.get(c.root) ?? byRoot.set(c.root, []).get(c.root)!).push(c);
  const rootOf = weighted(ROOT_SHARE.filter(([root]) => byRoot.has(root)));
  const modalityOf = weighted(MODALITIES);
  const claimKind = weighted(CLAIM_KINDS);
  const flowCat = weighted(FLOW_CATEGORIES);
  const flowStatus = weighted(FLOW_STATUS);
  const viaOf = weighted(VIA);
  // publication years 2015–2025, each a little busier than the one before
  const yearOf = weighted(Array.from({ length: 11 }, (_, i): [number, number] => [2015 + i, 1 + i * 0.15]));

  // the full-text index is built once at the end (its own definition, read from the catalog), as a bulk load does
  const gin = await store.query<{ indexdef: string }>(`SELECT indexdef FROM pg_indexes WHERE indexname = 'sentences_tsv'`);
  if (gin.length) await store.query('DROP INDEX sentences_tsv');
  const figures: FillFigures = { documents: 0, sentences: 0, events: 0, mentions: 0, claims: 0, flow_evidence: 0, agreement_evidence: 0, compliance: 0, actors: 0 };
  let eventNo = 0;
  for (let d0 = 0; d0 < docsTotal && eventNo < o.events; d0 += batchDocs) {
    const docs: unknown[][] = [[], [], [], [], [], []]; // id, title, published, sha, chars, text
    const sents: unknown[][] = [[], [], [], [], [], []]; // doc, idx, start, end, paragraph, text
    const ev: unknown[][] = Array.from({ length: 26 }, () => []);
    const men: unknown[][] = Array.from({ length: 11 }, () => []);
    const cl: unknown[][] = Array.from({ length: 11 }, () => []);
    const fl: unknown[][] = Array.from({ length: 10 }, () => []);
    const ag: unknown[][] = Array.from({ length: 9 }, () => []);
    const co: unknown[][] = Array.from({ length: 8 }, () => []);
    for (let d = d0; d < Math.min(docsTotal, d0 + batchDocs) && eventNo < o.events; d++) {
      const id = `d_m${d}`;
      const y = yearOf(r());
      const m = 1 + Math.floor(r() * 12);
      const day = 1 + Math.floor(r() * 28);
      const published = `${y}-${pad(m)}-${pad(day)}`;
      const report = pool[Math.floor(r() * pool.length)];
      const first = Math.floor(r() * Math.max(1, report.length - sentPerDoc));
      const ss = [...report.slice(first, first + sentPerDoc)];
      while (ss.length < sentPerDoc) ss.push(report[ss.length % report.length]);
      let text = '';
      const spans: [number, number][] = [];
      ss.forEach((s, i) => {
        if (i) text += i % 3 === 0 ? '\n\n' : ' ';
        spans.push([text.length, text.length + s.length]);
        text += s;
        sents[0].push(id); sents[1].push(i); sents[2].push(text.length - s.length); sents[3].push(text.length); sents[4].push(Math.floor(i / 3)); sents[5].push(s);
      });
      docs[0].push(id); docs[1].push(`Report ${d}: ${ss[0].slice(0, 60)}`); docs[2].push(published);
      docs[3].push(`${d.toString(16).padStart(16, '0')}`.repeat(4)); docs[4].push(text.length); docs[5].push(text);
      // the document's story: a main dyad, and other sides now and then
      const a = zipf(r());
      const ps = partners.get(a)!;
      const b = r() < 0.75 ? ps[Math.floor(r() * ps.length)] : zipf(r());
      const n = Math.max(1, Math.round(perDoc * (0.4 + r() * 1.2)));
      for (let k = 0; k < n && eventNo < o.events; k++, eventNo++) {
        let src = r() < 0.7 ? a : r() < 0.5 ? b : zipf(r());
        let tgt = r() < 0.7 ? (src === a ? b : a) : zipf(r());
        if (tgt === src) tgt = ps[0] === src ? ps[1] : ps[0];
        let srcOrg: string | null = null;
        let tgtOrg: string | null = null;
        let srcCountry: string | null = src;
        let tgtCountry: string | null = tgt;
        let srcId: string | null = actorFor(src);
        let tgtId: string | null = actorFor(tgt);
        if (igos.length && r() < 0.06) {
          const g = igos[Math.floor(r() * Math.min(igos.length, 12))];
          usedActors.set(g.id, { id: g.id, name: g.name, kind: g.kind, country: null, org: g.org });
          if (r() < 0.5) [srcId, srcCountry, srcOrg] = [g.id, null, g.org];
          else [tgtId, tgtCountry, tgtOrg] = [g.id, null, g.org];
        }
        if (r() < 0.08) [tgtId, tgtCountry, tgtOrg] = [null, null, null]; // no target named
        if (!srcCountry && !tgtCountry && !srcOrg) srcCountry = src;
        const root = rootOf(r());
        const codes = byRoot.get(root)!;
        const c = codes[Math.floor(r() * codes.length)];
        const u = r();
        const offset = Math.floor(r() * 20);
        const dt = new Date(Date.UTC(y, m - 1, day - offset));
        const iso = dt.toISOString().slice(0, 10);
        const date = u < 0.1 ? null : u < 0.13 ? iso.slice(0, 4) : u < 0.18 ? iso.slice(0, 7) : iso;
        const si = Math.floor(r() * sentPerDoc);
        const [s0, s1] = spans[si];
        const len = Math.min(s1 - s0, 40 + Math.floor(r() * 80));
        const mod = modalityOf(r());
        const vals = [id, `e${d}_${k}`, si, s0, s0 + len, text.slice(s0, s0 + len), srcId, srcCountry, srcOrg, tgtId, tgtCountry, tgtOrg,
          c.code, c.root, c.plover, c.mode, c.goldstein, c.quad, date, date ? dateSort(date) : null, mod, mod === 'factual' ? 'clause' : 'modal',
          r() < 0.1 ? `person:analyst-${Math.floor(r() * 50)}` : null, Math.round((0.5 + r() * 0.5) * 100) / 100,
          `k_${srcCountry ?? srcOrg}_${tgtCountry ?? tgtOrg ?? '-'}_${c.code}_${date ?? id}`, 'bench fixture'];
        vals.forEach((v, i) => ev[i].push(v));
      }
      const mn = Math.max(2, Math.round(mentionsPerDoc * (0.5 + r())));
      for (let k = 0; k < mn; k++) {
        const c = r() < 0.6 ? (r() < 0.5 ? a : b) : zipf(r());
        const aid = actorFor(c);
        const si = Math.floor(r() * sentPerDoc);
        const [s0] = spans[si];
        const vals = [id, k, si, s0, s0 + 6, usedActors.get(aid)!.name, aid, c, null, aid === c ? null : 'leader', viaOf(r())];
        vals.forEach((v, i) => men[i].push(v));
      }
      if (r() < 0.9) {
        const holderCountry = r() < 0.5 ? a : b;
        const holder = actorFor(holderCountry);
        const si = Math.floor(r() * sentPerDoc);
        const [s0, s1] = spans[si];
        const vals = [id, `c${d}_0`, si, s0, s1, ss[si], holder, usedActors.get(holder)!.kind === 'person' ? 'person' : 'state', claimKind(r()),
          JSON.stringify(r() < 0.5 ? [a, b] : [b]), r() < 0.4 ? Math.round(r() * 100) / 100 : null];
        vals.forEach((v, i) => cl[i].push(v));
      }
      if (r() < 0.2) {
        const giver = r() < 0.8 ? a : zipf(r());
        const receiver = giver === a ? b : a;
        const cat = flowCat(r());
        const si = Math.floor(r() * sentPerDoc);
        const [s0, s1] = spans[si];
        const fid = `f_${giver}_${receiver}_${cat}_${Math.floor(r() * 6)}`;
        const vals = [id, fid, giver, receiver, `${cat} item ${fid.slice(-1)}`, cat, flowStatus(r()), s0, s1, ss[si]];
        vals.forEach((v, i) => fl[i].push(v));
      }
      if (r() < 0.05) {
        const si = Math.floor(r() * sentPerDoc);
        const [s0, s1] = spans[si];
        const pair = [a, b].sort();
        const k = Math.floor(r() * 3);
        const vals = [id, `a_${pair.join('_')}_${k}`, `Accord ${pair.join('–')} ${k + 1}`, JSON.stringify(pair), r() < 0.6 ? `${y - Math.floor(r() * 5)}` : null,
          r() < 0.7 ? 'signed' : 'proposed', s0, s1, ss[si]];
        vals.forEach((v, i) => ag[i].push(v));
      }
      if (r() < 0.03 && ev[1].length) {
        const subject = String(ev[1][ev[1].length - 1]);
        const si = Math.floor(r() * sentPerDoc);
        const [s0, s1] = spans[si];
        const vals = [id, `x_${subject}`, subject, `regime-${Math.floor(r() * 8)}`, `provision ${Math.floor(r() * 20)}`, 'an act the provision covers', s0, s1];
        vals.forEach((v, i) => co[i].push(v));
      }
    }
    await store.tx(async (q) => {
      await q.query(
        `INSERT INTO documents (id, origin, title, published, sha256, chars, text)
         SELECT i, 'bench', t, p, s, c, x FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::text[]) AS u(i, t, p, s, c, x)`,
        docs,
      );
      for (let i = 0; i < sents[0].length; i += 20000) {
        await q.query(
          `INSERT INTO sentences (doc_id, idx, start_off, end_off, section, paragraph, kind, text)
           SELECT d, i, s, e, NULL, p, 'body', t FROM unnest($1::text[], $2::int[], $3::int[], $4::int[], $5::int[], $6::text[]) AS u(d, i, s, e, p, t)`,
          sents.map((col) => col.slice(i, i + 20000)),
        );
      }
      await insertRows(q, 'mentions', ['doc_id', 'idx', 'sentence', 'start_off', 'end_off', 'text', 'actor_id', 'country', 'org', 'role', 'via'],
        ['text', 'int', 'int', 'int', 'int', 'text', 'text', 'text', 'text', 'text', 'text'], men);
      await insertRows(q, 'events', ['doc_id', 'id', 'sentence', 'start_off', 'end_off', 'quote', 'source', 'source_country', 'source_org', 'target', 'target_country', 'target_org',
        'cameo', 'root', 'plover', 'plover_mode', 'goldstein', 'quad', 'date', 'date_sort', 'modality', 'form', 'attributed_to', 'confidence', 'cluster', 'reason'],
      ['text', 'text', 'int', 'int', 'int', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'real', 'int', 'text', 'date', 'text', 'text', 'text', 'real', 'text', 'text'], ev);
      await insertRows(q, 'claims', ['doc_id', 'id', 'sentence', 'start_off', 'end_off', 'quote', 'holder', 'holder_kind', 'kind', 'about', 'likelihood'],
        ['text', 'text', 'int', 'int', 'int', 'text', 'text', 'text', 'text', 'jsonb', 'real'], cl);
      await insertRows(q, 'flow_evidence', ['doc_id', 'flow_id', 'giver', 'receiver', 'item', 'category', 'status', 'start_off', 'end_off', 'quote'],
        ['text', 'text', 'text', 'text', 'text', 'text', 'text', 'int', 'int', 'text'], fl);
      await insertRows(q, 'agreement_evidence', ['doc_id', 'agreement_id', 'name', 'parties', 'signed', 'status', 'start_off', 'end_off', 'quote'],
        ['text', 'text', 'text', 'jsonb', 'text', 'text', 'int', 'int', 'text'], ag);
      await insertRows(q, 'compliance', ['doc_id', 'id', 'subject', 'regime', 'provision', 'reason', 'start_off', 'end_off'].concat('quote'),
        ['text', 'text', 'text', 'text', 'text', 'text', 'int', 'int', 'text'], [...co, co[5].map(() => 'the flagged words')]);
    });
    figures.documents += docs[0].length;
    figures.sentences += sents[0].length;
    figures.events += ev[0].length;
    figures.mentions += men[0].length;
    figures.claims += cl[0].length;
    figures.flow_evidence += fl[0].length;
    figures.agreement_evidence += ag[0].length;
    figures.compliance += co[0].length;
    o.onProgress?.(eventNo);
  }
  const actors = [...usedActors.values()].sort((x, y) => (x.id < y.id ? -1 : 1));
  await store.query(
    `INSERT INTO actors (id, name, kind, country, org, aliases)
     SELECT i, n, k, c, o, '[]'::jsonb FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS u(i, n, k, c, o) ON CONFLICT (id) DO NOTHING`,
    [actors.map((x) => x.id), actors.map((x) => x.name), actors.map((x) => x.kind), actors.map((x) => x.country), actors.map((x) => x.org)],
  );
  figures.actors = actors.length;
  if (gin.length) await store.query(gin[0].indexdef);
  await store.query('ANALYZE');
  return figures;
}

/** one multi-row INSERT of column arrays (`cols` and their SQL types), in slices of 20,000 rows */
async function insertRows(q: Queryable, table: string, cols: string[], types: string[], data: unknown[][]): Promise<void> {
  const n = data[0].length;
  for (let i = 0; i < n; i += 20000) {
    const args = cols.map((c, k) => `$${k + 1}::${types[k]}[]`).join(', ');
    await q.query(`INSERT INTO ${table} (${cols.join(', ')}) SELECT * FROM unnest(${args}) ON CONFLICT DO NOTHING`, data.map((col) => col.slice(i, i + 20000)));
  }
}
