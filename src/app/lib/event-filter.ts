/**
 * Filtering and ordering of events for the map and the list (the list is the map's accessible
 * alternative, so both show the same set): by ACLED type, actor, article and free-text search
 * over the place name, the sentence, the actors and the sub-type.
 */
import type { EventFeature } from './event-index.ts';

/** What the user narrowed the events to. */
export interface EventFilters {
  /** Event types shown; null = all types. */
  types: string[] | null;
  /** One actor (as written in the data, e.g. `Military Forces of Turkey`), or null for all. */
  actor: string | null;
  /** One article id, or null for all articles. */
  articleId: string | null;
  /** Free text; every word must occur (accents and case ignored). */
  query: string;
}

export const NO_FILTERS: EventFilters = { types: null, actor: null, articleId: null, query: '' };

/** Order of the event list. The map draws by size, so this is the list's only order. */
export type ListSort = 'date-desc' | 'date-asc' | 'fatalities';

export const LIST_SORTS: readonly ListSort[] = ['date-desc', 'date-asc', 'fatalities'];

/** True when the filters let everything through (lets callers skip a pass over 100k events). */
export function isUnfiltered(filters: EventFilters): boolean {
  return filters.types === null && !filters.actor && !filters.articleId && foldText(filters.query).trim() === '';
}

/**
 * A predicate for the filters. `textOf` gives the searchable text of a feature (the caller owns
 * the sentence text); it is only called when there is a query.
 */
export function makeMatcher(filters: EventFilters, textOf: (f: EventFeature) => string): (f: EventFeature) => boolean {
  const types = filters.types ? new Set(filters.types) : null;
  const words = foldText(filters.query).split(/\s+/).filter(Boolean);
  const actor = filters.actor;
  const articleId = filters.articleId;
  return (f) => {
    const p = f.properties;
    if (types && !types.has(p.type)) return false;
    if (articleId && p.articleId !== articleId) return false;
    if (actor && !splitActors(p.actors).includes(actor)) return false;
    if (words.length) {
      const hay = foldText(textOf(f));
      for (const w of words) if (!hay.includes(w)) return false;
    }
    return true;
  };
}

/** Lower-cases and strips accents, so `erdogan` finds `Erdoğan` and `halep` finds `Halep`. */
export function foldText(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ı/g, 'i')
    .toLowerCase();
}

/** Actors are joined with '; ' in the layer (GeoJSON viewers show arrays badly). */
export function splitActors(actors: string): string[] {
  return actors ? actors.split(';').map((a) => a.trim()).filter(Boolean) : [];
}

/** Every actor named by the features, sorted, for the actor filter. */
export function actorsOf(features: EventFeature[]): string[] {
  const set = new Set<string>();
  for (const f of features) for (const a of splitActors(f.properties.actors)) set.add(a);
  return [...set].sort((a, b) => a.localeCompare(b));
}

/**
 * The first `limit` features in list order. `features` must be in index order (by day), so date
 * orders cost only the slice; only the fatality order sorts.
 */
export function sortForList(features: EventFeature[], sort: ListSort, limit: number): EventFeature[] {
  if (sort === 'date-asc') return features.slice(0, limit);
  if (sort === 'date-desc') {
    const out: EventFeature[] = [];
    for (let i = features.length - 1; i >= 0 && out.length < limit; i--) out.push(features[i]);
    return out;
  }
  return features
    .slice()
    .sort((a, b) => (b.properties.fatalities ?? -1) - (a.properties.fatalities ?? -1) || b.properties.day - a.properties.day)
    .slice(0, limit);
}
