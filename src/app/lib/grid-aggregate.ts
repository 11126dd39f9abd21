/**
 * The map past AGGREGATE_FROM shown features: counts per grid cell instead of one marker per
 * event. In software WebGL a step costs what is drawn (PERF-NOTES.md), and half a million markers
 * at country zoom are one blot anyway; a cell's badge (drawn with the spot badges, clustered the
 * same way) gives how many events it holds, and a click zooms in. A step reads only the index's
 * typed arrays over the window's index range: no feature object is touched.
 */
import type { FeatureCollection, Point } from 'geojson';
import { candidateRange, type EventIndex, type TimeWindow } from './event-index.ts';

/**
 * From this many shown features near the view the map draws cell counts. A step with markers
 * costs per marker and per spot (MapLibre re-clusters the spots each step): at 10k events in the
 * cumulative mode (~5.7k shown) a marker step took 2.5 repaints where cell counts take about one
 * (docs/scale.md). Zoomed in, fewer lie near the view and the markers come back.
 */
export const AGGREGATE_FROM = 5_000;

type Box = [number, number, number, number];

/** The window's features within `bounds` (w, s, e, n), in index order. */
export function featuresNear(index: EventIndex, win: TimeWindow, bounds: Box): EventIndex['features'] {
  const out: EventIndex['features'] = [];
  forNear(index, win, bounds, (i) => out.push(index.features[i]));
  return out;
}

/** How many of the window's features lie within `bounds`. */
export function countNear(index: EventIndex, win: TimeWindow, bounds: Box): number {
  let n = 0;
  forNear(index, win, bounds, () => n++);
  return n;
}

function forNear(index: EventIndex, win: TimeWindow, [w, s, e, n]: Box, each: (i: number) => void): void {
  const { lo, hi } = candidateRange(index, win);
  const { ends, lon, lat } = index;
  for (let i = lo; i < hi; i++) {
    if (ends[i] < win.from) continue;
    const x = lon[i];
    const y = lat[i];
    if (x >= w && x <= e && y >= s && y <= n) each(i);
  }
}

/** Properties of a cell's point: a spot of `count` events, marked as a cell. */
export interface CellProps {
  count: number;
  key: string;
  cell: true;
}

/** Degrees of a cell's side at a zoom: about a third of the spot clusters' 34 px radius. */
export function cellSize(zoom: number): number {
  return 12 / 2 ** Math.max(0, Math.floor(zoom));
}

/**
 * One point per occupied cell of the window's features inside `bounds` ([w, s, e, n], the view
 * with a margin; null: everywhere), at the mean position of its features, with their count.
 */
export function gridCells(index: EventIndex, win: TimeWindow, zoom: number, bounds: [number, number, number, number] | null): FeatureCollection<Point, CellProps> {
  const size = cellSize(zoom);
  const [w, s, e, n] = bounds ?? [-180, -90, 180, 90];
  const cols = Math.max(1, Math.ceil((e - w) / size));
  const rows = Math.max(1, Math.ceil((n - s) / size));
  const dense = cols * rows <= 1 << 20;
  const slot = dense ? new Int32Array(cols * rows).fill(-1) : null;
  const sparse = dense ? null : new Map<number, number>();
  const count: number[] = [];
  const sumLon: number[] = [];
  const sumLat: number[] = [];
  const keys: number[] = [];
  const { lo, hi } = candidateRange(index, win);
  const { ends, lon, lat } = index;
  const from = win.from;
  for (let i = lo; i < hi; i++) {
    if (ends[i] < from) continue;
    const x = lon[i];
    const y = lat[i];
    if (x < w || x > e || y < s || y > n) continue;
    const cell = Math.min(rows - 1, Math.floor((y - s) / size)) * cols + Math.min(cols - 1, Math.floor((x - w) / size));
    let k = slot ? slot[cell] : (sparse!.get(cell) ?? -1);
    if (k < 0) {
      k = count.length;
      if (slot) slot[cell] = k;
      else sparse!.set(cell, k);
      count.push(0);
      sumLon.push(0);
      sumLat.push(0);
      keys.push(cell);
    }
    count[k]++;
    sumLon[k] += x;
    sumLat[k] += y;
  }
  return {
    type: 'FeatureCollection',
    features: count.map((c, k) => ({
      type: 'Feature',
      properties: { count: c, key: `cell:${keys[k]}`, cell: true },
      geometry: { type: 'Point', coordinates: [sumLon[k] / c, sumLat[k] / c] },
    })),
  };
}
