/**
 * Basemap hydrography: the pure steps that turn GSHHG (WDBII rivers, GSHHS lake shorelines, as
 * GMT's `gmt coast -M` dumps them) into the compact rivers and lakes of `geodata/hydro/`, and that
 * pick what the basemap draws of them.
 *
 * GMT stores GSHHG in bins (a few degrees square) and dumps each feature bin by bin: a river or a
 * lake crossing a bin edge comes out as pieces whose ends meet exactly on the edge. `joinPieces`
 * puts them back together (rivers into lines, lake shores into closed rings), `simplifyLine`
 * thins them (Douglas–Peucker), `assembleLakes` turns rings into polygons with their islands as
 * holes; `selectHydro` clips and thins them for the basemap. Deterministic: same input, same output.
 */
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import type { BBox } from '../model.ts';
import { clipGeometry } from './basemap-features.ts';

/** One segment of a GMT multisegment dump: its `>` header and its points. */
export interface GmtSegment {
  header: string;
  points: Position[];
}

/**
 * Parses GMT's ASCII multisegment format (`>` header lines, then `lon lat` rows, whitespace or
 * tab separated). Rows before the first header form a segment with an empty header. Comment lines
 * (`#`) and blank lines are skipped; rows that are not two numbers are ignored.
 */
export function parseGmtSegments(text: string): GmtSegment[] {
  const segments: GmtSegment[] = [];
  let current: GmtSegment | null = null;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    if (line.startsWith('>')) {
      current = { header: line.slice(1).trim(), points: [] };
      segments.push(current);
      continue;
    }
    const [a, b] = line.split(/\s+/).map(Number);
    if (!Number.isFinite(a) || !Number.isFinite(b)) continue;
    if (!current) {
      current = { header: '', points: [] };
      segments.push(current);
    }
    current.points.push([a, b]);
  }
  return segments.filter((s) => s.points.length > 0);
}

/** The `Level N` of a GMT coast header (`River Bin # 232, Level 1`), or null. */
export function headerLevel(header: string): number | null {
  const m = /Level\s+(\d+)/i.exec(header);
  return m ? Number(m[1]) : null;
}

/**
 * Joins pieces whose ends coincide (to `decimals` places) into longer lines. Where more than two
 * pieces meet at a point (a confluence), the point is left as a junction and the pieces meeting
 * there are not joined through it, so a tributary never continues into the main stem. A piece that
 * closes on itself, or chains into a loop, comes out closed (first point repeated last): lake
 * shores come out as rings. Output order: by first point, then length, for determinism.
 */
export function joinPieces(pieces: readonly Position[][], decimals = 6): Position[][] {
  const f = 10 ** decimals;
  const key = (p: Position) => `${Math.round(p[0] * f)},${Math.round(p[1] * f)}`;
  const lines = pieces.filter((p) => p.length >= 2).map((p) => p.slice());
  // Ends at each point: [line index, 0 = start | 1 = end].
  const ends = new Map<string, Array<[number, 0 | 1]>>();
  const addEnd = (k: string, e: [number, 0 | 1]) => {
    const list = ends.get(k);
    if (list) list.push(e);
    else ends.set(k, [e]);
  };
  lines.forEach((l, i) => {
    addEnd(key(l[0]), [i, 0]);
    addEnd(key(l[l.length - 1]), [i, 1]);
  });
  const used = new Array<boolean>(lines.length).fill(false);
  // The other piece at a point where exactly two piece ends meet.
  const partner = (k: string, self: number): [number, 0 | 1] | null => {
    const list = ends.get(k)!;
    if (list.length !== 2) return null;
    const other = list[0][0] === self && list[1][0] === self ? null : list[0][0] === self ? list[1] : list[0];
    return other && !used[other[0]] ? other : null;
  };
  const extend = (line: Position[], self: number): void => {
    // Grows `line` forwards from its last point.
    for (;;) {
      const k = key(line[line.length - 1]);
      if (k === key(line[0]) && line.length > 2) return; // closed
      const next = partner(k, self);
      if (!next) return;
      used[next[0]] = true;
      const piece = next[1] === 0 ? lines[next[0]] : lines[next[0]].slice().reverse();
      for (let j = 1; j < piece.length; j++) line.push(piece[j]);
      self = next[0];
    }
  };
  const out: Position[][] = [];
  for (let i = 0; i < lines.length; i++) {
    if (used[i]) continue;
    used[i] = true;
    const line = lines[i].slice();
    extend(line, i);
    // Then backwards from the first point, unless closed.
    if (key(line[0]) !== key(line[line.length - 1])) {
      line.reverse();
      extend(line, i);
      line.reverse();
    }
    out.push(line);
  }
  return out.sort(compareLines);
}

