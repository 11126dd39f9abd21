/**
 * The second pass of the ingest: cache entries in, the layer files out, one article at a time,
 * byte for byte what `buildLayers` and `JSON.stringify` of the whole would write. Only the
 * places, the shape counts, the report's few fields per article and each point's id and file
 * offset are held; the points themselves go to a scratch file in id order of their articles
 * and are copied out in the global id order at the end, so a run of 100,000 articles never
 * holds them all.
 */
import { closeSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, Point } from 'geojson';
import { articleFeatures, articleRecord, collection, compare, eventPoints, shapeFeatures, validateLayers, type GeometryLookup, type PlaceUse } from '../../src/core/layers/build-layers.ts';
import type { MergedEvents } from '../../src/core/events/merge-events.ts';
import type { Problem } from '../../src/core/model.ts';
import type { ReportedArticle } from '../../src/core/layers/run-report.ts';
import type { CachedArticle } from './ingest-cache.ts';
import { articleIndexEntry, COLUMNAR_FROM, ColumnarLayoutWriter } from './write-columnar.ts';

/** Bytes gathered before a write. */
const CHUNK = 1 << 20;

/** One processed article of the run: its id, its place in the read order and where to read it. */
export interface SpooledArticle {
  id: string;
  seq: number;
  /** The cache entry. */
  file: string;
  /** The file the article was read from. */
  source?: string;
}

/** What the pass leaves for the report: each article's reported fields, in read order, and the layers' problems. */
export interface WrittenLayers {
  reported: ReportedArticle[];
  problems: Problem[];
}

/** How a pass writes its set: the tool named in the files, from how many event features the columnar layout is written, and the set it replaces. */
export interface WriteOptions {
  tool?: string;
  /** Default COLUMNAR_FROM (tests lower it). */
  columnarFrom?: number;
  /** Articles per chunk of the columnar layout, on average (default CHUNK_SIZE; tests lower it). */
  chunkSize?: number;
  /** The data folder the new set replaces: its chunk files of the same records are linked, not written again. */
  previous?: string;
}

/**
 * Writes events, areas, routes (.geojson) into `outDir`, and below `columnarFrom` event features
 * mentions.geojson and articles.json, past it the columnar layout instead (write-columnar.ts).
 */
export function writeLayers(spooled: SpooledArticle[], read: (file: string) => CachedArticle, geometryOf: GeometryLookup, outDir: string, merged: MergedEvents, options: WriteOptions = {}): WrittenLayers {
  const tool = options.tool ?? 'conflict-map';
  const sorted = [...spooled].sort((a, b) => compare(a.id, b.id));
  const reported: ReportedArticle[] = new Array(spooled.length);
  const problems: Problem[] = [];
  const use: PlaceUse = { places: new Map(), shapes: new Map() };
  // The events layer holds each real-world event once, with its sources.
  const mergeOf = new Map(merged.merges.map((m) => [m.id, m]));
  const columnar = new ColumnarLayoutWriter(outDir, { tool, from: options.columnarFrom ?? COLUMNAR_FROM, chunkSize: options.chunkSize, previous: options.previous });
  const atScale = merged.events.reduce((n, e) => n + e.places.length, 0) >= columnar.from;
  const points = { events: new PointSpool(join(outDir, '.events.points')), ...(atScale ? {} : { mentions: new PointSpool(join(outDir, '.mentions.points')) }) };
  const articles = atScale ? null : new Output(join(outDir, 'articles.json'));
  try {
    articles?.write(`{"generated":${JSON.stringify({ tool, articles: sorted.length })},"articles":[`);
    sorted.forEach((entry, k) => {
      const p = read(entry.file);
      const features = articleFeatures(p, geometryOf, use);
      problems.push(...validateLayers({ events: collection(features.events), mentions: collection(features.mentions), areas: collection([]), routes: collection([]) }));
      for (const f of features.mentions) points.mentions?.add(f), columnar.addMention(f);
      const record = articleRecord(p);
      const bytes = Buffer.from(JSON.stringify(record));
      if (articles) articles.write(k > 0 ? ',' : ''), articles.writeBytes(bytes);
      if (atScale) columnar.addArticleEntry(articleIndexEntry(record), bytes);
      reported[entry.seq] = { article: { id: p.article.id }, publication: { published: p.publication.published }, mentions: { length: p.mentions.length }, events: { length: p.events.length }, unresolved: p.unresolved, problems: p.problems };
    });
    for (const e of merged.events) for (const f of eventPoints(e, mergeOf.get(e.id))) points.events.add(f), columnar.addEvent(f);
    problems.push(...validateLayers({ events: collection(merged.events.flatMap((e) => eventPoints(e, mergeOf.get(e.id)))), mentions: collection([]), areas: collection([]), routes: collection([]) }));
    const places = Object.fromEntries([...use.places].sort((a, b) => compare(a[0], b[0])));
    articles?.write(`],"places":${JSON.stringify(places)},"merges":${JSON.stringify(merged.merges)}}\n`);
    articles?.close();
    columnar.finish(places, merged.merges);
    const shapes = shapeFeatures(use, geometryOf);
    problems.push(...validateLayers({ events: collection([]), mentions: collection([]), ...shapes }));
    for (const [name, spool] of Object.entries(points)) spool.copySorted(join(outDir, `${name}.geojson`));
    for (const [name, layer] of Object.entries(shapes)) {
      const out = new Output(join(outDir, `${name}.geojson`));
      out.write(`${JSON.stringify(layer)}\n`);
      out.close();
    }
  } finally {
    articles?.close();
    for (const spool of Object.values(points)) spool.remove();
  }
  // Read order, as summariseRun lists problems; a gap would be an article lost between the passes.
  if (reported.some((r) => r === undefined) || reported.length !== spooled.length) throw new Error('an article was lost between the passes');
  return { reported, problems };
}

