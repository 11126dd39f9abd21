/**
 * One event, one row: the pipeline writes a feature per place an event names (a sentence naming
 * Saraqib, Nayrab and the M4 is three points), but the list, the counts and the totals speak of
 * events. Features of one event share its `eventId`, its date and its fatality count.
 */
import type { EventFeature } from './event-index.ts';

/** An event with every place it was put at. */
export interface EventGroup {
  eventId: string;
  /** Its first feature (in the order given): the one a row opens in the reader. */
  first: EventFeature;
  /** All its features, in the order given. */
  features: EventFeature[];
  /** Distinct place names, in the order given. */
  places: string[];
}

/** Groups features by event, in order of each event's first feature; input untouched. */
export function groupEvents(features: readonly EventFeature[]): EventGroup[] {
  const byId = new Map<string, EventGroup>();
  for (const f of features) {
    const id = f.properties.eventId;
    const g = byId.get(id);
    if (!g) byId.set(id, { eventId: id, first: f, features: [f], places: [f.properties.placeName] });
    else {
      g.features.push(f);
      if (!g.places.includes(f.properties.placeName)) g.places.push(f.properties.placeName);
    }
  }
  return [...byId.values()];
}

/** Sum of the events' fatalities (each event counted once; unknown counts as none). */
export function totalFatalities(groups: readonly EventGroup[]): number {
  let n = 0;
  for (const g of groups) n += g.first.properties.fatalities ?? 0;
  return n;
}
