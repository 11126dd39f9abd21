/**
 * One event, one row: the pipeline writes a feature per place an event names (a sentence naming
 * Saraqib, Nayrab and the M4 is three points), but the list, the counts and the totals speak of
 * events. Features of one event share its `eventId`, its date and its fatality count.
 */
import type { ListSort } from './event-filter.ts';
import type { EventFeature, EventIndex } from './event-index.ts';

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

/**
 * The first `limit` event rows of a large window in list order, from index positions (in index
 * order), without grouping or sorting all of it: one event's features are adjacent in the index
 * (sorted by day, then event id), so a group is a run that starts where `firstOfEvent` is set.
 * Date orders walk from one end; the fatality order keeps the best `limit` in a small sorted
 * buffer (ties: the later event first, as `sortForList`).
 */
export function listGroups(index: EventIndex, positions: Int32Array, sort: ListSort, limit: number): EventGroup[] {
  const starts: number[] = []; // positions' indexes where a group starts
  const runEnd = (k: number) => {
    let j = k + 1;
    while (j < positions.length && !index.firstOfEvent[positions[j]] && positions[j] === positions[j - 1] + 1) j++;
    return j;
  };
  const isStart = (k: number) => k === 0 || index.firstOfEvent[positions[k]] === 1 || positions[k] !== positions[k - 1] + 1;
  if (sort === 'date-asc') {
    for (let k = 0; k < positions.length && starts.length < limit; k = runEnd(k)) starts.push(k);
  } else if (sort === 'date-desc') {
    for (let k = positions.length - 1; k >= 0 && starts.length < limit; k--) if (isStart(k)) starts.push(k);
  } else {
    const best: Array<{ k: number; f: number; day: number }> = [];
    for (let k = 0; k < positions.length; k++) {
      if (!isStart(k)) continue;
      const f = index.fatal[positions[k]];
      const day = index.starts[positions[k]];
      if (best.length === limit && (f < best[best.length - 1].f || (f === best[best.length - 1].f && day < best[best.length - 1].day))) continue;
      // Later groups win ties on equal (fatalities, day), as a stable sort of the reversed order would not: keep the first seen.
      let at = best.length;
      while (at > 0 && (best[at - 1].f < f || (best[at - 1].f === f && best[at - 1].day < day))) at--;
      best.splice(at, 0, { k, f, day });
      if (best.length > limit) best.pop();
    }
    for (const b of best) starts.push(b.k);
  }
  return starts.map((k) => {
    const features: EventFeature[] = [];
    for (let j = k, end = runEnd(k); j < end; j++) features.push(index.features[positions[j]]);
    const places: string[] = [];
    for (const f of features) if (!places.includes(f.properties.placeName)) places.push(f.properties.placeName);
    return { eventId: features[0].properties.eventId, first: features[0], features, places };
  });
}