/** Whether a line's first and last points are the same (a ring). */
export function isClosed(line: readonly Position[]): boolean {
  const a = line[0];
  const b = line[line.length - 1];
  return line.length >= 4 && a[0] === b[0] && a[1] === b[1];
}

/**
 * Douglas–Peucker simplification with `tolerance` in degrees (longitude scaled by the cosine of the
 * line's mean latitude, so the tolerance is about the same distance everywhere). Keeps the end
 * points; a closed ring keeps its first point and the point farthest from it, and at least 4 points.
 */
export function simplifyLine(line: readonly Position[], tolerance: number): Position[] {
  if (line.length <= 2 || tolerance <= 0) return line.slice();
  const meanLat = line.reduce((s, p) => s + p[1], 0) / line.length;
  const kx = Math.cos((meanLat * Math.PI) / 180);
  const keep = new Uint8Array(line.length);
  const t2 = tolerance * tolerance;
  const dp = (first: number, last: number) => {
    const stack: Array<[number, number]> = [[first, last]];
    while (stack.length) {
      const [a, b] = stack.pop()!;
      const ax = line[a][0] * kx;
      const ay = line[a][1];
      const dx = line[b][0] * kx - ax;
      const dy = line[b][1] - ay;
      const len2 = dx * dx + dy * dy;
      let worst = -1;
      let worstD = t2;
      for (let i = a + 1; i < b; i++) {
        const px = line[i][0] * kx - ax;
        const py = line[i][1] - ay;
        let d: number;
        if (len2 === 0) d = px * px + py * py;
        else {
          const t = Math.max(0, Math.min(1, (px * dx + py * dy) / len2));
          const ex = px - t * dx;
          const ey = py - t * dy;
          d = ex * ex + ey * ey;
        }
        if (d > worstD) {
          worstD = d;
          worst = i;
        }
      }
      if (worst >= 0) {
        keep[worst] = 1;
        stack.push([a, worst], [worst, b]);
      }
    }
  };
  keep[0] = 1;
  keep[line.length - 1] = 1;
  if (isClosed(line)) {
    // Split the ring at its farthest point from the start so both halves have distinct ends.
    let far = 1;
    let farD = -1;
    for (let i = 1; i < line.length - 1; i++) {
      const d = ((line[i][0] - line[0][0]) * kx) ** 2 + (line[i][1] - line[0][1]) ** 2;
      if (d > farD) {
        farD = d;
        far = i;
      }
    }
    keep[far] = 1;
    dp(0, far);
    dp(far, line.length - 1);
    const out = line.filter((_, i) => keep[i]);
    if (out.length >= 4) return out;
    // Too thin to survive as a ring at this tolerance: keep the most distant points.
    return line.length >= 4 ? [line[0], line[Math.floor(far / 2)] ?? line[1], line[far], line[line.length - 1]] : line.slice();
  }
  dp(0, line.length - 1);
  return line.filter((_, i) => keep[i]);
}

/** Rounds each coordinate to `decimals` places and drops consecutive repeats. */
export function roundLine(line: readonly Position[], decimals: number): Position[] {
  const f = 10 ** decimals;
  const out: Position[] = [];
  for (const p of line) {
    const q: Position = [Math.round(p[0] * f) / f, Math.round(p[1] * f) / f];
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  return out;
}

/** Area of a ring in km² (spherical excess approximation, as turf's `area`), always positive. */
export function ringAreaKm2(ring: readonly Position[]): number {
  const R = 6378.137;
  const rad = Math.PI / 180;
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x1, y1] = ring[i];
    const [x2, y2] = ring[i + 1];
    sum += (x2 - x1) * rad * (2 + Math.sin(y1 * rad) + Math.sin(y2 * rad));
  }
  return Math.abs((sum * R * R) / 2);
}

