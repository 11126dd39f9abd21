/**
 * Basemap features: the pure geometry steps that turn Natural Earth and GeoNames records
 * into the small GeoJSON sources the offline basemap draws.
 *
 * - clipping to the detailed extent (and to its complement, for the coarse world around it),
 * - rounding coordinates (Natural Earth 10m in world-atlas is quantised to ~0.004°; more digits
 *   would only add bytes),
 * - internal boundaries from polygons (edges shared by two admin-1 units, so coasts are not
 *   drawn twice and no boundary is drawn twice).
 * Labels (thinning, local-script names) are in basemap-labels.ts.
 */
import { bboxClip } from '@turf/turf';
import type { Feature, Geometry, LineString, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import type { BBox } from '../model.ts';

// ---------------------------------------------------------------------------------------------
// Geometry
// ---------------------------------------------------------------------------------------------

/** The four boxes that cover the world outside `box` without overlapping it or each other. */
export function complementBoxes([w, s, e, n]: BBox): BBox[] {
  const boxes: BBox[] = [
    [-180, -90, w, 90],
    [e, -90, 180, 90],
    [w, n, e, 90],
    [w, -90, e, s],
  ];
  return boxes.filter(([a, b, c, d]) => c > a && d > b);
}

/**
 * Clips a (multi)polygon or (multi)line to a box; null when nothing is left. Rings and lines that
 * cross the antimeridian (Fiji, Chukotka: a jump of more than 180° between two vertices) are
 * unwrapped first and their far side brought back, so that no sliver spans the whole map.
 */
export function clipGeometry(geometry: Geometry, box: BBox): Geometry | null {
  if (geometry.type === 'Point' || geometry.type === 'MultiPoint' || geometry.type === 'GeometryCollection') {
    return null;
  }
  const unwrapped = mapLines(geometry, unwrapLine);
  const parts: Geometry[] = [];
  for (const shift of [0, 360, -360]) {
    const shifted: BBox = [box[0] + shift, box[1], box[2] + shift, box[3]];
    const clipped = dropDegenerate(bboxClip({ type: 'Feature', properties: {}, geometry: unwrapped } as Feature<typeof unwrapped>, shifted).geometry);
    if (clipped) parts.push(shift === 0 ? clipped : mapLines(clipped, (l) => l.map((p) => [p[0] - shift, p[1]])));
  }
  return mergeGeometries(parts);
}

/** Gathers polygons into one MultiPolygon, lines into one MultiLineString; null for none. */
export function mergeGeometries(parts: readonly Geometry[]): Geometry | null {
  if (parts.length <= 1) return parts[0] ?? null;
  if (parts.every(isAreal)) {
    return { type: 'MultiPolygon', coordinates: parts.flatMap((g) => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates)) };
  }
  const lines = parts.flatMap((g) => (g.type === 'LineString' ? [g.coordinates] : g.type === 'MultiLineString' ? g.coordinates : []));
  return { type: 'MultiLineString', coordinates: lines };
}

/** Rounds every coordinate to `decimals` places and drops what rounding made degenerate. */
export function roundGeometry(geometry: Geometry, decimals: number): Geometry | null {
  const f = 10 ** decimals;
  const r = (p: Position): Position => [Math.round(p[0] * f) / f, Math.round(p[1] * f) / f];
  const line = (ps: Position[]) => dedupe(ps.map(r));
  switch (geometry.type) {
    case 'Point':
      return { type: 'Point', coordinates: r(geometry.coordinates) };
    case 'LineString':
      return dropDegenerate({ type: 'LineString', coordinates: line(geometry.coordinates) });
    case 'MultiLineString':
      return dropDegenerate({ type: 'MultiLineString', coordinates: geometry.coordinates.map(line) });
    case 'Polygon':
      return dropDegenerate({ type: 'Polygon', coordinates: geometry.coordinates.map(line) });
    case 'MultiPolygon':
      return dropDegenerate({ type: 'MultiPolygon', coordinates: geometry.coordinates.map((p) => p.map(line)) });
    default:
      return null;
  }
}

/**
 * The edges shared by two of the given polygons, as lines, each drawn once. Edges on one polygon
 * only (coasts, the outer edge of the set) are left out. Coordinates are compared after rounding
 * to `decimals`, which is how Natural Earth's neighbouring units line up.
 */
