/**
 * The view as a URL fragment, so that a link reopens the same view: date, step, window, filters,
 * list order (and whether it shows all dates), selected item, the layers switched off and the map
 * camera. Decoding never throws: a bad value falls back to the
 * default and is reported, so a hand-edited link still opens.
 */
import type { AcledEventType } from '../../core/model.ts';
import { dayToIso, isoToDay, STEP_UNITS, type StepUnit } from './days.ts';
import { LIST_SORTS, NO_FILTERS, type EventFilters, type ListSort } from './event-filter.ts';
import type { WindowMode } from './event-index.ts';
import type { DayRange } from './time-range.ts';

/** What is open in the reader: an event (feature id), a mention (feature id) or a whole article. */
export interface Selection {
  kind: 'event' | 'mention' | 'article';
  id: string;
}

/** The map camera. */
export interface View {
  lon: number;
  lat: number;
  zoom: number;
}

/** Everything a link restores. */
export interface UrlState {
  /** Cursor day (day number) or null for the default (the last day with events). */
  day: number | null;
  unit: StepUnit;
  mode: WindowMode;
  /** Window length in days (window mode). */
  windowDays: number;
  filters: EventFilters;
  sort: ListSort;
  selection: Selection | null;
  /** Camera, or null to fit the data. */
  view: View | null;
  /** The list shows every date, not only the window's. */
  allDates: boolean;
  /** Optional map layers switched off in the legend. */
  hiddenLayers: OptionalLayer[];
  /** The time line's stretch: days chosen, the whole span, or null to fit the data (densest stretch). */
  range: DayRange | 'all' | null;
}

/** The map's optional layers, as the legend switches them. */
export const OPTIONAL_LAYERS = ['mentions', 'areas', 'routes'] as const;
export type OptionalLayer = (typeof OPTIONAL_LAYERS)[number];

export const DEFAULT_WINDOW_DAYS = 7;
export const MAX_WINDOW_DAYS = 3660;

export const DEFAULT_URL_STATE: UrlState = {
  day: null,
  unit: 'day',
  mode: 'window',
  windowDays: DEFAULT_WINDOW_DAYS,
  filters: NO_FILTERS,
  sort: 'date-desc',
  selection: null,
  view: null,
  allDates: false,
  hiddenLayers: [],
  range: null,
};

/** Short codes keep links readable; anything outside ACLED's list is written out in full. */
const TYPE_CODES: Record<AcledEventType, string> = {
  Battles: 'battles',
  'Explosions/Remote violence': 'explosions',
  'Violence against civilians': 'civilians',
  Protests: 'protests',
  Riots: 'riots',
  'Strategic developments': 'strategic',
};
const CODE_TYPES = new Map<string, string>(Object.entries(TYPE_CODES).map(([t, c]) => [c, t]));
const SELECTION_CODES = { event: 'e', mention: 'm', article: 'a' } as const;

/** State → fragment (without `#`); defaults are left out, keys in a fixed order. */
export function encodeUrlState(s: UrlState): string {
  const p = new URLSearchParams();
  if (s.day !== null) p.set('d', dayToIso(s.day));
  if (s.unit !== 'day') p.set('u', s.unit);
  if (s.mode === 'cumulative') p.set('w', 'all');
  else if (s.windowDays !== DEFAULT_WINDOW_DAYS) p.set('w', String(s.windowDays));
  if (s.filters.types) p.set('t', s.filters.types.map((t) => (TYPE_CODES as Record<string, string>)[t] ?? t).join(','));
  if (s.filters.actor) p.set('actor', s.filters.actor);
  if (s.filters.articleId) p.set('article', s.filters.articleId);
  if (s.filters.query) p.set('q', s.filters.query);
  if (s.sort !== DEFAULT_URL_STATE.sort) p.set('sort', s.sort);
  if (s.selection) p.set('sel', `${SELECTION_CODES[s.selection.kind]}:${s.selection.id}`);
  if (s.allDates) p.set('all', '1');
  if (s.hiddenLayers.length) p.set('hide', s.hiddenLayers.join(','));
  if (s.range === 'all') p.set('r', 'all');
  else if (s.range) p.set('r', `${dayToIso(s.range.from)}..${dayToIso(s.range.to)}`);
  if (s.view) p.set('v', `${round(s.view.lon, 4)},${round(s.view.lat, 4)},${round(s.view.zoom, 2)}`);
  return p.toString();
}

