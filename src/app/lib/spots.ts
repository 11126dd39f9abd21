/**
 * Points that stand for several things. Several events at one spot (the same coordinates:
 * typically a governorate's representative point, where every "in Idlib" event lands): the map
 * marks such spots with a count, and a click lists the events so each can be read. And one
 * "place named" point per mentioned place, however many articles name it.
 */
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { MentionFeatureProperties } from '../../core/model.ts';
import type { EventFeature } from './event-index.ts';

/** Properties of a spot marker. */
export interface SpotProps {
  /** Number of visible features at the spot. */
  count: number;
}

/** Coordinates rounded to ~1 m: points closer than that are one spot. */
export function spotKey(f: EventFeature): string {
  const [lon, lat] = f.geometry.coordinates;
  return `${lon.toFixed(5)},${lat.toFixed(5)}`;
}

/**
 * Above this many spots the count badges are left off: they would cover the map (and cost a
 * label layout per step); a click still lists the events at a spot.
 */
export const MAX_SPOT_BADGES = 300;

/** One marker per spot holding two or more of the given features (none past `max` spots). */
export function spotsOf(features: EventFeature[], max = MAX_SPOT_BADGES): FeatureCollection<Point, SpotProps> {
  const groups = new Map<string, { coords: number[]; count: number }>();
  for (const f of features) {
    const key = spotKey(f);
    const g = groups.get(key);
    if (g) g.count++;
    else groups.set(key, { coords: f.geometry.coordinates, count: 1 });
  }
  const out: Array<Feature<Point, SpotProps>> = [];
  for (const g of groups.values()) {
    if (g.count > 1) out.push({ type: 'Feature', properties: { count: g.count }, geometry: { type: 'Point', coordinates: g.coords } });
  }
  return { type: 'FeatureCollection', features: out.length > max ? [] : out };
}

/** Properties of a "place named" point: every mention of one place, drawn once. */
export interface NamedPlaceProps {
  placeId: string;
  placeName: string;
  /** How many mentions name the place. */
  count: number;
  /** The latest-dated mention's id: what a click opens in the reader. */
  id: string;
}

/**
 * One point per mentioned place (a corpus names the same towns thousands of times; drawing each
 * mention would pile up identical points and cost the renderer for nothing).
 */
export function namedPlaces(mentions: FeatureCollection<Point, MentionFeatureProperties>): FeatureCollection<Point, NamedPlaceProps> {
  const byPlace = new Map<string, { f: Feature<Point, NamedPlaceProps>; day: number }>();
  for (const m of mentions.features) {
    const p = m.properties;
    if (!m.geometry || m.geometry.type !== 'Point' || !p?.placeId) continue;
    const seen = byPlace.get(p.placeId);
    if (!seen) {
      byPlace.set(p.placeId, {
        f: { type: 'Feature', geometry: m.geometry, properties: { placeId: p.placeId, placeName: p.placeName, count: 1, id: p.id } },
        day: p.day,
      });
      continue;
    }
    seen.f.properties.count++;
    if (p.day > seen.day) {
      seen.day = p.day;
      seen.f.properties.id = p.id;
    }
  }
  return { type: 'FeatureCollection', features: [...byPlace.values()].map((v) => v.f) };
}
