/**
 * ACLED's event types as the map shows them: one colour per type (shared by the map layers, the
 * legend, the list and the histogram), chosen to stay distinct for common colour-vision
 * deficiencies and on light and dark basemaps.
 */
import type { AcledEventType } from '../../core/model.ts';

/** The six ACLED event types, in ACLED's own order. */
export const ACLED_TYPES: readonly AcledEventType[] = [
  'Battles',
  'Explosions/Remote violence',
  'Violence against civilians',
  'Protests',
  'Riots',
  'Strategic developments',
];

/** Fill colour per type. */
export const TYPE_COLORS: Record<AcledEventType, string> = {
  Battles: '#d7301f',
  'Explosions/Remote violence': '#f28e2b',
  'Violence against civilians': '#8e44ad',
  Protests: '#2c7fb8',
  Riots: '#12a4a4',
  'Strategic developments': '#6b8e23',
};

/** Colour for types outside ACLED's list (a writer could add one): neutral grey. */
export const OTHER_TYPE_COLOR = '#7f7f7f';

/** Short labels for narrow places (legend chips, list rows). */
export const TYPE_SHORT: Record<AcledEventType, string> = {
  Battles: 'Battle',
  'Explosions/Remote violence': 'Explosion / remote',
  'Violence against civilians': 'Violence vs civilians',
  Protests: 'Protest',
  Riots: 'Riot',
  'Strategic developments': 'Strategic',
};

export function typeColor(type: string): string {
  return (TYPE_COLORS as Record<string, string>)[type] ?? OTHER_TYPE_COLOR;
}

/**
 * Marker radius (px) for a fatality count: area grows with the count (square root), capped so a
 * mass-casualty event does not hide its neighbours. Null (unknown) draws as the smallest marker.
 * The map layers use the same stops through `FATALITY_RADIUS_STOPS`.
 */
export function radiusFor(fatalities: number | null): number {
  const f = Math.max(0, fatalities ?? 0);
  return Math.min(MAX_RADIUS, MIN_RADIUS + 1.6 * Math.sqrt(f));
}

export const MIN_RADIUS = 5;
export const MAX_RADIUS = 22;

/** [fatalities, radius] pairs sampling `radiusFor`, for a MapLibre `interpolate` expression. */
export const FATALITY_RADIUS_STOPS: Array<[number, number]> = [0, 1, 4, 10, 25, 50, 100, 300].map((f) => [
  f,
  Math.round(radiusFor(f) * 10) / 10,
]);
