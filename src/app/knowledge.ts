/**
 * `statecraft knowledge check`: every knowledge file under data/ against its schema and the
 * cross-reference checks (src/knowledge/check.ts), printed as text or JSON with a coverage
 * summary. Errors make the exit code 1.
 */
import { checkKnowledge, type KnowledgeIssue, type KnowledgeReport } from '../knowledge/check.js';
import { DEFAULT_DATA_DIR, dataDirLabel } from '../knowledge/load.js';

export interface KnowledgeCheckResult {
  report: KnowledgeReport;
  /** what to print */
  text: string;
  /** 0 when there are no errors, 1 otherwise */
  code: number;
}

function issueLine(dir: string, i: KnowledgeIssue): string {
  return `${dir}/${i.file}${i.line ? `:${i.line}` : ''}: ${i.path ? `${i.path}: ` : ''}${i.reason}`;
}

/** The report as text: errors, warnings, then the coverage summary. */
export function formatKnowledgeReport(r: KnowledgeReport, dir = 'data'): string {
  const out: string[] = [];
  for (const e of r.errors) out.push(`error: ${issueLine(dir, e)}`);
  for (const w of r.warnings) out.push(`warning: ${issueLine(dir, w)}`);
  if (r.errors.length || r.warnings.length) out.push('');
  const c = r.coverage;
  out.push('files');
  const width = Math.max(...c.files.map((f) => f.file.length), 4);
  for (const f of c.files) out.push(`  ${f.file.padEnd(width)}  ${Object.entries(f.counts).map(([k, n]) => `${n} ${k}`).join(', ') || '—'}`);
  if (c.patterns.roots.length) {
    out.push('', 'patterns per CAMEO root (rules: verb defaults, object and modifier rules; codes: covered/in the codebook)');
    for (const p of c.patterns.roots) {
      out.push(`  ${p.root} ${p.label.padEnd(34)} ${String(p.rules).padStart(4)} rules  ${String(p.codes - p.uncovered.length).padStart(2)}/${String(p.codes).padEnd(2)} codes${p.uncovered.length ? `  no pattern: ${p.uncovered.join(' ')}` : ''}`);
    }
    const total = c.patterns.roots.reduce((n, p) => n + p.codes, 0);
    out.push(`  ${c.patterns.uncovered.length} of ${total} codebook codes have no pattern (the coder also derives some: intentions 03x, appeals 02x, refusals 12x)`);
  }
  out.push('', 'actors');
  for (const [k, n] of Object.entries(c.actors)) out.push(`  ${k.padEnd(32)} ${n}`);
  out.push('', `${r.errors.length} error${r.errors.length === 1 ? '' : 's'}, ${r.warnings.length} warning${r.warnings.length === 1 ? '' : 's'}`);
  return out.join('\n');
}

/** Run the check on a knowledge directory (the repository's data/ by default). */
export function knowledgeCheck(dataDir: string = DEFAULT_DATA_DIR, format: 'text' | 'json' = 'text'): KnowledgeCheckResult {
  const report = checkKnowledge(dataDir);
  const text = format === 'json' ? JSON.stringify(report, null, 2) : formatKnowledgeReport(report, dataDirLabel(dataDir));
  return { report, text, code: report.errors.length ? 1 : 0 };
}
