/**
 * Numbered errors shared by every caller. Each names the file (and line) it concerns,
 * so one line tells the user what failed and why.
 */
export const ERRORS = {
  E101: 'binary content (NUL bytes or control characters), not text',
  E102: 'empty document (no text after cleaning)',
  E103: 'too large',
  E104: 'not valid UTF-8',
  E105: 'malformed JSON',
  E106: 'malformed CSV',
  E107: 'no text field',
  E108: 'unreadable HTML',
  E109: 'cannot read file',
  E110: 'unsupported file type',
  E111: 'malformed front matter',
  E112: 'over the time budget of one document',
  E113: 'over the memory budget of one document',
  E201: 'database error',
  E202: 'unknown document',
  E203: 'store in use',
  E301: 'bad argument',
  E401: 'knowledge file invalid',
} as const;

export type ErrorCode = keyof typeof ERRORS;

/** control characters (newlines, carriage returns, escapes) shown as \n, \r, \x1b: text stays on one line */
export function oneLine(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f]/g, (c) => (c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === '\t' ? '\\t' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`));
}

export class StatecraftError extends Error {
  readonly code: ErrorCode;
  readonly file?: string;
  readonly locator?: string;
  constructor(code: ErrorCode, detail?: string, where?: { file?: string; locator?: string }) {
    super(detail ? `${ERRORS[code]}: ${detail}` : ERRORS[code]);
    this.code = code;
    this.file = where?.file;
    this.locator = where?.locator;
  }
  /** One line: `FILE[:LINE]: CODE reason`. */
  describe(): string {
    const where = [this.file, this.locator].filter(Boolean).join(':');
    // one failure, one line: a newline in a file name must not forge a second failure line
    return oneLine(`${where ? where + ': ' : ''}${this.code} ${this.message}`);
  }
}

/**
 * A knowledge file under data/ that fails its schema or a cross-reference check
 * (src/knowledge/check.ts). The message names the file, the key path and the reason:
 * `knowledge file invalid: data/patterns/events.yaml:58: verbs.seek.objects.talk: "0236" is not …`.
 */
export class KnowledgeError extends StatecraftError {
  /** the problem: file under data/, key path, reason, line when known */
  readonly issue: { file: string; path: string; reason: string; line?: number };
  /** `dir`: how to show the knowledge directory (`data` for the repository's own) */
  constructor(issue: { file: string; path: string; reason: string; line?: number }, more = 0, dir = 'data') {
    const file = `${dir.replace(/\/+$/, '')}/${issue.file}`;
    const where = `${file}${issue.line ? `:${issue.line}` : ''}`;
    super('E401', `${where}: ${issue.path ? issue.path + ': ' : ''}${issue.reason}${more ? ` (and ${more} more: run \`statecraft knowledge check\`)` : ''}`, { file, locator: issue.line ? String(issue.line) : undefined });
    this.name = 'KnowledgeError';
    this.issue = issue;
  }
  /** the message already names the file and line */
  override describe(): string {
    return `${this.code} ${this.message}`;
  }
}