/** Whether the point lies inside the ring (even-odd rule; points on the edge are undefined). */
export function ringContains(ring: readonly Position[], x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** A lake: its shore, its islands (holes), its area in km² (shore minus islands), riverlake or not. */
export interface Lake {
  shore: Position[];
  islands: Position[][];
  areaKm2: number;
  riverlake: boolean;
}

/**
 * Polygons from lake shores (GSHHS level 2) and islands in lakes (level 3): each island becomes a
 * hole of the smallest lake whose shore holds its first point. Islands in no lake are dropped.
 * Shores are wound counter-clockwise and holes clockwise (RFC 7946). Sorted by area, largest first.
 */
export function assembleLakes(shores: ReadonlyArray<{ ring: Position[]; riverlake: boolean }>, islands: readonly Position[][]): Lake[] {
  const lakes: Lake[] = shores.map((s) => ({ shore: wind(s.ring, true), islands: [], areaKm2: ringAreaKm2(s.ring), riverlake: s.riverlake }));
  const boxes = lakes.map((l) => ringBox(l.shore));
  const bySize = lakes.map((_, i) => i).sort((a, b) => lakes[a].areaKm2 - lakes[b].areaKm2);
  for (const island of islands) {
    const [x, y] = island[0];
    const home = bySize.find((i) => {
      const b = boxes[i];
      return x >= b[0] && x <= b[2] && y >= b[1] && y <= b[3] && ringContains(lakes[i].shore, x, y);
    });
    if (home === undefined) continue;
    lakes[home].islands.push(wind(island, false));
  }
  for (const l of lakes) {
    l.islands.sort(compareLines);
    l.areaKm2 = Math.max(0, l.areaKm2 - l.islands.reduce((s, r) => s + ringAreaKm2(r), 0));
  }
  return lakes.sort((a, b) => b.areaKm2 - a.areaKm2 || compareLines(a.shore, b.shore));
}

/** The line's bounding box [west, south, east, north]. */
export function ringBox(ring: readonly Position[]): [number, number, number, number] {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const [x, y] of ring) {
    if (x < w) w = x;
    if (x > e) e = x;
    if (y < s) s = y;
    if (y > n) n = y;
  }
  return [w, s, e, n];
}

/** Length of a line in km (equirectangular, fine for ranking and filtering). */
export function lineLengthKm(line: readonly Position[]): number {
  let km = 0;
  for (let i = 1; i < line.length; i++) {
    const [x1, y1] = line[i - 1];
    const [x2, y2] = line[i];
    const kx = Math.cos((((y1 + y2) / 2) * Math.PI) / 180);
    km += Math.hypot((x2 - x1) * kx, y2 - y1) * 111.195;
  }
  return km;
}

// ---------------------------------------------------------------------------------------------

/** Signed area (shoelace, degrees²): positive for counter-clockwise. */
function signedArea(ring: readonly Position[]): number {
  let s = 0;
  for (let i = 0; i < ring.length - 1; i++) s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return s / 2;
}

function wind(ring: readonly Position[], ccw: boolean): Position[] {
  return signedArea(ring) > 0 === ccw ? ring.slice() : ring.slice().reverse();
}

function compareLines(a: readonly Position[], b: readonly Position[]): number {
  return a[0][0] - b[0][0] || a[0][1] - b[0][1] || b.length - a.length || a[a.length - 1][0] - b[b.length - 1][0] || a[a.length - 1][1] - b[b.length - 1][1];
}

// ---------------------------------------------------------------------------------------------
// What the basemap draws
// ---------------------------------------------------------------------------------------------

/** Which rivers and lakes a part of the basemap draws, and how finely. */
export interface HydroSelection {
  /** WDBII river levels drawn. */
  riverLevels: readonly number[];
  /** Lines shorter than this (km, after clipping) are dropped. */
  minRiverKm: number;
  /** Lakes and river-lakes smaller than this (km², whole lake) are dropped. */
  minLakeKm2: number;
  /** Further Douglas–Peucker tolerance (degrees; 0: as in geodata/hydro). */
  tolerance: number;
  /** Decimals of the coordinates written. */
  decimals: number;
}

