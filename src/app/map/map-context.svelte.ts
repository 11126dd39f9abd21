/**
 * The map context, after MIERUNE/svelte-maplibre-gl: the map lives in `$state.raw` (a WebGL
 * object must never be wrapped in a deep proxy) and children reach it through Svelte context.
 * Layer components render only once the style has loaded, so they can add sources at once.
 */
import { getContext, setContext } from 'svelte';
import type { Map as MaplibreMap } from 'maplibre-gl';

const KEY = Symbol('map-context');

export class MapContext {
  /** The map, once its style has loaded; null before and after. */
  map = $state.raw<MaplibreMap | null>(null);
  /** Whether the base style has glyphs (text layers need them). */
  hasGlyphs = $state(false);
}

export function setMapContext(ctx: MapContext): MapContext {
  return setContext(KEY, ctx);
}

/** The enclosing map's context; throws outside a MapView (a programming error, not a user one). */
export function getMapContext(): MapContext {
  const ctx = getContext<MapContext | undefined>(KEY);
  if (!ctx) throw new Error('getMapContext() called outside <MapView>');
  return ctx;
}

/** The map of the enclosing MapView, for children rendered under `{#if map}`. */
export function getMap(): MaplibreMap {
  const map = getMapContext().map;
  if (!map) throw new Error('getMap() called before the map loaded');
  return map;
}
