/**
 * Layers: turns processed articles into the files the app reads — events, mentions, areas and
 * routes as GeoJSON FeatureCollections (RFC 7946, validated with geojson-validation) and the
 * articles file with every span the reader highlights.
 *
 * Output is deterministic: articles sorted by id, features by id, numbers rounded, so the same
 * input gives byte-identical files.
 */
import type { Feature, FeatureCollection, Geometry, Point } from 'geojson';
// @turf/rewind alone, not the whole of turf (half a second to load, for one function).
import rewind from '@turf/rewind';
import { valid } from 'geojson-validation';
import type {
  ArticleRecord,
  ArticlesFile,
  ConflictEvent,
  EventFeatureProperties,
  EventMerge,
  EventPlace,
  Mention,
  MentionFeatureProperties,
  Place,
  ProcessedArticle,
  Problem,
  ShapeFeatureProperties,
} from '../model.ts';
import { dayNumber } from '../common/geo.ts';
import type { MergedEvents } from '../events/merge-events.ts';

/** The four GeoJSON layers of a run. */
export interface Layers {
  events: FeatureCollection<Point, EventFeatureProperties>;
  mentions: FeatureCollection<Point, MentionFeatureProperties>;
  areas: FeatureCollection<Geometry, ShapeFeatureProperties>;
  routes: FeatureCollection<Geometry, ShapeFeatureProperties>;
}

/** Everything `ingest` writes, before it is written. */
export interface BuiltLayers {
  layers: Layers;
  articles: ArticlesFile;
  /** Validation problems; a layer with problems must not be written. */
  problems: Problem[];
}

/** Looks up the line or polygon of a place, when the gazetteer has one. */
export type GeometryLookup = (placeId: string) => Geometry | undefined;

const COORDINATE_DIGITS = 5;

/**
 * Builds every layer and the articles file from processed articles. With `merged` (mergeEvents
 * over the articles' events), the events layer holds each real-world event once, with its
 * sources; the articles keep every report's own reading for the reader.
 */
export function buildLayers(processed: ProcessedArticle[], geometryOf: GeometryLookup, tool = 'conflict-map', merged?: MergedEvents): BuiltLayers {
  const sorted = [...processed].sort((a, b) => compare(a.article.id, b.article.id));
  const use: PlaceUse = { places: new Map(), shapes: new Map() };
  const eventFeatures: Array<Feature<Point, EventFeatureProperties>> = [];
  const mentionFeatures: Array<Feature<Point, MentionFeatureProperties>> = [];
  for (const p of sorted) {
    const features = articleFeatures(p, geometryOf, use);
    if (!merged) for (const f of features.events) eventFeatures.push(f);
    for (const f of features.mentions) mentionFeatures.push(f);
  }
  if (merged) {
    const mergeOf = new Map(merged.merges.map((m) => [m.id, m]));
    for (const e of merged.events) eventFeatures.push(...eventPoints(e, mergeOf.get(e.id)));
  }
  const { areas, routes } = shapeFeatures(use, geometryOf);

  const layers: Layers = {
    events: collection(eventFeatures.sort(byId)),
    mentions: collection(mentionFeatures.sort(byId)),
    areas,
    routes,
  };
  const problems = validateLayers(layers);
  const articles: ArticlesFile = {
    generated: { tool, articles: sorted.length },
    articles: sorted.map(articleRecord),
    places: Object.fromEntries([...use.places].sort((a, b) => compare(a[0], b[0]))),
    ...(merged ? { merges: merged.merges } : {}),
  };
  return { layers, articles, problems };
}

/**
 * What the articles of a run share, gathered article by article: each place by id (the last
 * article's, in id order) and, for places with a line or area, how often and where they are named.
 */
export interface PlaceUse {
  places: Map<string, Place>;
  shapes: Map<string, { mentions: number; articleIds: Set<string> }>;
}

/** The event and mention points of one article; its places and shapes are added to `use`. */
export function articleFeatures(
  p: Pick<ProcessedArticle, 'article' | 'publication' | 'mentions' | 'events'>,
  geometryOf: GeometryLookup,
  use: PlaceUse,
): { events: Array<Feature<Point, EventFeatureProperties>>; mentions: Array<Feature<Point, MentionFeatureProperties>> } {
  const mentions: Array<Feature<Point, MentionFeatureProperties>> = [];
  for (const m of p.mentions) {
    if (!m.place) continue;
    use.places.set(m.place.id, m.place);
    mentions.push(mentionPoint(p.article.id, p.publication.published, m, m.place));
    // Areas and routes are drawn for places named as locations, not for "Moscow said".
    if (m.role === 'literal' && geometryOf(m.place.id)) {
      const shape = use.shapes.get(m.place.id) ?? { mentions: 0, articleIds: new Set<string>() };
      shape.mentions += 1;
      shape.articleIds.add(p.article.id);
      use.shapes.set(m.place.id, shape);
    }
  }
  return { events: p.events.flatMap((e) => eventPoints(e)), mentions };
}

