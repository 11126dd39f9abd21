/**
 * Loads the layers the pipeline writes (the data contract in src/core/model.ts), relative to the
 * page, and checks their shape before the app trusts them. Problems are returned as data: a
 * missing optional layer is a warning (the map works without mentions or areas); a missing or
 * malformed events or articles file is an error and the app shows what is wrong.
 */
import type { Feature, FeatureCollection, Geometry, LineString, MultiLineString, MultiPolygon, Point, Polygon } from 'geojson';
import type {
  ArticlesFile,
  EventFeatureProperties,
  MentionFeatureProperties,
  Problem,
  RunReport,
  ShapeFeatureProperties,
} from '../core/model.ts';
import { decodeEventColumns, LayoutError, type EventColumns } from '../core/layers/event-columns.ts';
import type { ArticleRecord } from '../core/model.ts';
import { toEventFeatures, type EventFeature } from './lib/event-index.ts';
import { rowFeatures } from './lib/event-store.ts';

/** Everything the app shows, as loaded. */
export interface AppData {
  /** All event features, dated and undated, with derived properties. */
  events: EventFeature[];
  mentions: FeatureCollection<Point, MentionFeatureProperties>;
  areas: FeatureCollection<Polygon | MultiPolygon, ShapeFeatureProperties>;
  routes: FeatureCollection<LineString | MultiLineString, ShapeFeatureProperties>;
  articles: ArticlesFile;
  /** The run report, or null when absent. */
  report: RunReport | null;
  /** The columnar layout: fetches the article index (`articles` is empty till then); the app asks once the map has drawn. */
  articlesLater?: () => Promise<ArticlesFile>;
  /** The columnar layout's event columns (`events` are views on them), else null. */
  columns: EventColumns | null;
  /** The columnar layout: fetches chunk `n`'s whole article records. Null: `articles` are whole. */
  chunks: ((n: number) => Promise<ArticleRecord[]>) | null;
}

/** `layout.json`, written by scripts/lib/write-columnar.ts; absent in older data sets (GeoJSON). */
interface Layout {
  layout: 'geojson' | 'columnar';
  events?: string;
  articles?: string;
  chunks?: string;
  /** The chunk files, in order (an index entry's `chunk` is a place in it); layouts without it name chunks `<n>.json`. */
  chunkFiles?: string[];
  mentions?: string;
}

/** File names under `data/`, as the pipeline writes them. */
export const DATA_FILES = {
  events: 'events.geojson',
  mentions: 'mentions.geojson',
  areas: 'areas.geojson',
  routes: 'routes.geojson',
  articles: 'articles.json',
  report: 'report.json',
} as const;

type Fetch = (url: string) => Promise<Response>;

/**
 * Fetches and checks every layer under `dataUrl` (ending in `/`): the files `layout.json` names
 * (the columnar layout of a large corpus), else the GeoJSON layers and articles.json.
 */
export async function loadAppData(dataUrl: string, fetchFn: Fetch): Promise<{ data: AppData | null; problems: Problem[] }> {
  const problems: Problem[] = [];
  const layout = await getLayout(dataUrl, fetchFn);
  if (layout?.layout === 'columnar') return loadColumnar(dataUrl, fetchFn, layout, problems);
  const get = makeGetter(dataUrl, fetchFn, problems);
  const [events, mentions, areas, routes, articles, report] = await Promise.all([
    get(DATA_FILES.events, true),
    get(DATA_FILES.mentions, false),
    get(DATA_FILES.areas, false),
    get(DATA_FILES.routes, false),
    get(DATA_FILES.articles, true),
    get(DATA_FILES.report, false),
  ]);
  const eventsFc = asCollection<Point, EventFeatureProperties>(events, 'events.geojson', true, problems);
  const articlesFile = asArticles(articles, problems);
  if (!eventsFc || !articlesFile) return { data: null, problems };
  const points = eventsFc.features.filter((f) => f.geometry?.type === 'Point' && f.properties);
  if (points.length < eventsFc.features.length) {
    problems.push({
      code: 'not-a-point',
      message: `${eventsFc.features.length - points.length} event features without a Point geometry were left off the map.`,
      severity: 'warning',
      file: 'data/events.geojson',
    });
  }
  return {
    data: {
      events: toEventFeatures(points),
      mentions: asCollection(mentions, 'mentions.geojson', false, problems) ?? empty(),
      areas: asCollection(areas, 'areas.geojson', false, problems) ?? empty(),
      routes: asCollection(routes, 'routes.geojson', false, problems) ?? empty(),
      articles: articlesFile,
      report: report && typeof report === 'object' ? (report as RunReport) : null,
      columns: null,
      chunks: null,
    },
    problems,
  };
}

/** `layout.json`, or null when there is none (a data set from before it, or a dev server's index.html). */
async function getLayout(dataUrl: string, fetchFn: Fetch): Promise<Layout | null> {
  try {
    const res = await fetchFn(`${dataUrl}layout.json`);
    if (!res.ok) return null;
    const value = JSON.parse(await res.text()) as Layout;
    return value && (value.layout === 'columnar' || value.layout === 'geojson') ? value : null;
  } catch {
    return null;
  }
}

/**
 * The columnar layout: events.bin as bytes (typed-array views, nothing parsed), the article index
 * (metadata, places, merges), one point per named place; the articles' text comes per chunk.
 */
