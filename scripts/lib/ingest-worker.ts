/**
 * One worker of the ingest pool: loads its own gazetteer index and word list, then processes the
 * batches of articles it is sent into cache entries and answers each batch with its outcomes.
 */
import { parentPort } from 'node:worker_threads';
import { loadResources } from './load-resources.ts';
import { processToCache, type CacheJob } from './ingest-cache.ts';

const port = parentPort!;
const resources = await loadResources();
port.on('message', (batch: CacheJob[]) => port.postMessage(batch.map((job) => processToCache(job, resources))));
port.postMessage('ready');
