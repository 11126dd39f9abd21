/**
 * A synthetic corpus in the app's data contract (src/core/model.ts), for browser tests and the
 * bench: N events over a region, seeded so every run is the same. Events cluster on a pool of
 * places (a few busy ones, many quiet), dates spread over a span with some week/month/inferred
 * precision and a few undated, types and fatalities drawn as in real ACLED-like data. Every
 * event has its sentence in a generated article, so the reader works on it.
 *
 * Usage: tsx scripts/synthetic-data.ts --events 10000 [--seed 1] [--bbox 35,32,43,38]
 *        [--start 2019-01-01] [--days 730] [--layout auto|geojson|columnar] --out <dir>
 * Library: makeSyntheticData({ events, seed, bbox }) and writeSyntheticData(dir, data).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Feature, FeatureCollection, LineString, Point, Polygon } from 'geojson';
import type {
  AcledEventType,
  ArticleRecord,
  ArticlesFile,
  BBox,
  ConflictEvent,
  DatePrecision,
  EventFeatureProperties,
  MentionFeatureProperties,
  Place,
  RunReport,
  ShapeFeatureProperties,
} from '../src/core/model.ts';
import { parseArgs } from './lib/args.ts';
import { COLUMNAR_FROM, writeColumnarLayout } from './lib/write-columnar.ts';
import { mulberry32 } from '../src/core/common/seeded-random.ts';

/** Options of `makeSyntheticData`. */
export interface SyntheticOptions {
  /** Number of events (one feature each). */
  events: number;
  /** RNG seed (default 1). */
  seed?: number;
  /** `[west, south, east, north]` (default Syria and southern Turkey). */
  bbox?: BBox;
  /** First day, ISO (default 2019-01-01). */
  start?: string;
  /** Span in days (default 730). */
  days?: number;
  /** Events per article (default 10). */
  eventsPerArticle?: number;
}

/** The files the app reads, as values. */
export interface SyntheticData {
  events: FeatureCollection<Point, EventFeatureProperties>;
  mentions: FeatureCollection<Point, MentionFeatureProperties>;
  areas: FeatureCollection<Polygon, ShapeFeatureProperties>;
  routes: FeatureCollection<LineString, ShapeFeatureProperties>;
  articles: ArticlesFile;
  report: RunReport;
}

const DEFAULT_BBOX: BBox = [35.5, 32.5, 42, 37.5];
const TYPES: Array<[AcledEventType, string, number]> = [
  ['Battles', 'Armed clash', 0.3],
  ['Explosions/Remote violence', 'Shelling/artillery/missile attack', 0.22],
  ['Explosions/Remote violence', 'Air/drone strike', 0.13],
  ['Violence against civilians', 'Attack', 0.1],
  ['Protests', 'Peaceful protest', 0.12],
  ['Riots', 'Violent demonstration', 0.04],
  ['Strategic developments', 'Arrests', 0.09],
];
const ACTORS = ['Military Forces of Syria', 'Military Forces of Turkey', 'Military Forces of Russia', 'Rebel Group', 'Civilians', 'Protesters'];
const VERBS: Record<AcledEventType, string> = {
  Battles: 'fought near',
  'Explosions/Remote violence': 'struck',
  'Violence against civilians': 'attacked civilians in',
  Protests: 'protested in',
  Riots: 'rioted in',
  'Strategic developments': 'made arrests in',
};
const SYLLABLES = ['al', 'ra', 'qa', 'sib', 'kar', 'ma', 'tin', 'bu', 'dar', 'ham', 'zur', 'ya', 'nab', 'el', 'ku', 'shir'];

