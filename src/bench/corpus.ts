/** A generated corpus for benchmarks: news-like paragraphs from templates (our own wording). */

const STATES = ['Russia', 'North Korea', 'China', 'Japan', 'South Korea', 'the United States', 'Ukraine', 'Iran', 'Israel', 'India', 'Pakistan', 'Germany', 'France', 'Turkey', 'Brazil'];
const PEOPLE = ['Vladimir Putin', 'Kim Jong Un', 'Xi Jinping', 'Joe Biden', 'Fumio Kishida', 'Yoon Suk Yeol', 'Volodymyr Zelensky', 'Sergei Lavrov', 'Wang Yi', 'Antony Blinken'];
const DAYS = ['on Monday', 'on Tuesday', 'on Wednesday', 'last week', 'on March 3', 'in June of last year', 'the previous day', 'earlier this month'];
/**
 * In the seeds and the sample corpus about a quarter of sentences carry a time expression;
 * the generated text keeps that share (a date-heavy corpus would mostly time the date parser).
 */
const DATED_SHARE = 0.3;
const TEMPLATES = [
  (a: string, b: string, d: string) => `${a} met ${b} ${d} to discuss trade and security.`,
  (a: string, b: string, d: string) => `${a} condemned ${b} ${d} over its missile tests, officials said.`,
  (a: string, b: string, d: string) => `${a} imposed new sanctions on ${b} ${d}, according to a government statement.`,
  (a: string, b: string, d: string) => `Analysts say ${a} may seek closer military ties with ${b} in the coming months.`,
  (a: string, b: string, d: string) => `${a} and ${b} signed an agreement on energy cooperation ${d}.`,
  (a: string, b: string, d: string) => `${a} has not sent troops to ${b}, a spokesman said ${d}.`,
  (a: string, b: string) => `The visit by ${a} to ${b} was the first in five years.`,
  (a: string, b: string, d: string) => `${a} accused ${b} of violating the ceasefire ${d}.`,
  () => 'The talks covered a wide range of issues, from food supplies to fuel prices and the state of the economy.',
  () => 'Few expect a breakthrough soon, and many observers remain skeptical about what the meetings can achieve.',
];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 4294967296);
}

export function generateCorpus(n: number, seed = 7): { text: string; published: string }[] {
  const r = rng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const docs: { text: string; published: string }[] = [];
  for (let i = 0; i < n; i++) {
    const paras: string[] = [];
    const np = 3 + Math.floor(r() * 3);
    for (let p = 0; p < np; p++) {
      const sents: string[] = [];
      for (let k = 0; k < 3; k++) {
        const who = () => (r() < 0.35 ? pick(PEOPLE) : pick(STATES));
        sents.push(pick(TEMPLATES)(who(), who(), r() < DATED_SHARE ? pick(DAYS) : '').replace(/\s+([.,])/g, '$1').replace(/\s{2,}/g, ' ').replace(/^the/, 'The'));
      }
      paras.push(sents.join(' '));
    }
    const y = 2015 + Math.floor(r() * 10);
    const m = 1 + Math.floor(r() * 12);
    const d = 1 + Math.floor(r() * 28);
    docs.push({ text: `Item ${i}: regional briefing\n\n${paras.join('\n\n')}`, published: `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` });
  }
  return docs;
}
