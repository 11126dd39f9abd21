/**
 * The ingest at scale, on a seeded corpus of real news paragraphs (scripts/lib/scale-corpus.ts)
 * in a temporary folder: a run that adds, changes and removes articles of a cached corpus
 * processes only the new and changed ones and writes byte for byte what a full run writes (with
 * workers or without), and the store of rendered articles writes what the one-piece
 * `buildLayers` writes; and a run killed with
 * SIGKILL, in its first pass or while it writes the new set, leaves the previous set whole, and
 * the next run leaves nothing of it behind.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../scripts/ingest.ts';
import { makeScaleCorpus } from '../scripts/lib/scale-corpus.ts';
import { loadResources } from '../scripts/lib/load-resources.ts';
import { readArticles } from '../scripts/lib/read-articles.ts';
import { SHAPES_PATH } from '../scripts/lib/load-gazetteer.ts';
import { processArticle } from '../src/core/process-article.ts';
import { mergeEvents } from '../src/core/events/merge-events.ts';
import { mergeContext } from '../src/core/events/corrections.ts';
import { buildLayers } from '../src/core/layers/build-layers.ts';
import type { GazetteerShapes } from '../src/core/places/gazetteer.ts';
import type { RunReport } from '../src/core/model.ts';

let root: string;
const FIRST = 400;
const ADDED = 40;
/** Articles of the columnar case: enough for the run to start its workers (more than IN_THREAD new articles). */
const COLUMNAR_ARTICLES = 300;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'ingest-scale-'));
  // The killed runs' corpus: the first file, and a second of articles new to its cache.
  makeScaleCorpus(join(root, 'corpus'), FIRST, { seed: 3 });
  makeScaleCorpus(join(root, 'corpus'), ADDED, { seed: 3, first: FIRST });
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Every file of a folder, name → content. */
function files(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}

/** Every file below a folder, path → bytes (base64). */
function tree(dir: string): Record<string, string> {
  return Object.fromEntries((readdirSync(dir, { recursive: true }) as string[]).sort().filter((f) => !statSync(join(dir, f)).isDirectory()).map((f) => [f, readFileSync(join(dir, f)).toString('base64')]));
}

