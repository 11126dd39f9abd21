/**
 * Measures one gazetteer index load in a fresh process (run with --expose-gc, after the index
 * was built); prints JSON: load time, heap growth, number of places.
 */
import { loadGazetteer } from './load-gazetteer.ts';

const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const before = process.memoryUsage().heapUsed;
const started = performance.now();
const gazetteer = await loadGazetteer();
const loadMs = performance.now() - started;
gc?.();
const heapMB = (process.memoryUsage().heapUsed - before) / 1e6;
process.stdout.write(JSON.stringify({ loadMs, heapMB, places: gazetteer.size }));
