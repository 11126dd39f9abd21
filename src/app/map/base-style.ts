/**
 * The basemap style: `basemap/style.json` when the app ships one (built by
 * scripts/build-basemap.ts, URLs relative to the page), with its dark variant
 * `basemap/style-dark.json` turned into paint changes; else a minimal offline style (background
 * and a graticule) so the data layers still have a frame. Nothing is fetched off the origin.
 */
import type { StyleSpecification } from 'maplibre-gl';
import type { FeatureCollection, LineString } from 'geojson';
import type { Problem } from '../../core/model.ts';
import { absolutizeStyle, darkPaintOverrides, paintDiff, type PaintOverride } from '../lib/style-tools.ts';

/** Font stack the basemap ships glyphs for; our own text layers use it too. */
export const FONT_STACK = ['Noto Sans Regular'];

/** A loaded base style and how to recolour it for dark mode. */
export interface BaseStyle {
  style: StyleSpecification;
  /** Paint changes that turn the style dark (from the shipped dark variant, or derived). */
  dark: PaintOverride[];
  /** Set when the fallback is used, saying why. */
  problem: Problem | null;
}

type Fetch = (url: string) => Promise<Response>;

/** Loads `basemap/style.json` (relative to `pageUrl`), or the fallback with a note saying why. */
export async function loadBaseStyle(pageUrl: string, fetchFn: Fetch): Promise<BaseStyle> {
  const light = await fetchStyle(new URL('basemap/style.json', pageUrl).href, fetchFn);
  if (typeof light === 'string') {
    const style = fallbackStyle();
    return {
      style,
      dark: darkPaintOverrides(style.layers),
      problem: { code: 'no-basemap', message: `${light} Showing a plain background.`, severity: 'warning', file: 'basemap/style.json' },
    };
  }
  // scripts/build-basemap.ts writes a dark variant beside the light one (and marks its styles
  // with a theme); another style gets the derived dark colours, without a request that 404s.
  const built = typeof (light.metadata as Record<string, unknown> | undefined)?.['conflict-map:theme'] === 'string';
  const dark = built ? await fetchStyle(new URL('basemap/style-dark.json', pageUrl).href, fetchFn) : 'not built here';
  // scripts/build-basemap.ts writes URLs relative to the page (`basemap/fonts/...`); a style
  // written elsewhere is more likely relative to itself (`fonts/...`, MapLibre's own habit).
  const styleUrl = new URL('basemap/style.json', pageUrl).href;
  const baseFor = (u: string) => (u.startsWith('basemap/') ? pageUrl : styleUrl);
  return {
    style: absolutizeStyle(light, baseFor),
    dark: typeof dark === 'string' ? darkPaintOverrides(light.layers) : paintDiff(light.layers, dark.layers),
    problem: null,
  };
}

/** A style, or a sentence saying why there is none. */
async function fetchStyle(url: string, fetchFn: Fetch): Promise<StyleSpecification | string> {
  try {
    const res = await fetchFn(url);
    if (!res.ok) return `No basemap (HTTP ${res.status}).`;
    const text = await res.text();
    // A dev server answers a missing file with index.html.
    if (/^\s*</.test(text)) return 'No basemap.';
    const style = JSON.parse(text) as StyleSpecification;
    if (style.version !== 8 || !Array.isArray(style.layers)) return 'The basemap is not a MapLibre style.';
    return style;
  } catch (e) {
    return `Could not read the basemap (${String(e)}).`;
  }
}

/** Background plus a 5° graticule: enough to read distance and direction without a basemap. */
export function fallbackStyle(): StyleSpecification {
  return {
    version: 8,
    name: 'offline-fallback',
    sources: { graticule: { type: 'geojson', data: graticule(5) } },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#eef0f2' } },
      { id: 'graticule', type: 'line', source: 'graticule', paint: { 'line-color': '#c9ced4', 'line-width': 0.6 } },
    ],
  };
}

function graticule(step: number): FeatureCollection<LineString> {
  const features: FeatureCollection<LineString>['features'] = [];
  for (let lon = -180; lon <= 180; lon += step) {
    features.push({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [[lon, -85], [lon, 0], [lon, 85]] } });
  }
  for (let lat = -80; lat <= 80; lat += step) {
    const coords: number[][] = [];
    for (let lon = -180; lon <= 180; lon += 10) coords.push([lon, lat]);
    features.push({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: coords } });
  }
  return { type: 'FeatureCollection', features };
}
