/**
 * The app's state, as Svelte 5 runes: the loaded data, the slider (cursor, step, window), the
 * filters, the selection and the camera. Everything the map, slider, list and reader show is
 * derived here, once, so they cannot disagree. Large arrays live in `$state.raw` / `$derived`
 * (never deep proxies): 100k features must not be wrapped.
 */
import type { ArticleRecord, ArticlesFile, Place, Problem } from '../core/model.ts';
import type { AppData } from './load-data.ts';
import { stepDay, type StepUnit } from './lib/days.ts';
import { isUnfiltered, makeMatcher, NO_FILTERS, type EventFilters, type ListSort } from './lib/event-filter.ts';
import { rowOfId } from '../core/layers/event-columns.ts';
import {
  buildIndex,
  buildIndexFromColumns,
  countEvents,
  countWindow,
  windowPositions,
  filterIndex,
  lowerBound,
  nextEventDay,
  selectWindow,
  windowFatalities,
  windowFor,
  type EventFeature,
  type WindowMode,
} from './lib/event-index.ts';
import { plainText } from './lib/markup.ts';
import { densestRange, nextPlayDay, type DayRange } from './lib/time-range.ts';
import { DEFAULT_URL_STATE, OPTIONAL_LAYERS, type Selection, type UrlState, type View } from './lib/url-state.ts';

/** A request to move the camera (a new object each time, so asking twice flies twice). */
export interface FlyRequest {
  lon: number;
  lat: number;
  /** Target zoom, or null to keep the current one. */
  zoom: number | null;
}

/** Events under the pointer, and where (px from the map's top left), for the hover card. */
export interface Hover {
  ids: string[];
  x: number;
  y: number;
  /** Size of the map, so the card can open on the side with room. */
  width: number;
  height: number;
}

/** Which optional layers are drawn. */
export interface LayerToggles {
  mentions: boolean;
  areas: boolean;
  routes: boolean;
}

/** When the map has not drawn by then, the columnar layout's article index is fetched anyway. */
const INDEX_FALLBACK_MS = 4000;

export class AppState {
  /** The loaded data; null while loading or when loading failed. */
  data = $state.raw<AppData | null>(null);
  /**
   * The articles (whole, or in the columnar layout the index: metadata, places, merges). The
   * columnar layout's index arrives after the map's first frame (it is not needed to draw it).
   */
  articles = $state.raw<ArticlesFile | null>(null);
  /** True until the columnar layout's article index is in. */
  articlesPending = $state(false);
  /** Problems found while loading (shown to the user). */
  problems = $state.raw<Problem[]>([]);
  loading = $state(true);
  /** True once the map has its layers and first data (the test hook waits on it). */
  mapReady = $state(false);
  /** True while the map draws grid counts instead of markers (too many shown: lib/grid-aggregate.ts). */
  aggregated = $state(false);

  cursor = $state(0);
  unit = $state<StepUnit>(DEFAULT_URL_STATE.unit);
  mode = $state<WindowMode>(DEFAULT_URL_STATE.mode);
  windowDays = $state(DEFAULT_URL_STATE.windowDays);
  filters = $state.raw<EventFilters>(NO_FILTERS);
  sort = $state<ListSort>(DEFAULT_URL_STATE.sort);
  /** Show every matching event in the list, not only the window's. */
  listAllDates = $state(false);
  selection = $state.raw<Selection | null>(null);
  /** Feature ids of several events at one clicked spot, listed so each can be read. */
  spot = $state.raw<string[] | null>(null);
  view = $state.raw<View | null>(null);
  hover = $state.raw<Hover | null>(null);
  flyRequest = $state.raw<FlyRequest | null>(null);
  playing = $state(false);
  /** Playback speed in steps per second. */
  speed = $state(2);
  layers = $state<LayerToggles>({ mentions: true, areas: true, routes: true });
  /** The time line's stretch as chosen: days, the whole span, or null to fit the data. */
  timeZoom = $state.raw<DayRange | 'all' | null>(null);

