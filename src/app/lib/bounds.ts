/** The bounding box of a set of points, for the first view ("fit the data"). */
import type { Feature, Point } from 'geojson';

/** `[[west, south], [east, north]]`, or null for no points. */
export type Bounds = [[number, number], [number, number]];

export function boundsOf(features: Array<Feature<Point>>): Bounds | null {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const f of features) {
    const [lon, lat] = f.geometry.coordinates;
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) continue;
    w = Math.min(w, lon);
    e = Math.max(e, lon);
    s = Math.min(s, lat);
    n = Math.max(n, lat);
  }
  return w <= e ? [[w, s], [e, n]] : null;
}

/** True when the point lies inside the bounds. */
export function contains(b: Bounds, lon: number, lat: number): boolean {
  return lon >= b[0][0] && lon <= b[1][0] && lat >= b[0][1] && lat <= b[1][1];
}

/**
 * The data's extent as the basemap build wrote it into the style's metadata
 * (`conflict-map:data-extent`, `[west, south, east, north]`): the box of the events, areas and
 * routes (or of the literal mentions) with outliers trimmed, the same box the basemap's detail
 * follows. Null when the style has none (a fallback style) or it is malformed.
 */
export function dataExtentOf(metadata: unknown): Bounds | null {
  const extent = (metadata as Record<string, unknown> | null | undefined)?.['conflict-map:data-extent'];
  if (!Array.isArray(extent) || extent.length !== 4 || !extent.every((x) => typeof x === 'number' && Number.isFinite(x))) return null;
  const [w, s, e, n] = extent as number[];
  return w <= e && s <= n ? [[w, s], [e, n]] : null;
}
