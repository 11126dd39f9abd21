import { describe, expect, it } from 'vitest';
import type { BBox } from '../src/core/model.ts';
import { boxArea, computeBasemapExtent, detailForArea, extentSamples, geometryBBox } from '../src/core/basemap/basemap-extent.ts';
import type { ExtentRegion, ExtentSample } from '../src/core/basemap/basemap-extent.ts';

const ev = (lon: number, lat: number): ExtentSample => ({ layer: 'events', bbox: [lon, lat, lon, lat] });
const mention = (lon: number, lat: number, role: string): ExtentSample => ({ layer: 'mentions', bbox: [lon, lat, lon, lat], role });
const contains = (b: BBox | null, lon: number, lat: number) => !!b && lon >= b[0] && lon <= b[2] && lat >= b[1] && lat <= b[3];
const rect = (id: string, [w, s, e, n]: BBox, neighbours: string[] = []): ExtentRegion => ({
  id,
  bbox: [w, s, e, n],
  neighbours,
  geometry: { type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] },
});

// A Syrian corpus: Idlib, Aleppo, Saraqib, Damascus, Raqqa.
const syria = [ev(36.63, 35.93), ev(37.16, 36.2), ev(36.8, 35.86), ev(36.29, 33.51), ev(39.01, 35.95)];

describe('computeBasemapExtent', () => {
  it('pads a Syrian extent to take in southern Turkey and Lebanon at 10m', () => {
    const e = computeBasemapExtent(syria);
    expect(e.detail).toBe('10m');
    expect(contains(e.bbox, 35.5, 33.9)).toBe(true); // Beirut
    expect(contains(e.bbox, 35.3, 37.0)).toBe(true); // Adana
    expect(contains(e.bbox, 38.8, 37.2)).toBe(true); // Şanlıurfa
    expect(e.basis).toBe('events');
  });

  it('grows to the theatre country and its neighbours when regions are given', () => {
    const regions = [
      rect('SYR', [35.7, 32.3, 42.4, 37.3], ['TUR', 'LBN', 'IRQ']),
      rect('TUR', [26, 36, 45, 42.1], ['SYR']),
      rect('LBN', [35.1, 33.05, 36.6, 34.7], ['SYR']),
      rect('IRQ', [38.8, 29.1, 48.6, 37.4], ['SYR']),
      rect('RUS', [-180, 41, 180, 82], ['UKR']),
    ];
    const e = computeBasemapExtent(syria, {}, regions);
    expect(contains(e.bbox, 28.98, 41.01)).toBe(true); // Istanbul: all of Turkey
    expect(contains(e.bbox, 44.4, 33.3)).toBe(true); // Baghdad
    expect(contains(e.bbox, 37.6, 55.75)).toBe(false); // not Moscow: Russia is never a neighbour here
  });

  it('gives a South American corpus its own region, not the Middle East', () => {
    const e = computeBasemapExtent([ev(-74.08, 4.6), ev(-75.56, 6.25), ev(-76.53, 3.45), ev(-73.13, 7.12)]);
    expect(contains(e.bbox, -74.08, 4.6)).toBe(true); // Bogotá
    expect(contains(e.bbox, 38, 35)).toBe(false);
    expect(e.bbox![0]).toBeGreaterThan(-90);
    expect(e.bbox![2]).toBeLessThan(-60);
  });

  it('gives a world basemap without data', () => {
    expect(computeBasemapExtent([])).toEqual({ bbox: null, detail: '110m', core: null, basis: 'none', samples: 0 });
  });

  it('is not stretched by a far-away mention when events exist', () => {
    const e = computeBasemapExtent([...syria, mention(-77.04, 38.9, 'literal'), mention(37.6, 55.75, 'metonymic')]);
    expect(contains(e.bbox, -77.04, 38.9)).toBe(false);
    expect(contains(e.bbox, 37.6, 55.75)).toBe(false);
  });

  it('uses literal mentions only when there are no events, and trims outliers', () => {
    const near = Array.from({ length: 30 }, (_, i) => mention(36 + (i % 5) * 0.3, 35 + Math.floor(i / 5) * 0.2, 'literal'));
    const e = computeBasemapExtent([...near, mention(13.18, 32.89, 'literal'), mention(37.6, 55.75, 'metonymic')]);
    expect(e.basis).toBe('mentions(literal)');
    expect(contains(e.bbox, 13.18, 32.89)).toBe(false); // Tripoli, Libya: 1 in 31, trimmed
    expect(contains(e.bbox, 36.5, 35.5)).toBe(true);
  });

  it('counts a country-sized area by its centre', () => {
    const area: ExtentSample = { layer: 'areas', bbox: [19.6, 41.2, 180, 81.9] }; // Russia-sized
    const e = computeBasemapExtent([...syria, area]);
    expect(e.bbox![2]).toBeLessThan(120);
  });

  it('falls back to coarser detail for continent-sized data, and to the world beyond', () => {
    expect(computeBasemapExtent([ev(-10, 35), ev(40, 70), ev(20, 50)]).detail).toBe('50m');
    expect(computeBasemapExtent([ev(-120, -40), ev(150, 60), ev(0, 0)]).bbox).toBeNull();
  });

  it('snaps to whole degrees so that small data changes leave the files alone', () => {
    const a = computeBasemapExtent(syria);
    const b = computeBasemapExtent([...syria.slice(0, 4), ev(39.02, 35.96)]);
    expect(a.bbox).toEqual(b.bbox);
    expect(a.bbox!.every(Number.isInteger)).toBe(true);
  });
});

describe('helpers', () => {
  it('areas scale with latitude', () => {
    expect(boxArea([0, -1, 10, 1])).toBeCloseTo(20, 1);
    expect(boxArea([0, 59, 10, 61])).toBeCloseTo(10, 0);
    expect(detailForArea(100)).toBe('10m');
    expect(detailForArea(5000)).toBe('50m');
    expect(detailForArea(50000)).toBe('110m');
  });

  it('reads samples from a layer, skipping features without geometry', () => {
    const samples = extentSamples('mentions', {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { role: 'literal' }, geometry: { type: 'Point', coordinates: [36, 35] } },
        { type: 'Feature', properties: {}, geometry: null as never },
        { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [[36, 35], [37, 36]] } },
      ],
    });
    expect(samples).toEqual([
      { layer: 'mentions', bbox: [36, 35, 36, 35], role: 'literal' },
      { layer: 'mentions', bbox: [36, 35, 37, 36] },
    ]);
    expect(geometryBBox({ type: 'MultiPolygon', coordinates: [] })).toBeNull();
  });
});
