/**
 * The extraction thread of a document budget (#14, src/app/workers/guard.ts): loads the pipeline
 * once, says so, then builds and extracts each raw document it is sent, one at a time, in order.
 * Its owner stops it when a document overruns the time budget; its heap is capped by the owner.
 */
import { parentPort } from 'node:worker_threads';
import { createDefaultPipeline } from '../pipeline.js';
import { runJob, toFailure, type Job } from './job.js';

const port = parentPort;
if (!port) throw new Error('guard-worker.js runs as a worker thread only');

createDefaultPipeline().then(
  (pipeline) => {
    port.on('message', (msg: { id: number; job: Job }) => {
      port.postMessage({ id: msg.id, result: runJob(pipeline, msg.job) });
    });
    port.postMessage({ ready: true });
  },
  (e: unknown) => {
    // the knowledge could not be loaded: every document says why
    port.postMessage({ loadFailed: toFailure(e, '(pipeline)') });
  },
);
