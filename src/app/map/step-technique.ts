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
import type { FeatureCollection, Point } from 'geojson';
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

function windowTechnique(): StepTechnique {
  return {
    name: 'window',
    setUniverse() {},
    show(_map, source, _layers, _win, visible) {
      source.setData(collection(visible));
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
        source.setData(collection(visible));
        shown = next;
        return;
      }
      const add = visible.filter((f) => !shown!.has(f.properties.id));
      const remove: string[] = [];
      for (const id of shown) if (!next.has(id)) remove.push(id);
      // A change bigger than the new window is cheaper sent whole.
      if (add.length + remove.length > visible.length) source.setData(collection(visible));
      else if (add.length || remove.length) source.updateData({ add, remove });
      shown = next;
    },
  };
}

function filterTechnique(): StepTechnique {
  return {
    name: 'filter',
    setUniverse(source, features) {
      source.setData(collection(features));
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
