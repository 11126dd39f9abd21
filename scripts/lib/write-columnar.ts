/**
 * The columnar layout of `public/data/`, for corpora past COLUMNAR_FROM event features: what the
 * app loads instead of one GeoJSON string per layer and every article's text at once.
 *
 *   layout.json          {"layout":"columnar", ...}: the app reads the files it names
 *   events.bin           every event feature in columns (src/core/layers/event-columns.ts)
 *   articles-index.json  each article's metadata and its chunk, the places and the merges
 *   articles/<name>.json the full records (text, spans) of about CHUNK_SIZE articles, fetched when read
 *   named-places.geojson one point per mentioned place, with its count (the map's mention layer)
 *
 * Beside them the ingest writes events.geojson, areas.geojson and routes.geojson; articles.json
 * and mentions.geojson would only repeat the chunks and the index (`npm run export` rebuilds
 * GeoJSON from these files). Articles arrive in id order, go to a scratch file (or stay where
 * the caller keeps them: the ingest's store), and are written out at `finish` in chunks of
 * publication order (the index keeps id order), a chunk the previous set holds linked, not
 * written; event features and one point per place are held until then.
 */
import { createHash } from 'node:crypto';
import { closeSync, linkSync, mkdirSync, openSync, readSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, Point } from 'geojson';
import { EventColumnsBuilder } from '../../src/core/layers/event-columns.ts';
import { fnv1a } from '../../src/core/common/hash.ts';
import type { ArticleRecord, EventFeatureProperties, EventMerge, MentionFeatureProperties, Place } from '../../src/core/model.ts';

/** From this many event features a run writes the columnar layout too (and the app loads it). */
export const COLUMNAR_FROM = 20_000;
/** Articles per chunk file. */
export const CHUNK_SIZE = 200;
const COMMA = Buffer.from(',');
const CHUNK_HEAD = Buffer.from('{"articles":[');
const CHUNK_TAIL = Buffer.from(']}\n');
/** Bump when what a chunk file holds for the same records changes (its name then changes too). */
const CHUNK_FORMAT = 1;
/** The folder of chunk files under the data folder. */
export const CHUNK_DIR = 'articles';

/** Files and folders of the columnar layout: a later, smaller run must not carry them over. */
export const COLUMNAR_FILES = ['layout.json', 'events.bin', 'articles-index.json', 'named-places.geojson', CHUNK_DIR] as const;

/** What `layout.json` says: the GeoJSON files (small corpora), or the columnar layout's files. */
export type LayoutFile = { layout: 'geojson'; version: 1 } | ColumnarLayoutFile;

export interface ColumnarLayoutFile {
  layout: 'columnar';
  version: 1;
  events: string;
  articles: string;
  chunks: string;
  /** Articles per chunk, on average (a chunk holds up to twice as many). */
  chunkSize: number;
  /** The chunk files under `chunks`, in order: an index entry's `chunk` is a place in this list. */
  chunkFiles: string[];
  mentions: string;
  /** Event features in events.bin. */
  count: number;
}

/** An article of `articles-index.json`: its record less the text and spans, and its chunk. */
export type ArticleIndexEntry = Omit<ArticleRecord, 'text' | 'boilerplate' | 'sentences' | 'mentions' | 'events'> & { chunk: number };

/** An article's entry in the index (its chunk still to be set). */
export function articleIndexEntry(record: ArticleRecord): Omit<ArticleIndexEntry, 'chunk'> {
  const { text: _text, boilerplate: _b, sentences: _s, mentions: _m, events: _e, ...meta } = record;
  return meta;
}

/** Named-place point: what the map and the reader use of the latest mention, and how many mentions name the place. */
export type NamedPlace = Feature<Point, Pick<MentionFeatureProperties, 'id' | 'articleId' | 'placeId' | 'placeName' | 'start' | 'end' | 'day'> & { count: number }>;

function named(feature: Feature<Point, MentionFeatureProperties>, count: number): NamedPlace {
  const { id, articleId, placeId, placeName, start, end, day } = feature.properties;
  return { type: 'Feature', id, geometry: feature.geometry, properties: { id, articleId, placeId, placeName, start, end, day, count } };
}

/**
 * One article's named places, as `addNamedPlaces` takes them: per place, its latest mention
 * (the first of the latest day, in the order given) and how many mentions name it. Folding
 * articles' summaries in article order gives what adding each mention in that order gives
 * (the first of the latest day overall wins; the counts add up).
 */
export function namedPlacesOf(mentions: Iterable<Feature<Point, MentionFeatureProperties>>): NamedPlace[] {
  const places = new Map<string, NamedPlace>();
  for (const f of mentions) foldNamed(places, f.properties.placeId, () => named(f, 1), f.properties.day, 1);
  return [...places.values()];
}

