/**
 * The ingest's store of rendered articles, so that a run over a corpus that differs from the
 * last by a few articles renders only those and copies the rest as bytes. For each article (by
 * its cache key, scripts/lib/ingest-cache.ts) it keeps what the layers need of it, rendered:
 *   - a header, read on every run: the report's fields, the outlet, the events, the words the
 *     merge compares (counted), the places and shapes the article names, the byte lengths of
 *     its blocks;
 *   - a body, copied into the output: its articles.json record, its mention points (sorted by
 *     id, joined), each event's points (as the events layer has them when the event is told
 *     once), the mention points' ids, for the rare corpus whose ids need a global sort, and
 *     what the columnar layout takes of it (its index entry, its named places).
 * Articles are rendered by `renderArticle`, a pure function the ingest's workers run as they
 * process; the store numbers their places and appends their bytes.
 * Articles are appended to segment files (`seg-<pid>-<n>.bin`); `index.json` maps each key to
 * its segment, offset and lengths, and holds the table of distinct places the headers refer
 * to. A run writes a new segment for what it rendered and a new index (renamed into place), and
 * rewrites the live articles into one segment when less than half of the bytes are live or the
 * segments are many. Only this run's articles are kept. A store is only a cache: a missing or
 * broken one is rebuilt from the cache entries.
 */
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createHash } from 'node:crypto';
import type { ConflictEvent, Place, Problem } from '../../src/core/model.ts';
import type { ReportedArticle } from '../../src/core/layers/run-report.ts';
import { articleFeatures, articleRecord, collection, compare, eventPoints, validateLayers, type GeometryLookup, type PlaceUse } from '../../src/core/layers/build-layers.ts';
import { termCounts } from '../../src/core/events/merge-events.ts';
import type { CachedArticle } from './ingest-cache.ts';
import { ROOT } from './load-gazetteer.ts';
import { isAlive } from './data-set.ts';
import { articleIndexEntry, namedPlacesOf, recordDigest, type ArticleIndexEntry, type NamedPlace } from './write-columnar.ts';

/** Bump when the layout of a header or body changes (the code of this module is hashed in too). */
const FORMAT = 2;
/** More segments than this, and the next run compacts them into one. */
const MAX_SEGMENTS = 16;

/** What a run knows of an article without reading its body. */
export interface StoredArticle {
  /** The article's cache key. */
  key: string;
  reported: ReportedArticle;
  outlet: string | null;
  events: ConflictEvent[];
  /** Per event, the byte lengths of its points (in the body, one after another). */
  points: number[][];
  /** The article's words, counted (`termCounts` of its text, "word count …"); only when it has events. */
  terms?: string;
  /** Per event, the words of its sentences, counted likewise. */
  sentenceTerms?: string[];
  /** The places its mentions name (the last of each id, as `articleFeatures` leaves them), as numbers in the place table. */
  places: number[];
  /** Places with a line or area named as locations: place id, how many times. */
  shapes: Array<[string, number]>;
  /** What validating its points found (a run with any falls back to the one-piece writer, for the exact messages). */
  problems: Problem[];
  /** Byte lengths of the body's blocks: record, mention points, event points, mention index, columnar summary (StoredColumnar). */
  blocks: [number, number, number, number, number];
}

/** Where an article's bytes lie: segment, offset, header length, body length. */
type Location = [number, number, number, number];

interface StoreIndex {
  format: string;
  segments: string[];
  places: string[];
  entries: Record<string, Location>;
}

/** An open store: articles looked up or rendered into it, their bodies read back, and the new index written. */
export class LayerStore {
  readonly dir: string;
  /** The place table (JSON text, parsed on demand). */
  #places: string[];
  #placeAt: Map<string, number>;
  #parsed: Array<Place | undefined> = [];
  #segments: string[];
  #fds: number[];
  #old: Record<string, Location>;
  #live: Record<string, Location> = {};
  #writing: { fd: number; at: number; segment: number } | null = null;

