/**
 * One owner per embedded store. PGlite runs inside the process that opens the directory, so
 * two processes on one directory each write their own copy of the database files and lose
 * data. The process that opens a directory holds it with a lock file, `statecraft.lock` in
 * the directory (mode 0600), recording who holds it: pid, host, the process's start, the
 * command and, for `serve`, where it listens (and a token the same user's `ingest` uploads
 * with). A crash leaves the file behind but releases the lock: a lock whose pid is dead on
 * this host (or whose pid now belongs to a process started later) is stale and taken over.
 *
 * Acquiring is atomic: the lock is written to a private temporary file and hard-linked into
 * place (link fails if the name exists). Taking over a stale lock goes through a short-lived
 * guard file made the same way, so two processes that find one stale lock do not both win.
 */
import { randomBytes } from 'node:crypto';
import { linkSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { oneLine, StatecraftError } from '../core/errors.js';

export const LOCK_FILE = 'statecraft.lock';

/** what the lock file holds */
export interface LockInfo {
  pid: number;
  host: string;
  /** when the holder opened the store (ISO) */
  since: string;
  /** the holder's command line, e.g. `statecraft ingest corpus/` */
  command: string;
  /** the process's start time in clock ticks since boot (Linux), to tell a reused pid */
  procStart: number | null;
  /** unique to this holding */
  nonce: string;
  /** `serve` for a server (it advertises `api` once it listens) */
  role?: 'serve';
  /** set by a running `serve`: where its API listens, and the token its upload routes accept from this user */
  api?: { url: string; token: string };
}

/** The store is held by another live process (E203). `holder` says who, and whether it is a server to go through. */
export class StoreBusyError extends StatecraftError {
  readonly holder: LockInfo;
  constructor(dir: string, holder: LockInfo) {
    super('E203', `${dir} is held by ${describeHolder(holder)}`, { file: dir });
    this.name = 'StoreBusyError';
    this.holder = holder;
  }
  /** the holder runs on this machine (its API address and token are usable from here) */
  get sameHost(): boolean {
    return this.holder.host === hostname();
  }
  override describe(): string {
    const hint = this.holder.host !== hostname()
      ? ' (on another host: stop it there; a lock of a dead process on another host must be removed by hand)'
      : this.holder.api
        ? `; its API is at ${this.holder.api.url}/api`
        : '; wait for it to finish, stop it, or use a PostgreSQL server (--db postgres://…), which many processes can share';
    return oneLine(`${this.code} ${this.message}${hint}`);
  }
}

export function describeHolder(h: LockInfo): string {
  return `pid ${h.pid} on ${h.host} (\`${h.command}\`, since ${h.since}${h.api ? `, serving ${h.api.url}` : ''})`;
}

/** A process's start time in clock ticks after boot (field 22 of /proc/PID/stat), or null off Linux. */
export function processStart(pid: number): number | null {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the command name (field 2) is in parentheses and may hold spaces: count from the last ')'
    const rest = s.slice(s.lastIndexOf(')') + 2).split(' ');
    const v = Number(rest[19]);
    return Number.isFinite(v) ? v : null;
  } catch {
    return null;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Is the holder of this lock gone? Only decidable for a lock taken on this host. */
export function isStale(h: LockInfo): boolean {
  if (h.host !== hostname()) return false;
  if (!Number.isInteger(h.pid) || h.pid <= 0) return true; // unreadable or hand-made: no process to wait for
  if (h.pid === process.pid) return false;
  if (!alive(h.pid)) return true;
  // the pid lives, but it may be another process that got the dead holder's pid
  const now = processStart(h.pid);
  return now !== null && h.procStart !== null && now !== h.procStart;
}

function readLock(file: string): LockInfo | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  try {
    const v = JSON.parse(text) as LockInfo;
    if (typeof v.pid === 'number' && typeof v.host === 'string') return v;
  } catch {
    /* fall through */
  }
  // written by hand or truncated by a full disk: no live owner can be named, treat as stale
  return { pid: -1, host: hostname(), since: '?', command: '?', procStart: null, nonce: 'unreadable' };
}

/** Write `info` to a private temp file and link it to `target`; false when `target` exists. */
function linkNew(target: string, info: object): boolean {
  const tmp = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(tmp, JSON.stringify(info, null, 2) + '\n', { mode: 0o600 });
  try {
    linkSync(tmp, target);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  } finally {
    try {
      unlinkSync(tmp);
    } catch {
      /* gone */
    }
  }
}

function unlinkQuiet(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    /* already gone */
  }
}

