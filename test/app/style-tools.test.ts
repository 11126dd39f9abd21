import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { absolutizeStyle, darkPaintOverrides, invertLightness, lightPaint, paintDiff, parseColor } from '../../src/app/lib/style-tools.ts';
import { namedPlaces, spotPoints } from '../../src/app/lib/spots.ts';
import { boundsOf, dataExtentOf } from '../../src/app/lib/bounds.ts';
import type { EventFeature } from '../../src/app/lib/event-index.ts';

describe('basemap style URLs', () => {
  it('resolves page-relative URLs and keeps {placeholders}', () => {
    const style = {
      version: 8,
      glyphs: 'basemap/fonts/{fontstack}/{range}.pbf',
      sources: { world: { type: 'geojson', data: 'basemap/world.geojson' }, t: { type: 'vector', tiles: ['basemap/t/{z}/{x}/{y}.pbf'] } },
      layers: [],
      'font-faces': { 'Noto Sans Regular': [{ url: 'basemap/fonts/arabic.ttf', 'unicode-range': ['U+0600-06FF'] }] },
    } as unknown as StyleSpecification;
    const out = absolutizeStyle(style, 'http://127.0.0.1:5173/app/index.html');
    expect(out.glyphs).toBe('http://127.0.0.1:5173/app/basemap/fonts/{fontstack}/{range}.pbf');
    expect((out.sources.world as { data: string }).data).toBe('http://127.0.0.1:5173/app/basemap/world.geojson');
    expect((out.sources.t as { tiles: string[] }).tiles[0]).toBe('http://127.0.0.1:5173/app/basemap/t/{z}/{x}/{y}.pbf');
    expect((out['font-faces'] as Record<string, Array<{ url: string }>>)['Noto Sans Regular'][0].url).toBe(
      'http://127.0.0.1:5173/app/basemap/fonts/arabic.ttf',
    );
    expect(style.glyphs).toBe('basemap/fonts/{fontstack}/{range}.pbf');
  });

  it('takes a base per URL', () => {
    const style = { version: 8, glyphs: 'fonts/{fontstack}/{range}.pbf', sources: {}, layers: [] } as unknown as StyleSpecification;
    const out = absolutizeStyle(style, (u) => (u.startsWith('basemap/') ? 'http://h/' : 'http://h/basemap/style.json'));
    expect(out.glyphs).toBe('http://h/basemap/fonts/{fontstack}/{range}.pbf');
  });
});

describe('dark mode colours', () => {
  it('parses the colour forms styles use', () => {
    expect(parseColor('#fff')).toEqual([255, 255, 255, 1]);
    expect(parseColor('#11223380')).toEqual([17, 34, 51, 128 / 255]);
    expect(parseColor('rgba(10, 20, 30, 0.5)')).toEqual([10, 20, 30, 0.5]);
    expect(parseColor('hsl(0, 100%, 50%)')).toEqual([255, 0, 0, 1]);
    expect(parseColor('get')).toBeNull();
  });

  it('mirrors lightness: pale land turns dark, dark text turns light', () => {
    const lum = (c: string) => parseColor(c)!.slice(0, 3).reduce((a, b) => a + b, 0) / 3;
    expect(lum(invertLightness('#f2efe9')!)).toBeLessThan(50);
    expect(lum(invertLightness('#333333')!)).toBeGreaterThan(170);
    expect(invertLightness('rgba(255,255,255,0.5)')).toMatch(/^rgba\(.*, 0\.5\)$/);
  });

  it('rewrites colours inside expressions and can undo it', () => {
    const layers = [
      { id: 'land', type: 'fill', source: 's', paint: { 'fill-color': ['match', ['get', 'k'], 'a', '#ffffff', '#000000'], 'fill-opacity': 0.5 } },
      { id: 'bg', type: 'background', paint: { 'background-color': '#f0f0f0' } },
    ] as LayerSpecification[];
    const dark = darkPaintOverrides(layers);
    expect(dark.map((o) => `${o.layer}/${o.property}`)).toEqual(['land/fill-color', 'bg/background-color']);
    expect((dark[0].value as unknown[])[0]).toBe('match');
    expect((dark[0].value as unknown[])[3]).not.toBe('#ffffff');
    expect(lightPaint(layers, dark).map((o) => o.value)).toEqual([layers[0].paint!['fill-color' as never], '#f0f0f0']);
  });

  it('takes a shipped dark variant as paint differences', () => {
    const light = [{ id: 'sea', type: 'background', paint: { 'background-color': '#dde' } }] as LayerSpecification[];
    const dark = [{ id: 'sea', type: 'background', paint: { 'background-color': '#112' } }] as LayerSpecification[];
    expect(paintDiff(light, dark)).toEqual([{ layer: 'sea', property: 'background-color', value: '#112' }]);
    expect(paintDiff(light, light)).toEqual([]);
  });
});

