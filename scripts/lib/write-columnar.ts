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
 * Articles arrive in id order and are written out chunk by chunk; event features and one point
 * per place are held until `finish`.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, Point } from 'geojson';
import { EventColumnsBuilder } from '../../src/core/layers/event-columns.ts';
import type { ArticleRecord, EventFeatureProperties, EventMerge, MentionFeatureProperties, Place } from '../../src/core/model.ts';

/** From this many event features a run writes the columnar layout too (and the app loads it). */
export const COLUMNAR_FROM = 20_000;
/** Articles per chunk file. */
export const CHUNK_SIZE = 200;
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

/** Named-place point: the latest mention's properties, and how many mentions name the place. */
type NamedPlace = Feature<Point, MentionFeatureProperties & { count: number }>;

export class ColumnarLayoutWriter {
  readonly #dir: string;
  readonly #chunkSize: number;
  readonly #tool: string;
  readonly #events = new EventColumnsBuilder();
  readonly #index: ArticleIndexEntry[] = [];
  readonly #places = new Map<string, NamedPlace>();
  #chunk: ArticleRecord[] = [];
  #chunks = 0;
  readonly #staging: string;

  /** `force`: write the layout whatever the size (`finish` decides otherwise). */
  constructor(dir: string, options: { tool?: string; chunkSize?: number; force?: boolean } = {}) {
    this.#dir = dir;
    this.#tool = options.tool ?? 'conflict-map';
    this.#chunkSize = options.chunkSize ?? CHUNK_SIZE;
    this.force = options.force ?? false;
    this.#staging = join(dir, `.${CHUNK_DIR}.new`);
    rmSync(this.#staging, { recursive: true, force: true });
    mkdirSync(this.#staging, { recursive: true });
  }

  readonly force: boolean;

  addArticle(record: ArticleRecord): void {
    const { text: _text, boilerplate: _b, sentences: _s, mentions: _m, events: _e, ...meta } = record;
    this.#index.push({ ...meta, chunk: this.#chunks });
    this.#chunk.push(record);
    if (this.#chunk.length >= this.#chunkSize) this.#flush();
  }

  addEvent(feature: Feature<Point, EventFeatureProperties>): void {
    this.#events.add(feature);
  }

  addMention(feature: Feature<Point, MentionFeatureProperties>): void {
    const p = feature.properties;
    if (!p.placeId) return;
    const seen = this.#places.get(p.placeId);
    if (!seen) this.#places.set(p.placeId, { type: 'Feature', id: p.id, geometry: feature.geometry, properties: { ...p, count: 1 } });
    else {
      const count = seen.properties.count + 1;
      if (p.day > seen.properties.day) this.#places.set(p.placeId, { type: 'Feature', id: p.id, geometry: feature.geometry, properties: { ...p, count } });
      else seen.properties.count = count;
    }
  }

  /** Whether `finish` will write the layout. */
  get columnar(): boolean {
    return this.force || this.#events.count >= COLUMNAR_FROM;
  }

  /** Writes the layout's files (or removes the staged chunks when the corpus is small). */
  finish(places: Record<string, Place>, merges?: EventMerge[]): boolean {
    const chunksDir = join(this.#dir, CHUNK_DIR);
    rmSync(chunksDir, { recursive: true, force: true });
    if (!this.columnar) {
      rmSync(this.#staging, { recursive: true, force: true });
      // A small corpus: the GeoJSON files, and a layout.json that says so (no 404 for the app to log).
      for (const f of COLUMNAR_FILES) rmSync(join(this.#dir, f), { recursive: true, force: true });
      writeFileSync(join(this.#dir, 'layout.json'), `${JSON.stringify({ layout: 'geojson', version: 1 } satisfies LayoutFile)}\n`);
      return false;
    }
    this.#flush();
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

  #flush(): void {
    if (!this.#chunk.length) return;
    writeFileSync(join(this.#staging, `${this.#chunks}.json`), `${JSON.stringify({ articles: this.#chunk })}\n`);
    this.#chunk = [];
    this.#chunks += 1;
  }
}
