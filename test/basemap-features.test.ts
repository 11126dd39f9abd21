import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { clipGeometry, complementBoxes, roundGeometry, sharedBoundaries } from '../src/core/basemap/basemap-features.ts';

const square = (x: number, y: number, size = 1): Polygon => ({
  type: 'Polygon',
  coordinates: [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]],
});

describe('geometry', () => {
  it('complement boxes tile the world around a box without overlapping it', () => {
    const boxes = complementBoxes([24, 28, 50, 44]);
    expect(boxes).toHaveLength(4);
    const inside = (b: number[], x: number, y: number) => x > b[0] && x < b[2] && y > b[1] && y < b[3];
    for (const [x, y] of [[0, 0], [100, 50], [30, 60], [30, 10]]) expect(boxes.filter((b) => inside(b, x, y))).toHaveLength(1);
    expect(boxes.filter((b) => inside(b, 30, 35))).toHaveLength(0);
  });

  it('shared boundaries keep the edge between two units once and drop the coast', () => {
    const lines = sharedBoundaries([square(0, 0), square(1, 0)], 3);
    expect(lines.coordinates).toHaveLength(1);
    const [a, b] = lines.coordinates[0];
    expect([a, b].every((p) => p[0] === 1)).toBe(true);
  });

  it('clips a ring across the antimeridian into two pieces, no world-wide sliver', () => {
    const fiji: Polygon = { type: 'Polygon', coordinates: [[[178, -17], [-179, -17], [-179, -16], [178, -16], [178, -17]]] };
    const out = clipGeometry(fiji, [-180, -90, 180, 90]);
    expect(out?.type).toBe('MultiPolygon');
    const xs = (out as { coordinates: number[][][][] }).coordinates.map((p) => p[0].map((c) => c[0]));
    for (const ring of xs) expect(Math.max(...ring) - Math.min(...ring)).toBeLessThanOrEqual(2);
  });

  it('rounding drops rings that collapse', () => {
    expect(roundGeometry(square(0, 0, 0.0001), 3)).toBeNull();
    expect(roundGeometry({ type: 'Point', coordinates: [1.23456, 2.34567] }, 2)).toEqual({ type: 'Point', coordinates: [1.23, 2.35] });
  });
});