describe('incremental ingest', () => {
  it('processes only the added and changed articles and writes what a full run writes, one that drops an article too', async () => {
    const corpus = join(root, 'corpus-incremental');
    makeScaleCorpus(corpus, FIRST, { seed: 3 });
    // Written a minute ago: the next run may trust their size and time (see file-manifest.ts).
    const aMinuteAgo = () => {
      const then = new Date(Date.now() - 60_000);
      for (const f of readdirSync(corpus)) utimesSync(join(corpus, f), then, then);
    };
    aMinuteAgo();
    const cache = join(root, 'cache-incremental');
    const first = { processed: 0, cached: 0 };
    await ingest([corpus], join(root, 'incremental'), { cacheDir: cache, jobs: 2, stats: first });
    expect(first).toEqual({ processed: FIRST, cached: 0 });

    // Articles added in a new file, one changed and one removed in the first.
    makeScaleCorpus(corpus, ADDED, { seed: 3, first: FIRST });
    aMinuteAgo();
    const part = join(corpus, 'scale-part-0000.jsonl');
    const lines = readFileSync(part, 'utf8').trimEnd().split('\n');
    const changed = JSON.parse(lines[7]) as { text: string };
    changed.text += '\n\nOn Monday, shelling hit Aleppo, killing four civilians.';
    lines[7] = JSON.stringify(changed);
    lines.splice(11, 1);
    writeFileSync(part, `${lines.join('\n')}\n`);
    const added = { processed: 0, cached: 0, unread: 0 };
    await ingest([corpus], join(root, 'incremental'), { cacheDir: cache, jobs: 1, stats: added });
    // The changed file is read again (its size and time differ), the new one read for the first time.
    expect(added).toEqual({ processed: ADDED + 1, cached: FIRST - 2, unread: 0 });

    const full = { processed: 0, cached: 0 };
    await ingest([corpus], join(root, 'full'), { cacheDir: join(root, 'cache-full'), jobs: 2, stats: full });
    expect(full).toEqual({ processed: FIRST - 1 + ADDED, cached: 0 });
    const expected = files(join(root, 'full'));
    expect(Object.keys(expected)).toEqual(['areas.geojson', 'articles.json', 'events.geojson', 'layout.json', 'mentions.geojson', 'report.json', 'routes.geojson']);
    expect(files(join(root, 'incremental'))).toEqual(expected);
    const report = JSON.parse(expected['report.json']) as RunReport;
    expect(report.articlesWritten).toBe(FIRST - 1 + ADDED);
    expect(report.distinctEvents).toBeLessThan(report.events);

    // The same again, nothing to process or render, and no file read: the manifest and the store alone.
    aMinuteAgo();
    await ingest([corpus], join(root, 'incremental'), { cacheDir: cache, jobs: 1 });
    const again = { processed: 0, cached: 0, unread: 0 };
    await ingest([corpus], join(root, 'incremental'), { cacheDir: cache, jobs: 1, stats: again });
    expect(again).toEqual({ processed: 0, cached: FIRST - 1 + ADDED, unread: 2 });
    expect(files(join(root, 'incremental'))).toEqual(expected);

    // A file changed again, its size kept: its time tells, and it is read.
    const kept = readFileSync(part, 'utf8');
    writeFileSync(part, kept.replace('"outlet":"Wire Service"', '"outlet":"Wire-Service"'));
    expect(readFileSync(part, 'utf8')).not.toBe(kept);
    const touched = { processed: 0, cached: 0, unread: 0 };
    await ingest([corpus], join(root, 'incremental'), { cacheDir: cache, jobs: 1, stats: touched });
    expect(touched.unread).toBe(1);
    expect(touched.processed).toBeGreaterThan(0);
    await ingest([corpus], join(root, 'full'), { cacheDir: join(root, 'cache-full'), jobs: 1 });
    expect(files(join(root, 'incremental'))).toEqual(files(join(root, 'full')));
  }, 300_000);

  it('writes from the store what the one-piece buildLayers writes, ids that begin others included', async () => {
    const corpus = join(root, 'corpus-prefix');
    makeScaleCorpus(corpus, 200, { seed: 5, prefix: 'p' });
    // "p-0000001" begins "p-0000001:b" and "p-00000012": the mention points need the global sort.
    const lines = readFileSync(join(corpus, 'p-part-0000.jsonl'), 'utf8').trimEnd().split('\n');
    const resources = await loadResources();
    // Copies of two articles that tell events, so that their reports merge with the originals'.
    const { articles: originals } = await readArticles([corpus]);
    const tells = new Set(originals.filter((a) => processArticle(a, resources).events.some((e) => e.places.length > 0)).map((a) => a.id));
    const telling = lines.filter((l) => tells.has((JSON.parse(l) as { id: string }).id)).slice(0, 2);
    expect(telling).toHaveLength(2);
    const copy = (line: string, id: string) => JSON.stringify({ ...(JSON.parse(line) as object), id });
    writeFileSync(join(corpus, 'p-part-0001.jsonl'), `${[copy(telling[0], 'p-0000001:b'), copy(telling[1], 'p-00000012')].join('\n')}\n`);
    const out = join(root, 'prefix');
    await ingest([corpus], out, { cacheDir: join(root, 'cache-prefix'), jobs: 1 });
    await ingest([corpus], out, { cacheDir: join(root, 'cache-prefix'), jobs: 1 });

    const { articles } = await readArticles([corpus]);
    const processed = articles.map((a) => processArticle(a, resources));
    const merged = mergeEvents(processed.flatMap((p) => p.events), mergeContext(processed, resources.gazetteer));
    const shapes = (JSON.parse(readFileSync(SHAPES_PATH, 'utf8')) as GazetteerShapes).geometries;
    const built = buildLayers(processed, (id) => shapes[id], undefined, merged);
    expect(built.problems).toEqual([]);
    const written = files(out);
    for (const [name, layer] of Object.entries(built.layers)) expect(written[`${name}.geojson`], name).toBe(`${JSON.stringify(layer)}\n`);
    expect(written['articles.json']).toBe(`${JSON.stringify(built.articles)}\n`);
    expect(built.layers.mentions.features.length).toBeGreaterThan(100);
    expect(merged.merges.length).toBeGreaterThan(0);
  }, 300_000);
});

