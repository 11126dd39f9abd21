/**
 * The ingest's worker pool: `jobs` worker threads (each with its own gazetteer index), fed
 * batches of articles with back-pressure, so the reader never runs more than a few batches
 * ahead of the workers and memory stays bounded however large the corpus. What the workers
 * render for the store is handed on as it arrives, never held.
 */
import { Worker } from 'node:worker_threads';
import type { CacheJob, CacheResult } from './ingest-cache.ts';

/** Articles per message: enough to make the message cost small, few enough to share work evenly. */
const BATCH = 16;
/** Batches in flight per worker: one being processed, one waiting. */
const IN_FLIGHT = 2;

/** A running pool; `submit` waits while every worker is busy. */
export interface IngestPool {
  submit(job: CacheJob): Promise<void>;
  /** Sends what is left, waits for every outcome, stops the workers. */
  finish(): Promise<CacheResult[]>;
}

/** Starts `jobs` workers; `onRendered` takes each rendered article as it arrives (the results keep only the outcomes). */
export function startPool(jobs: number, onRendered?: (result: CacheResult) => void): IngestPool {
  const results: CacheResult[] = [];
  let batch: CacheJob[] = [];
  let inFlight = 0;
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const idle: Worker[] = [];
  const workers = Array.from({ length: jobs }, () => {
    const worker = new Worker(new URL('./ingest-worker.mjs', import.meta.url));
    let started = false;
    worker.on('message', (message: 'ready' | CacheResult[]) => {
      if (message === 'ready') {
        started = true;
        for (let k = 0; k < IN_FLIGHT; k += 1) idle.push(worker);
      } else {
        for (const r of message) {
          if (r.rendered) {
            onRendered?.(r);
            delete r.rendered;
          }
          results.push(r);
        }
        inFlight -= 1;
        idle.push(worker);
      }
      wake?.();
    });
    worker.on('error', (error) => {
      failure = error as Error;
      wake?.();
    });
    worker.on('exit', (code) => {
      if (code !== 0 && !failure) failure = new Error(`an ingest worker ${started ? 'stopped' : 'could not start'} (exit code ${code})`);
      wake?.();
    });
    return worker;
  });

  const until = async (ready: () => boolean) => {
    while (!ready()) {
      if (failure) throw failure;
      await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
    }
    if (failure) throw failure;
  };
  const send = async () => {
    await until(() => idle.length > 0);
    inFlight += 1;
    idle.shift()!.postMessage(batch);
    batch = [];
  };

  return {
    async submit(job) {
      batch.push(job);
      if (batch.length >= BATCH) await send();
    },
    async finish() {
      try {
        if (batch.length > 0) await send();
        await until(() => inFlight === 0);
        return results;
      } finally {
        await Promise.all(workers.map((w) => w.terminate()));
      }
    },
  };
}