  /** All events: the dated index and the undated list. */
  base = $derived.by(() => {
    const d = this.data;
    if (!d) return null;
    return d.columns ? buildIndexFromColumns(d.columns, d.events) : buildIndex(d.events);
  });
  /** Features by id (GeoJSON layout; the columnar layout finds a row by binary search instead). */
  featureById = $derived.by(() => (this.data?.columns ? null : new Map((this.data?.events ?? []).map((f) => [f.properties.id, f]))));
  /** Articles by id: whole records, or in the columnar layout their index entries (text fetched per chunk). */
  articleById = $derived.by(() => new Map((this.articles?.articles ?? []).map((a) => [a.id, a])));
  /** Bumped when a chunk of articles arrives (the columnar layout), so what reads them updates. */
  articlesLoaded = $state(0);
  /** Dated events that pass the filters (the map's and the list's universe). */
  filtered = $derived.by(() => {
    const base = this.base;
    if (!base) return null;
    if (isUnfiltered(this.filters)) return base.index;
    return filterIndex(base.index, makeMatcher(this.filters, (f) => this.searchText(f)));
  });
  undated = $derived.by(() => {
    const base = this.base;
    if (!base) return [];
    return isUnfiltered(this.filters) ? base.undated : base.undated.filter(makeMatcher(this.filters, (f) => this.searchText(f)));
  });
  undatedArticles = $derived.by(() => (this.articles?.articles ?? []).filter((a) => a.publishedDay === null));
  win = $derived(windowFor(this.cursor, this.mode, this.windowDays));
  /** The features the map shows now (a list: read it only where the window is small, or once). */
  visible = $derived.by(() => (this.filtered ? selectWindow(this.filtered, this.win) : []));
  /** How many there are (no list made). */
  visibleCount = $derived(this.filtered ? countWindow(this.filtered, this.win) : 0);
  /** Their positions in `filtered` (for the list of a large window). */
  visiblePositions = $derived(this.filtered ? windowPositions(this.filtered, this.win) : new Int32Array(0));
  /** Distinct events among them (an event at two places is one event). */
  visibleEventCount = $derived(this.filtered ? countEvents(this.filtered, this.win) : 0);
  /** Fatalities of those events, each event counted once. */
  visibleFatalities = $derived(this.filtered ? windowFatalities(this.filtered, this.win) : 0);
  selectedFeature = $derived.by(() => {
    const s = this.selection;
    return s?.kind === 'event' ? this.featureOf(s.id) : null;
  });

  /** The stretch the time line shows (and playback runs through), within the data's span. */
  timeView = $derived.by((): DayRange => {
    const { min, max } = this.range;
    const z = this.timeZoom;
    if (z === 'all') return { from: min, to: max };
    if (z) return { from: Math.max(min, Math.min(z.from, max)), to: Math.min(max, Math.max(z.to, min)) };
    return (this.base && densestRange(this.base.index)) ?? { from: min, to: max };
  });

  /** Set by the URL sync: closes the reader by going Back when opening it pushed a history entry. */
  historyClose: (() => boolean) | null = null;

  #searchCache = new WeakMap<EventFeature, string>();
  #indexAsked = false;
  /** Columnar layout: whole article records fetched so far, and the chunks asked for. */
  #fullArticles = new Map<string, ArticleRecord>();
  #chunks = new Map<number, Promise<void>>();
  #timer: ReturnType<typeof setTimeout> | null = null;

  /** Adopts loaded data and the state from a link; the cursor defaults to the last event day. */
  init(data: AppData, problems: Problem[], url: UrlState): void {
    this.data = data;
    this.articles = data.articles;
    this.problems = problems;
    this.loading = false;
    this.articlesPending = !!data.articlesLater;
    // Without a map to say it has drawn (MapLibre failed), the index comes anyway.
    if (data.articlesLater) setTimeout(() => this.loadArticleIndex(), INDEX_FALLBACK_MS);
    this.apply(url);
  }

