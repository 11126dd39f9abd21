/**
 * The second pass of the ingest from the store of rendered articles (scripts/lib/layer-store.ts):
 * the layer files written by copying each article's rendered bytes, byte for byte what
 * `writeLayers` (and the one-piece `buildLayers`) writes. Only the events the merge changed
 * (a lead with its sources) are rendered again; the rest is copied. Held in memory: the
 * headers, the places and shapes, and each event point's id and place in the store.
 *
 * Past COLUMNAR_FROM event features it writes the columnar layout instead of articles.json and
 * mentions.geojson (write-columnar.ts), as writeLayers does; below, those and a layout.json that
 * says the GeoJSON files are the layout.
 *
 * Returns null when the exact output needs the one-piece writer: an article or a merged event
 * whose points do not validate (its messages are that writer's to word).
 */
import { join } from 'node:path';
import type { Feature, Point } from 'geojson';
import type { EventFeatureProperties, Place } from '../../src/core/model.ts';
import type { MergedEvents } from '../../src/core/events/merge-events.ts';
import { collection, compare, eventPoints, shapeFeatures, validateLayers, type GeometryLookup, type PlaceUse } from '../../src/core/layers/build-layers.ts';
import type { LayerStore, StoredArticle, StoredColumnar } from './layer-store.ts';
import { Output, type WriteOptions, type WrittenLayers } from './write-layers.ts';
import { COLUMNAR_FROM, ColumnarLayoutWriter } from './write-columnar.ts';

/** A point of a layer: its id, and its bytes (rendered now) or where they lie in an article's body. */
interface PointAt {
  id: string;
  json?: Buffer;
  article?: StoredArticle;
  block?: number;
  offset?: number;
  length?: number;
}

/** Writes what `writeLayers` writes into `outDir`, from the store; null: use `writeLayers`. */
export function writeStoredLayers(stored: StoredArticle[], store: LayerStore, geometryOf: GeometryLookup, outDir: string, merged: MergedEvents, options: WriteOptions = {}): WrittenLayers | null {
  const tool = options.tool ?? 'conflict-map';
  if (stored.some((a) => a.problems.length > 0)) return null;
  const idOf = (a: StoredArticle) => a.reported.article.id;
  const sorted = [...stored].sort((a, b) => compare(idOf(a), idOf(b)));

  // The places (the last of each id, in id order) and the shapes, as articleFeatures gathers them.
  const use: PlaceUse = { places: new Map<string, Place>(), shapes: new Map() };
  for (const a of sorted) {
    for (const ref of a.places) {
      const place = store.place(ref);
      use.places.set(place.id, place);
    }
    for (const [id, mentions] of a.shapes) {
      const shape = use.shapes.get(id) ?? { mentions: 0, articleIds: new Set<string>() };
      shape.mentions += mentions;
      shape.articleIds.add(idOf(a));
      use.shapes.set(id, shape);
    }
  }

  // The events layer: an event told once is its article's points, a merged one rendered again.
  const eventAt = new Map<string, { article: StoredArticle; offset: number; lengths: number[] }>();
  for (const a of stored) {
    let offset = 0;
    a.events.forEach((e, k) => {
      eventAt.set(e.id, { article: a, offset, lengths: a.points[k] });
      for (const n of a.points[k]) offset += n;
    });
  }
  const mergeOf = new Map(merged.merges.map((m) => [m.id, m]));
  const eventPointsAt: PointAt[] = [];
  const rendered = [];
  for (const e of merged.events) {
    const merge = mergeOf.get(e.id);
    const at = eventAt.get(e.id);
    if (merge || !at) {
      for (const f of eventPoints(e, merge)) {
        rendered.push(f);
        eventPointsAt.push({ id: f.properties.id, json: Buffer.from(JSON.stringify(f)) });
      }
      continue;
    }
    let offset = at.offset;
    e.places.forEach((place, k) => {
      eventPointsAt.push({ id: `${e.id}@${place.placeId}`, article: at.article, block: 2, offset, length: at.lengths[k] });
      offset += at.lengths[k];
    });
  }
  if (validateLayers({ events: collection(rendered), mentions: collection([]), areas: collection([]), routes: collection([]) }).length > 0) return null;

  // Past COLUMNAR_FROM event features, the layout the app loads at scale instead of
  // articles.json and mentions.geojson, fed what writeLayers feeds it, in the same order: each
  // article's index entry, record digest and named places from its body (its record read only
  // for a chunk the previous set lacks), the event points parsed back from the stored bytes.
  const columnar = new ColumnarLayoutWriter(outDir, { tool, from: options.columnarFrom ?? COLUMNAR_FROM, chunkSize: options.chunkSize, previous: options.previous });
  const atScale = eventPointsAt.length >= columnar.from;
  const places = Object.fromEntries([...use.places].sort((a, b) => compare(a[0], b[0])));
  if (atScale) {
    for (const a of sorted) {
      const summary = JSON.parse(store.block(a, 4).toString('utf8')) as StoredColumnar;
      columnar.addArticleSource(summary.entry, a.blocks[0], summary.digest, () => store.block(a, 0));
      columnar.addNamedPlaces(summary.named);
    }
    for (const p of eventPointsAt) columnar.addEvent(JSON.parse((p.json ?? store.block(p.article!, p.block!, p.offset, p.length)).toString('utf8')) as Feature<Point, EventFeatureProperties>);
  } else {
    const articles = new Output(join(outDir, 'articles.json'));
    try {
      articles.write(`{"generated":${JSON.stringify({ tool, articles: sorted.length })},"articles":[`);
      sorted.forEach((a, k) => {
        if (k > 0) articles.write(',');
        articles.writeBytes(store.block(a, 0));
      });
      articles.write(`],"places":${JSON.stringify(places)},"merges":${JSON.stringify(merged.merges)}}\n`);
    } finally {
      articles.close();
    }
    writeMentions(sorted, store, join(outDir, 'mentions.geojson'));
  }
  columnar.finish(places, merged.merges);
  writePoints(join(outDir, 'events.geojson'), sortedPoints(eventPointsAt), store);

  const shapes = shapeFeatures(use, geometryOf);
  const problems = validateLayers({ events: collection([]), mentions: collection([]), ...shapes });
  for (const [name, layer] of Object.entries(shapes)) {
    const out = new Output(join(outDir, `${name}.geojson`));
    out.write(`${JSON.stringify(layer)}\n`);
    out.close();
  }
  return { reported: stored.map((a) => a.reported), problems };
}

