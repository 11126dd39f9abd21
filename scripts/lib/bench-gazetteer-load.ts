/**
 * Measures one gazetteer index load in a fresh process (run with --expose-gc, after the index
 * was built); prints JSON: load time (wall and this process's CPU, which a busy shared machine
 * moves less), heap growth, number of places.
 */
import { loadGazetteer } from './load-gazetteer.ts';

const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const before = process.memoryUsage().heapUsed;
const started = performance.now();
const cpuStarted = process.cpuUsage();
const gazetteer = await loadGazetteer();
const loadMs = performance.now() - started;
const cpu = process.cpuUsage(cpuStarted);
const cpuMs = (cpu.user + cpu.system) / 1000;
gc?.();
const heapMB = (process.memoryUsage().heapUsed - before) / 1e6;
process.stdout.write(JSON.stringify({ loadMs, cpuMs, heapMB, places: gazetteer.size }));