  /** The columnar layout: fetches the article index (called once the map has drawn its first frame). */
  loadArticleIndex(): void {
    const data = this.data;
    if (!data?.articlesLater || this.#indexAsked) return;
    this.#indexAsked = true;
    data.articlesLater().then(
      (a) => {
        if (this.data !== data) return;
        this.articles = a;
        this.articlesPending = false;
      },
      (e: unknown) => {
        this.articlesPending = false;
        this.problems = [...this.problems, { code: 'articles-failed', message: e instanceof Error ? e.message : String(e), severity: 'error' }];
      },
    );
  }

  /** Applies a decoded link; `moveCamera` when the map is already up (a link pasted later). */
  apply(url: UrlState, moveCamera = false): void {
    if (moveCamera && url.view) this.flyRequest = { lon: url.view.lon, lat: url.view.lat, zoom: url.view.zoom };
    this.unit = url.unit;
    this.mode = url.mode;
    this.windowDays = url.windowDays;
    this.filters = url.filters;
    this.sort = url.sort;
    this.selection = url.selection;
    this.spot = null;
    this.view = url.view;
    this.listAllDates = url.allDates;
    for (const layer of OPTIONAL_LAYERS) this.layers[layer] = !url.hiddenLayers.includes(layer);
    this.timeZoom = url.range;
    const index = this.base?.index;
    // By default the last day an event starts on, within the stretch shown.
    const view = this.timeView;
    const last = index && index.features.length ? index.starts[Math.max(0, lowerBound(index.starts, view.to + 1) - 1)] : 0;
    this.cursor = this.clamp(url.day ?? last);
  }

  /** The state a link should carry. */
  toUrlState(): UrlState {
    return {
      day: this.cursor,
      unit: this.unit,
      mode: this.mode,
      windowDays: this.windowDays,
      filters: this.filters,
      sort: this.sort,
      selection: this.selection,
      view: this.view,
      allDates: this.listAllDates,
      hiddenLayers: OPTIONAL_LAYERS.filter((l) => !this.layers[l]),
      range: this.timeZoom,
    };
  }

  /** Whether any event has a date: without one the slider has nothing to step through. */
  get hasDates(): boolean {
    return (this.base?.index.features.length ?? 0) > 0;
  }

  /** First and last day of the slider. */
  get range(): { min: number; max: number } {
    const index = this.base?.index;
    if (!index || !index.features.length) return { min: this.cursor, max: this.cursor };
    return { min: index.minDay, max: index.maxDay };
  }

  clamp(day: number): number {
    const { min, max } = this.range;
    return Math.min(max, Math.max(min, Math.round(day)));
  }

  setCursor(day: number): void {
    this.cursor = this.clamp(day);
  }

  /** Moves `n` steps of the current unit. */
  step(n: number): void {
    this.setCursor(stepDay(this.cursor, this.unit, n));
  }

  /** Jumps to the next (1) or previous (-1) day on which a matching event starts. */
  jumpToEvent(dir: 1 | -1): void {
    const index = this.filtered;
    if (!index) return;
    const day = nextEventDay(index, this.cursor, dir);
    if (day !== null) this.setCursor(day);
  }

  setFilters(patch: Partial<EventFilters>): void {
    this.filters = { ...this.filters, ...patch };
  }

  /** Opens an item in the reader; a spot list stays behind it so "back" returns there. */
  select(selection: Selection | null): void {
    this.selection = selection;
  }

  /** Closes the reader (Back, Escape, its own back button): through history when it pushed an entry. */
  closeReader(): void {
    if (!this.selection) return;
    if (!this.historyClose?.()) this.select(null);
  }

  /** A map click: one event opens the reader, several at one spot are listed first. */
  pick(featureIds: string[]): void {
    if (featureIds.length === 1) {
      this.spot = null;
      this.select({ kind: 'event', id: featureIds[0] });
    } else if (featureIds.length > 1) {
      this.spot = featureIds;
      this.select(null);
    }
  }

  closeSpot(): void {
    this.spot = null;
  }

  fly(place: { lon: number; lat: number }, zoom: number | null = null): void {
    this.flyRequest = { lon: place.lon, lat: place.lat, zoom };
  }

  place(id: string | null): Place | null {
    return id ? (this.articles?.places[id] ?? null) : null;
  }

  /**
   * The whole record of an article (text and spans). In the columnar layout its chunk is fetched
   * on first ask: null until it arrives (`articlePending`), then the readers update.
   */
  article(id: string): ArticleRecord | null {
    const d = this.data;
    if (!d?.chunks) return this.articleById.get(id) ?? null;
    void this.articlesLoaded;
    const full = this.#fullArticles.get(id);
    if (full) return full;
    const entry = this.articleById.get(id) as (ArticleRecord & { chunk?: number }) | undefined;
    if (entry && Number.isInteger(entry.chunk)) void this.#loadChunk(entry.chunk!);
    return null;
  }

  /** An article's title, outlet, dates (what lists show), without waiting for its text. */
  articleMeta(id: string): Omit<ArticleRecord, 'text'> | null {
    return this.articleById.get(id) ?? null;
  }

  /** True while an article's text is being fetched. */
  articlePending(id: string): boolean {
    void this.articlesLoaded;
    if (this.articlesPending) return true;
    return !!this.data?.chunks && this.articleById.has(id) && !this.#fullArticles.has(id);
  }

  /** Fetches the chunks holding these articles (for an export of their sentences). */
  async loadArticles(ids: Iterable<string>): Promise<void> {
    if (!this.data?.chunks) return;
    const chunks = new Set<number>();
    for (const id of ids) {
      const entry = this.articleById.get(id) as { chunk?: number } | undefined;
      if (entry && Number.isInteger(entry.chunk) && !this.#fullArticles.has(id)) chunks.add(entry.chunk!);
    }
    await Promise.all([...chunks].map((c) => this.#loadChunk(c)));
  }

  #loadChunk(chunk: number): Promise<void> {
    let p = this.#chunks.get(chunk);
    if (!p) {
      const d = this.data!;
      p = d.chunks!(chunk).then(
        (records) => {
          for (const r of records) this.#fullArticles.set(r.id, r);
          this.articlesLoaded++;
        },
        (e: unknown) => {
          this.#chunks.delete(chunk);
          this.problems = [...this.problems, { code: 'chunk-failed', message: `Could not load articles (chunk ${chunk}): ${String(e)}`, severity: 'warning' }];
        },
      );
      this.#chunks.set(chunk, p);
    }
    return p;
  }

  /** The loaded event with this feature id, or null. */
  featureOf(id: string): EventFeature | null {
    const d = this.data;
    if (d?.columns) {
      const row = rowOfId(d.columns, id);
      return row >= 0 ? d.events[row] : null;
    }
    return this.featureById?.get(id) ?? null;
  }

  /** The loaded events with these feature ids, in that order; ids not loaded are skipped. */
  featuresOf(ids: readonly string[]): EventFeature[] {
    return ids.map((id) => this.featureOf(id)).filter((f): f is EventFeature => !!f);
  }

  /** The sentence an event was read from, as one line of plain text (its markup left out). */
  sentenceOf(f: EventFeature): string {
    const a = this.article(f.properties.articleId);
    return a ? plainText(a.text, { start: f.properties.sentenceStart, end: f.properties.sentenceEnd }) : '';
  }

  togglePlay(): void {
    if (this.playing) return this.pause();
    const view = this.timeView;
    if (this.cursor >= view.to || this.cursor < view.from) this.setCursor(view.from);
    this.playing = true;
    this.#tick();
  }

  pause(): void {
    this.playing = false;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }

  #tick(): void {
    this.#timer = setTimeout(() => {
      if (!this.playing || !this.filtered) return;
      // Through the stretch shown, jumping over days that would show nothing new.
      const next = nextPlayDay(this.filtered, this.cursor, this.unit, this.mode, this.windowDays, this.timeView);
      if (next === null) return this.pause();
      this.setCursor(next);
      this.#tick();
    }, 1000 / this.speed);
  }

  private searchText(f: EventFeature): string {
    let s = this.#searchCache.get(f);
    if (s === undefined) {
      const p = f.properties;
      // The columnar layout searches the index (the article's title), not every text.
      const text = this.data?.chunks ? (this.articleMeta(p.articleId)?.title ?? '') : this.sentenceOf(f);
      s = [p.placeName, p.actors, p.type, p.subType, p.dateText, text].join(' ');
      this.#searchCache.set(f, s);
    }
    return s;
  }
}
