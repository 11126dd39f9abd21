/**
 * Events out, in the columns analysts already load: ACLED-style CSV (one row per event and place,
 * as ACLED has one per event location), GeoJSON with the same columns as properties, and KML for
 * Google Earth. Pure: the app's download and `npm run export` both call it. Article text is
 * untrusted, so every field is quoted or escaped for its format, and a CSV text field that a
 * spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) is prefixed with `'`.
 */
import type { Feature, Point } from 'geojson';
import type { ArticleRecord, EventFeatureProperties, Place } from '../../core/model.ts';
import { plainText } from './markup.ts';

export type ExportFormat = 'csv' | 'geojson' | 'kml';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['csv', 'geojson', 'kml'];

/** The ACLED columns written, in order. */
export const ACLED_COLUMNS = [
  'event_id_cnty',
  'event_date',
  'time_precision',
  'event_type',
  'sub_event_type',
  'actor1',
  'actor2',
  'country',
  'admin1',
  'location',
  'latitude',
  'longitude',
  'geo_precision',
  'source',
  'source_url',
  'notes',
  'fatalities',
] as const;

export type AcledRow = Record<(typeof ACLED_COLUMNS)[number], string | number | null>;

/** What the rows are read from: the articles and the places of the loaded data. */
export interface ExportSource {
  article(id: string): ArticleRecord | null;
  place(id: string): Place | null;
  /** Name of the admin-1 area with this GeoNames code (`SY.09`), when known. */
  admin1?(code: string): string | null;
}

type EventPoint = Feature<Point, EventFeatureProperties>;

/** ACLED's time precision: 1 day, 2 week (or days), 3 month or coarser. */
const TIME_PRECISION: Record<string, number> = { day: 1, week: 2, month: 3, year: 3 };
const MIME: Record<ExportFormat, string> = {
  csv: 'text/csv;charset=utf-8',
  geojson: 'application/geo+json',
  kml: 'application/vnd.google-earth.kml+xml',
};

/** An ExportSource over the loaded data's articles and places. */
export function exportSource(articles: readonly ArticleRecord[], places: Record<string, Place>): ExportSource {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const admin1 = new Map<string, string>();
  for (const p of Object.values(places)) if (p.kind === 'admin1' && p.admin1) admin1.set(p.admin1, p.name);
  return { article: (id) => byId.get(id) ?? null, place: (id) => places[id] ?? null, admin1: (code) => admin1.get(code) ?? null };
}

/** One ACLED row per feature (an event at one place). */
export function acledRows(features: readonly EventPoint[], src: ExportSource): AcledRow[] {
  return features.map((f) => acledRow(f, src));
}

function acledRow(f: EventPoint, src: ExportSource): AcledRow {
  const p = f.properties;
  const place = src.place(p.placeId);
  const article = src.article(p.articleId);
  const [actor1 = '', actor2 = ''] = p.actors ? p.actors.split('; ') : [];
  const [lon, lat] = f.geometry.coordinates;
  const cc = place?.countryCode ?? '';
  return {
    event_id_cnty: `${cc || 'XX'}${idNumber(p.id)}`,
    event_date: p.date,
    time_precision: TIME_PRECISION[p.datePrecision] ?? 3,
    event_type: p.type,
    sub_event_type: p.subType,
    actor1,
    actor2,
    country: countryName(cc),
    admin1: place ? admin1Name(place, src) : '',
    location: p.placeName,
    latitude: round(lat, 5),
    longitude: round(lon, 5),
    geo_precision: p.geoPrecision,
    source: article?.outlet || article?.title || p.articleId,
    source_url: article?.url ?? '',
    notes: article ? plainText(article.text, { start: p.sentenceStart, end: p.sentenceEnd }) : '',
    fatalities: p.fatalities,
  };
}

/**
 * The file for `format`: its MIME type, extension and text, as parts made one row at a time
 * (a million rows are past what one JavaScript string holds; a Blob or a stream takes the parts).
 */
