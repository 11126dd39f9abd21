/**
 * The day-sorted event index behind the slider. PERF-NOTES measured that, with software WebGL,
 * handing the renderer only the window's features beats any layer filter at 100k+ events, so a
 * step must find its window fast: features are sorted once by start day and a window is two
 * binary searches into a typed array, never a scan.
 */
import type { Feature, Point } from 'geojson';
import type { EventFeatureProperties } from '../../core/model.ts';
import type { EventColumns } from '../../core/layers/event-columns.ts';
import { isoToDay, precisionEnd } from './days.ts';
import { dayEndOf, RowFeature } from './event-store.ts';

/** What the app adds to each event feature on load (derived, so styling needs no expressions). */
export interface EventProps extends EventFeatureProperties {
  /** Last day the event's date covers (a month-precision event covers its month). */
  dayEnd: number;
  /** Place not named in the sentence, or known only to a region (ACLED geo-precision 2–3). */
  approxPlace: boolean;
  /** Date known only to a week, month, year, or inferred. */
  approxDate: boolean;
}

export type EventFeature = Feature<Point, EventProps>;

/** Dated events sorted by (start day, event id), with their day ranges in flat arrays. */
export interface EventIndex {
  /** Dated features, sorted by `day` then `eventId`, so one event's features are adjacent. */
  features: EventFeature[];
  /** `features[i].properties.day`. */
  starts: Int32Array;
  /** `features[i].properties.dayEnd`. */
  ends: Int32Array;
  /** 1 where a feature is the first of its event (events with several places have several features). */
  firstOfEvent: Uint8Array;
  /** `features[i]`'s longitude, latitude and fatalities (-1 for unknown): what a grid aggregate and the list's order read. */
  lon: Float64Array;
  lat: Float64Array;
  fatal: Int32Array;
  /** Longest `dayEnd - day` in the index: how far before a window a visible feature can start. */
  maxSpan: number;
  /** First and last day covered (0 and -1 when empty). */
  minDay: number;
  maxDay: number;
}

/** A window on the time axis: the inclusive days shown. */
export interface TimeWindow {
  from: number;
  to: number;
}

/** Window mode: the N days up to the cursor, or everything up to it. */
export type WindowMode = 'window' | 'cumulative';

/** Turns raw `events.geojson` features into app features (adds derived properties; input untouched). */
export function toEventFeatures(raw: Array<Feature<Point, EventFeatureProperties>>): EventFeature[] {
  return raw.map((f) => {
    const p = f.properties;
    const parsed = p.date ? isoToDay(p.date) : null;
    // Trust `day` from the contract, but fall back to the ISO date if a writer forgot it.
    const day = p.date ? (Number.isInteger(p.day) && p.day !== -1 ? p.day : (parsed ?? -1)) : -1;
    const dated = p.date !== null && day !== -1;
    const props: EventProps = {
      ...p,
      day,
      dayEnd: dated ? precisionEnd(day, p.datePrecision) : -1,
      approxPlace: p.placeInferred || p.geoPrecision > 1,
      approxDate: p.datePrecision !== 'day',
    };
    return { type: 'Feature', id: p.id, geometry: f.geometry, properties: props };
  });
}

/** Splits features into the dated index and the undated list (which the app lists apart). */
export function buildIndex(features: EventFeature[]): { index: EventIndex; undated: EventFeature[] } {
  const dated: EventFeature[] = [];
  const undated: EventFeature[] = [];
  for (const f of features) (f.properties.date === null || f.properties.day === -1 ? undated : dated).push(f);
  dated.sort(compareEvents);
  return { index: indexSorted(dated), undated };
}

/**
 * The same split for features over events.bin's columns (`rowFeatures`): the file's rows are
 * already sorted by (day, event id) with the undated last, so the index's arrays are views on the
 * columns or one pass over them, and no feature's properties are read.
 */
export function buildIndexFromColumns(c: EventColumns, features: EventFeature[]): { index: EventIndex; undated: EventFeature[] } {
  const n = c.dated;
  const ends = new Int32Array(n);
  const firstOfEvent = new Uint8Array(n);
  let maxSpan = 0;
  for (let i = 0; i < n; i++) {
    ends[i] = dayEndOf(c, i);
    if (ends[i] - c.day[i] > maxSpan) maxSpan = ends[i] - c.day[i];
  }
  firstOfEvent.set(c.firstOfEvent.subarray(0, n));
  let maxDay = -1;
  for (let i = 0; i < n; i++) if (ends[i] > maxDay) maxDay = ends[i];
  const index: EventIndex = {
    features: features.slice(0, n),
    starts: c.day.subarray(0, n),
    ends,
    firstOfEvent,
    lon: c.lon.subarray(0, n),
    lat: c.lat.subarray(0, n),
    fatal: c.fatalities.subarray(0, n),
    maxSpan,
    minDay: n ? c.day[0] : 0,
    maxDay: n ? maxDay : -1,
  };
  return { index, undated: features.slice(n) };
}