  constructor(cacheDir: string) {
    const version = storeVersion();
    this.dir = join(cacheDir, `store-${version}`);
    mkdirSync(this.dir, { recursive: true });
    for (const other of readdirSync(cacheDir)) if (other.startsWith('store-') && other !== basename(this.dir)) rmSync(join(cacheDir, other), { recursive: true, force: true });
    let index: StoreIndex = { format: version, segments: [], places: [], entries: {} };
    try {
      const read = JSON.parse(readFileSync(join(this.dir, 'index.json'), 'utf8')) as StoreIndex;
      if (read.format === version) index = read;
    } catch {
      // No store yet, or a broken one: every article is rendered again.
    }
    // Segments a dead run began and no index names.
    for (const f of readdirSync(this.dir)) {
      const pid = Number(/^seg-(\d+)-/.exec(f)?.[1]);
      if (f.endsWith('.bin') && !index.segments.includes(f) && !isAlive(pid)) rmSync(join(this.dir, f), { force: true });
    }
    this.#places = index.places;
    this.#placeAt = new Map(index.places.map((p, k) => [p, k]));
    this.#segments = [...index.segments];
    // Held open: a run that compacts at the same time may remove a segment this one still reads.
    this.#fds = this.#segments.map((s) => {
      try {
        return openSync(join(this.dir, s), 'r');
      } catch {
        return -1;
      }
    });
    this.#old = index.entries;
  }

  /** The stored header of the article with cache key `key` (rendered by this run or kept from the last), or null when it must be rendered. */
  get(key: string): StoredArticle | null {
    const own = (entries: Record<string, Location>) => (Object.prototype.hasOwnProperty.call(entries, key) ? entries[key] : undefined);
    const at = own(this.#live) ?? own(this.#old);
    if (!at || this.#fds[at[0]] === undefined || this.#fds[at[0]] < 0) return null;
    try {
      const header = JSON.parse(this.#read(at[0], at[1], at[2]).toString('utf8')) as StoredArticle;
      if (header.key !== key) return null;
      this.#live[key] = at;
      return header;
    } catch {
      return null;
    }
  }

  /** Renders a cache entry into the store (a new segment of this run); returns its header. */
  add(key: string, p: CachedArticle, geometryOf: GeometryLookup): StoredArticle {
    return this.addRendered(renderArticle(key, p, geometryOf));
  }

  /** Writes an article rendered by `renderArticle` (here or in a worker) into this run's segment; returns its header (`get` reads it back). */
  addRendered(rendered: RenderedArticle): StoredArticle {
    const { placeJson, ...rest } = rendered.header;
    const header: StoredArticle = { ...rest, places: placeJson.map((json) => this.#placeRef(json)) };
    const head = Buffer.from(JSON.stringify(header));
    const body = rendered.body;
    const w = this.#writer();
    const at: Location = [w.segment, w.at, head.length, body.length];
    for (const b of [head, body]) {
      writeSync(w.fd, b, 0, b.length, w.at);
      w.at += b.length;
    }
    this.#live[header.key] = at;
    return header;
  }

  /** A place of the table. */
  place(ref: number): Place {
    return (this.#parsed[ref] ??= JSON.parse(this.#places[ref]) as Place);
  }

  /** Block `block` of an article's body (0 record, 1 mention points, 2 event points, 3 mention index, 4 columnar summary), or `length` bytes of it from `offset`. */
  block(a: StoredArticle, block: number, offset = 0, length = a.blocks[block] - offset): Buffer {
    const [segment, at, headerLength] = this.#live[a.key];
    let from = at + headerLength + offset;
    for (let k = 0; k < block; k++) from += a.blocks[k];
    return this.#read(segment, from, length);
  }

  /** Writes the index of this run's articles, compacting the segments when they are mostly dead; removes the segments no longer named. */
  commit(): void {
    const used = new Set(Object.values(this.#live).map((l) => l[0]));
    const liveBytes = Object.values(this.#live).reduce((n, l) => n + l[2] + l[3], 0);
    const totalBytes = [...used].reduce((n, s) => n + (this.#fds[s] >= 0 ? fstatSync(this.#fds[s]).size : 0), 0);
    let segments = this.#segments;
    let entries = this.#live;
    if (used.size > MAX_SEGMENTS || liveBytes * 2 < totalBytes) {
      // One segment of the live articles, in key order.
      const name = `seg-${process.pid}-${Date.now()}-c.bin`;
      const fd = openSync(join(this.dir, name), 'w');
      let at = 0;
      entries = {};
      for (const key of Object.keys(this.#live).sort()) {
        const [segment, offset, h, b] = this.#live[key];
        const bytes = this.#read(segment, offset, h + b);
        writeSync(fd, bytes, 0, bytes.length, at);
        entries[key] = [0, at, h, b];
        at += bytes.length;
      }
      closeSync(fd);
      segments = [name];
    } else {
      // Renumber the segments still used.
      const kept = [...used].sort((a, b) => a - b);
      const renumber = new Map(kept.map((s, k) => [s, k]));
      segments = kept.map((s) => this.#segments[s]);
      entries = Object.fromEntries(Object.entries(this.#live).map(([key, [s, o, h, b]]) => [key, [renumber.get(s)!, o, h, b]]));
    }
    const index: StoreIndex = { format: storeVersion(), segments, places: this.#places, entries };
    const tmp = join(this.dir, `index.json.${process.pid}.tmp`);
    writeFileSync(tmp, JSON.stringify(index));
    renameSync(tmp, join(this.dir, 'index.json'));
    this.close();
    for (const f of readdirSync(this.dir)) {
      const pid = Number(/^seg-(\d+)-/.exec(f)?.[1]);
      if (f.endsWith('.bin') && !segments.includes(f) && (pid === process.pid || !isAlive(pid) || this.#segments.includes(f))) rmSync(join(this.dir, f), { force: true });
    }
  }

  /** Closes the segments (without writing an index: the next run removes what this one wrote). */
  close(): void {
    // The segment being written is among the open ones.
    this.#writing = null;
    for (const fd of this.#fds) if (fd >= 0) closeSync(fd);
    this.#fds = [];
  }

  #writer(): { fd: number; at: number; segment: number } {
    if (!this.#writing) {
      const name = `seg-${process.pid}-${Date.now()}.bin`;
      this.#segments.push(name);
      const fd = openSync(join(this.dir, name), 'w+');
      this.#fds.push(fd);
      this.#writing = { fd, at: 0, segment: this.#segments.length - 1 };
    }
    return this.#writing;
  }

  #read(segment: number, offset: number, length: number): Buffer {
    const out = Buffer.allocUnsafe(length);
    let done = 0;
    while (done < length) {
      const n = readSync(this.#fds[segment], out, done, length - done, offset + done);
      if (n === 0) throw new Error('a store segment ended early');
      done += n;
    }
    return out;
  }

  #placeRef(json: string): number {
    let ref = this.#placeAt.get(json);
    if (ref === undefined) {
      ref = this.#places.length;
      this.#places.push(json);
      this.#placeAt.set(json, ref);
    }
    return ref;
  }
}

/** An article rendered for the store: its header, its places still as JSON (the store numbers them), and its body. */
export interface RenderedArticle {
  header: Omit<StoredArticle, 'places'> & { placeJson: string[] };
  body: Uint8Array;
}

/**
 * Renders a cache entry for the store: pure, so that the ingest's workers render as they
 * process and the main thread only appends the bytes (`LayerStore.addRendered`).
 */
export function renderArticle(key: string, p: CachedArticle, geometryOf: GeometryLookup): RenderedArticle {
  const use: PlaceUse = { places: new Map(), shapes: new Map() };
  const features = articleFeatures(p, geometryOf, use);
  const problems = validateLayers({ events: collection(features.events), mentions: collection(features.mentions), areas: collection([]), routes: collection([]) });
  const order = features.mentions.map((_, i) => i).sort((a, b) => compare(features.mentions[a].properties.id, features.mentions[b].properties.id) || a - b);
  const mentionJson = order.map((i) => JSON.stringify(features.mentions[i]));
  const pointJson = p.events.map((e) => eventPoints(e).map((f) => JSON.stringify(f)));
  const record = articleRecord(p);
  const recordBytes = Buffer.from(JSON.stringify(record));
  const mentions = Buffer.from(mentionJson.join(','));
  const points = Buffer.from(pointJson.flat().join(''));
  const mentionIndex = Buffer.from(JSON.stringify([order.map((i) => features.mentions[i].properties.id), mentionJson.map((j) => Buffer.byteLength(j))]));
  // What the columnar layout takes of the article: its index entry, and its named places from
  // its mentions in id order, then by start (as the stored mention points are fed one by one).
  const byStart = order.map((i) => features.mentions[i]).sort((x, y) => x.properties.start - y.properties.start);
  const columnar = Buffer.from(JSON.stringify({ entry: articleIndexEntry(record), digest: recordDigest(recordBytes), named: namedPlacesOf(byStart) } satisfies StoredColumnar));
  const text = p.article.text;
  return {
    header: {
      key,
      reported: { article: { id: p.article.id }, publication: { published: p.publication.published }, mentions: { length: p.mentions.length }, events: { length: p.events.length }, unresolved: p.unresolved, problems: p.problems },
      outlet: p.article.meta.outlet ?? null,
      events: p.events,
      points: pointJson.map((js) => js.map((j) => Buffer.byteLength(j))),
      ...(p.events.length
        ? {
            terms: encodeTerms(termCounts(text)),
            sentenceTerms: p.events.map((e) => encodeTerms(termCounts([e.sentence, ...(e.alsoIn ?? [])].map((s) => text.slice(s.start, s.end)).join(' ')))),
          }
        : {}),
      placeJson: [...use.places.values()].map((place) => JSON.stringify(place)),
      shapes: [...use.shapes].map(([id, s]) => [id, s.mentions]),
      problems,
      blocks: [recordBytes.length, mentions.length, points.length, mentionIndex.length, columnar.length],
    },
    body: Buffer.concat([recordBytes, mentions, points, mentionIndex, columnar]),
  };
}

/** Block 4 of a body: what the columnar layout takes of the article without parsing its record or its mention points. */
export interface StoredColumnar {
  entry: Omit<ArticleIndexEntry, 'chunk'>;
  /** `recordDigest` of the record (block 0). */
  digest: string;
  named: NamedPlace[];
}

/** Counted words as the header keeps them: "word count word count …" (words hold no spaces). */
export function encodeTerms(counts: Map<string, number>): string {
  let out = '';
  for (const [w, n] of counts) out += `${out ? ' ' : ''}${w} ${n}`;
  return out;
}

/** The counted words back, in their order. */
export function* decodeTerms(terms: string | undefined): Generator<[string, number]> {
  if (!terms) return;
  const parts = terms.split(' ');
  for (let k = 0; k + 1 < parts.length; k += 2) yield [parts[k], Number(parts[k + 1])];
}

/** The store's version: its format and the code that renders into it (the layers' code is in the cache's own version). */
function storeVersion(): string {
  const h = createHash('sha256').update(`layer store ${FORMAT}\n`);
  for (const file of ['scripts/lib/layer-store.ts', 'scripts/lib/write-stored-layers.ts', 'scripts/lib/write-columnar.ts']) {
    const path = join(ROOT, file);
    if (existsSync(path)) h.update(readFileSync(path));
  }
  return h.digest('hex').slice(0, 12);
}