export function exportEvents(format: ExportFormat, features: Iterable<EventPoint>, src: ExportSource): { parts: Iterable<string>; mime: string; ext: string } {
  const rows = mapRows(features, src);
  const parts = format === 'csv' ? csvParts(rows) : format === 'kml' ? kmlParts(rows) : geoJsonParts(rows);
  return { parts, mime: MIME[format], ext: format };
}

function* mapRows(features: Iterable<EventPoint>, src: ExportSource): Generator<AcledRow> {
  for (const f of features) yield acledRow(f, src);
}

/** RFC 4180 CSV with a header line and CRLF line ends. */
export function toCsv(rows: readonly AcledRow[]): string {
  return [...csvParts(rows)].join('');
}

function* csvParts(rows: Iterable<AcledRow>): Generator<string> {
  yield `${ACLED_COLUMNS.join(',')}\r\n`;
  for (const r of rows) yield `${ACLED_COLUMNS.map((c) => csvField(r[c])).join(',')}\r\n`;
}

export function csvField(v: string | number | null): string {
  if (v === null) return '';
  if (typeof v === 'number') return String(v);
  const s = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A FeatureCollection of points whose properties are the ACLED columns (as JSON.stringify(collection, null, 1) writes it). */
export function toGeoJson(rows: readonly AcledRow[]): string {
  return [...geoJsonParts(rows)].join('');
}

function* geoJsonParts(rows: Iterable<AcledRow>): Generator<string> {
  let first = true;
  for (const r of rows) {
    const feature: Feature<Point, AcledRow> = { type: 'Feature', geometry: { type: 'Point', coordinates: [Number(r.longitude), Number(r.latitude)] }, properties: r };
    // A feature two levels down: its lines indented by two more spaces.
    yield `${first ? '{\n "type": "FeatureCollection",\n "features": [\n' : ',\n'}  ${JSON.stringify(feature, null, 1).replace(/\n/g, '\n  ')}`;
    first = false;
  }
  yield first ? '{\n "type": "FeatureCollection",\n "features": []\n}\n' : '\n ]\n}\n';
}

/** KML 2.2: a Placemark per row, dated, with the columns as ExtendedData. */
export function toKml(rows: readonly AcledRow[]): string {
  return [...kmlParts(rows)].join('');
}

function* kmlParts(rows: Iterable<AcledRow>): Generator<string> {
  yield '<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>Conflict map events</name>\n';
  let first = true;
  for (const r of rows) {
    const data = ACLED_COLUMNS.map((c) => `<Data name="${c}"><value>${xml(r[c])}</value></Data>`).join('');
    yield [
      first ? '' : '\n',
      '<Placemark>',
      `<name>${xml(`${r.location} — ${r.sub_event_type || r.event_type}`)}</name>`,
      `<description>${xml(r.notes)}</description>`,
      r.event_date ? `<TimeStamp><when>${xml(r.event_date)}</when></TimeStamp>` : '',
      `<ExtendedData>${data}</ExtendedData>`,
      `<Point><coordinates>${r.longitude},${r.latitude}</coordinates></Point>`,
      '</Placemark>',
    ].join('');
    first = false;
  }
  yield '\n</Document></kml>\n';
}

/** Escapes text for XML content and attributes; drops the control characters XML 1.0 forbids. */
export function xml(v: string | number | null): string {
  if (v === null) return '';
  return String(v)
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** A stable 8-digit number for an id (FNV-1a), as ACLED ids are a country code and a number. */
function idNumber(id: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193) >>> 0;
  return String(h % 100_000_000).padStart(8, '0');
}

let regionNames: Intl.DisplayNames | null = null;
function countryName(cc: string): string {
  if (!cc) return '';
  regionNames ??= new Intl.DisplayNames(['en'], { type: 'region' });
  try {
    return regionNames.of(cc) ?? cc;
  } catch {
    return cc;
  }
}

/** The admin-1 name: the place itself when it is one, else the area its code names. */
function admin1Name(place: Place, src: ExportSource): string {
  if (place.kind === 'admin1') return place.name;
  return place.admin1 ? (src.admin1?.(place.admin1) ?? '') : '';
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
