/**
 * One ingest in a fresh process, for `npm run bench`: prints `{wallMs, cpuMs, peakRssMB}` as JSON
 * on stdout (the progress bar and summary go to stderr). Usage: bench-ingest.ts <input> <out>.
 */
import { ingest } from '../ingest.ts';

const [input, out] = process.argv.slice(2);
const started = performance.now();
const cpu = process.cpuUsage();
await ingest([input], out);
const used = process.cpuUsage(cpu);
process.stdout.write(`${JSON.stringify({ wallMs: performance.now() - started, cpuMs: (used.user + used.system) / 1000, peakRssMB: process.resourceUsage().maxRSS / 1024 })}\n`);
