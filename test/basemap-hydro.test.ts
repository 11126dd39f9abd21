import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import GJV from 'geojson-validation';
import type { FeatureCollection, MultiLineString, Polygon, Position } from 'geojson';
import {
  assembleLakes, HYDRO_DETAIL, HYDRO_WORLD, selectHydro, headerLevel, isClosed, joinPieces, lineLengthKm, parseGmtSegments, ringAreaKm2, ringContains, roundLine, simplifyLine,
} from '../src/core/basemap/basemap-hydro.ts';

describe('parseGmtSegments', () => {
  it('reads headers and rows, skipping comments and junk', () => {
    const text = '# comment\n> River Bin # 232, Level 1\n82.79\t70\n82.71 70.02\n\n> Shore Bin # 3, Level 2\nnot a row\n1 2\n';
    const segs = parseGmtSegments(text);
    expect(segs).toEqual([
      { header: 'River Bin # 232, Level 1', points: [[82.79, 70], [82.71, 70.02]] },
      { header: 'Shore Bin # 3, Level 2', points: [[1, 2]] },
    ]);
    expect(segs.map((s) => headerLevel(s.header))).toEqual([1, 2]);
    expect(headerLevel('no level')).toBeNull();
  });
});

describe('joinPieces', () => {
  it('joins pieces that meet at bin edges, whichever way they run', () => {
    const joined = joinPieces([
      [[2, 0], [3, 1]],
      [[0, 0], [1, 1], [2, 0]],
      [[4, 0], [3, 1]], // reversed
    ]);
    expect(joined).toEqual([[[0, 0], [1, 1], [2, 0], [3, 1], [4, 0]]]);
  });

  it('closes rings of lake shores split across bins', () => {
    const rings = joinPieces([
      [[0, 0], [1, 0], [1, 1]],
      [[1, 1], [0, 1], [0, 0]],
    ]);
    expect(rings).toHaveLength(1);
    expect(isClosed(rings[0])).toBe(true);
    expect(rings[0]).toHaveLength(5);
  });

  it('does not run a tributary into the main stem where three ends meet', () => {
    const joined = joinPieces([
      [[0, 0], [1, 0]],
      [[1, 0], [2, 0]],
      [[1, 1], [1, 0]],
    ]);
    expect(joined).toHaveLength(3);
  });
});

describe('simplifyLine and roundLine', () => {
  it('drops points within the tolerance and keeps the ends', () => {
    const line: Position[] = [[0, 0], [1, 0.001], [2, -0.001], [3, 0], [3, 2]];
    expect(simplifyLine(line, 0.01)).toEqual([[0, 0], [3, 0], [3, 2]]);
    expect(simplifyLine(line, 0)).toEqual(line);
  });

  it('keeps a ring a ring', () => {
    const ring: Position[] = [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]];
    const s = simplifyLine(ring, 0.01);
    expect(isClosed(s)).toBe(true);
    expect(s.length).toBeGreaterThanOrEqual(4);
  });

  it('rounds and removes repeats', () => {
    expect(roundLine([[1.00004, 2.00004], [1.00001, 2.00001], [1.2345, 2]], 3)).toEqual([[1, 2], [1.235, 2]]);
  });
});

describe('assembleLakes', () => {
  const square = (x: number, y: number, d: number): Position[] => [[x, y], [x, y + d], [x + d, y + d], [x + d, y], [x, y]];
  it('cuts islands out of the smallest lake holding them, winding per RFC 7946', () => {
    const lakes = assembleLakes(
      [{ ring: square(0, 0, 1), riverlake: false }, { ring: square(5, 5, 0.5), riverlake: true }],
      [square(0.4, 0.4, 0.2), square(10, 10, 0.1)],
    );
    expect(lakes).toHaveLength(2);
    expect(lakes[0].islands).toHaveLength(1);
    expect(lakes[1].riverlake).toBe(true);
    expect(lakes[0].areaKm2).toBeCloseTo(ringAreaKm2(square(0, 0, 1)) - ringAreaKm2(square(0.4, 0.4, 0.2)), 3);
    expect(ringAreaKm2(square(0, 0, 1))).toBeGreaterThan(12_300); // 1° square at the equator
    expect(ringAreaKm2(square(0, 0, 1))).toBeLessThan(12_400);
    // Outer ring counter-clockwise (positive shoelace), hole clockwise.
    const shoelace = (r: Position[]) => r.slice(1).reduce((s, p, i) => s + r[i][0] * p[1] - p[0] * r[i][1], 0);
    expect(shoelace(lakes[0].shore)).toBeGreaterThan(0);
    expect(shoelace(lakes[0].islands[0])).toBeLessThan(0);
    expect(ringContains(lakes[0].shore, 0.5, 0.5)).toBe(true);
    expect(ringContains(lakes[0].shore, 1.5, 0.5)).toBe(false);
  });
});