/** The area and route features of the places named as locations, sorted by place id. */
export function shapeFeatures(use: PlaceUse, geometryOf: GeometryLookup): Pick<Layers, 'areas' | 'routes'> {
  const areas: Array<Feature<Geometry, ShapeFeatureProperties>> = [];
  const routes: Array<Feature<Geometry, ShapeFeatureProperties>> = [];
  for (const [id, shape] of [...use.shapes].sort((a, b) => compare(a[0], b[0]))) {
    const place = use.places.get(id)!;
    const geometry = geometryOf(id)!;
    const properties: ShapeFeatureProperties = {
      id,
      name: place.name,
      kind: place.kind,
      mentions: shape.mentions,
      articleIds: [...shape.articleIds].sort(compare),
      approximate: place.approximate ?? false,
      source: place.sourceNote ?? place.source,
    };
    const feature: Feature<Geometry, ShapeFeatureProperties> = { type: 'Feature', id, geometry: roundGeometry(geometry), properties };
    if (geometry.type === 'LineString' || geometry.type === 'MultiLineString') routes.push(feature);
    else if (geometry.type === 'Polygon' || geometry.type === 'MultiPolygon') areas.push(rewind(feature) as typeof feature);
  }
  return { areas: collection(areas), routes: collection(routes) };
}

/** The points of one event: one per place it happened at, each a feature of its own. */
export function eventPoints(e: ConflictEvent, merge?: EventMerge): Array<Feature<Point, EventFeatureProperties>> {
  return e.places.map((place) =>
    point(place.lon, place.lat, {
      id: `${e.id}@${place.placeId}`,
      eventId: e.id,
      articleId: e.articleId,
      date: e.date,
      day: dayNumber(e.date),
      datePrecision: e.datePrecision,
      dateText: e.dateText,
      type: e.type,
      subType: e.subType,
      actors: e.actors.join('; '),
      fatalities: e.fatalities,
      geoPrecision: e.geoPrecision,
      placeId: place.placeId,
      // A place the gazetteer lacks shows as written, with the known place it is drawn at.
      placeName: placeLabel(place),
      placeInferred: place.inferred,
      sentenceStart: e.sentence.start,
      sentenceEnd: e.sentence.end,
      sources: merge ? merge.sources.length : 1,
      sourceArticles: merge ? merge.sources.map((s) => s.articleId).join('; ') : e.articleId,
    }),
  );
}

/** How an event place is labelled: "Joubas (near Saraqib)", "40 miles northwest of Kismayo". */
function placeLabel(place: EventPlace): string {
  const at = place.offset ? `${place.offset.text} ${place.name}` : place.name;
  return place.unresolvedName ? `${place.unresolvedName} (${place.offset ? at : `near ${place.name}`})` : at;
}

/** The point of one resolved mention, dated by its article's publication (`published`, or null). */
export function mentionPoint(
  articleId: string,
  published: string | null,
  m: Pick<Mention, 'start' | 'end' | 'surface' | 'role' | 'confidence'>,
  place: Place,
): Feature<Point, MentionFeatureProperties> {
  return point(place.lon, place.lat, {
    id: `${articleId}:${m.start}`,
    articleId,
    placeId: place.id,
    placeName: place.name,
    kind: place.kind,
    surface: m.surface,
    role: m.role,
    confidence: m.confidence,
    start: m.start,
    end: m.end,
    date: published,
    day: dayNumber(published),
  });
}

/** Checks each layer with geojson-validation; every problem is reported, not just the first. */
export function validateLayers(layers: Layers): Problem[] {
  const problems: Problem[] = [];
  for (const [name, layer] of Object.entries(layers)) {
    for (const message of valid(layer, true)) {
      problems.push({ code: 'invalid-geojson', severity: 'error', message: `${name}.geojson: ${message}` });
    }
  }
  return problems;
}

/** The reader's record of one article in `articles.json`. */
export function articleRecord(p: Pick<ProcessedArticle, 'article' | 'publication' | 'mentions' | 'events'>): ArticleRecord {
  const { article, publication } = p;
  return {
    id: article.id,
    title: article.title,
    outlet: article.meta.outlet ?? null,
    author: article.meta.author ?? null,
    url: article.meta.url ?? null,
    published: publication.published,
    publishedPrecision: publication.precision,
    publishedSource: publication.source,
    publishedEvidence: publication.evidence,
    publishedDay: publication.published ? dayNumber(publication.published) : null,
    credit: article.meta.credit ?? null,
    text: article.text,
    boilerplate: article.boilerplate,
    sentences: article.sentences.map(({ start, end }) => ({ start, end })),
    mentions: p.mentions.map((m) => ({
      start: m.start,
      end: m.end,
      surface: m.surface,
      role: m.role,
      placeId: m.place?.id ?? null,
      confidence: m.confidence,
    })),
    events: p.events,
  };
}

function point<P>(lon: number, lat: number, properties: P & { id: string }): Feature<Point, P> {
  return { type: 'Feature', id: properties.id, geometry: { type: 'Point', coordinates: [round(lon), round(lat)] }, properties };
}

export function collection<G extends Geometry, P>(features: Array<Feature<G, P>>): FeatureCollection<G, P> {
  return { type: 'FeatureCollection', features };
}

function roundGeometry(geometry: Geometry): Geometry {
  const roundDeep = (c: unknown): unknown => (typeof c === 'number' ? round(c) : Array.isArray(c) ? c.map(roundDeep) : c);
  if (geometry.type === 'GeometryCollection') return { ...geometry, geometries: geometry.geometries.map(roundGeometry) };
  return { ...geometry, coordinates: roundDeep(geometry.coordinates) } as Geometry;
}

function round(x: number): number {
  const f = 10 ** COORDINATE_DIGITS;
  return Math.round(x * f) / f;
}

function byId(a: { properties: { id: string } }, b: { properties: { id: string } }): number {
  return compare(a.properties.id, b.properties.id);
}

/** Code-unit order, as the files are sorted (never locale order). */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