async function loadColumnar(dataUrl: string, fetchFn: Fetch, layout: Layout, problems: Problem[]): Promise<{ data: AppData | null; problems: Problem[] }> {
  const get = makeGetter(dataUrl, fetchFn, problems);
  const eventsName = layout.events ?? 'events.bin';
  const file = `data/${eventsName}`;
  const bin = (async (): Promise<EventColumns | null> => {
    try {
      const res = await fetchFn(dataUrl + eventsName);
      if (!res.ok) {
        problems.push({ code: 'missing-file', message: `${file} is missing (HTTP ${res.status}).`, severity: 'error', file });
        return null;
      }
      return decodeEventColumns(await res.arrayBuffer());
    } catch (e) {
      const message = e instanceof LayoutError ? `${file} cannot be read: ${e.message}.` : `Could not fetch ${file}: ${String(e)}`;
      problems.push({ code: e instanceof LayoutError ? 'invalid-events-bin' : 'fetch-failed', message, severity: 'error', file });
      return null;
    }
  })();
  // The article index (tens of MB at a million events) is not needed for the first frame: it
  // arrives later (AppData.articlesLater); its fetch starts now, its parse waits for the map's first frame.
  const indexName = layout.articles ?? 'articles-index.json';
  const indexResponse = fetchFn(dataUrl + indexName);
  const [columns, mentions, areas, routes, report] = await Promise.all([
    bin,
    get(layout.mentions ?? 'named-places.geojson', false),
    get(DATA_FILES.areas, false),
    get(DATA_FILES.routes, false),
    get(DATA_FILES.report, false),
  ]);
  if (!columns) return { data: null, problems };
  const articlesLater = async (): Promise<ArticlesFile> => {
    const res = await indexResponse;
    if (!res.ok) throw new Error(`data/${indexName} is missing (HTTP ${res.status}).`);
    const later: Problem[] = [];
    const file = asArticles(JSON.parse(await res.text()), later, indexName);
    if (!file) throw new Error(later[0]?.message ?? `data/${indexName} is not an article index.`);
    return file;
  };
  const chunkDir = layout.chunks ?? 'articles/';
  const chunks = async (n: number): Promise<ArticleRecord[]> => {
    const named = layout.chunkFiles?.[n];
    // A chunk's name is a plain file name in the chunk folder, never a path.
    const res = await fetchFn(`${dataUrl}${chunkDir}${named && /^[\w-]+\.json$/.test(named) ? named : `${n}.json`}`);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const value = (await res.json()) as { articles?: ArticleRecord[] };
    if (!Array.isArray(value?.articles)) throw new Error('not an article chunk');
    return value.articles;
  };
  return {
    data: {
      events: rowFeatures(columns),
      mentions: asCollection(mentions, layout.mentions ?? 'named-places.geojson', false, problems) ?? empty(),
      areas: asCollection(areas, 'areas.geojson', false, problems) ?? empty(),
      routes: asCollection(routes, 'routes.geojson', false, problems) ?? empty(),
      articles: { generated: { tool: '', articles: 0 }, articles: [], places: {} },
      articlesLater,
      report: report && typeof report === 'object' ? (report as RunReport) : null,
      columns,
      chunks,
    },
    problems,
  };
}

function makeGetter(dataUrl: string, fetchFn: Fetch, problems: Problem[]): (name: string, required: boolean) => Promise<unknown> {
  return async (name: string, required: boolean): Promise<unknown> => {
    const file = `data/${name}`;
    const severity = required ? 'error' : 'warning';
    let res: Response;
    try {
      res = await fetchFn(dataUrl + name);
    } catch (e) {
      problems.push({ code: 'fetch-failed', message: `Could not fetch ${file}: ${String(e)}`, severity, file });
      return null;
    }
    if (!res.ok) {
      problems.push({ code: 'missing-file', message: `${file} is missing (HTTP ${res.status}).`, severity, file });
      return null;
    }
    const text = await res.text();
    try {
      return JSON.parse(text);
    } catch {
      // A dev server answers a missing file with index.html: that is "missing", not "corrupt".
      const code = /^\s*</.test(text) ? 'missing-file' : 'invalid-json';
      const message = code === 'missing-file' ? `${file} is missing.` : `${file} is not valid JSON.`;
      problems.push({ code, message, severity, file });
      return null;
    }
  };
}

function empty<G extends Geometry, P>(): FeatureCollection<G, P> {
  return { type: 'FeatureCollection', features: [] };
}

function asCollection<G extends Geometry, P>(
  value: unknown,
  name: string,
  required: boolean,
  problems: Problem[],
): FeatureCollection<G, P> | null {
  if (value === null) return null;
  const fc = value as { type?: unknown; features?: unknown };
  if (fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    problems.push({
      code: 'not-a-feature-collection',
      message: `data/${name} is not a GeoJSON FeatureCollection.`,
      severity: required ? 'error' : 'warning',
      file: `data/${name}`,
    });
    return null;
  }
  return { type: 'FeatureCollection', features: fc.features as Array<Feature<G, P>> };
}

function asArticles(value: unknown, problems: Problem[], name = 'articles.json'): ArticlesFile | null {
  if (value === null) return null;
  const a = value as Partial<ArticlesFile>;
  if (!Array.isArray(a.articles) || typeof a.places !== 'object' || a.places === null) {
    problems.push({
      code: 'invalid-articles',
      message: `data/${name} lacks an \`articles\` list or a \`places\` map.`,
      severity: 'error',
      file: `data/${name}`,
    });
    return null;
  }
  return a as ArticlesFile;
}
