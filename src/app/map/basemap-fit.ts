/**
 * Whether the basemap was built for this data. scripts/build-basemap.ts draws detail (admin-1
 * borders, towns, rivers) only inside the data's extent and records it in the style's metadata;
 * after an ingest of another region the old basemap shows no detail where the events are, so the
 * app says so (and how to rebuild it) instead of leaving the user to wonder.
 */
import type { StyleSpecification } from 'maplibre-gl';
import type { Problem } from '../../core/model.ts';
import type { EventFeature } from '../lib/event-index.ts';

/** A note when events lie outside the basemap's detailed extent; null when it fits (or is not ours). */
export function basemapFit(style: StyleSpecification, events: readonly EventFeature[]): Problem | null {
  const extent = (style.metadata as Record<string, unknown> | undefined)?.['conflict-map:extent'];
  if (!Array.isArray(extent) || extent.length !== 4 || !extent.every((x) => typeof x === 'number')) return null;
  const [w, s, e, n] = extent as number[];
  const outside = events.filter((f) => {
    const [lon, lat] = f.geometry.coordinates;
    return lon < w || lon > e || lat < s || lat > n;
  }).length;
  if (!outside) return null;
  return {
    code: 'basemap-stale',
    severity: 'warning',
    file: 'basemap/style.json',
    message: `The basemap was built for other data: ${outside} of ${events.length} event places lie outside its detailed area (${w}° to ${e}° E, ${s}° to ${n}° N). Run \`npm run data\` to rebuild it for this data.`,
  };
}