export function sharedBoundaries(polygons: ReadonlyArray<Polygon | MultiPolygon>, decimals: number): MultiLineString {
  const f = 10 ** decimals;
  const key = (p: Position) => `${Math.round(p[0] * f)},${Math.round(p[1] * f)}`;
  const edgeKey = (a: Position, b: Position) => {
    const ka = key(a);
    const kb = key(b);
    return ka < kb ? `${ka}|${kb}` : `${kb}|${ka}`;
  };
  const rings = polygons.flatMap((g) => (g.type === 'Polygon' ? g.coordinates : g.coordinates.flat()));
  const count = new Map<string, number>();
  for (const ring of rings) {
    for (let i = 1; i < ring.length; i++) {
      const k = edgeKey(ring[i - 1], ring[i]);
      if (key(ring[i - 1]) !== key(ring[i])) count.set(k, (count.get(k) ?? 0) + 1);
    }
  }
  const drawn = new Set<string>();
  const lines: Position[][] = [];
  for (const ring of rings) {
    let run: Position[] = [];
    const flush = () => {
      if (run.length >= 2) lines.push(run);
      run = [];
    };
    for (let i = 1; i < ring.length; i++) {
      const k = edgeKey(ring[i - 1], ring[i]);
      if ((count.get(k) ?? 0) >= 2 && !drawn.has(k)) {
        drawn.add(k);
        if (run.length === 0) run.push(ring[i - 1]);
        run.push(ring[i]);
      } else {
        flush();
      }
    }
    flush();
  }
  return { type: 'MultiLineString', coordinates: lines };
}

// ---------------------------------------------------------------------------------------------

/**
 * Makes a line or ring continuous across the antimeridian (170, -170 becomes 170, 190). A ring that
 * goes round a pole (Antarctica) does not close once unwrapped: it is left as it is.
 */
function unwrapLine(ps: Position[]): Position[] {
  let offset = 0;
  const out = ps.map((p, i) => {
    if (i > 0) {
      const d = p[0] - ps[i - 1][0];
      if (d > 180) offset -= 360;
      else if (d < -180) offset += 360;
    }
    return offset === 0 ? p : [p[0] + offset, p[1]];
  });
  const closedBefore = ps.length > 1 && ps[0][0] === ps[ps.length - 1][0] && ps[0][1] === ps[ps.length - 1][1];
  return closedBefore && offset !== 0 ? ps : out;
}

/** Applies `f` to every line/ring of a (multi)line or (multi)polygon. */
function mapLines<G extends Geometry>(g: G, f: (line: Position[]) => Position[]): G {
  switch (g.type) {
    case 'LineString':
      return { ...g, coordinates: f(g.coordinates) };
    case 'MultiLineString':
    case 'Polygon':
      return { ...g, coordinates: g.coordinates.map(f) };
    case 'MultiPolygon':
      return { ...g, coordinates: g.coordinates.map((poly) => poly.map(f)) };
    default:
      return g;
  }
}

function dedupe(ps: Position[]): Position[] {
  return ps.filter((p, i) => i === 0 || p[0] !== ps[i - 1][0] || p[1] !== ps[i - 1][1]);
}

/** Removes rings with fewer than 4 positions, lines with fewer than 2, and empty parts. */
function dropDegenerate(g: Geometry): Geometry | null {
  const okLine = (l: Position[]) => l.length >= 2;
  const okRing = (r: Position[]) => r.length >= 4;
  switch (g.type) {
    case 'LineString':
      return okLine(g.coordinates) ? g : null;
    case 'MultiLineString': {
      const lines = g.coordinates.filter(okLine);
      return lines.length ? ({ type: 'MultiLineString', coordinates: lines } satisfies MultiLineString) : null;
    }
    case 'Polygon': {
      // A polygon whose outer ring vanished has nothing left, whatever its holes.
      if (!g.coordinates[0] || !okRing(g.coordinates[0])) return null;
      return { type: 'Polygon', coordinates: g.coordinates.filter(okRing) } satisfies Polygon;
    }
    case 'MultiPolygon': {
      const polys = g.coordinates.filter((p) => p[0] && okRing(p[0])).map((p) => p.filter(okRing));
      return polys.length ? ({ type: 'MultiPolygon', coordinates: polys } satisfies MultiPolygon) : null;
    }
    default:
      return g;
  }
}

/** Type guard for the geometries `sharedBoundaries` takes. */
export function isAreal(g: Geometry | null | undefined): g is Polygon | MultiPolygon {
  return !!g && (g.type === 'Polygon' || g.type === 'MultiPolygon');
}

/** Type guard for line geometries. */
export function isLinear(g: Geometry | null | undefined): g is LineString | MultiLineString {
  return !!g && (g.type === 'LineString' || g.type === 'MultiLineString');
}
