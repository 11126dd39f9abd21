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
 * - `auto`: `filter` in the cumulative mode from AUTO_FILTER_FROM matching events, else `diff`.
 * - `grid` (the default): `diff` up to AGGREGATE_FROM shown features; past it the events source is
 *   emptied and the map draws counts per grid cell (lib/grid-aggregate.ts, EventLayers.svelte), so
 *   a step costs about one repaint at any size, and the source never holds a large universe.
 *
 * Pick with `?step=window|diff|filter|auto|grid` in the page URL (the bench compares them).
 */
import type { FilterSpecification, GeoJSONSource, Map as MaplibreMap } from 'maplibre-gl';
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { EventFeature, EventProps, TimeWindow } from '../lib/event-index.ts';

export type StepTechniqueName = 'window' | 'diff' | 'filter' | 'auto' | 'grid';

export const STEP_TECHNIQUES: readonly StepTechniqueName[] = ['window', 'diff', 'filter', 'auto', 'grid'];

/**
 * `auto` filters (`filter`) in the cumulative mode from this many matching events up, and sends
 * diffs (`diff`) otherwise. In the cumulative mode a day's new events land all over the map, so a
 * diff reloads every tile, and MapLibre re-tiles and re-encodes a reloaded tile's features (~50k
 * at 100k events) where a filter change only re-parses the tiles it has. Figure from the app
 * bench (`tsx scripts/bench-app.ts --no-page --sizes 10000,30000,100000 --steps 12`, software
 * WebGL, shared 2 cores), cumulative median / p95 ms per step: 10k diff 223 / 327, filter
 * 311 / 517; 30k diff 336 / 813, filter 488 / 737 (auto, filtering there, 311 / 529: a tie
 * within the noise); 100k diff 1,288 / 1,983, filter 1,111 / 1,200. The crossover lies between
 * 10k and 100k; 30k is where the two were even.
 */
export const AUTO_FILTER_FROM = 30_000;

/**
 * The default, by measurement (docs/scale.md's table): `grid` equals `diff` on small windows and
 * stays near one repaint past AGGREGATE_FROM shown features, in both modes, up to 1M events.
 */
export const DEFAULT_STEP_TECHNIQUE: StepTechniqueName = 'grid';

export interface StepTechnique {
  name: StepTechniqueName;
  /** Past AGGREGATE_FROM shown features the map draws grid counts instead (`grid`). */
  aggregates?: boolean;
  /** Its own AGGREGATE_FROM (`?step=grid&aggregateFrom=N`, for the bench and tests). */
  aggregateFrom?: number;
  /** Empties the source (the map switches to grid counts); the next `show` starts afresh. */
  clear?(source: GeoJSONSource): void;
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

function diffTechnique(name: 'diff' | 'grid' = 'diff'): StepTechnique {
  /** Ids in the source now; null after the universe changed (the next step sends everything). */
  let shown: Set<string> | null = null;
  return {
    name,
    aggregates: name === 'grid',
    setUniverse() {
      shown = null;
    },
    clear(source) {
      if (shown?.size !== 0) source.setData(collection([]));
      shown = new Set();
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

/** The cumulative mode's window (see `windowFor`): everything up to the cursor. */
function isCumulative(win: TimeWindow): boolean {
  return win.from === Number.MIN_SAFE_INTEGER;
}

/**
 * `filter` in the cumulative mode over a large universe (see AUTO_FILTER_FROM), `diff` otherwise.
 * Switching to `filter` loads every matching feature into the source; switching back clears the
 * layer filters and has the next diff start from a `setData` of the window.
 */
function autoTechnique(filterFrom = AUTO_FILTER_FROM): StepTechnique {
  const diff = diffTechnique();
  const filter = filterTechnique();
  let universe: EventFeature[] = [];
  let active: 'diff' | 'filter' | null = null;
  /** Whether the layers carry a day filter now. */
  let layersFiltered = false;
  return {
    name: 'auto',
    setUniverse(_source, features) {
      universe = features;
      active = null;
    },
    show(map, source, layerIds, win, visible) {
      if (isCumulative(win) && universe.length >= filterFrom) {
        if (active !== 'filter') filter.setUniverse(source, universe);
        active = 'filter';
        layersFiltered = true;
        filter.show(map, source, layerIds, win, visible);
        return;
      }
      if (active !== 'diff') {
        if (layersFiltered) for (const id of layerIds) map.setFilter(id, null);
        layersFiltered = false;
        diff.setUniverse(source, universe);
      }
      active = 'diff';
      diff.show(map, source, layerIds, win, visible);
    },
  };
}

const FACTORIES: Record<StepTechniqueName, () => StepTechnique> = {
  window: windowTechnique,
  diff: diffTechnique,
  filter: filterTechnique,
  auto: autoTechnique,
  grid: () => diffTechnique('grid'),
};

/**
 * A fresh technique named in a query string (`?step=filter`), else the default. `autoFrom=N`
 * sets `auto`'s AUTO_FILTER_FROM (so a test can make it switch on small data).
 */
export function pickTechnique(search: string): StepTechnique {
  const params = new URLSearchParams(search);
  const name = params.get('step');
  const known = (STEP_TECHNIQUES as readonly string[]).includes(name ?? '') ? (name as StepTechniqueName) : DEFAULT_STEP_TECHNIQUE;
  const autoFrom = Number(params.get('autoFrom') ?? NaN);
  const aggregateFrom = Number(params.get('aggregateFrom') ?? NaN);
  if (known === 'grid' && Number.isInteger(aggregateFrom) && aggregateFrom >= 0) return { ...diffTechnique('grid'), aggregateFrom };
  if (known === 'auto' && Number.isInteger(autoFrom) && autoFrom >= 0) return autoTechnique(autoFrom);
  return FACTORIES[known]();
}