describe('the columnar layout at scale', () => {
  it('is written from the store of rendered articles as the one-piece writer writes it', async () => {
    const corpus = join(root, 'corpus-columnar');
    makeScaleCorpus(corpus, COLUMNAR_ARTICLES, { seed: 7 });
    const cacheDir = join(root, 'cache-columnar');
    // The layout from one event feature on and chunks of 8 articles on average (a real run:
    // COLUMNAR_FROM and CHUNK_SIZE), by the store path, the articles rendered by two workers as
    // they process them…
    const scale = { columnarFrom: 1, chunkSize: 8 };
    const first = { processed: 0, cached: 0, renderedInWorkers: 0 };
    await ingest([corpus], join(root, 'columnar-store'), { cacheDir, jobs: 2, stats: first, ...scale });
    expect(first).toEqual({ processed: COLUMNAR_ARTICLES, cached: 0, renderedInWorkers: COLUMNAR_ARTICLES });
    // …and by the one-piece writer, which a corrections file (here one that matches nothing) takes.
    const noop = join(root, 'noop-corrections.json');
    writeFileSync(noop, JSON.stringify([{ kind: 'separate', events: ['nowhere#1', 'nowhere#2'] }]));
    await ingest([corpus], join(root, 'columnar-one-piece'), { cacheDir, jobs: 1, corrections: noop, ...scale });
    const store = tree(join(root, 'columnar-store'));
    const onePiece = tree(join(root, 'columnar-one-piece'));
    const chunkFiles = (dir: string) => (JSON.parse(readFileSync(join(root, dir, 'layout.json'), 'utf8')) as { chunkFiles: string[] }).chunkFiles;
    const chunks = chunkFiles('columnar-store');
    expect(chunks.length).toBeGreaterThan(4);
    // Past COLUMNAR_FROM: no articles.json or mentions.geojson, which would repeat the chunks and the index.
    const layout = Object.keys(store).filter((f) => f !== 'report.json');
    expect(layout.sort()).toEqual(['areas.geojson', 'articles-index.json', ...chunks.map((c) => join('articles', c)), 'events.bin', 'events.geojson', 'layout.json', 'named-places.geojson', 'routes.geojson'].sort());
    expect(Object.keys(onePiece).filter((f) => f !== 'report.json').sort()).toEqual(layout);
    for (const f of layout) expect(store[f], f).toBe(onePiece[f]);
    expect(JSON.parse(Buffer.from(store['layout.json'], 'base64').toString('utf8'))).toMatchObject({ layout: 'columnar' });
    // …and again with one article changed: every other article taken from the store, that one
    // rendered in this thread; the chunks it is not in are linked from the set replaced.
    const inode = (dir: string, chunk: string) => statSync(join(root, dir, 'articles', chunk)).ino;
    const inodes = new Map(chunks.map((c) => [c, inode('columnar-store', c)]));
    const part = join(corpus, 'scale-part-0000.jsonl');
    const lines = readFileSync(part, 'utf8').trimEnd().split('\n');
    const changed = JSON.parse(lines[3]) as { text: string };
    lines[3] = JSON.stringify({ ...changed, text: `${changed.text} Fighting was reported in Kherson on Monday.` });
    writeFileSync(part, `${lines.join('\n')}\n`);
    const again = { processed: 0, cached: 0 };
    await ingest([corpus], join(root, 'columnar-store'), { cacheDir, jobs: 1, stats: again, ...scale });
    expect(again).toEqual({ processed: 1, cached: COLUMNAR_ARTICLES - 1 });
    await ingest([corpus], join(root, 'columnar-one-piece'), { cacheDir, jobs: 1, corrections: noop, ...scale });
    const storeAgain = tree(join(root, 'columnar-store'));
    const onePieceAgain = tree(join(root, 'columnar-one-piece'));
    expect(storeAgain['named-places.geojson']).not.toBe(store['named-places.geojson']);
    expect(Object.keys(storeAgain).sort()).toEqual(Object.keys(onePieceAgain).sort());
    for (const f of Object.keys(storeAgain).filter((k) => k !== 'report.json')) expect(storeAgain[f], f).toBe(onePieceAgain[f]);
    const chunksAgain = chunkFiles('columnar-store');
    const kept = chunksAgain.filter((c) => inodes.has(c));
    expect(chunksAgain.length - kept.length).toBe(1);
    for (const c of kept) expect(inode('columnar-store', c), c).toBe(inodes.get(c));
  }, 300_000);
});

