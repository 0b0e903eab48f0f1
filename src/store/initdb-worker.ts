/**
 * Lays out a fresh embedded store (PGlite's initdb) in a thread of its own, then ends (#15 bounded
 * memory): initdb runs a second PostgreSQL beside the one it prepares and leaves its WebAssembly
 * memory (about 450 MB) held for the life of the thread that ran it, so the store is made here and
 * the thread's exit hands that memory back before the ingest opens it.
 */
import { workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';

const db = await PGlite.create((workerData as { dir: string }).dir);
await db.close();
