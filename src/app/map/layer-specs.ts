/**
 * The app's map layers, as MapLibre style specs: events coloured by ACLED type and sized by
 * fatalities, approximate places drawn as rings and approximate dates faded; a count on spots
 * holding several events and on clusters of nearby spots; quiet mention points; areas and routes the articles name.
 */
import type { DataDrivenPropertyValueSpecification, ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { ACLED_TYPES, FATALITY_RADIUS_STOPS, OTHER_TYPE_COLOR, TYPE_COLORS } from '../lib/acled.ts';
import { FONT_STACK } from './base-style.ts';

export const SOURCES = {
  events: 'app-events',
  selected: 'app-event-selected',
  spots: 'app-event-spots',
  mentions: 'app-mentions',
  areas: 'app-areas',
  routes: 'app-routes',
} as const;

export const LAYERS = {
  events: 'app-events',
  selected: 'app-event-selected',
  clusterBadge: 'app-cluster-badge',
  clusterCount: 'app-cluster-count',
  spotBadge: 'app-spot-badge',
  spotCount: 'app-spot-count',
  mentions: 'app-mentions',
  areasFill: 'app-areas-fill',
  areasLine: 'app-areas-line',
  areasLabel: 'app-areas-label',
  routesCasing: 'app-routes-casing',
  routesLine: 'app-routes-line',
  routesLabel: 'app-routes-label',
} as const;

/**
 * The spots source: clustered (supercluster in MapLibre's worker), each cluster summing its
 * spots' counts into `total`. Spots nearer than CLUSTER_RADIUS px merge, so no two badges touch;
 * from CLUSTER_MAX_ZOOM on every spot stands alone.
 */
export const CLUSTER_RADIUS = 34;
export const CLUSTER_MAX_ZOOM = 15;
export const SPOT_SOURCE = {
  type: 'geojson',
  data: { type: 'FeatureCollection', features: [] },
  cluster: true,
  clusterRadius: CLUSTER_RADIUS,
  clusterMaxZoom: CLUSTER_MAX_ZOOM,
  clusterProperties: { total: ['+', ['get', 'count']] },
} as const;

const isCluster: ExpressionSpecification = ['has', 'point_count'];
/** A spot of several events, or a grid cell (lib/grid-aggregate.ts), which has a badge even for one. */
const sharedSpot: ExpressionSpecification = ['all', ['!', isCluster], ['any', ['>', ['get', 'count'], 1], ['has', 'cell']]];
const SPOT_BADGE_RADIUS = 8;
/** Cluster badges grow a little with their count (features under them). */
const clusterRadius: ExpressionSpecification = ['step', ['get', 'total'], 10, 10, 12, 100, 15, 1000, 18];

/** The layers a slider step filters (in the `filter` technique). */
export const EVENT_LAYER_IDS: string[] = [LAYERS.events];

/** Colours that depend on the theme (a marker's halo must contrast with the basemap). */
export interface Theme {
  halo: string;
  ink: string;
  muted: string;
  area: string;
}

export const LIGHT: Theme = { halo: '#ffffff', ink: '#1b1f24', muted: '#5f6b7a', area: '#9a6a1f' };
export const DARK: Theme = { halo: '#15181c', ink: '#f1f3f5', muted: '#9aa5b1', area: '#d9a75a' };

const typeColor: ExpressionSpecification = [
  'match',
  ['get', 'type'],
  ...ACLED_TYPES.flatMap((t) => [t, TYPE_COLORS[t]]),
  OTHER_TYPE_COLOR,
] as unknown as ExpressionSpecification;

const radius = (extra: number): ExpressionSpecification =>
  ['interpolate', ['linear'], ['coalesce', ['get', 'fatalities'], 0], ...FATALITY_RADIUS_STOPS.flatMap(([f, r]) => [f, r + extra])] as unknown as ExpressionSpecification;

/** Paint of the event circles (theme-dependent parts included). */
export function eventPaint(theme: Theme): Record<string, DataDrivenPropertyValueSpecification<unknown>> {
  return {
    'circle-color': typeColor,
    'circle-radius': radius(0),
    // Rings for approximate places (the point stands for a region), faded fill for approximate dates.
    'circle-opacity': ['case', ['get', 'approxPlace'], 0.14, ['get', 'approxDate'], 0.45, 0.88],
    'circle-stroke-color': ['case', ['get', 'approxPlace'], typeColor, theme.halo],
    'circle-stroke-width': ['case', ['get', 'approxPlace'], 2.4, 1.2],
    'circle-stroke-opacity': ['case', ['all', ['get', 'approxPlace'], ['get', 'approxDate']], 0.6, 1],
  };
}

export function eventLayers(theme: Theme, glyphs: boolean): LayerSpecification[] {
  const layers: LayerSpecification[] = [
    {
      id: LAYERS.events,
      type: 'circle',
      source: SOURCES.events,
      // Big markers below small ones, so a small event beside a large one stays clickable.
      layout: { 'circle-sort-key': ['-', 0, ['coalesce', ['get', 'fatalities'], 0]] },
      paint: eventPaint(theme) as never,
    },
    {
      id: LAYERS.selected,
      type: 'circle',
      source: SOURCES.selected,
      paint: {
        'circle-radius': radius(5),
        'circle-color': 'rgba(0,0,0,0)',
        'circle-stroke-color': theme.ink,
        'circle-stroke-width': 2.5,
      },
    },
    {
      id: LAYERS.clusterBadge,
      type: 'circle',
      source: SOURCES.spots,
      filter: isCluster,
      paint: {
        'circle-radius': clusterRadius,
        'circle-color': theme.ink,
        'circle-opacity': 0.85,
        'circle-stroke-color': theme.halo,
        'circle-stroke-width': 1.5,
      },
    },
    {
      id: LAYERS.spotBadge,
      type: 'circle',
      source: SOURCES.spots,
      filter: sharedSpot,
      paint: {
        // On the spot itself, as a cluster's badge is: a shared spot is a cluster that cannot part.
        'circle-radius': SPOT_BADGE_RADIUS,
        'circle-opacity': 0.85,
        'circle-color': theme.ink,
        'circle-stroke-color': theme.halo,
        'circle-stroke-width': 1,

      },
    },
  ];
  if (glyphs) {
    layers.push({
      id: LAYERS.clusterCount,
      type: 'symbol',
      source: SOURCES.spots,
      filter: isCluster,
      layout: {
        'text-field': ['to-string', ['get', 'total']],
        'text-font': FONT_STACK,
        'text-size': 11,
        'text-allow-overlap': true,
        'text-ignore-placement': true,
      },
      paint: { 'text-color': theme.halo },
    });
    layers.push({
      id: LAYERS.spotCount,
      type: 'symbol',
      source: SOURCES.spots,
      filter: sharedSpot,
      layout: {
        'text-field': ['to-string', ['get', 'count']],
        'text-font': FONT_STACK,
        'text-size': 10,
        'text-allow-overlap': true,
        'text-ignore-placement': true,
      },
      paint: { 'text-color': theme.halo },
    });
  }
  return layers;
}

/** Areas, routes and mentions: context under the events. */
export function contextLayers(theme: Theme, glyphs: boolean): LayerSpecification[] {
  const layers: LayerSpecification[] = [
    { id: LAYERS.areasFill, type: 'fill', source: SOURCES.areas, paint: { 'fill-color': theme.area, 'fill-opacity': 0.07 } },
    {
      id: LAYERS.areasLine,
      type: 'line',
      source: SOURCES.areas,
      paint: { 'line-color': theme.area, 'line-width': 1.3, 'line-opacity': 0.75, 'line-dasharray': [3, 2] },
    },
    {
      id: LAYERS.routesCasing,
      type: 'line',
      source: SOURCES.routes,
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': theme.halo, 'line-width': 5.5, 'line-opacity': 0.9 },
    },
    {
      id: LAYERS.routesLine,
      type: 'line',
      source: SOURCES.routes,
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': theme.ink, 'line-width': 2.5, 'line-opacity': 0.8 },
    },
    {
      id: LAYERS.mentions,
      type: 'circle',
      source: SOURCES.mentions,
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 3, 2, 10, 3.5],
        'circle-color': theme.muted,
        'circle-opacity': 0.55,
        'circle-stroke-color': theme.halo,
        'circle-stroke-width': 0.6,
      },
    },
  ];
  if (glyphs) {
    const label = { 'text-color': theme.area, 'text-halo-color': theme.halo, 'text-halo-width': 1.4 };
    layers.push(
      {
        id: LAYERS.areasLabel,
        type: 'symbol',
        source: SOURCES.areas,
        layout: { 'text-field': ['get', 'name'], 'text-font': FONT_STACK, 'text-size': 11, 'text-max-width': 8 },
        paint: label,
      },
      {
        id: LAYERS.routesLabel,
        type: 'symbol',
        source: SOURCES.routes,
        layout: {
          'symbol-placement': 'line',
          'text-field': ['get', 'name'],
          'text-font': FONT_STACK,
          'text-size': 11,
        },
        paint: { ...label, 'text-color': theme.ink },
      },
    );
  }
  return layers;
}