describe('a killed ingest', () => {
  /** Starts the ingest in a child process and kills it with SIGKILL once `when` holds (checked every 20 ms). */
  function killWhen(out: string, cache: string, when: () => boolean, env: Record<string, string> = {}): Promise<string> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/ingest.ts', join(root, 'corpus'), '--out', out], {
        env: { ...process.env, INGEST_CACHE_DIR: cache, ...env },
        stdio: 'ignore',
      });
      const timer = setInterval(() => {
        if (when()) child.kill('SIGKILL');
      }, 20);
      child.on('exit', (code, signal) => {
        clearInterval(timer);
        resolve(signal ?? `exit ${code}`);
      });
      child.on('error', reject);
    });
  }

  it('leaves the previous set whole, in either pass, and the next run cleans up', async () => {
    const out = join(root, 'sets', 'data');
    const cache = join(root, 'cache-kill');
    // The previous set: the corpus's first file.
    await ingest([join(root, 'corpus', 'scale-part-0000.jsonl')], out, { cacheDir: cache, jobs: 1 });
    const previous = files(out);
    const leftovers = () => readdirSync(join(root, 'sets')).filter((f) => f !== 'data');

    // In the first pass: new articles being processed into the cache.
    const cacheEntries = () => (existsSync(cache) ? readdirSync(cache, { recursive: true }).length : 0);
    const before = cacheEntries();
    expect(await killWhen(out, cache, () => cacheEntries() > before + 20)).toBe('SIGKILL');
    expect(files(out)).toEqual(previous);

    // In the second pass: the new set being written beside the old (everything cached, so it gets
    // there quickly; it is written in milliseconds, so the run holds it open for the kill to land).
    await ingest([join(root, 'corpus')], join(root, 'warm'), { cacheDir: cache, jobs: 2 });
    expect(await killWhen(out, cache, () => leftovers().some((f) => f.includes('.new-')), { INGEST_HOLD_NEW_SET_MS: '5000' })).toBe('SIGKILL');
    expect(leftovers().length).toBeGreaterThan(0);
    expect(files(out)).toEqual(previous);

    // The next run swaps its set in and leaves no temporary folder or file.
    await ingest([join(root, 'corpus')], out, { cacheDir: cache, jobs: 1 });
    expect(files(out)).toEqual(files(join(root, 'warm')));
    expect(leftovers()).toEqual([]);
    const tmp = readdirSync(cache).flatMap((version) => readdirSync(join(cache, version, '.tmp')));
    expect(tmp).toEqual([]);
    // The store of rendered articles: its index and the segments it names, nothing a dead run began.
    for (const version of readdirSync(cache)) {
      for (const store of readdirSync(join(cache, version)).filter((f) => f.startsWith('store-'))) {
        const index = JSON.parse(readFileSync(join(cache, version, store, 'index.json'), 'utf8')) as { segments: string[] };
        expect(readdirSync(join(cache, version, store)).sort()).toEqual([...index.segments, 'index.json'].sort());
      }
    }
  }, 300_000);
});
