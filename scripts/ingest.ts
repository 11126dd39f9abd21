/**
 * `npm run ingest -- [folders or files…] [--out public/data] [--jobs N] [--corrections FILE]`:
 * reads articles (default: the bundled sample corpus in geodata/corpus), runs the pipeline,
 * applies the corpus's corrections (`corrections.json` in the first folder, or FILE; see
 * src/core/events/corrections.ts), merges the reports of one event (src/core/events/merge-events.ts), and
 * writes the layers the app reads — events, mentions, areas, routes (GeoJSON, validated),
 * articles.json and report.json. The same input gives byte-identical output, however many
 * workers and whatever the cache holds.
 *
 * At scale: articles are read one file at a time (a file unchanged since the last run is not
 * read again: scripts/lib/file-manifest.ts) and processed by `jobs` worker threads (all cores by
 * default; a run with few new articles stays in this thread) into a content-hash cache
 * (scripts/lib/ingest-cache.ts), so an unchanged article is never processed again. Each entry is
 * rendered once, by the worker that processed it, into the store of rendered articles
 * (scripts/lib/layer-store.ts): the merge across articles reads only their headers (events,
 * counted words, places), and the layers are copied from their bytes
 * (scripts/lib/write-stored-layers.ts); the new set is written beside the output folder and
 * swapped in whole (scripts/lib/data-set.ts). A run with corrections reads
 * every entry instead (a correction may change an article's mentions and events) and streams the
 * layers out with scripts/lib/write-layers.ts, as does a run whose points do not validate.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import type { PipelineResources } from '../src/core/process-article.ts';
import type { Place, Problem, RawArticle, RunReport } from '../src/core/model.ts';
import type { Gazetteer } from '../src/core/places/gazetteer.ts';
import { findTemporalExpressions } from '../src/core/dates/find-temporal.ts';
import { applyCorrections, correctedGazetteer, mergeContext, parseCorrections, type Correction } from '../src/core/events/corrections.ts';
import { mergeEvents, type MergeContext, type MergedEvents } from '../src/core/events/merge-events.ts';
import { summariseRun } from '../src/core/layers/run-report.ts';
import { streamKnownArticles, type KnownArticle } from './lib/read-articles.ts';
import { FileManifest } from './lib/file-manifest.ts';
import { loadResources } from './lib/load-resources.ts';
import { ensureGazetteer, loadShapeLookup } from './lib/load-gazetteer.ts';
import { INGEST_CACHE_DIR, entryFile, openCache, pipelineVersion, processToCache, readEntry, type CacheJob, type CacheResult, type EntryRenderer } from './lib/ingest-cache.ts';
import { startPool, type IngestPool } from './lib/ingest-pool.ts';
import { writeLayers, type SpooledArticle, type WrittenLayers } from './lib/write-layers.ts';
import { decodeTerms, LayerStore, renderArticle, type StoredArticle } from './lib/layer-store.ts';
import { writeStoredLayers } from './lib/write-stored-layers.ts';
import { dropSet, newSet, swapIn } from './lib/data-set.ts';
import { parseArgs } from './lib/args.ts';
import { writeAtomic } from './lib/output.ts';

export const SAMPLE_CORPUS = 'geodata/corpus';
export const DEFAULT_OUT = 'public/data';
/** New articles a run processes in this thread: fewer than this are not worth starting workers for (each loads the gazetteer). */
const IN_THREAD = 256;

/** Options of `ingest`. */
export interface IngestOptions {
  /** Worker threads (default: every core); 1 processes in this thread. */
  jobs?: number;
  /** The content-hash cache folder (default .cache/ingest, or INGEST_CACHE_DIR). */
  cacheDir?: string;
  /** Filled in with what the run did: articles processed, and taken from the cache unchanged (and, when given, input files not read again: unchanged since the last run, and articles rendered for the store by the workers). */
  stats?: { processed: number; cached: number; unread?: number; renderedInWorkers?: number };
  /** The corrections file (default: corrections.json in the first input folder). */
  corrections?: string;
  /** From how many event features the columnar layout is written (default COLUMNAR_FROM; tests lower it). */
  columnarFrom?: number;
  /** Articles per chunk of that layout, on average (default CHUNK_SIZE; tests lower it). */
  chunkSize?: number;
  /** Filled in with where the time went, in ms: reading and processing, the stored articles, the merge, writing the set. */
  timings?: { pass1: number; store: number; merge: number; write: number };
}