/**
 * mentions.geojson: mentions are sorted by id within each article; articles in id order keep
 * that order overall unless an article's id begins another's ("a-1", "a-1:2"): then all of them
 * are sorted.
 */
function writeMentions(sorted: StoredArticle[], store: LayerStore, path: string): void {
  const idOf = (a: StoredArticle) => a.reported.article.id;
  const blocksInOrder = sorted.every((a, k) => k === 0 || !idOf(a).startsWith(idOf(sorted[k - 1])));
  if (!blocksInOrder) {
    const mentionsAt: PointAt[] = [];
    for (const a of sorted) {
      const [ids, lengths] = JSON.parse(store.block(a, 3).toString('utf8')) as [string[], number[]];
      let offset = 0;
      ids.forEach((id, k) => {
        mentionsAt.push({ id, article: a, block: 1, offset, length: lengths[k] });
        offset += lengths[k] + 1; // the comma between points
      });
    }
    writePoints(path, sortedPoints(mentionsAt), store);
    return;
  }
  const out = new Output(path);
  try {
    out.write('{"type":"FeatureCollection","features":[');
    let first = true;
    for (const a of sorted) {
      if (a.blocks[1] === 0) continue;
      if (!first) out.write(',');
      first = false;
      out.writeBytes(store.block(a, 1));
    }
    out.write(']}\n');
  } finally {
    out.close();
  }
}

/** Points in id order, ties in the order given (as a stable sort leaves them). */
function sortedPoints(points: PointAt[]): PointAt[] {
  const order = points.map((_, i) => i).sort((a, b) => compare(points[a].id, points[b].id) || a - b);
  return order.map((i) => points[i]);
}

function writePoints(path: string, points: PointAt[], store: LayerStore): void {
  const out = new Output(path);
  try {
    out.write('{"type":"FeatureCollection","features":[');
    points.forEach((p, k) => {
      if (k > 0) out.write(',');
      out.writeBytes(p.json ?? store.block(p.article!, p.block!, p.offset, p.length));
    });
    out.write(']}\n');
  } finally {
    out.close();
  }
}
