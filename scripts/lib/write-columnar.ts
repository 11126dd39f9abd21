/**
 * The columnar layout of `public/data/`, for corpora past COLUMNAR_FROM event features: what the
 * app loads instead of one GeoJSON string per layer and every article's text at once.
 *
 *   layout.json          {"layout":"columnar", ...}: the app reads the files it names
 *   events.bin           every event feature in columns (src/core/layers/event-columns.ts)
 *   articles-index.json  each article's metadata and its chunk, the places and the merges
 *   articles/<n>.json    the full records (text, spans) of CHUNK_SIZE articles, fetched when read
 *   named-places.geojson one point per mentioned place, with its count (the map's mention layer)
 *
 * The GeoJSON layers and articles.json are still written beside them (export, other tools).
 * Articles arrive in id order, go to a scratch file, and are written out at `finish` in chunks
 * of publication order (the index keeps id order); event features and one point per place are
 * held until then.
 */
import { closeSync, mkdirSync, openSync, readSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, Point } from 'geojson';
import { EventColumnsBuilder } from '../../src/core/layers/event-columns.ts';
import type { ArticleRecord, EventFeatureProperties, EventMerge, MentionFeatureProperties, Place } from '../../src/core/model.ts';

/** From this many event features a run writes the columnar layout too (and the app loads it). */
export const COLUMNAR_FROM = 20_000;
/** Articles per chunk file. */
export const CHUNK_SIZE = 200;
const COMMA = Buffer.from(',');
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
  chunkSize: number;
  mentions: string;
  /** Event features in events.bin. */
  count: number;
}

/** An article of `articles-index.json`: its record less the text and spans, and its chunk. */
export type ArticleIndexEntry = Omit<ArticleRecord, 'text' | 'boilerplate' | 'sentences' | 'mentions' | 'events'> & { chunk: number };

/** Named-place point: what the map and the reader use of the latest mention, and how many mentions name the place. */
type NamedPlace = Feature<Point, Pick<MentionFeatureProperties, 'id' | 'articleId' | 'placeId' | 'placeName' | 'start' | 'end' | 'day'> & { count: number }>;

function named(feature: Feature<Point, MentionFeatureProperties>, count: number): NamedPlace {
  const { id, articleId, placeId, placeName, start, end, day } = feature.properties;
  return { type: 'Feature', id, geometry: feature.geometry, properties: { id, articleId, placeId, placeName, start, end, day, count } };
}

export class ColumnarLayoutWriter {
  readonly #dir: string;
  readonly #chunkSize: number;
  readonly #tool: string;
  readonly #events = new EventColumnsBuilder();
  readonly #index: ArticleIndexEntry[] = [];
  readonly #places = new Map<string, NamedPlace>();
  /** The records of the chunk being gathered, as JSON. */
  #chunk: Buffer[] = [];
  #chunks = 0;
  readonly #staging: string;
  readonly #spoolFile: string;
  readonly #spool: Array<{ offset: number; length: number }> = [];
  #spooled = 0;
  #spoolFd: number | null = null;

  /** `force`: write the layout whatever the size; `from`: from how many event features (default COLUMNAR_FROM; `finish` decides). */
  constructor(dir: string, options: { tool?: string; chunkSize?: number; force?: boolean; from?: number } = {}) {
    this.#dir = dir;
    this.#tool = options.tool ?? 'conflict-map';
    this.#chunkSize = options.chunkSize ?? CHUNK_SIZE;
    this.force = options.force ?? false;
    this.from = options.from ?? COLUMNAR_FROM;
    this.#staging = join(dir, `.${CHUNK_DIR}.new`);
    rmSync(this.#staging, { recursive: true, force: true });
    mkdirSync(this.#staging, { recursive: true });
    this.#spoolFile = join(this.#staging, '.spool');
    this.#spoolFd = openSync(this.#spoolFile, 'w');
  }

  readonly force: boolean;
  readonly from: number;

  /**
   * Articles are spooled to a scratch file as they come and written out in date order at
   * `finish`; `bytes`, when given, are the record as JSON.stringify writes it (the ingest's
   * store has them), spooled and copied as they are.
   */
  addArticle(record: ArticleRecord, bytes: Buffer = Buffer.from(JSON.stringify(record))): void {
    const { text: _text, boilerplate: _b, sentences: _s, mentions: _m, events: _e, ...meta } = record;
    this.#index.push({ ...meta, chunk: -1 });
    this.#spool.push({ offset: this.#spooled, length: bytes.length });
    this.#spooled += bytes.length;
    writeSync(this.#spoolFd!, bytes);
  }

  addEvent(feature: Feature<Point, EventFeatureProperties>): void {
    this.#events.add(feature);
  }

  addMention(feature: Feature<Point, MentionFeatureProperties>): void {
    const p = feature.properties;
    if (!p.placeId) return;
    const seen = this.#places.get(p.placeId);
    if (!seen) this.#places.set(p.placeId, named(feature, 1));
    else if (p.day > seen.properties.day) this.#places.set(p.placeId, named(feature, seen.properties.count + 1));
    else seen.properties.count += 1;
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
    rmSync(this.#spoolFile, { force: true });
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
      mentions: 'named-places.geojson',
      count: this.#events.count,
    };
    writeFileSync(join(this.#dir, 'layout.json'), `${JSON.stringify(layout, null, 1)}\n`);
    return true;
  }

  /**
   * The chunks, articles in publication order (then id; undated last): a time window's events
   * come from few articles' chunks, so the list and the reader fetch few files.
   */
  #writeChunks(): void {
    const order = this.#index.map((_, i) => i).sort((a, b) => {
      const da = this.#index[a].publishedDay ?? Infinity;
      const db = this.#index[b].publishedDay ?? Infinity;
      return da !== db ? (da < db ? -1 : 1) : a - b;
    });
    if (this.#spoolFd !== null) closeSync(this.#spoolFd);
    this.#spoolFd = null;
    const fd = openSync(this.#spoolFile, 'r');
    try {
      for (const i of order) {
        const { offset, length } = this.#spool[i];
        const buffer = Buffer.alloc(length);
        readSync(fd, buffer, 0, length, offset);
        this.#index[i].chunk = this.#chunks;
        this.#chunk.push(buffer);
        if (this.#chunk.length >= this.#chunkSize) this.#flush();
      }
    } finally {
      closeSync(fd);
    }
    this.#flush();
  }

  #flush(): void {
    if (!this.#chunk.length) return;
    // What JSON.stringify({ articles }) writes, from each record's own JSON.
    const parts: Buffer[] = [Buffer.from('{"articles":[')];
    this.#chunk.forEach((b, k) => parts.push(...(k > 0 ? [COMMA, b] : [b])));
    parts.push(Buffer.from(']}\n'));
    writeFileSync(join(this.#staging, `${this.#chunks}.json`), Buffer.concat(parts));
    this.#chunk = [];
    this.#chunks += 1;
  }
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
