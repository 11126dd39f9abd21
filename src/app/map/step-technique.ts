/**
 * How a slider step reaches the map: the one place to switch technique.
 *
 * - `window`: the source holds only the window's features, found in JS by binary search, and a
 *   step replaces them (`setData`). PERF-NOTES measured this fastest here at 100k and 1M events
 *   in the window mode (software WebGL pays per feature drawn; the worker's heap stays small),
 *   but in the cumulative mode a step re-indexes everything shown.
 * - `diff`: the same window in the source, but a step sends only the features entering and
 *   leaving it (`updateData`), which MapLibre indexes incrementally and which reloads only the
 *   tiles they touch: the cost of a step follows the change, not the window.
 * - `filter`: the source holds every (filtered) event and a step changes the layer's filter on
 *   the integer `day`/`dayEnd` properties (`setFilter`), as issue #4 first proposed.
 *
 * Pick with `?step=window|diff|filter` in the page URL (the bench compares them).
 */
import type { FilterSpecification, GeoJSONSource, Map as MaplibreMap } from 'maplibre-gl';
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { EventFeature, EventProps, TimeWindow } from '../lib/event-index.ts';

export type StepTechniqueName = 'window' | 'diff' | 'filter';

export const STEP_TECHNIQUES: readonly StepTechniqueName[] = ['window', 'diff', 'filter'];

/** The default, by measurement (see PERF-NOTES and the bench). */
export const DEFAULT_STEP_TECHNIQUE: StepTechniqueName = 'diff';

export interface StepTechnique {
  name: StepTechniqueName;
  /** Called when the set of matching events changes (load, filters). */
  setUniverse(source: GeoJSONSource, features: EventFeature[]): void;
  /** Called on every step with the window and the features in it. */
  show(map: MaplibreMap, source: GeoJSONSource, layerIds: string[], win: TimeWindow, visible: EventFeature[]): void;
}

export function collection(features: EventFeature[]): FeatureCollection<Point, EventProps> {
  return { type: 'FeatureCollection', features };
}

/**
 * The properties the event layers read: `id` (hover and click), the paint's `type`,
 * `fatalities`, `approxPlace`, `approxDate`, and the `filter` technique's `day` / `dayEnd`.
 */
export type MapEventProps = Pick<EventProps, 'id' | 'type' | 'fatalities' | 'approxPlace' | 'approxDate' | 'day' | 'dayEnd'>;
export type MapEventFeature = Feature<Point, MapEventProps>;

const slim = new WeakMap<EventFeature, MapEventFeature>();

/**
 * The feature the events source holds for an event feature: only what the layers read (7 of its
 * 22 properties), made once per feature. MapLibre encodes every property of every feature of every
 * tile it (re)loads into a vector tile in its worker, then decodes them again: profiled in a
 * cumulative step at 100k events (~50k shown), that encoding was most of the worker's time.
 */
export function mapFeature(f: EventFeature): MapEventFeature {
  let m = slim.get(f);
  if (!m) {
    const p = f.properties;
    m = {
      type: 'Feature',
      id: f.id,
      geometry: f.geometry,
      properties: { id: p.id, type: p.type, fatalities: p.fatalities, approxPlace: p.approxPlace, approxDate: p.approxDate, day: p.day, dayEnd: p.dayEnd },
    };
    slim.set(f, m);
  }
  return m;
}

/** The events source's data for these features. */
export function mapCollection(features: EventFeature[]): FeatureCollection<Point, MapEventProps> {
  return { type: 'FeatureCollection', features: features.map(mapFeature) };
}

function windowTechnique(): StepTechnique {
  return {
    name: 'window',
    setUniverse() {},
    show(_map, source, _layers, _win, visible) {
      source.setData(mapCollection(visible));
    },
  };
}

function diffTechnique(): StepTechnique {
  /** Ids in the source now; null after the universe changed (the next step sends everything). */
  let shown: Set<string> | null = null;
  return {
    name: 'diff',
    setUniverse() {
      shown = null;
    },
    show(_map, source, _layers, _win, visible) {
      const next = new Set<string>();
      for (const f of visible) next.add(f.properties.id);
      if (shown === null) {
        source.setData(mapCollection(visible));
        shown = next;
        return;
      }
      const add: MapEventFeature[] = [];
      for (const f of visible) if (!shown.has(f.properties.id)) add.push(mapFeature(f));
      const remove: string[] = [];
      for (const id of shown) if (!next.has(id)) remove.push(id);
      // A change bigger than the new window is cheaper sent whole.
      if (add.length + remove.length > visible.length) source.setData(mapCollection(visible));
      else if (add.length || remove.length) source.updateData({ add, remove });
      shown = next;
    },
  };
}

function filterTechnique(): StepTechnique {
  return {
    name: 'filter',
    setUniverse(source, features) {
      source.setData(mapCollection(features));
    },
    show(map, _source, layerIds, win) {
      const filter: FilterSpecification = ['all', ['<=', ['get', 'day'], win.to], ['>=', ['get', 'dayEnd'], win.from]];
      for (const id of layerIds) map.setFilter(id, filter);
    },
  };
}

const FACTORIES: Record<StepTechniqueName, () => StepTechnique> = {
  window: windowTechnique,
  diff: diffTechnique,
  filter: filterTechnique,
};

/** A fresh technique named in a query string (`?step=filter`), else the default. */
export function pickTechnique(search: string): StepTechnique {
  const name = new URLSearchParams(search).get('step');
  const known = (STEP_TECHNIQUES as readonly string[]).includes(name ?? '') ? (name as StepTechniqueName) : DEFAULT_STEP_TECHNIQUE;
  return FACTORIES[known]();
}
