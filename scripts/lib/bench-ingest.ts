/**
 * One ingest in a fresh process, for `npm run bench`: prints `{wallMs, cpuMs, peakRssMB}` as JSON
 * on stdout (the progress bar and summary go to stderr). Usage: bench-ingest.ts <input> <out>.
 * The figures are the whole process's, start-up included (module loading, the gazetteer):
 * wall time since the process began, CPU time (user + system, every thread) and peak RSS.
 */
import { ingest } from '../ingest.ts';

const [input, out] = process.argv.slice(2);
await ingest([input], out);
const used = process.resourceUsage();
process.stdout.write(`${JSON.stringify({ wallMs: performance.now(), cpuMs: (used.userCPUTime + used.systemCPUTime) / 1000, peakRssMB: used.maxRSS / 1024 })}\n`);