/** Points of one layer: written as they come, with their ids and offsets; copied out sorted by id. */
class PointSpool {
  #out: Output;
  #ids: string[] = [];
  #offsets: number[] = [];
  #lengths: number[] = [];
  #at = 0;

  constructor(readonly path: string) {
    this.#out = new Output(path);
  }

  add(feature: Feature<Point, { id: string }>): void {
    const json = JSON.stringify(feature);
    const bytes = Buffer.byteLength(json);
    this.#ids.push(feature.properties.id);
    this.#offsets.push(this.#at);
    this.#lengths.push(bytes);
    this.#at += bytes;
    this.#out.write(json);
  }

  /** The FeatureCollection, points in id order (ties in the order added, as a stable sort leaves them). */
  copySorted(target: string): void {
    this.#out.close();
    const ids = this.#ids;
    const order = Array.from(ids, (_, i) => i).sort((a, b) => compare(ids[a], ids[b]) || a - b);
    const input = openSync(this.path, 'r');
    const out = new Output(target);
    try {
      out.write('{"type":"FeatureCollection","features":[');
      let buffer = Buffer.alloc(1 << 16);
      order.forEach((i, k) => {
        const length = this.#lengths[i];
        if (length > buffer.length) buffer = Buffer.alloc(length);
        readSync(input, buffer, 0, length, this.#offsets[i]);
        out.write(k > 0 ? ',' : '');
        out.writeBytes(Buffer.from(buffer.subarray(0, length))); // the buffer is read into again
      });
      out.write(']}\n');
    } finally {
      closeSync(input);
      out.close();
    }
  }

  remove(): void {
    this.#out.close();
    rmSync(this.path, { force: true });
  }
}

/** A file written in large chunks. */
export class Output {
  #fd: number | null;
  #parts: Buffer[] = [];
  #size = 0;

  constructor(path: string) {
    this.#fd = openSync(path, 'w');
  }

  write(text: string): void {
    if (text) this.writeBytes(Buffer.from(text));
  }

  /** `bytes` are kept until the next flush: a buffer the caller reuses must be a copy. */
  writeBytes(bytes: Buffer): void {
    this.#parts.push(bytes);
    this.#size += bytes.length;
    if (this.#size >= CHUNK) this.#flush();
  }

  close(): void {
    if (this.#fd === null) return;
    this.#flush();
    closeSync(this.#fd);
    this.#fd = null;
  }

  #flush(): void {
    if (this.#fd === null || this.#size === 0) return;
    writeSync(this.#fd, Buffer.concat(this.#parts, this.#size));
    this.#parts = [];
    this.#size = 0;
  }
}