/** Keeps the features passing `keep`; order is preserved, so no re-sort. */
export function filterIndex(index: EventIndex, keep: (f: EventFeature) => boolean): EventIndex {
  return indexSorted(index.features.filter(keep));
}

/** Index range `[lo, hi)` of the features that can overlap `win` (start within reach of it). */
export function candidateRange(index: EventIndex, win: TimeWindow): { lo: number; hi: number } {
  const lo = lowerBound(index.starts, win.from - index.maxSpan);
  const hi = lowerBound(index.starts, win.to + 1);
  return { lo, hi: Math.max(lo, hi) };
}

/** The features whose day range overlaps the window, in index order. */
export function selectWindow(index: EventIndex, win: TimeWindow): EventFeature[] {
  const { lo, hi } = candidateRange(index, win);
  const out: EventFeature[] = [];
  for (let i = lo; i < hi; i++) if (index.ends[i] >= win.from) out.push(index.features[i]);
  return out;
}

/** Number of features in the window (selectWindow's length, without making the list). */
export function countWindow(index: EventIndex, win: TimeWindow): number {
  const { lo, hi } = candidateRange(index, win);
  if (win.from === Number.MIN_SAFE_INTEGER) return hi - lo;
  let n = 0;
  for (let i = lo; i < hi; i++) if (index.ends[i] >= win.from) n++;
  return n;
}

/** Index positions of the window's features, in index order (selectWindow without the features). */
export function windowPositions(index: EventIndex, win: TimeWindow): Int32Array {
  const { lo, hi } = candidateRange(index, win);
  const out = new Int32Array(hi - lo);
  let n = 0;
  for (let i = lo; i < hi; i++) if (index.ends[i] >= win.from) out[n++] = i;
  return n === out.length ? out : out.subarray(0, n);
}

/** Number of distinct events among the window's features (same overlap rule as selectWindow). */
export function countEvents(index: EventIndex, win: TimeWindow): number {
  const { lo, hi } = candidateRange(index, win);
  let n = 0;
  for (let i = lo; i < hi; i++) if (index.ends[i] >= win.from && index.firstOfEvent[i]) n++;
  return n;
}

/** Fatalities of the distinct events in the window (an event at three places counts once). */
export function windowFatalities(index: EventIndex, win: TimeWindow): number {
  const { lo, hi } = candidateRange(index, win);
  let n = 0;
  for (let i = lo; i < hi; i++) if (index.ends[i] >= win.from && index.firstOfEvent[i] && index.fatal[i] > 0) n += index.fatal[i];
  return n;
}

/** The window the cursor shows: N days up to it, or all days up to it. */
export function windowFor(cursor: number, mode: WindowMode, windowDays: number): TimeWindow {
  if (mode === 'cumulative') return { from: Number.MIN_SAFE_INTEGER, to: cursor };
  return { from: cursor - Math.max(1, windowDays) + 1, to: cursor };
}

/** Nearest day after (dir 1) or before (dir -1) `day` on which some event starts; null if none. */
export function nextEventDay(index: EventIndex, day: number, dir: 1 | -1): number | null {
  if (dir === 1) {
    const i = lowerBound(index.starts, day + 1);
    return i < index.starts.length ? index.starts[i] : null;
  }
  const i = lowerBound(index.starts, day) - 1;
  return i >= 0 ? index.starts[i] : null;
}

/** First index whose value is >= `value` in an ascending array. */
export function lowerBound(arr: Int32Array, value: number): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function compareEvents(a: EventFeature, b: EventFeature): number {
  const d = a.properties.day - b.properties.day;
  if (d !== 0) return d;
  return a.properties.eventId < b.properties.eventId ? -1 : a.properties.eventId > b.properties.eventId ? 1 : 0;
}

function indexSorted(features: EventFeature[]): EventIndex {
  const n = features.length;
  const starts = new Int32Array(n);
  const ends = new Int32Array(n);
  const firstOfEvent = new Uint8Array(n);
  const lon = new Float64Array(n);
  const lat = new Float64Array(n);
  const fatal = new Int32Array(n);
  let maxSpan = 0;
  let minDay = n ? Infinity : 0;
  let maxDay = n ? -Infinity : -1;
  for (let i = 0; i < n; i++) {
    const f = features[i];
    const p = f.properties;
    if (f instanceof RowFeature) {
      lon[i] = f.lon;
      lat[i] = f.lat;
    } else [lon[i], lat[i]] = f.geometry.coordinates;
    fatal[i] = p.fatalities ?? -1;
    starts[i] = p.day;
    ends[i] = p.dayEnd;
    firstOfEvent[i] = i === 0 || features[i - 1].properties.eventId !== p.eventId ? 1 : 0;
    maxSpan = Math.max(maxSpan, p.dayEnd - p.day);
    minDay = Math.min(minDay, p.day);
    maxDay = Math.max(maxDay, p.dayEnd);
  }
  return { features, starts, ends, firstOfEvent, lon, lat, fatal, maxSpan, minDay, maxDay };
}