/** The command line to record: `statecraft <command> <args…>`, shortened. */
export function currentCommand(): string {
  const args = process.argv.slice(2).join(' ');
  const s = `statecraft ${args}`.trim();
  return s.length > 200 ? s.slice(0, 197) + '…' : s;
}

export interface StoreLock {
  readonly file: string;
  readonly info: LockInfo;
  /** record (or clear) where this process's API listens */
  advertise(api: { url: string; token: string } | null): void;
  release(): void;
}

/** Read the lock of `dir` without taking it: its holder when live, else null. */
export function lockHolder(dir: string): LockInfo | null {
  const h = readLock(path.join(dir, LOCK_FILE));
  return h && !isStale(h) ? h : null;
}

/**
 * Take the lock of `dir` (which exists), or throw StoreBusyError naming the live holder.
 * With `waitForApiMs`, a holder that is a `serve` still starting is waited for until it
 * advertises its address (so `ingest` started right after `serve` goes through it).
 */
export async function acquireLock(dir: string, opts: { command?: string; role?: 'serve'; waitForApiMs?: number } = {}): Promise<StoreLock> {
  const file = path.join(dir, LOCK_FILE);
  const guard = `${file}.takeover`;
  const info: LockInfo = {
    pid: process.pid,
    host: hostname(),
    since: new Date().toISOString(),
    command: opts.command ?? currentCommand(),
    procStart: processStart(process.pid),
    nonce: randomBytes(12).toString('hex'),
    ...(opts.role ? { role: opts.role } : {}),
  };
  const deadline = Date.now() + (opts.waitForApiMs ?? 0);
  for (let attempt = 0; ; attempt++) {
    if (linkNew(file, info)) break;
    const holder = readLock(file);
    if (!holder) continue; // released between our link and our read: try again
    if (holder.pid === process.pid && holder.host === info.host) throw new StatecraftError('E203', `${dir} is already open in this process`, { file: dir });
    if (isStale(holder)) {
      // only the holder of the guard may remove a stale lock; a guard left by a crash mid-takeover is stale too
      if (!linkNew(guard, { ...info, takeover: true })) {
        const g = readLock(guard);
        if (g && isStale(g)) unlinkQuiet(guard);
        else await sleep(20);
        continue;
      }
      try {
        const again = readLock(file);
        if (again && again.nonce === holder.nonce && isStale(again)) unlinkQuiet(file);
      } finally {
        unlinkQuiet(guard);
      }
      continue;
    }
    // a live holder: a `serve` still starting gets a moment to say where it listens
    if (holder.role === 'serve' && !holder.api && Date.now() < deadline) {
      await sleep(100);
      continue;
    }
    throw new StoreBusyError(dir, holder);
  }
  let released = false;
  const onExit = () => lock.release();
  const lock: StoreLock = {
    file,
    info,
    advertise(api) {
      if (released) return;
      if (api) info.api = api;
      else delete info.api;
      // replace our own lock atomically (rename over it): readers see the old or the new, never half
      const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
      writeFileSync(tmp, JSON.stringify(info, null, 2) + '\n', { mode: 0o600 });
      renameSync(tmp, file);
    },
    release() {
      if (released) return;
      released = true;
      process.off('exit', onExit);
      const h = readLock(file);
      if (h && h.nonce === info.nonce) unlinkQuiet(file);
    },
  };
  // a normal exit without close (process.exit) releases too; a crash leaves a stale lock
  process.on('exit', onExit);
  return lock;
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
