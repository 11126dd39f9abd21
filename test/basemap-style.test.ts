import { describe, expect, it } from 'vitest';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { buildBasemapStyle, resolveStyleUrls, styleUrls, BASEMAP_FONT, PALETTES } from '../src/core/basemap/basemap-style.ts';

const options = {
  detail: true,
  detailScale: '10m' as const,
  extent: [24, 28, 50, 44] as [number, number, number, number],
  core: [35, 33, 39, 37] as [number, number, number, number],
  fontFaces: [{ url: 'fonts/NotoSansArabic-Regular.ttf', unicodeRange: ['U+0600-06FF', 'U+FE70-FEFF'] }],
};

describe('buildBasemapStyle', () => {
  it('is a valid MapLibre style, light and dark', () => {
    for (const theme of ['light', 'dark'] as const) {
      expect(validateStyleMin(buildBasemapStyle({ ...options, theme }))).toEqual([]);
      expect(validateStyleMin(buildBasemapStyle({ theme }))).toEqual([]);
    }
  });

  it('fetches nothing from another origin: every URL is relative', () => {
    for (const url of styleUrls(buildBasemapStyle(options))) {
      expect(url).not.toMatch(/^[a-z][a-z0-9+.-]*:/i); // no scheme
      expect(url).not.toMatch(/^\/\//); // no protocol-relative host
      expect(url).not.toMatch(/^\//); // relative to the style, not the server root
    }
  });

  it('references glyph ranges by the shipped font only', () => {
    const style = buildBasemapStyle(options);
    expect(style.glyphs).toBe('fonts/{fontstack}/{range}.pbf');
    for (const layer of style.layers) {
      if (layer.type !== 'symbol') continue;
      expect(layer.layout?.['text-font']).toEqual([BASEMAP_FONT]);
    }
    expect(style['font-faces']?.[BASEMAP_FONT]).toEqual([{ url: 'fonts/NotoSansArabic-Regular.ttf', 'unicode-range': ['U+0600-06FF', 'U+FE70-FEFF'] }]);
  });

  it('leaves the detail sources out of a world basemap', () => {
    const style = buildBasemapStyle({ detail: false });
    expect(Object.keys(style.sources).sort()).toEqual(['labels', 'lakes', 'places', 'rivers', 'world', 'world-borders']);
    expect(style.layers.every((l) => !('source' in l) || l.source in style.sources)).toBe(true);
  });

  it('draws lakes in the sea colour and rivers under borders and labels, light and dark', () => {
    for (const theme of ['light', 'dark'] as const) {
      const style = buildBasemapStyle({ ...options, theme });
      const ids = style.layers.map((l) => l.id);
      const at = (id: string) => ids.indexOf(id);
      expect(at('lakes')).toBeGreaterThan(at('land-detail'));
      expect(at('rivers')).toBeGreaterThan(at('lakes'));
      expect(at('riverlake-banks')).toBeGreaterThan(at('lakes'));
      for (const above of ['admin1-lines', 'borders-world', 'borders-detail', 'place-dots', 'place-labels', 'country-labels']) expect(at(above)).toBeGreaterThan(at('rivers'));
      const lakes = style.layers[at('lakes')] as { paint: Record<string, unknown>; source: string };
      expect(lakes.paint['fill-color']).toBe(PALETTES[theme].sea);
      expect((style.layers[at('rivers')] as { paint: Record<string, unknown> }).paint['line-color']).toBe(PALETTES[theme].river);
      expect((style.sources.rivers as { data: string }).data).toBe('rivers.geojson');
      expect((style.sources.lakes as { data: string }).data).toBe('lakes.geojson');
      expect(String((style.sources.rivers as { attribution?: string }).attribution)).toMatch(/GSHHG/);
    }
  });

  it('dark differs from light only in colours', () => {
    const light = buildBasemapStyle({ ...options, theme: 'light' });
    const dark = buildBasemapStyle({ ...options, theme: 'dark' });
    expect(dark.layers.map((l) => l.id)).toEqual(light.layers.map((l) => l.id));
    expect(dark.layers[0]).toEqual({ id: 'sea', type: 'background', paint: { 'background-color': PALETTES.dark.sea } });
    expect(JSON.stringify(dark)).not.toBe(JSON.stringify(light));
  });

  it('is deterministic', () => {
    expect(JSON.stringify(buildBasemapStyle(options))).toBe(JSON.stringify(buildBasemapStyle(options)));
  });

  it('resolves URLs against the style URL, keeping the placeholders, without touching the input', () => {
    const style = buildBasemapStyle(options);
    const before = JSON.stringify(style);
    const abs = resolveStyleUrls(style, 'http://127.0.0.1:5173/app/basemap/style.json');
    expect(abs.glyphs).toBe('http://127.0.0.1:5173/app/basemap/fonts/{fontstack}/{range}.pbf');
    expect((abs.sources.places as { data: string }).data).toBe('http://127.0.0.1:5173/app/basemap/places.geojson');
    expect(styleUrls(abs).every((u) => u.startsWith('http://127.0.0.1:5173/app/basemap/'))).toBe(true);
    expect(JSON.stringify(style)).toBe(before);
  });
});
