/**
 * One worker of the ingest pool: loads its own gazetteer index and word list, then processes the
 * batches of articles it is sent into cache entries (rendering each for the store of rendered
 * articles when the job asks: scripts/lib/layer-store.ts) and answers each batch with its outcomes.
 */
import { parentPort } from 'node:worker_threads';
import { loadResources } from './load-resources.ts';
import { loadShapeLookup } from './load-gazetteer.ts';
import { processToCache, type CacheJob, type EntryRenderer } from './ingest-cache.ts';
import { renderArticle } from './layer-store.ts';

const port = parentPort!;
const resources = await loadResources();
const renderer: EntryRenderer = (key, entry) => renderArticle(key, entry, loadShapeLookup());
port.on('message', (batch: CacheJob[]) => port.postMessage(batch.map((job) => processToCache(job, resources, renderer))));
port.postMessage('ready');