describe('selectHydro', () => {
  const rivers: FeatureCollection = {
    type: 'FeatureCollection',
    features: [1, 3].map((level) => ({
      type: 'Feature',
      properties: { level },
      geometry: { type: 'MultiLineString', coordinates: [[[0, 0.5 + level / 10], [4, 0.5 + level / 10]]] },
    })),
  };
  const lake = (x: number, area: number, riverlake = false) => ({
    type: 'Feature' as const,
    properties: { area_km2: area, riverlake },
    geometry: { type: 'Polygon' as const, coordinates: [[[x, 0], [x + 0.5, 0], [x + 0.5, 0.5], [x, 0.5], [x, 0]]] },
  });
  const lakes: FeatureCollection = { type: 'FeatureCollection', features: [lake(0.2, 5000), lake(2.2, 150), lake(1.2, 40, true)] };

  it('clips to the boxes and keeps what the selection asks for', () => {
    const detail = selectHydro(rivers, lakes, [[0, 0, 2, 2]], HYDRO_DETAIL);
    expect(detail.rivers.map((f) => f.properties?.level)).toEqual([1, 3]);
    expect((detail.rivers[0].geometry as MultiLineString).coordinates).toEqual([[[0, 0.6], [2, 0.6]]]);
    expect(detail.lakes.map((f) => f.properties)).toEqual([{ riverlake: false }, { riverlake: true }]);
    const world = selectHydro(rivers, lakes, [[2, 0, 5, 2]], HYDRO_WORLD);
    expect(world.rivers.map((f) => f.properties?.level)).toEqual([1]);
    expect(world.lakes).toEqual([]); // the only big lake is in the other box; 150 km² is too small
  });
});

describe('geodata/hydro (GSHHG, committed)', () => {
  const rivers = JSON.parse(fs.readFileSync('geodata/hydro/rivers.geojson', 'utf8')) as FeatureCollection<MultiLineString>;
  const lakes = JSON.parse(fs.readFileSync('geodata/hydro/lakes.geojson', 'utf8')) as FeatureCollection<Polygon>;

  it('is valid GeoJSON with its recipe, one river feature per level', () => {
    expect(GJV.isFeatureCollection(rivers, true)).toEqual([]);
    expect(GJV.isFeatureCollection(lakes, true)).toEqual([]);
    expect(rivers.features.map((f) => f.properties?.level)).toEqual([1, 2, 3]);
    expect((rivers as unknown as { recipe: { source: string } }).recipe.source).toMatch(/GSHHG 2\.3\.7/);
    expect(lineLengthKm(rivers.features[0].geometry.coordinates.flat())).toBeGreaterThan(0);
  });

  it('holds the Euphrates at Raqqa and Lake Van', () => {
    const near = (lon: number, lat: number, km: number) =>
      rivers.features.some((f) => f.geometry.coordinates.some((l) => l.some((p) => Math.hypot((p[0] - lon) * Math.cos((lat * Math.PI) / 180), p[1] - lat) * 111 < km)));
    expect(near(39.0, 35.95, 8)).toBe(true);
    const van = lakes.features.find((f) => ringContains(f.geometry.coordinates[0], 42.9, 38.6));
    expect(van?.properties?.area_km2).toBeGreaterThan(3000);
    expect(lakes.features.some((f) => ringContains(f.geometry.coordinates[0], 51, 42))).toBe(false); // no Caspian
  });
});