/** Inside the detail box: everything in geodata/hydro, as it is. */
export const HYDRO_DETAIL: HydroSelection = { riverLevels: [1, 2, 3], minRiverKm: 0, minLakeKm2: 0, tolerance: 0, decimals: 3 };
/**
 * Around it (and for a world-only basemap): the great rivers and lakes only, at the coarseness of
 * Natural Earth 110m (the Nile, the Danube, the Mississippi; Victoria, the Great Lakes, Baikal).
 */
export const HYDRO_WORLD: HydroSelection = { riverLevels: [1], minRiverKm: 0, minLakeKm2: 2000, tolerance: 0.03, decimals: 2 };

/**
 * The rivers (one MultiLineString feature per level, `{level}`) and lakes (one MultiPolygon
 * feature for lakes and one for river-lakes, `{riverlake}`) drawn inside `boxes`, from the
 * geodata/hydro collections. Deterministic: input order is kept.
 */
export function selectHydro(
  rivers: FeatureCollection,
  lakes: FeatureCollection,
  boxes: readonly BBox[],
  selection: HydroSelection,
): { rivers: Feature[]; lakes: Feature[] } {
  const tidy = (l: Position[]) => roundLine(selection.tolerance > 0 ? simplifyLine(l, selection.tolerance) : l, selection.decimals);
  const riverOut: Feature[] = [];
  for (const f of rivers.features) {
    const level = Number(f.properties?.level);
    if (!selection.riverLevels.includes(level) || f.geometry?.type !== 'MultiLineString') continue;
    const lines: Position[][] = [];
    for (const line of f.geometry.coordinates) {
      const b = ringBox(line);
      for (const box of boxes) {
        if (!overlaps(b, box)) continue;
        const clipped = clipGeometry({ type: 'LineString', coordinates: line }, box);
        for (const part of clipped ? linesOf(clipped) : []) {
          if (lineLengthKm(part) < selection.minRiverKm) continue;
          const t = tidy(part);
          if (t.length >= 2) lines.push(t);
        }
      }
    }
    if (lines.length) riverOut.push({ type: 'Feature', properties: { level }, geometry: { type: 'MultiLineString', coordinates: lines } });
  }
  const polys: Record<'lake' | 'riverlake', Position[][][]> = { lake: [], riverlake: [] };
  for (const f of lakes.features) {
    if (f.geometry?.type !== 'Polygon' || Number(f.properties?.area_km2) < selection.minLakeKm2) continue;
    const b = ringBox(f.geometry.coordinates[0]);
    for (const box of boxes) {
      if (!overlaps(b, box)) continue;
      const clipped = clipGeometry(f.geometry, box);
      for (const poly of clipped ? polygonsOf(clipped) : []) {
        const shore = tidy(poly[0]);
        if (shore.length < 4) continue;
        const holes = poly.slice(1).map(tidy).filter((r) => r.length >= 4);
        polys[f.properties?.riverlake ? 'riverlake' : 'lake'].push([shore, ...holes]);
      }
    }
  }
  const lakeOut: Feature[] = (['lake', 'riverlake'] as const)
    .filter((k) => polys[k].length > 0)
    .map((k) => ({ type: 'Feature', properties: { riverlake: k === 'riverlake' }, geometry: { type: 'MultiPolygon', coordinates: polys[k] } }));
  return { rivers: riverOut, lakes: lakeOut };
}

function overlaps(a: readonly number[], b: readonly number[]): boolean {
  return a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];
}

function linesOf(g: Geometry): Position[][] {
  if (g.type === 'LineString') return [g.coordinates];
  if (g.type === 'MultiLineString') return g.coordinates;
  return [];
}

function polygonsOf(g: Geometry): Position[][][] {
  if (g.type === 'Polygon') return [g.coordinates];
  if (g.type === 'MultiPolygon') return g.coordinates;
  return [];
}