/** The corrections file of a run: `--corrections FILE`, else `corrections.json` in the first input folder. */
export function correctionsPath(inputs: string[], given?: string): string | null {
  if (given) return resolve(given);
  const folder = inputs.find((i) => existsSync(i) && statSync(i).isDirectory());
  return folder ? resolve(folder, 'corrections.json') : null;
}

/** Reads a corrections file; a missing one is no corrections, a broken one a problem. */
export function readCorrections(file: string | null): { corrections: Correction[]; problems: Problem[] } {
  if (!file || !existsSync(file)) return { corrections: [], problems: [] };
  const name = relative(process.cwd(), file);
  try {
    return parseCorrections(JSON.parse(readFileSync(file, 'utf8')), name);
  } catch (error) {
    return { corrections: [], problems: [{ code: 'corrections-invalid', severity: 'warning', file: name, message: `The corrections file could not be read (${(error as Error).message}); no correction was applied.` }] };
  }
}

/** Runs the whole ingest; returns the report (also written to report.json). */
export async function ingest(inputs: string[], outDir: string, options: IngestOptions = {}): Promise<RunReport> {
  const started = performance.now();
  await ensureGazetteer();
  const correctionsFile = correctionsPath(inputs, options.corrections);
  const { corrections, problems: correctionProblems } = readCorrections(correctionsFile);
  // Aliases and corrected places change how names resolve: such a run reads them through the
  // corrected gazetteer, in this thread, under a cache key of its own.
  const resolving = corrections.filter((c) => c.kind === 'alias' || c.kind === 'mention');
  const jobs = resolving.length ? 1 : Math.max(1, options.jobs ?? availableParallelism());
  const version = resolving.length ? `${pipelineVersion()}+${createHash('sha256').update(JSON.stringify(resolving)).digest('hex').slice(0, 16)}` : pipelineVersion();
  const cache = openCache(options.cacheDir ?? INGEST_CACHE_DIR, version);
  // An entry's path from its key, as entryFile lays it out.
  const entryOf = (key: string) => join(cache, key.slice(0, 2), `${key}.json`);
  const keys = new WeakMap<RawArticle, string>();
  const keyOf = (raw: RawArticle) => keys.get(raw) ?? basename(entryFile(cache, version, raw), '.json');
  const manifest = new FileManifest(cache, entryOf, keyOf);
  const hooks = manifest.hooks();
  const stream = streamKnownArticles(inputs, {
    ...hooks,
    known: (file, name, stamp) => {
      const known = hooks.known!(file, name, stamp);
      if (known && options.stats?.unread !== undefined) options.stats.unread += 1;
      return known;
    },
  });
  const spooled: SpooledArticle[] = [];
  const results: CacheResult[] = [];
  let resources: PipelineResources | null = null;
  let pool: IngestPool | null = null;
  let waiting: CacheJob[] = [];
  const corpusResources = async () => {
    const base = await loadResources();
    return resolving.length ? { ...base, gazetteer: correctedGazetteer(base.gazetteer, corrections) } : base;
  };
  // Without corrections, each new article is rendered for the store of rendered articles as it
  // is processed (in the workers: the main thread only appends the bytes). Its header is read
  // back after the workers have stopped, so that the headers and the workers' memory never add up.
  const store = corrections.length === 0 ? new LayerStore(cache) : null;
  const takeRendered = (r: CacheResult) => {
    if (r.rendered && store) store.addRendered(r.rendered);
  };
  const renderHere: EntryRenderer = (key, entry) => renderArticle(key, entry, loadShapeLookup());
  const inThread = async (job: CacheJob) => {
    resources ??= await corpusResources();
    const result = processToCache(job, resources, renderHere);
    takeRendered(result);
    delete result.rendered;
    results.push(result);
  };

  // Pass 1: every article read, hashed, and processed into the cache unless already there.
  try {
    for await (const item of stream) {
      // An article of a file unchanged since the last run comes as its key alone (its entry exists).
      if (isKnown(item)) {
        spooled.push({ id: item.id, seq: spooled.length, file: entryOf(item.key), source: item.file });
        if (options.stats) options.stats.cached += 1;
        continue;
      }
      const raw = item;
      const job: CacheJob = { seq: spooled.length, raw, file: entryFile(cache, version, raw), render: store !== null };
      keys.set(raw, basename(job.file, '.json'));
      spooled.push({ id: raw.id, seq: job.seq, file: job.file, source: raw.file });
      if (existsSync(job.file)) {
        if (options.stats) options.stats.cached += 1;
        continue;
      }
      if (options.stats) options.stats.processed += 1;
      if (pool) await pool.submit(job);
      else if (jobs === 1) await inThread(job);
      else if (waiting.push(job) >= IN_THREAD) {
        pool = startPool(jobs, (r) => {
          takeRendered(r);
          if (options.stats?.renderedInWorkers !== undefined) options.stats.renderedInWorkers += 1;
        });
        for (const w of waiting) await pool.submit(w);
        waiting = [];
      }
    }
    for (const job of waiting) await inThread(job);
    if (pool) results.push(...(await pool.finish()));
  } catch (error) {
    if (pool) await pool.finish().catch(() => undefined);
    store?.close();
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

  // Between the passes: the corrections, then the merge of the reports of one event across articles.
  let clock = performance.now();
  const lap = (phase: keyof NonNullable<IngestOptions['timings']>) => {
    const now = performance.now();
    if (options.timings) options.timings[phase] += now - clock;
    clock = now;
  };
  if (options.timings) options.timings.pass1 += clock - started;
  const shapes = loadShapeLookup();
  // The set being replaced lends the new one its chunk files of the same articles.
  const writeOptions = { columnarFrom: options.columnarFrom, chunkSize: options.chunkSize, previous: outDir };
  let merged: MergedEvents;
  let write: (dir: string) => WrittenLayers;
  const problemsBetween: Problem[] = [];
  if (store) {
    // Each article from the store of rendered articles (rendered as it was processed, or now
    // when the store lacked it): the merge reads only their headers, and the layers are copied
    // from their bytes.
    const layers = store;
    const stored = written.map((w) => {
      const key = basename(w.file, '.json');
      return layers.get(key) ?? layers.add(key, readEntry(w.file), shapes);
    });
    const context = await storedMergeContext(stored, layers, async () => (resources ??= await corpusResources()).gazetteer);
    lap('store');
    merged = mergeEvents(stored.flatMap((a) => a.events), context);
    write = (dir) => writeStoredLayers(stored, layers, shapes, dir, merged, writeOptions) ?? writeLayers(written, readEntry, shapes, dir, merged, writeOptions);
  } else {
    resources ??= await corpusResources();
    const gazetteer = resources.gazetteer;
    const rereads = new Set(corrections.flatMap((c) => (c.kind === 'mention' ? [c.article] : [])));
    const entries = written.map((w) => {
      const p = readEntry(w.file);
      // A corrected place reads the article's events again, which needs its date phrases.
      return { ...p, temporal: rereads.has(p.article.id) ? findTemporalExpressions(p.article, p.publication) : [] };
    });
    const corrected = applyCorrections(entries, corrections, gazetteer);
    problemsBetween.push(...corrected.problems);
    const mergedHere = mergeEvents(corrected.processed.flatMap((p) => p.events), mergeContext(corrected.processed, gazetteer, corrected));
    merged = mergedHere;
    const correctedById = new Map(corrected.processed.map((p) => [p.article.id, p]));
    const idOfFile = new Map(written.map((w) => [w.file, w.id]));
    const readCorrected = (file: string) => correctedById.get(idOfFile.get(file)!)!;
    write = (dir) => writeLayers(written, readCorrected, shapes, dir, mergedHere, writeOptions);
  }
  lap('merge');

  // Pass 2: the entries in id order, streamed out into a new set beside the output.
  const setDir = newSet(outDir);
  try {
    holdNewSet();
    const built = write(setDir);
    const report: RunReport = {
      ...summariseRun({ filesRead: stream.filesRead, processed: built.reported, readProblems: [...readProblems, ...correctionProblems, ...problemsBetween], layerProblems: built.problems }),
      distinctEvents: merged.events.length,
      ...(correctionsFile && corrections.length ? { correctionsFile: relative(process.cwd(), correctionsFile) || correctionsFile, corrections: corrections.length } : {}),
    };
    if (built.problems.length > 0) {
      writeAtomic(join(outDir, 'report.json'), `${JSON.stringify(report, null, 1)}\n`);
      throw new Error(`invalid GeoJSON, nothing but the report written:\n${built.problems.map((p) => p.message).join('\n')}`);
    }
    writeAtomic(join(setDir, 'report.json'), `${JSON.stringify(report, null, 1)}\n`);
    swapIn(setDir, outDir);
    store?.commit();
    manifest.write();
    lap('write');
    return report;
  } finally {
    dropSet(setDir);
    store?.close();
  }
}

/**
 * The merge's context from the stored headers, as `mergeContext` gives it from the articles:
 * places from the mentions (the last of each id in read order), then the gazetteer (loaded only
 * when an event names a place no mention gives), outlets, and the words counted beforehand.
 */
async function storedMergeContext(stored: StoredArticle[], store: LayerStore, gazetteer: () => Promise<Pick<Gazetteer, 'get'>>): Promise<MergeContext> {
  const places = new Map<string, Place>();
  for (const a of stored) {
    for (const ref of a.places) {
      const place = store.place(ref);
      places.set(place.id, place);
    }
  }
  const missing = stored.some((a) => a.events.some((e) => e.places.some((p) => !places.has(p.placeId))));
  const fallback = missing ? await gazetteer() : null;
  const outlets = new Map(stored.map((a) => [a.reported.article.id, a.outlet]));
  const terms = new Map(stored.map((a) => [a.reported.article.id, a.terms]));
  const sentenceTerms = new Map(stored.flatMap((a) => a.events.map((e, k) => [e.id, a.sentenceTerms?.[k]] as const)));
  return {
    placeOf: (id) => places.get(id) ?? fallback?.get(id),
    outletOf: (id) => outlets.get(id) ?? null,
    termsOf: (id) => decodeTerms(terms.get(id)),
    sentenceTermsOf: (e) => decodeTerms(sentenceTerms.get(e.id)),
  };
}

function isKnown(item: RawArticle | KnownArticle): item is KnownArticle {
  return 'key' in item;
}

/** The end-of-run summary a person reads. */
export function formatSummary(report: RunReport, outDir: string): string {
  const lines = [
    `articles read: ${report.articlesRead}, written: ${report.articlesWritten}, skipped: ${report.skipped.length}`,
    ...report.skipped.map((s) => `  skipped ${s.file}${s.articleId ? ` (${s.articleId})` : ''}: ${s.reason}`),
    `mentions: ${report.mentions}, events: ${report.events} (${report.distinctEvents ?? report.events} distinct after merging reports of one event), undated articles: ${report.undatedArticles.length}`,
    ...(report.corrections ? [`corrections applied from ${report.correctionsFile}: ${report.corrections}`] : []),
    `unresolved names: ${report.unresolved.length}${report.unresolved.length ? ` (${report.unresolved.slice(0, 10).map((u) => u.surface).join(', ')}${report.unresolved.length > 10 ? ', …' : ''})` : ''}`,
    `warnings: ${report.problems.filter((p) => p.severity === 'warning').length}`,
    `written to ${outDir}/`,
  ];
  return `${lines.join('\n')}\n`;
}

if (import.meta.url === pathToFileURL(resolve(process.argv[1] ?? '')).href) {
  const args = parseArgs(process.argv.slice(2), { flags: [], options: ['out', 'jobs', 'corrections'] });
  const inputs = args.positional.length > 0 ? args.positional : [SAMPLE_CORPUS];
  const outDir = args.options.out ?? DEFAULT_OUT;
  try {
    const report = await ingest(inputs, outDir, { ...(args.options.jobs ? { jobs: Number(args.options.jobs) } : {}), ...(args.options.corrections ? { corrections: args.options.corrections } : {}) });
    process.stderr.write(formatSummary(report, outDir));
    if (report.articlesWritten === 0) process.exitCode = 1;
  } catch (error) {
    process.stderr.write(`ingest failed: ${(error as Error).message}\n`);
    process.exitCode = 1;
  }
}

/**
 * INGEST_HOLD_NEW_SET_MS (for the kill test, test/ingest-scale.test.ts): waits that long with the
 * new set begun beside the old, so that a kill lands in the second pass however fast it writes.
 */
function holdNewSet(): void {
  const ms = Number(process.env.INGEST_HOLD_NEW_SET_MS ?? 0);
  if (ms > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
