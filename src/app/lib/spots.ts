/**
 * Points that stand for several things. Several events at one spot (the same coordinates:
 * typically a governorate's representative point, where every "in Idlib" event lands) and spots
 * near each other: the map clusters the spots and marks each cluster and each shared spot with a
 * count; a click expands a cluster or lists a spot's events. And one "place named" point per
 * mentioned place, however many articles name it.
 */
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { MentionFeatureProperties } from '../../core/model.ts';
import type { EventFeature } from './event-index.ts';

/** Properties of a spot: one point per distinct position among the shown features. */
export interface SpotProps {
  /** Number of shown features at the spot. */
  count: number;
  /** Its `spotKey`, so a click on its badge can list the features there. */
  key: string;
}

/** Coordinates rounded to ~1 m: points closer than that are one spot. */
export function spotKey(f: EventFeature): string {
  const [lon, lat] = f.geometry.coordinates;
  return `${lon.toFixed(5)},${lat.toFixed(5)}`;
}

/**
 * Above this many spots the badges are left off (a click still lists the events at a spot):
 * re-clustering ~50k spots on each slider step (100k events, cumulative: 51k shown) took the app
 * bench's median step from 0.8 s (capped) to 1.5 s, while the 30-day window (1.4k shown) clusters
 * at 0.2–0.4 s a step (`tsx scripts/bench-app.ts --no-page --sizes 100000 --steps 8
 * --app-techniques auto`, software WebGL, 2 shared cores).
 */
export const MAX_CLUSTERED_SPOTS = 20_000;

/**
 * One point per spot, with how many features it holds: what the map clusters (MapLibre's
 * supercluster, in its worker) so that badges never pile up: coincident features are merged
 * here first, so expanding a cluster always ends in spots, never in points that cannot part.
 */
export function spotPoints(features: readonly EventFeature[], max = MAX_CLUSTERED_SPOTS): FeatureCollection<Point, SpotProps> {
  const groups = new Map<string, Feature<Point, SpotProps>>();
  for (const f of features) {
    const key = spotKey(f);
    const g = groups.get(key);
    if (g) g.properties.count++;
    else groups.set(key, { type: 'Feature', properties: { count: 1, key }, geometry: { type: 'Point', coordinates: f.geometry.coordinates } });
  }
  return { type: 'FeatureCollection', features: groups.size > max ? [] : [...groups.values()] };
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
    // The columnar layout's named-places.geojson is already one point per place, with its count.
    const count = Number.isInteger((p as { count?: number }).count) ? (p as { count?: number }).count! : 1;
    if (!seen) {
      byPlace.set(p.placeId, {
        f: { type: 'Feature', geometry: m.geometry, properties: { placeId: p.placeId, placeName: p.placeName, count, id: p.id } },
        day: p.day,
      });
      continue;
    }
    seen.f.properties.count += count;
    if (p.day > seen.day) {
      seen.day = p.day;
      seen.f.properties.id = p.id;
    }
  }
  return { type: 'FeatureCollection', features: [...byPlace.values()].map((v) => v.f) };
}