/** Builds the data set. Same options, same output. */
export function makeSyntheticData(options: SyntheticOptions): SyntheticData {
  const rand = mulberry32(options.seed ?? 1);
  const [w, s, e, n] = options.bbox ?? DEFAULT_BBOX;
  const startDay = Math.round(Date.parse(`${options.start ?? '2019-01-01'}T00:00:00Z`) / 86_400_000);
  const span = options.days ?? 730;
  const perArticle = options.eventsPerArticle ?? 10;

  const placeCount = Math.max(20, Math.round(options.events / 20));
  const places: Place[] = [];
  for (let i = 0; i < placeCount; i++) {
    const name = placeName(rand, i);
    places.push({
      id: `synthetic:${i}`,
      name,
      kind: i % 25 === 0 ? 'admin1' : 'town',
      lat: round(s + rand() * (n - s), 5),
      lon: round(w + rand() * (e - w), 5),
      countryCode: 'XX',
      population: Math.round(1000 / (rand() + 0.01)),
      featureCode: i % 25 === 0 ? 'ADM1' : 'PPL',
      source: 'curated',
      sourceNote: 'synthetic (scripts/synthetic-data.ts)',
    });
  }

  const eventFeatures: Array<Feature<Point, EventFeatureProperties>> = [];
  const mentionFeatures: Array<Feature<Point, MentionFeatureProperties>> = [];
  const articles: ArticleRecord[] = [];
  const undatedArticles: string[] = [];
  for (let a = 0, made = 0; made < options.events; a++) {
    const id = `syn-${a}`;
    const count = Math.min(perArticle, options.events - made);
    const undated = rand() < 0.01;
    const published = undated ? null : startDay + Math.floor(rand() * span);
    const title = `Synthetic report ${a + 1}`;
    let text = `${title}\n\n`;
    const record: ArticleRecord = {
      id,
      title,
      outlet: 'Synthetic Wire',
      author: null,
      url: null,
      published: published === null ? null : iso(published),
      publishedPrecision: published === null ? 'unknown' : 'day',
      publishedSource: published === null ? 'none' : 'metadata',
      publishedEvidence: 'synthetic',
      publishedDay: published,
      credit: null,
      text: '',
      boilerplate: [{ start: 0, end: title.length, kind: 'title' }],
      sentences: [],
      mentions: [],
      events: [],
    };
    for (let k = 0; k < count; k++, made++) {
      // Busy places: squaring the uniform draw favours low indices.
      const place = places[Math.floor(rand() * rand() * placeCount)];
      const [type, subType] = pickType(rand());
      const precision: DatePrecision = rand() < 0.85 ? 'day' : rand() < 0.5 ? 'week' : rand() < 0.7 ? 'month' : 'approximate';
      const day = published === null ? null : Math.max(startDay, published - Math.floor(rand() * 5));
      const date = day === null ? null : iso(precision === 'month' ? monthStart(day) : day);
      const fatalities = rand() < 0.6 ? null : Math.floor(-Math.log(1 - rand()) * 6);
      const actors = [ACTORS[Math.floor(rand() * ACTORS.length)]];
      const geoPrecision = (place.kind === 'admin1' ? 3 : rand() < 0.8 ? 1 : 2) as 1 | 2 | 3;
      const lead = `${actors[0]} ${VERBS[type]} `;
      const tail = fatalities ? `, killing ${fatalities} people.` : '.';
      const sentence = { start: text.length, end: text.length + lead.length + place.name.length + tail.length };
      const mention = { start: sentence.start + lead.length, end: sentence.start + lead.length + place.name.length };
      text += `${lead}${place.name}${tail}${k % 3 === 2 ? '\n\n' : ' '}`;
      const eventId = `${id}#${sentence.start}`;
      const event: ConflictEvent = {
        id: eventId,
        articleId: id,
        sentence,
        date,
        datePrecision: date === null ? 'unknown' : precision,
        dateText: '',
        type,
        subType,
        actors,
        fatalities,
        places: [{ placeId: place.id, name: place.name, lat: place.lat, lon: place.lon, mention, inferred: false }],
        geoPrecision,
        trigger: VERBS[type],
      };
      record.sentences.push(sentence);
      record.mentions.push({ ...mention, surface: place.name, role: 'literal', placeId: place.id, confidence: 0.9 });
      record.events.push(event);
      eventFeatures.push({
        type: 'Feature',
        id: `${eventId}@${place.id}`,
        geometry: { type: 'Point', coordinates: [place.lon, place.lat] },
        properties: {
          id: `${eventId}@${place.id}`,
          eventId,
          articleId: id,
          date,
          day: date === null ? -1 : Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000),
          datePrecision: event.datePrecision,
          dateText: '',
          type,
          subType,
          actors: actors.join('; '),
          fatalities,
          geoPrecision,
          placeId: place.id,
          placeName: place.name,
          placeInferred: false,
          sentenceStart: sentence.start,
          sentenceEnd: sentence.end,
        },
      });
      mentionFeatures.push({
        type: 'Feature',
        id: `${id}:${mention.start}`,
        geometry: { type: 'Point', coordinates: [place.lon, place.lat] },
        properties: {
          id: `${id}:${mention.start}`,
          articleId: id,
          placeId: place.id,
          placeName: place.name,
          kind: place.kind,
          surface: place.name,
          role: 'literal',
          confidence: 0.9,
          start: mention.start,
          end: mention.end,
          date: record.published,
          day: published ?? -1,
        },
      });
    }
    record.text = text.trimEnd();
    articles.push(record);
    if (published === null) undatedArticles.push(id);
  }

  const placeById: Record<string, Place> = {};
  for (const p of places) placeById[p.id] = p;
  const shape = (p: Place): ShapeFeatureProperties => ({
    id: p.id,
    name: p.name,
    kind: p.kind,
    mentions: 0,
    articleIds: [],
    approximate: true,
    source: 'synthetic',
  });
  const admins = places.filter((p) => p.kind === 'admin1').slice(0, 8);
  const areas = admins.map((p): Feature<Polygon, ShapeFeatureProperties> => {
    const r = 0.35;
    const ring = [[p.lon - r, p.lat - r], [p.lon + r, p.lat - r], [p.lon + r, p.lat + r], [p.lon - r, p.lat + r], [p.lon - r, p.lat - r]];
    return { type: 'Feature', id: p.id, properties: shape(p), geometry: { type: 'Polygon', coordinates: [ring] } };
  });
  const road: Place = { ...places[1], id: 'synthetic:road', name: 'Synthetic highway', kind: 'road' };
  placeById[road.id] = road;
  const routes: Array<Feature<LineString, ShapeFeatureProperties>> = [
    { type: 'Feature', id: road.id, properties: shape(road), geometry: { type: 'LineString', coordinates: places.slice(0, 5).map((p) => [p.lon, p.lat]) } },
  ];

  return {
    events: { type: 'FeatureCollection', features: eventFeatures },
    mentions: { type: 'FeatureCollection', features: mentionFeatures },
    areas: { type: 'FeatureCollection', features: areas },
    routes: { type: 'FeatureCollection', features: routes },
    articles: { generated: { tool: 'scripts/synthetic-data.ts', articles: articles.length }, articles, places: placeById },
    report: {
      articlesRead: articles.length,
      articlesWritten: articles.length,
      skipped: [],
      problems: [],
      mentions: mentionFeatures.length,
      events: eventFeatures.length,
      unresolved: [],
      undatedArticles,
    },
  };
}

