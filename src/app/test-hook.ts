/**
 * `window.__app`: a small, stable surface for the browser tests and the bench (with
 * `window.__map`, set by the map wrapper). Reads are getters over the live state; writes apply
 * synchronously (flushSync), so after `step()` the map has already been handed the new window
 * and `idle()` waits for that window to be drawn.
 */
import { flushSync } from 'svelte';
import type { Map as MaplibreMap } from 'maplibre-gl';
import type { AppState } from './app-state.svelte.ts';
import { dayToIso, isoToDay } from './lib/days.ts';
import type { Selection } from './lib/url-state.ts';

export interface AppTestHook {
  /** Data loaded and the event layers on the map with their first window. */
  readonly ready: boolean;
  /** Cursor as `YYYY-MM-DD`, and as a day number. */
  readonly day: string;
  readonly cursor: number;
  /** Ids (`events.geojson` feature ids) of the features the map is showing, in day order. */
  readonly visibleIds: string[];
  readonly visibleCount: number;
  /** Step technique in use: `window` (setData) or `filter` (setFilter). */
  readonly technique: string;
  readonly selection: Selection | null;
  /** Problem codes found while loading. */
  readonly problems: string[];
  /** Moves the cursor to a day (ISO or day number), clamped to the data's range. */
  setDay(day: string | number): void;
  /** Steps `n` units (like the arrow keys). */
  step(n: number): void;
  /** Resolves at the map's next `idle` (everything requested so far is drawn). */
  idle(): Promise<void>;
}

export function installTestHook(app: AppState, technique: string): AppTestHook {
  const hook: AppTestHook = {
    get ready() {
      return app.mapReady;
    },
    get day() {
      return dayToIso(app.cursor);
    },
    get cursor() {
      return app.cursor;
    },
    get visibleIds() {
      return app.visible.map((f) => f.properties.id);
    },
    get visibleCount() {
      return app.visible.length;
    },
    technique,
    get selection() {
      return app.selection;
    },
    get problems() {
      return app.problems.map((p) => p.code);
    },
    setDay(day) {
      const d = typeof day === 'number' ? day : isoToDay(day);
      if (d === null) throw new Error(`not a date: ${day}`);
      flushSync(() => app.setCursor(d));
    },
    step(n) {
      flushSync(() => app.step(n));
    },
    idle() {
      const map = (window as unknown as { __map?: MaplibreMap }).__map;
      if (!map) return Promise.resolve();
      return new Promise((resolve) => {
        map.once('idle', () => resolve());
        map.triggerRepaint();
      });
    },
  };
  (window as unknown as { __app: AppTestHook }).__app = hook;
  return hook;
}
