/**
 * Basemap style: builds the MapLibre style (version 8 JSON, as maplibre-gl 6 reads it) of the
 * offline basemap from a few options: light or dark, which detail sources exist, where the files
 * are. Pure: the build script writes the result to `public/basemap/style.json` and
 * `style-dark.json`.
 *
 * A quiet analyst basemap: pale land on a slightly darker sea, lakes in the sea's colour, thin
 * muted-blue rivers, grey borders, thin dashed admin-1 lines, and labels that step back from the data drawn on top (no bold faces, soft colours,
 * halos). Every URL is relative to the style file (`countries.geojson`, `fonts/...`), never to
 * another origin: a consumer resolves them against the style's URL (`resolveStyleUrls`).
 */
import type { ExpressionSpecification, LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl';
import type { BasemapDetail, BBox } from '../model.ts';

/** The only font the basemap ships (SDF glyph ranges from tileserver-gl-styles). */
export const BASEMAP_FONT = 'Noto Sans Regular';

/** Colour theme of the basemap. */
export type BasemapTheme = 'light' | 'dark';

/** A font file drawing the codepoints the glyph ranges lack (see `font-faces` in the style spec). */
export interface BasemapFontFace {
  /** URL of the font file, relative to the page like every other URL of the style. */
  url: string;
  /** CSS-style ranges, e.g. `U+0600-06FF`. */
  unicodeRange: string[];
}

/** Options of `buildBasemapStyle`. */
export interface BasemapStyleOptions {
  /** Light (default) or dark colours. */
  theme?: BasemapTheme;
  /**
   * URL prefix of the basemap's files. Default `''`: every URL is relative to the style file itself
   * (`countries.geojson`, `fonts/{fontstack}/{range}.pbf`), so the folder can be served anywhere;
   * resolve them against the style's URL before handing the style to MapLibre (`resolveStyleUrls`).
   */
  base?: string;
  /** Whether the detail sources (`countries`, `borders`, `admin1`) were written. */
  detail?: boolean;
  /** Natural Earth scale of the detail sources, recorded in the style's metadata. */
  detailScale?: BasemapDetail;
  /** The detailed region, recorded in the metadata (the app may fit to it). */
  extent?: BBox | null;
  /** The data's own extent: the style's initial view. */
  core?: BBox | null;
  /** Font files for scripts the glyph ranges do not cover (Arabic). */
  fontFaces?: BasemapFontFace[];
}

/** Colours of one theme. */
export interface BasemapPalette {
  sea: string;
  land: string;
  border: string;
  admin1: string;
  countryLabel: string;
  admin1Label: string;
  placeLabel: string;
  capitalLabel: string;
  localLabel: string;
  halo: string;
  dot: string;
  /** Rivers and the banks of river-lakes (lakes are filled with `sea`). */
  river: string;
}

/** Light: warm paper land, cool grey sea. Dark: slate, for night work and bright data colours. */
export const PALETTES: Record<BasemapTheme, BasemapPalette> = {
  light: {
    sea: '#dce4ea',
    land: '#f6f4f0',
    border: '#a09a92',
    admin1: '#cbc5bc',
    countryLabel: '#8a857e',
    admin1Label: '#a39d95',
    placeLabel: '#4d4a46',
    capitalLabel: '#2e2c29',
    localLabel: '#7a756f',
    halo: '#f6f4f0',
    dot: '#77726b',
    river: '#8aaac6',
  },
  dark: {
    sea: '#161b21',
    land: '#262b31',
    border: '#636b75',
    admin1: '#3d434b',
    countryLabel: '#7d858f',
    admin1Label: '#6a727c',
    placeLabel: '#b9c0c8',
    capitalLabel: '#dde2e7',
    localLabel: '#8d959e',
    halo: '#1d2227',
    dot: '#8f98a2',
    river: '#557797',
  },
};

/** Attribution shown by MapLibre's attribution control. */
export const ATTRIBUTION = {
  naturalEarth: '<a href="https://www.naturalearthdata.com/">Natural Earth</a>',
  geonames: '<a href="https://www.geonames.org/">GeoNames</a> (CC BY 4.0)',
  countries: '<a href="https://github.com/mledoze/countries">mledoze/countries</a> (ODbL)',
  gshhg: '<a href="https://www.soest.hawaii.edu/pwessel/gshhg/">GSHHG</a> (LGPL)',
};

/** File names of the basemap's sources, relative to `base`. */
export const BASEMAP_FILES = {
  world: 'world.geojson',
  worldBorders: 'world-borders.geojson',
  countries: 'countries.geojson',
  borders: 'borders.geojson',
  admin1: 'admin1.geojson',
  labels: 'labels.geojson',
  places: 'places.geojson',
  rivers: 'rivers.geojson',
  lakes: 'lakes.geojson',
} as const;

/** Builds the style. Deterministic: same options, same object (and same JSON text). */
export function buildBasemapStyle(options: BasemapStyleOptions = {}): StyleSpecification {
  const theme = options.theme ?? 'light';
  const base = options.base ?? '';
  const p = PALETTES[theme];
  const detail = options.detail ?? false;
  const url = (file: string) => `${base}${file}`;
  const geojson = (file: string, attribution: string): SourceSpecification => ({
    type: 'geojson',
    data: url(file),
    attribution,
  });

  const sources: Record<string, SourceSpecification> = {
    world: geojson(BASEMAP_FILES.world, ATTRIBUTION.naturalEarth),
    'world-borders': geojson(BASEMAP_FILES.worldBorders, ATTRIBUTION.naturalEarth),
  };
  if (detail) {
    sources.countries = geojson(BASEMAP_FILES.countries, ATTRIBUTION.naturalEarth);
    sources.borders = geojson(BASEMAP_FILES.borders, ATTRIBUTION.naturalEarth);
    sources.admin1 = geojson(BASEMAP_FILES.admin1, ATTRIBUTION.naturalEarth);
  }
  sources.lakes = geojson(BASEMAP_FILES.lakes, ATTRIBUTION.gshhg);
  sources.rivers = geojson(BASEMAP_FILES.rivers, ATTRIBUTION.gshhg);
  sources.labels = geojson(BASEMAP_FILES.labels, `${ATTRIBUTION.naturalEarth}; ${ATTRIBUTION.countries}`);
  sources.places = geojson(BASEMAP_FILES.places, ATTRIBUTION.geonames);

  const layers: LayerSpecification[] = [
    { id: 'sea', type: 'background', paint: { 'background-color': p.sea } },
    { id: 'land-world', type: 'fill', source: 'world', paint: { 'fill-color': p.land } },
  ];
  if (detail) layers.push({ id: 'land-detail', type: 'fill', source: 'countries', paint: { 'fill-color': p.land } });
  // Water under every line: lakes in the sea's colour, then the banks of river-lakes (a wide river
  // has no centre line in WDBII, so its banks carry it), then rivers by WDBII level (1: major
  // permanent rivers from the start, 2 from zoom 4, 3 from zoom 5).
  const byLevel = (one: number, two: number, three: number): ExpressionSpecification => ['match', ['get', 'level'], 1, one, 2, two, three];
  layers.push(
    { id: 'lakes', type: 'fill', source: 'lakes', paint: { 'fill-color': p.sea } },
    {
      id: 'riverlake-banks',
      type: 'line',
      source: 'lakes',
      filter: ['==', ['get', 'riverlake'], true],
      layout: { 'line-join': 'round' },
      paint: { 'line-color': p.river, 'line-width': ['interpolate', ['linear'], ['zoom'], 3, 0.4, 8, 0.8, 12, 1.2] },
    },
    {
      id: 'rivers',
      type: 'line',
      source: 'rivers',
      filter: ['>=', ['zoom'], byLevel(0, 4, 5)],
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: {
        'line-color': p.river,
        'line-width': ['interpolate', ['linear'], ['zoom'], 3, byLevel(0.6, 0.4, 0.4), 6, byLevel(1.3, 0.9, 0.7), 10, byLevel(2.6, 1.8, 1.3), 14, byLevel(4, 3, 2.2)],
      },
    },
  );
  if (detail) {
    layers.push({
      id: 'admin1-lines',
      type: 'line',
      source: 'admin1',
      minzoom: 4,
      paint: {
        'line-color': p.admin1,
        'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.5, 10, 1.2],
        'line-dasharray': [3, 2],
      },
    });
  }
  const borderWidth: ExpressionSpecification = ['interpolate', ['linear'], ['zoom'], 1, 0.5, 6, 1, 10, 1.8];
  layers.push({
    id: 'borders-world',
    type: 'line',
    source: 'world-borders',
    layout: { 'line-join': 'round' },
    paint: { 'line-color': p.border, 'line-width': borderWidth },
  });
  if (detail) {
    layers.push({
      id: 'borders-detail',
      type: 'line',
      source: 'borders',
      layout: { 'line-join': 'round' },
      paint: { 'line-color': p.border, 'line-width': borderWidth },
    });
  }
  layers.push(
    {
      id: 'place-dots',
      type: 'circle',
      source: 'places',
      filter: ['<=', ['get', 'minzoom'], ['zoom']],
      paint: {
        'circle-color': p.dot,
        'circle-radius': ['case', ['>=', ['get', 'capital'], 2], 3, ['>=', ['get', 'capital'], 1], 2.2, 1.6],
        'circle-stroke-color': p.halo,
        'circle-stroke-width': 0.8,
      },
    },
    {
      id: 'admin1-labels',
      type: 'symbol',
      source: 'labels',
      filter: ['all', ['==', ['get', 'kind'], 'admin1'], ['<=', ['get', 'minzoom'], ['zoom']]],
      layout: {
        'text-field': bilingual(),
        'text-font': [BASEMAP_FONT],
        'text-size': ['interpolate', ['linear'], ['zoom'], 5, 10, 9, 12],
        'text-letter-spacing': 0.06,
        'text-max-width': 7,
        'text-padding': 6,
      },
      paint: { 'text-color': p.admin1Label, 'text-halo-color': p.halo, 'text-halo-width': 1.2 },
    },
    {
      id: 'place-labels',
      type: 'symbol',
      source: 'places',
      filter: ['<=', ['get', 'minzoom'], ['zoom']],
      layout: {
        'text-field': bilingual(),
        'text-font': [BASEMAP_FONT],
        'text-size': [
          'interpolate',
          ['linear'],
          ['zoom'],
          4,
          ['case', ['>=', ['get', 'capital'], 2], 12, ['>=', ['get', 'capital'], 1], 10.5, 10],
          10,
          ['case', ['>=', ['get', 'capital'], 2], 16, ['>=', ['get', 'capital'], 1], 14, 12.5],
        ],
        'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
        'text-radial-offset': 0.45,
        'text-justify': 'auto',
        'text-max-width': 9,
        'symbol-sort-key': ['get', 'rank'],
      },
      paint: {
        'text-color': ['case', ['>=', ['get', 'capital'], 1], p.capitalLabel, p.placeLabel],
        'text-halo-color': p.halo,
        'text-halo-width': 1.3,
      },
    },
    {
      id: 'country-labels',
      type: 'symbol',
      source: 'labels',
      maxzoom: 9,
      filter: ['all', ['==', ['get', 'kind'], 'country'], ['<=', ['get', 'minzoom'], ['zoom']]],
      layout: {
        'text-field': bilingual(),
        'text-font': [BASEMAP_FONT],
        'text-transform': 'uppercase',
        'text-size': ['interpolate', ['linear'], ['zoom'], 2, 10, 5, 13, 8, 16],
        'text-letter-spacing': 0.14,
        'text-max-width': 8,
        'symbol-sort-key': ['get', 'rank'],
      },
      paint: { 'text-color': p.countryLabel, 'text-halo-color': p.halo, 'text-halo-width': 1.4 },
    },
  );

  const style: StyleSpecification = {
    version: 8,
    name: theme === 'light' ? 'Conflict map basemap (light)' : 'Conflict map basemap (dark)',
    metadata: {
      'conflict-map:theme': theme,
      'conflict-map:extent': options.extent ?? null,
      'conflict-map:detail': detail ? (options.detailScale ?? '10m') : '110m',
      'conflict-map:data-extent': options.core ?? null,
    },
    ...initialView(options.core ?? null),
    glyphs: `${base}fonts/{fontstack}/{range}.pbf`,
    sources,
    layers,
  };
  if (options.fontFaces && options.fontFaces.length > 0) {
    style['font-faces'] = {
      [BASEMAP_FONT]: options.fontFaces.map((f) => ({ url: f.url, 'unicode-range': [...f.unicodeRange] })),
    };
  }
  return style;
}

/** Every URL a style would fetch (sources, glyphs, sprites, font files), for checks. */
export function styleUrls(style: StyleSpecification): string[] {
  const urls: string[] = [];
  for (const source of Object.values(style.sources)) {
    if ('data' in source && typeof source.data === 'string') urls.push(source.data);
    if ('url' in source && typeof source.url === 'string') urls.push(source.url);
    if ('tiles' in source && Array.isArray(source.tiles)) urls.push(...source.tiles);
  }
  if (style.glyphs) urls.push(style.glyphs);
  if (typeof style.sprite === 'string') urls.push(style.sprite);
  else if (Array.isArray(style.sprite)) urls.push(...style.sprite.map((s) => s.url));
  for (const faces of Object.values(style['font-faces'] ?? {})) {
    if (typeof faces === 'string') urls.push(faces);
    else urls.push(...faces.map((f) => f.url));
  }
  return urls;
}

/**
 * Makes the style's relative URLs (sources, glyphs, font files) absolute against `base`, the URL
 * the style was fetched from (e.g. `new URL('basemap/style.json', location.href).href`). Returns a
 * new style; `{fontstack}`/`{range}` placeholders are kept.
 */
export function resolveStyleUrls(style: StyleSpecification, base: string): StyleSpecification {
  const abs = (u: string) => absolutize(u, base);
  const out = structuredClone(style);
  for (const source of Object.values(out.sources)) {
    if ('data' in source && typeof source.data === 'string') source.data = abs(source.data);
  }
  if (out.glyphs) out.glyphs = abs(out.glyphs);
  for (const faces of Object.values(out['font-faces'] ?? {})) {
    if (Array.isArray(faces)) for (const f of faces) f.url = abs(f.url);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

/** The name, and under it the local-script name in smaller, softer type when there is one. */
function bilingual(): ExpressionSpecification {
  return [
    'format',
    ['get', 'name'],
    {},
    ['case', ['has', 'name_local'], ['concat', '\n', ['get', 'name_local']], ''],
    { 'font-scale': 0.82 },
  ];
}

/** Centre and zoom that show the data's extent in a ~1000 px wide map. */
function initialView(core: BBox | null): Pick<StyleSpecification, 'center' | 'zoom'> {
  if (!core) return { center: [20, 25], zoom: 1.5 };
  const [w, s, e, n] = core;
  const span = Math.max(e - w, (n - s) * 1.3, 0.5);
  const zoom = Math.max(1, Math.min(10, Math.log2(360 / span) + 1.2));
  return { center: [round((w + e) / 2, 3), round((s + n) / 2, 3)], zoom: round(zoom, 2) };
}

function round(x: number, d: number): number {
  const f = 10 ** d;
  return Math.round(x * f) / f;
}

/** `{fontstack}`/`{range}` placeholders survive: only the fixed part of the URL is resolved. */
function absolutize(u: string, base: string): string {
  const resolved = new URL(u.replace(/\{/g, '__OPEN__').replace(/\}/g, '__CLOSE__'), base).href;
  return resolved.replace(/__OPEN__/g, '{').replace(/__CLOSE__/g, '}');
}
