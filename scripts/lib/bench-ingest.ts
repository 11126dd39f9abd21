/**
 * One ingest in a fresh process, for `npm run bench`: prints `{wallMs, cpuMs, peakRssMB, timings}`
 * as JSON on stdout (the progress bar and summary go to stderr). Usage: bench-ingest.ts <input>
 * <out> [jobs]. The figures are the whole process's, start-up included (module loading, the
 * gazetteer): wall time since the process began, CPU time (user + system, every thread), peak
 * RSS, and the ingest's own phases (ms: reading and processing, the stored articles, the merge,
 * writing the set).
 */
import { ingest } from '../ingest.ts';

const [input, out, jobs] = process.argv.slice(2);
const timings = { pass1: 0, store: 0, merge: 0, write: 0 };
await ingest([input], out, { timings, ...(jobs ? { jobs: Number(jobs) } : {}) });
const used = process.resourceUsage();
process.stdout.write(`${JSON.stringify({ wallMs: performance.now(), cpuMs: (used.userCPUTime + used.systemCPUTime) / 1000, peakRssMB: used.maxRSS / 1024, timings })}\n`);