/**
 * Writes the files under `dir` with the names the app fetches. `layout`: `geojson` (the GeoJSON
 * layers and articles.json), `columnar` (events.bin, the article index and chunks, named places:
 * scripts/lib/write-columnar.ts; the GeoJSON events, mentions and articles.json are left out, a
 * million events being past what one JSON string can hold), or `auto` (default): columnar from
 * COLUMNAR_FROM events, as an ingest does.
 */
export function writeSyntheticData(dir: string, data: SyntheticData, layout: 'auto' | 'geojson' | 'columnar' = 'auto'): void {
  mkdirSync(dir, { recursive: true });
  const columnar = layout === 'columnar' || (layout === 'auto' && data.events.features.length >= COLUMNAR_FROM);
  const files: Record<string, unknown> = {
    ...(columnar ? {} : { 'events.geojson': data.events, 'mentions.geojson': data.mentions, 'articles.json': data.articles }),
    'areas.geojson': data.areas,
    'routes.geojson': data.routes,
    'report.json': data.report,
  };
  for (const [name, value] of Object.entries(files)) writeFileSync(path.join(dir, name), JSON.stringify(value));
  const layers = { events: data.events.features, mentions: data.mentions.features, ...data.articles };
  writeColumnarLayout(dir, columnar ? layers : { ...layers, events: [] }, { tool: 'scripts/synthetic-data.ts', force: columnar });
}

function pickType(x: number): [AcledEventType, string] {
  let acc = 0;
  for (const [type, sub, p] of TYPES) {
    acc += p;
    if (x < acc) return [type, sub];
  }
  return [TYPES[0][0], TYPES[0][1]];
}

function placeName(rand: () => number, i: number): string {
  const parts = 2 + Math.floor(rand() * 2);
  let name = '';
  for (let k = 0; k < parts; k++) name += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
  return `${name[0].toUpperCase()}${name.slice(1)} ${i}`;
}

function monthStart(day: number): number {
  const d = new Date(day * 86_400_000);
  return Math.round(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / 86_400_000);
}

function iso(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = parseArgs(process.argv.slice(2), { flags: [], options: ['events', 'seed', 'bbox', 'start', 'days', 'out', 'layout'] });
  const out = args.options.out;
  const events = Number(args.options.events ?? 1000);
  if (!out || !Number.isInteger(events) || events < 1) {
    process.stderr.write('usage: tsx scripts/synthetic-data.ts --events N [--seed 1] [--bbox w,s,e,n] [--start YYYY-MM-DD] [--days 730] --out DIR\n');
    process.exit(2);
  }
  const bbox = args.options.bbox?.split(',').map(Number) as BBox | undefined;
  const data = makeSyntheticData({
    events,
    seed: args.options.seed ? Number(args.options.seed) : undefined,
    bbox,
    start: args.options.start,
    days: args.options.days ? Number(args.options.days) : undefined,
  });
  writeSyntheticData(out, data, (args.options.layout ?? 'auto') as 'auto' | 'geojson' | 'columnar');
  process.stdout.write(`wrote ${data.events.features.length} events in ${data.articles.articles.length} articles to ${out}\n`);
}
