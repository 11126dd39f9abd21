/**
 * `npm run ingest -- [folders or files…] [--out public/data] [--jobs N]`: reads articles
 * (default: the bundled sample corpus in geodata/corpus), runs the pipeline, and writes the
 * layers the app reads — events, mentions, areas, routes (GeoJSON, validated), articles.json and
 * report.json. The same input gives byte-identical output, however many workers and whatever
 * the cache holds.
 *
 * At scale: articles are read one file at a time and processed by `jobs` worker threads (all
 * cores by default; a run with few new articles stays in this thread) into a content-hash cache
 * (scripts/lib/ingest-cache.ts), so an unchanged article is never processed again; a second pass
 * reads the entries in id order and streams the layers out (scripts/lib/write-layers.ts); the new
 * set is written beside the output folder and swapped in whole (scripts/lib/data-set.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import type { GazetteerShapes } from '../src/core/gazetteer.ts';
import type { PipelineResources } from '../src/core/process-article.ts';
import type { Problem, RunReport } from '../src/core/model.ts';
import { summariseRun } from '../src/core/run-report.ts';
import { streamArticles } from './lib/read-articles.ts';
import { loadResources } from './lib/load-resources.ts';
import { ensureGazetteer, SHAPES_PATH } from './lib/load-gazetteer.ts';
import { INGEST_CACHE_DIR, entryFile, openCache, pipelineVersion, processToCache, readEntry, type CacheJob, type CacheResult } from './lib/ingest-cache.ts';
import { startPool, type IngestPool } from './lib/ingest-pool.ts';
import { writeLayers, type SpooledArticle } from './lib/write-layers.ts';
import { dropSet, newSet, swapIn } from './lib/data-set.ts';
import { parseArgs } from './lib/args.ts';
import { writeAtomic } from './lib/output.ts';

export const SAMPLE_CORPUS = 'geodata/corpus';
export const DEFAULT_OUT = 'public/data';
/** New articles a run processes in this thread: fewer than this are not worth starting workers for (each loads the gazetteer). */
const IN_THREAD = 64;

/** Options of `ingest`. */
export interface IngestOptions {
  /** Worker threads (default: every core); 1 processes in this thread. */
  jobs?: number;
  /** The content-hash cache folder (default .cache/ingest, or INGEST_CACHE_DIR). */
  cacheDir?: string;
  /** Filled in with what the run did: articles processed, and taken from the cache unchanged. */
  stats?: { processed: number; cached: number };
}

/** Runs the whole ingest; returns the report (also written to report.json). */
export async function ingest(inputs: string[], outDir: string, options: IngestOptions = {}): Promise<RunReport> {
  const jobs = Math.max(1, options.jobs ?? availableParallelism());
  await ensureGazetteer();
  const version = pipelineVersion();
  const cache = openCache(options.cacheDir ?? INGEST_CACHE_DIR, version);
  const stream = streamArticles(inputs);
  const spooled: SpooledArticle[] = [];
  const results: CacheResult[] = [];
  let resources: PipelineResources | null = null;
  let pool: IngestPool | null = null;
  let waiting: CacheJob[] = [];
  const inThread = async (job: CacheJob) => {
    resources ??= await loadResources();
    results.push(processToCache(job, resources));
  };

  // Pass 1: every article read, hashed, and processed into the cache unless already there.
  try {
    for await (const raw of stream) {
      const job: CacheJob = { seq: spooled.length, raw, file: entryFile(cache, version, raw) };
      spooled.push({ id: raw.id, seq: job.seq, file: job.file, source: raw.file });
      if (existsSync(job.file)) {
        if (options.stats) options.stats.cached += 1;
        continue;
      }
      if (options.stats) options.stats.processed += 1;
      if (pool) await pool.submit(job);
      else if (jobs === 1) await inThread(job);
      else if (waiting.push(job) >= IN_THREAD) {
        pool = startPool(jobs);
        for (const w of waiting) await pool.submit(w);
        waiting = [];
      }
    }
    for (const job of waiting) await inThread(job);
    if (pool) results.push(...(await pool.finish()));
  } catch (error) {
    if (pool) await pool.finish().catch(() => undefined);
    throw error;
  }

  // A bug met on one article must not end the run: it is reported with its reason, the rest go on.
  const failed = new Set<number>();
  const processingProblems: Problem[] = [];
  for (const r of results.filter((r) => r.error !== undefined).sort((a, b) => a.seq - b.seq)) {
    failed.add(r.seq);
    const { id, source } = spooled[r.seq];
    processingProblems.push({ code: 'processing-failed', message: `Article could not be processed (${r.error}). Article skipped.`, severity: 'error', file: source, articleId: id });
  }
  const written = spooled.filter((s) => !failed.has(s.seq)).map((s, seq) => ({ ...s, seq }));
  const readProblems = [...stream.problems, ...processingProblems];

  // Pass 2: the entries in id order, streamed out into a new set beside the output.
  const shapes = (JSON.parse(readFileSync(SHAPES_PATH, 'utf8')) as GazetteerShapes).geometries;
  const geometryOf = (id: string) => (Object.prototype.hasOwnProperty.call(shapes, id) ? shapes[id] : undefined);
  const setDir = newSet(outDir);
  try {
    const built = writeLayers(written, readEntry, geometryOf, setDir);
    const report = summariseRun({ filesRead: stream.filesRead, processed: built.reported, readProblems, layerProblems: built.problems });
    if (built.problems.length > 0) {
      writeAtomic(join(outDir, 'report.json'), `${JSON.stringify(report, null, 1)}\n`);
      throw new Error(`invalid GeoJSON, nothing but the report written:\n${built.problems.map((p) => p.message).join('\n')}`);
    }
    writeAtomic(join(setDir, 'report.json'), `${JSON.stringify(report, null, 1)}\n`);
    swapIn(setDir, outDir);
    return report;
  } finally {
    dropSet(setDir);
  }
}

/** The end-of-run summary a person reads. */
export function formatSummary(report: RunReport, outDir: string): string {
  const lines = [
    `articles read: ${report.articlesRead}, written: ${report.articlesWritten}, skipped: ${report.skipped.length}`,
    ...report.skipped.map((s) => `  skipped ${s.file}${s.articleId ? ` (${s.articleId})` : ''}: ${s.reason}`),
    `mentions: ${report.mentions}, events: ${report.events}, undated articles: ${report.undatedArticles.length}`,
    `unresolved names: ${report.unresolved.length}${report.unresolved.length ? ` (${report.unresolved.slice(0, 10).map((u) => u.surface).join(', ')}${report.unresolved.length > 10 ? ', …' : ''})` : ''}`,
    `warnings: ${report.problems.filter((p) => p.severity === 'warning').length}`,
    `written to ${outDir}/`,
  ];
  return `${lines.join('\n')}\n`;
}

if (import.meta.url === pathToFileURL(resolve(process.argv[1] ?? '')).href) {
  const args = parseArgs(process.argv.slice(2), { flags: [], options: ['out', 'jobs'] });
  const inputs = args.positional.length > 0 ? args.positional : [SAMPLE_CORPUS];
  const outDir = args.options.out ?? DEFAULT_OUT;
  try {
    const report = await ingest(inputs, outDir, args.options.jobs ? { jobs: Number(args.options.jobs) } : {});
    process.stderr.write(formatSummary(report, outDir));
    if (report.articlesWritten === 0) process.exitCode = 1;
  } catch (error) {
    process.stderr.write(`ingest failed: ${(error as Error).message}\n`);
    process.exitCode = 1;
  }
}