/** Fragment (with or without `#`) → state, plus a note for every value that was ignored. */
export function decodeUrlState(fragment: string): { state: UrlState; problems: string[] } {
  const p = new URLSearchParams(fragment.replace(/^#/, ''));
  const problems: string[] = [];
  const s: UrlState = { ...DEFAULT_URL_STATE, filters: { ...NO_FILTERS }, hiddenLayers: [] };
  const bad = (key: string, value: string) => problems.push(`ignored ${key}=${value}`);

  const d = p.get('d');
  if (d !== null) {
    const day = isoToDay(d);
    if (day === null) bad('d', d);
    else s.day = day;
  }
  const u = p.get('u');
  if (u !== null) {
    if ((STEP_UNITS as readonly string[]).includes(u)) s.unit = u as StepUnit;
    else bad('u', u);
  }
  const w = p.get('w');
  if (w !== null) {
    const n = Number(w);
    if (w === 'all') s.mode = 'cumulative';
    else if (Number.isInteger(n) && n >= 1 && n <= MAX_WINDOW_DAYS) s.windowDays = n;
    else bad('w', w);
  }
  const t = p.get('t');
  if (t !== null) {
    // Unknown codes are kept as type names: a corpus may carry a type outside ACLED's list.
    s.filters.types = t.split(',').filter(Boolean).map((c) => CODE_TYPES.get(c) ?? c);
  }
  s.filters.actor = p.get('actor') || null;
  s.filters.articleId = p.get('article') || null;
  s.filters.query = p.get('q') ?? '';
  const sort = p.get('sort');
  if (sort !== null) {
    if ((LIST_SORTS as readonly string[]).includes(sort)) s.sort = sort as ListSort;
    else bad('sort', sort);
  }
  const sel = p.get('sel');
  if (sel !== null) {
    const m = /^([ema]):(.+)$/.exec(sel);
    const kind = m && (Object.keys(SELECTION_CODES) as Array<Selection['kind']>).find((k) => SELECTION_CODES[k] === m[1]);
    if (m && kind) s.selection = { kind, id: m[2] };
    else bad('sel', sel);
  }
  const all = p.get('all');
  if (all !== null) {
    if (all === '1' || all === '0') s.allDates = all === '1';
    else bad('all', all);
  }
  const hide = p.get('hide');
  if (hide !== null) {
    for (const layer of hide.split(',').filter(Boolean)) {
      if ((OPTIONAL_LAYERS as readonly string[]).includes(layer)) s.hiddenLayers.push(layer as OptionalLayer);
      else bad('hide', layer);
    }
  }
  const r = p.get('r');
  if (r !== null) {
    const [from, to] = r.split('..').map(isoToDay);
    if (r === 'all') s.range = 'all';
    else if (from != null && to != null && from <= to) s.range = { from, to };
    else bad('r', r);
  }
  const v = p.get('v');
  if (v !== null) {
    const [lon, lat, zoom] = v.split(',').map(Number);
    const ok = [lon, lat, zoom].every(Number.isFinite) && Math.abs(lon) <= 180 && Math.abs(lat) <= 90 && zoom >= 0 && zoom <= 24;
    if (ok) s.view = { lon, lat, zoom };
    else bad('v', v);
  }
  return { state: s, problems };
}

/**
 * Drops from a decoded link the event types the data does not have (a mistyped `t=` would
 * otherwise show nothing, silently), with a note for each.
 */
export function dropUnknownTypes(state: UrlState, known: ReadonlySet<string>): string[] {
  const types = state.filters.types;
  if (!types) return [];
  const unknown = types.filter((t) => !known.has(t));
  if (!unknown.length) return [];
  const kept = types.filter((t) => known.has(t));
  state.filters = { ...state.filters, types: kept.length ? kept : null };
  const code = (t: string) => (TYPE_CODES as Record<string, string>)[t] ?? t;
  return unknown.map((t) => `ignored t=${code(t)} (no such event type in this data${kept.length ? '' : '; showing all types'})`);
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