function foldNamed(places: Map<string, NamedPlace>, placeId: string | undefined | null, make: () => NamedPlace, day: number, count: number): void {
  if (!placeId) return;
  const seen = places.get(placeId);
  if (!seen) places.set(placeId, make());
  else if (day > seen.properties.day) {
    const latest = make();
    latest.properties.count = seen.properties.count + count;
    places.set(placeId, latest);
  } else seen.properties.count += count;
}

export class ColumnarLayoutWriter {
  readonly #dir: string;
  readonly #chunkSize: number;
  readonly #tool: string;
  readonly #events = new EventColumnsBuilder();
  readonly #index: ArticleIndexEntry[] = [];
  readonly #places = new Map<string, NamedPlace>();
  /** The chunk files written, in order (the index's `chunk` numbers them). */
  readonly #chunkFiles: string[] = [];
  readonly #staging: string;
  readonly #previous: string | null;
  readonly #spoolFile: string;
  /** Per article: its record's length and digest, and where its bytes are (the scratch file, or a reader of the caller's). */
  readonly #records: Array<{ length: number; digest: string; offset: number; read?: () => Buffer }> = [];
  #spooled = 0;
  #spoolFd: number | null = null;

  /**
   * `force`: write the layout whatever the size; `from`: from how many event features (default
   * COLUMNAR_FROM; `finish` decides); `previous`: the data folder this one replaces, whose chunk
   * files of the same records are linked rather than written again.
   */
  constructor(dir: string, options: { tool?: string; chunkSize?: number; force?: boolean; from?: number; previous?: string } = {}) {
    this.#dir = dir;
    this.#tool = options.tool ?? 'conflict-map';
    this.#chunkSize = options.chunkSize ?? CHUNK_SIZE;
    this.force = options.force ?? false;
    this.from = options.from ?? COLUMNAR_FROM;
    this.#previous = options.previous ?? null;
    this.#staging = join(dir, `.${CHUNK_DIR}.new`);
    rmSync(this.#staging, { recursive: true, force: true });
    mkdirSync(this.#staging, { recursive: true });
    this.#spoolFile = join(this.#staging, '.spool');
  }

  readonly force: boolean;
  readonly from: number;

  /** Articles are spooled to a scratch file as they come and written out in date order at `finish`. */
  addArticle(record: ArticleRecord): void {
    this.addArticleEntry(articleIndexEntry(record), Buffer.from(JSON.stringify(record)));
  }

  /** An article by its index entry and its record as JSON.stringify writes it (spooled and copied as it is). */
  addArticleEntry(entry: Omit<ArticleIndexEntry, 'chunk'>, bytes: Buffer): void {
    this.#index.push({ ...entry, chunk: -1 });
    this.#records.push({ length: bytes.length, digest: recordDigest(bytes), offset: this.#spooled });
    this.#spooled += bytes.length;
    this.#spoolFd ??= openSync(this.#spoolFile, 'w');
    writeSync(this.#spoolFd, bytes);
  }

  /**
   * An article whose record the caller can read again (the ingest's store): its index entry, the
   * record's length and `recordDigest`, and a reader of its bytes, called only if its chunk is
   * written rather than linked.
   */
  addArticleSource(entry: Omit<ArticleIndexEntry, 'chunk'>, length: number, digest: string, read: () => Buffer): void {
    this.#index.push({ ...entry, chunk: -1 });
    this.#records.push({ length, digest, offset: -1, read });
  }

  addEvent(feature: Feature<Point, EventFeatureProperties>): void {
    this.#events.add(feature);
  }

  addMention(feature: Feature<Point, MentionFeatureProperties>): void {
    foldNamed(this.#places, feature.properties.placeId, () => named(feature, 1), feature.properties.day, 1);
  }

  /** An article's named places (`namedPlacesOf` its mentions), in the place of adding each of its mentions. */
  addNamedPlaces(summary: NamedPlace[]): void {
    for (const s of summary) foldNamed(this.#places, s.properties.placeId, () => ({ ...s, properties: { ...s.properties } }), s.properties.day, s.properties.count);
  }

  /** Whether `finish` will write the layout. */
  get columnar(): boolean {
    return this.force || this.#events.count >= this.from;
  }

  /** Writes the layout's files (or removes the staged chunks when the corpus is small). */
  finish(places: Record<string, Place>, merges?: EventMerge[]): boolean {
    const chunksDir = join(this.#dir, CHUNK_DIR);
    rmSync(chunksDir, { recursive: true, force: true });
    if (!this.columnar) {
      if (this.#spoolFd !== null) closeSync(this.#spoolFd);
      this.#spoolFd = null;
      rmSync(this.#staging, { recursive: true, force: true });
      // A small corpus: the GeoJSON files, and a layout.json that says so (no 404 for the app to log).
      for (const f of COLUMNAR_FILES) rmSync(join(this.#dir, f), { recursive: true, force: true });
      writeFileSync(join(this.#dir, 'layout.json'), `${JSON.stringify({ layout: 'geojson', version: 1 } satisfies LayoutFile)}\n`);
      return false;
    }
    this.#writeChunks();
    renameSync(this.#staging, chunksDir);
    writeFileSync(join(this.#dir, 'events.bin'), this.#events.finish());
    const index = { generated: { tool: this.#tool, articles: this.#index.length }, chunkSize: this.#chunkSize, articles: this.#index, places, ...(merges ? { merges } : {}) };
    writeFileSync(join(this.#dir, 'articles-index.json'), `${JSON.stringify(index)}\n`);
    const named = [...this.#places.values()].sort((a, b) => (a.properties.placeId < b.properties.placeId ? -1 : 1));
    writeFileSync(join(this.#dir, 'named-places.geojson'), `${JSON.stringify({ type: 'FeatureCollection', features: named })}\n`);
    const layout: LayoutFile = {
      layout: 'columnar',
      version: 1,
      events: 'events.bin',
      articles: 'articles-index.json',
      chunks: `${CHUNK_DIR}/`,
      chunkSize: this.#chunkSize,
      chunkFiles: this.#chunkFiles,
      mentions: 'named-places.geojson',
      count: this.#events.count,
    };
    writeFileSync(join(this.#dir, 'layout.json'), `${JSON.stringify(layout, null, 1)}\n`);
    return true;
  }

  /**
   * The chunks, articles in publication order (then id; undated last): a time window's events
   * come from few articles' chunks, so the list and the reader fetch few files. A chunk ends
   * after an article whose id hashes to 0 modulo the chunk size (or at twice the size), so an
   * added article changes its own chunk only; a chunk is named by the digests of its records,
   * and one the previous data folder holds (same name, same size) is linked from there.
   */
  #writeChunks(): void {
    const order = this.#index.map((_, i) => i).sort((a, b) => {
      const da = this.#index[a].publishedDay ?? Infinity;
      const db = this.#index[b].publishedDay ?? Infinity;
      return da !== db ? (da < db ? -1 : 1) : a - b;
    });
    if (this.#spoolFd !== null) closeSync(this.#spoolFd);
    this.#spoolFd = null;
    const spool = this.#spooled > 0 ? openSync(this.#spoolFile, 'r') : null;
    try {
      let chunk: number[] = [];
      order.forEach((i, k) => {
        chunk.push(i);
        const last = k === order.length - 1 || fnv1a(this.#index[i].id) % this.#chunkSize === 0 || chunk.length >= 2 * this.#chunkSize;
        if (!last) return;
        this.#writeChunk(chunk, spool);
        chunk = [];
      });
    } finally {
      if (spool !== null) closeSync(spool);
      rmSync(this.#spoolFile, { force: true });
    }
  }

  #writeChunk(members: number[], spool: number | null): void {
    const records = members.map((i) => this.#records[i]);
    const name = `${createHash('sha256').update(`chunk ${CHUNK_FORMAT}\n`).update(records.map((r) => r.digest).join('\n')).digest('hex').slice(0, 20)}.json`;
    for (const i of members) this.#index[i].chunk = this.#chunkFiles.length;
    this.#chunkFiles.push(name);
    // What JSON.stringify({ articles }) writes, from each record's own JSON.
    const size = CHUNK_HEAD.length + records.reduce((n, r) => n + r.length, 0) + (records.length - 1) + CHUNK_TAIL.length;
    const target = join(this.#staging, name);
    if (this.#previous) {
      const old = join(this.#previous, CHUNK_DIR, name);
      try {
        if (statSync(old).size === size) return linkSync(old, target);
      } catch {
        // Not there (or not linkable): written below.
      }
    }
    const parts: Buffer[] = [CHUNK_HEAD];
    records.forEach((r, k) => {
      if (k > 0) parts.push(COMMA);
      if (r.read) parts.push(r.read());
      else {
        const buffer = Buffer.allocUnsafe(r.length);
        readSync(spool!, buffer, 0, r.length, r.offset);
        parts.push(buffer);
      }
    });
    parts.push(CHUNK_TAIL);
    writeFileSync(target, Buffer.concat(parts));
  }
}

/** A record's digest, as chunk names are made of (hex sha-256, shortened). */
export function recordDigest(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 20);
}

/**
 * Writes the columnar layout of layers held whole (the synthetic data, a converted fixture):
 * the same files an ingest past COLUMNAR_FROM writes. `force` writes it whatever the size.
 */
export function writeColumnarLayout(
  dir: string,
  layers: { events: Array<Feature<Point, EventFeatureProperties>>; mentions: Array<Feature<Point, MentionFeatureProperties>>; articles: ArticleRecord[]; places: Record<string, Place>; merges?: EventMerge[] },
  options: { tool?: string; chunkSize?: number; force?: boolean } = {},
): boolean {
  const writer = new ColumnarLayoutWriter(dir, options);
  if (options.force || layers.events.length >= COLUMNAR_FROM) {
    for (const a of [...layers.articles].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))) writer.addArticle(a);
    for (const f of layers.events) writer.addEvent(f);
    for (const f of layers.mentions) writer.addMention(f);
  }
  return writer.finish(layers.places, layers.merges);
}
