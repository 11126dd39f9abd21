/**
 * Basemap extent: where the offline basemap carries detail, computed from the data layers.
 *
 * The basemap is small because it is detailed only where the data is: Natural Earth 10m borders,
 * admin-1 boundaries and GeoNames places inside a padded box around the data, and a coarse world
 * everywhere else. This module decides that box and the Natural Earth scale to use in it. It is
 * pure: the caller reads the layers and hands their features in.
 *
 * Robustness matters more than tightness: one "Moscow said" or a mention of Tripoli, Libya must not
 * stretch a Syrian corpus's detail over half the globe. So events, areas and routes (where things
 * happened) take precedence over mentions, only literal mentions count when mentions are all there
 * is, country-sized features count by their centre, and the outermost few per cent are trimmed.
 */
import { booleanPointInPolygon } from '@turf/turf';
import type { BasemapDetail, BasemapExtent, BBox } from '../model.ts';
import type { FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';

/** The data layers the extent is read from (`public/data/<layer>.geojson`). */
export type ExtentLayer = 'events' | 'mentions' | 'areas' | 'routes';

/** One feature's contribution to the extent. */
export interface ExtentSample {
  /** The layer the feature comes from. */
  layer: ExtentLayer;
  /** The feature's bounding box. */
  bbox: BBox;
  /** The mention's role (`literal`, `metonymic`, `adjectival`) for mention features. */
  role?: string;
}

/** A country (or any region) the detail can grow to: the theatre's countries and their neighbours. */
export interface ExtentRegion {
  /** Stable id (ISO 3166-1 alpha-3 for countries), the key of `neighbours`. */
  id: string;
  /** The region's outline, to tell which region a feature is in. */
  geometry: Polygon | MultiPolygon;
  /** Its bounding box. Regions across the antimeridian (wider than 180°) never join. */
  bbox: BBox;
  /** Ids of the regions sharing a land border with it. */
  neighbours: readonly string[];
}

/** Tuning of the extent; every field has a default in `defaultExtentOptions`. */
export interface ExtentOptions {
  /** Fraction of samples trimmed on each side before taking the box (outliers). */
  trimFraction: number;
  /** A feature wider or taller than this (degrees) counts by its centre only (a country polygon). */
  maxFeatureSpan: number;
  /** Padding on each side as a fraction of the core's span… */
  padFraction: number;
  /** …but at least this many degrees (a single town still gets its neighbours)… */
  minPad: number;
  /** …and at most this many. */
  maxPad: number;
  /** A region holding at least this share of the features is part of the theatre (with neighbours). */
  theatreShare: number;
  /** Margin (degrees) around the theatre's regions. */
  regionMargin: number;
  /** Largest padded area (square degrees, longitude scaled by cos(latitude)) drawn at 10m. */
  max10mArea: number;
  /** Largest padded area drawn at 50m; anything larger is a world basemap at 110m. */
  max50mArea: number;
}

export const defaultExtentOptions: ExtentOptions = {
  trimFraction: 0.05, // 1 in 20 features may be far away without moving the box
  maxFeatureSpan: 12, // about the size of Syria: larger areas are context, not the theatre
  padFraction: 0.5, // the neighbours of the theatre are where an analyst pans next
  minPad: 3, // ~300 km
  maxPad: 10,
  theatreShare: 0.1, // a country with one feature in ten is where things happen, not a passing mention
  regionMargin: 1,
  max10mArea: 1500, // ~ Turkey + Syria + Iraq + neighbours; keeps the 10m files around 1-2 MB
  max50mArea: 12000, // ~ a continent
};

/** Mercator cannot show the poles; boxes are clamped to what the map can show. */
const MAX_LAT = 85;

/** The layers that say where things happened, preferred over mentions. */
const PRIMARY_LAYERS: ReadonlySet<ExtentLayer> = new Set(['events', 'areas', 'routes']);

/**
 * Computes the basemap extent from the data's features. The detail covers the padded core of the
 * data, the regions (countries) holding at least `theatreShare` of it, and their neighbours, as far
 * as the 10m budget (`max10mArea`) allows: a Syrian corpus gets Syria, Turkey, Iraq, Lebanon,
 * Jordan and Israel. No usable sample gives a world basemap (`bbox: null`, `detail: '110m'`).
 */
export function computeBasemapExtent(
  samples: readonly ExtentSample[],
  options: Partial<ExtentOptions> = {},
  regions: readonly ExtentRegion[] = [],
): BasemapExtent {
  const opts = { ...defaultExtentOptions, ...options };
  const { chosen, basis } = chooseBasis(samples);
  if (chosen.length === 0) return { bbox: null, detail: '110m', core: null, basis: 'none', samples: 0 };

  const boxes = chosen.map((s) => shrinkLarge(s.bbox, opts.maxFeatureSpan));
  const core = trimmedBox(boxes, opts.trimFraction);
  const paddedCore = snapOutward(padBox(core, opts));
  let padded = paddedCore;
  let regionsBox: BBox | null = null;
  for (const region of theatreAndNeighbours(boxes, regions, opts.theatreShare)) {
    const next: BBox = regionsBox ? unionBox(regionsBox, region.bbox) : region.bbox;
    const grown = snapOutward(unionBox(paddedCore, growBox(next, opts.regionMargin)));
    if (boxArea(grown) > opts.max10mArea) continue; // a neighbour too big for the budget stays coarse
    regionsBox = next;
    padded = grown;
  }
  const detail = detailForArea(boxArea(padded), opts);
  if (detail === '110m') return { bbox: null, detail, core, basis, samples: chosen.length };
  return { bbox: padded, detail, core, basis, samples: chosen.length };
}

/** The Natural Earth scale for a padded area (square degrees, see `boxArea`). */
export function detailForArea(area: number, options: Partial<ExtentOptions> = {}): BasemapDetail {
  const opts = { ...defaultExtentOptions, ...options };
  if (area <= opts.max10mArea) return '10m';
  if (area <= opts.max50mArea) return '50m';
  return '110m';
}

/** Area of a box in square degrees, longitude scaled by the cosine of the middle latitude. */
export function boxArea([w, s, e, n]: BBox): number {
  const midLat = ((s + n) / 2) * (Math.PI / 180);
  return Math.max(0, e - w) * Math.max(0, n - s) * Math.cos(midLat);
}

/** Turns one parsed layer file into extent samples; features without geometry are skipped. */
export function extentSamples(layer: ExtentLayer, collection: FeatureCollection): ExtentSample[] {
  const out: ExtentSample[] = [];
  for (const feature of collection.features ?? []) {
    const bbox = feature?.geometry ? geometryBBox(feature.geometry) : null;
    if (!bbox) continue;
    const role = feature.properties?.role;
    out.push(typeof role === 'string' ? { layer, bbox, role } : { layer, bbox });
  }
  return out;
}

/** Bounding box of a GeoJSON geometry, or null when it has no finite coordinate. */
export function geometryBBox(geometry: Geometry): BBox | null {
  const box: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (p: Position) => {
    const [x, y] = p;
    if (!Number.isFinite(x) || !Number.isFinite(y)) return;
    if (x < box[0]) box[0] = x;
    if (y < box[1]) box[1] = y;
    if (x > box[2]) box[2] = x;
    if (y > box[3]) box[3] = y;
  };
  walkPositions(geometry, visit);
  return box[0] === Infinity ? null : box;
}

/** Whether two boxes overlap (touching counts). */
export function boxesIntersect(a: BBox, b: BBox): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

/** Whether a point lies in a box (edges included). */
export function boxContains([w, s, e, n]: BBox, lon: number, lat: number): boolean {
  return lon >= w && lon <= e && lat >= s && lat <= n;
}

// ---------------------------------------------------------------------------------------------

/** Events/areas/routes when there are any; else literal mentions; else every mention. */
function chooseBasis(samples: readonly ExtentSample[]): { chosen: ExtentSample[]; basis: string } {
  const primary = samples.filter((s) => PRIMARY_LAYERS.has(s.layer));
  if (primary.length > 0) {
    const layers = [...new Set(primary.map((s) => s.layer))].sort();
    return { chosen: primary, basis: layers.join('+') };
  }
  const mentions = samples.filter((s) => s.layer === 'mentions');
  const literal = mentions.filter((s) => s.role === 'literal');
  if (literal.length > 0) return { chosen: literal, basis: 'mentions(literal)' };
  return { chosen: mentions, basis: mentions.length > 0 ? 'mentions' : 'none' };
}

/**
 * The regions holding at least `share` of the features (by centre), most features first, then
 * their neighbours, in id order. Each region appears once.
 */
function theatreAndNeighbours(boxes: readonly BBox[], regions: readonly ExtentRegion[], share: number): ExtentRegion[] {
  const usable = regions.filter((r) => r.bbox[2] - r.bbox[0] <= 180);
  const counts = new Map<ExtentRegion, number>();
  for (const [w, s, e, n] of boxes) {
    const x = (w + e) / 2;
    const y = (s + n) / 2;
    const hit = usable.find((r) => boxContains(r.bbox, x, y) && booleanPointInPolygon([x, y], r.geometry));
    if (hit) counts.set(hit, (counts.get(hit) ?? 0) + 1);
  }
  const theatre = [...counts]
    .filter(([, c]) => c >= share * boxes.length)
    .sort(([a, ca], [b, cb]) => cb - ca || (a.id < b.id ? -1 : 1))
    .map(([r]) => r);
  const byId = new Map(usable.map((r) => [r.id, r]));
  const seen = new Set(theatre.map((r) => r.id));
  const neighbours: ExtentRegion[] = [];
  for (const id of theatre.flatMap((r) => [...r.neighbours]).sort()) {
    const r = byId.get(id);
    if (r && !seen.has(id)) {
      seen.add(id);
      neighbours.push(r);
    }
  }
  return [...theatre, ...neighbours];
}

function unionBox(a: BBox, b: BBox): BBox {
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
}

function growBox([w, s, e, n]: BBox, margin: number): BBox {
  return [w - margin, s - margin, e + margin, n + margin];
}

/** A feature larger than `maxSpan` counts by its centre, so a country does not set the extent. */
function shrinkLarge(box: BBox, maxSpan: number): BBox {
  const [w, s, e, n] = box;
  if (e - w <= maxSpan && n - s <= maxSpan) return box;
  const x = (w + e) / 2;
  const y = (s + n) / 2;
  return [x, y, x, y];
}

/** Box of the samples after dropping the `fraction` outermost on each side, edge by edge. */
function trimmedBox(boxes: readonly BBox[], fraction: number): BBox {
  const k = Math.floor(boxes.length * fraction);
  const asc = (i: number) => boxes.map((b) => b[i]).sort((a, b) => a - b);
  const wests = asc(0);
  const souths = asc(1);
  const easts = asc(2);
  const norths = asc(3);
  const last = boxes.length - 1 - k;
  const w = wests[k];
  const s = souths[k];
  // Trimming edges independently can cross over with two far-apart clusters: keep it a box.
  const e = Math.max(easts[last], w);
  const n = Math.max(norths[last], s);
  return [w, s, e, n];
}

function padBox([w, s, e, n]: BBox, opts: ExtentOptions): BBox {
  const pad = (span: number) => Math.min(opts.maxPad, Math.max(opts.minPad, span * opts.padFraction));
  const px = pad(e - w);
  const py = pad(n - s);
  return [w - px, s - py, e + px, n + py];
}

/** Whole degrees, outward, clamped: small changes in the data do not change the output files. */
function snapOutward([w, s, e, n]: BBox): BBox {
  return [
    Math.max(-180, Math.floor(w)),
    Math.max(-MAX_LAT, Math.floor(s)),
    Math.min(180, Math.ceil(e)),
    Math.min(MAX_LAT, Math.ceil(n)),
  ];
}

function walkPositions(geometry: Geometry, visit: (p: Position) => void): void {
  switch (geometry.type) {
    case 'Point':
      visit(geometry.coordinates);
      break;
    case 'MultiPoint':
    case 'LineString':
      geometry.coordinates.forEach(visit);
      break;
    case 'MultiLineString':
    case 'Polygon':
      geometry.coordinates.forEach((line) => line.forEach(visit));
      break;
    case 'MultiPolygon':
      geometry.coordinates.forEach((poly) => poly.forEach((ring) => ring.forEach(visit)));
      break;
    case 'GeometryCollection':
      geometry.geometries.forEach((g) => walkPositions(g, visit));
      break;
  }
}
