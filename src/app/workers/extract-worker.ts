/**
 * A worker thread of `statecraft ingest --threads N` (#15): loads the knowledge and the pipeline
 * once, then builds and extracts each raw document it is sent, answering with plain data.
 * It never touches the store: the main thread is the one writer.
 */
import { parentPort } from 'node:worker_threads';
import { createDefaultPipeline } from '../pipeline.js';
import { runJob, toFailure, type Job, type JobResult } from './job.js';

const port = parentPort;
if (!port) throw new Error('extract-worker.js runs as a worker thread only');
const ready = createDefaultPipeline();

port.on('message', async (msg: { id: number; job: Job }) => {
  let result: JobResult;
  try {
    result = runJob(await ready, msg.job);
  } catch (e) {
    // the pipeline could not be loaded: every document says why
    result = { buildFailed: toFailure(e, msg.job.raw.origin, msg.job.raw.locator) };
  }
  port.postMessage({ id: msg.id, result });
});