describe('spots and bounds', () => {
  const at = (lon: number, lat: number) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [lon, lat] }, properties: {} }) as EventFeature;
  it('merges coincident events into one spot with their count and key', () => {
    const fc = spotPoints([at(36.63, 35.83), at(36.63, 35.83), at(36.8, 35.86), at(36.630001, 35.83)]);
    expect(fc.features.map((f) => [f.geometry.coordinates, f.properties.count, f.properties.key])).toEqual([
      [[36.63, 35.83], 3, '36.63000,35.83000'],
      [[36.8, 35.86], 1, '36.80000,35.86000'],
    ]);
  });

  it('leaves the spots off past the cap, so a huge window is not re-clustered on every step', () => {
    expect(spotPoints([at(1, 1), at(2, 2), at(3, 3)], 3).features).toHaveLength(3);
    expect(spotPoints([at(1, 1), at(2, 2), at(3, 3)], 2).features).toHaveLength(0);
  });

  it('bounds points and ignores non-finite coordinates', () => {
    expect(boundsOf([at(30, 40), at(36, 35), at(NaN, 1)])).toEqual([
      [30, 35],
      [36, 40],
    ]);
    expect(boundsOf([])).toBeNull();
  });

  it("reads the data's extent from the basemap style's metadata, and nothing from a malformed one", () => {
    expect(dataExtentOf({ 'conflict-map:data-extent': [32.5, 35, 42, 39] })).toEqual([
      [32.5, 35],
      [42, 39],
    ]);
    expect(dataExtentOf(undefined)).toBeNull();
    expect(dataExtentOf({ 'conflict-map:data-extent': [1, 2, 3] })).toBeNull();
    expect(dataExtentOf({ 'conflict-map:data-extent': [10, 0, 5, 1] })).toBeNull();
    expect(dataExtentOf({ 'conflict-map:data-extent': ['a', 0, 5, 1] })).toBeNull();
  });
});

describe('places named', () => {
  it('draws each mentioned place once, counting mentions and opening the latest', () => {
    const m = (id: string, placeId: string, day: number) => ({
      type: 'Feature' as const,
      geometry: { type: 'Point' as const, coordinates: [1, 2] },
      properties: {
        id, articleId: 'a', placeId, placeName: placeId, kind: 'town' as const, surface: placeId, role: 'literal' as const,
        confidence: 1, start: 0, end: 1, date: null, day,
      },
    });
    const fc = namedPlaces({ type: 'FeatureCollection', features: [m('a:1', 'p', 5), m('b:1', 'p', 9), m('c:1', 'q', -1), m('d:1', 'p', 7)] });
    expect(fc.features.map((f) => f.properties)).toEqual([
      { placeId: 'p', placeName: 'p', count: 3, id: 'b:1' },
      { placeId: 'q', placeName: 'q', count: 1, id: 'c:1' },
    ]);
  });
});
