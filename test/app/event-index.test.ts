import type { Feature, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { DatePrecision, EventFeatureProperties } from '../../src/core/model.ts';
import {
  buildIndex,
  countEvents,
  filterIndex,
  lowerBound,
  nextEventDay,
  selectWindow,
  toEventFeatures,
  windowFor,
} from '../../src/app/lib/event-index.ts';
import { isoToDay } from '../../src/app/lib/days.ts';

const d = (iso: string) => isoToDay(iso)!;

function raw(id: string, date: string | null, precision: DatePrecision = 'day', place = 'p1'): Feature<Point, EventFeatureProperties> {
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [36, 35] },
    properties: {
      id: `${id}@${place}`,
      eventId: id,
      articleId: 'a',
      date,
      day: date ? d(date) : -1,
      datePrecision: precision,
      dateText: '',
      type: 'Battles',
      subType: 'Armed clash',
      actors: '',
      fatalities: null,
      geoPrecision: 1,
      placeId: place,
      placeName: place,
      placeInferred: false,
      sentenceStart: 0,
      sentenceEnd: 1,
    },
  };
}

const sample = () =>
  toEventFeatures([
    raw('e3', '2020-02-27'),
    raw('e1', '2020-02-01', 'month'),
    raw('e2', '2020-02-26'),
    raw('e2', '2020-02-26', 'day', 'p2'),
    raw('u', null, 'unknown'),
    raw('e4', '2020-03-02'),
  ]);

describe('the event index', () => {
  it('sorts dated features by day, keeps undated apart, and does not touch its input', () => {
    const input = sample();
    const copy = JSON.parse(JSON.stringify(input));
    const { index, undated } = buildIndex(input);
    expect(index.features.map((f) => f.properties.eventId)).toEqual(['e1', 'e2', 'e2', 'e3', 'e4']);
    expect(undated.map((f) => f.properties.eventId)).toEqual(['u']);
    expect([...index.firstOfEvent]).toEqual([1, 1, 0, 1, 1]);
    expect(index.maxSpan).toBe(28);
    expect(input).toEqual(copy);
  });

  it('derives approximate flags and the end of a month-precision date', () => {
    const [f] = toEventFeatures([{ ...raw('m', '2020-02-01', 'month'), properties: { ...raw('m', '2020-02-01', 'month').properties, geoPrecision: 2 } }]);
    expect(f.properties.dayEnd).toBe(d('2020-02-29'));
    expect(f.properties.approxDate).toBe(true);
    expect(f.properties.approxPlace).toBe(true);
  });

  it('selects the features whose dates meet the window, month events included all month', () => {
    const { index } = buildIndex(sample());
    const ids = (from: string, to: string) => selectWindow(index, { from: d(from), to: d(to) }).map((f) => f.properties.id);
    expect(ids('2020-02-27', '2020-02-27')).toEqual(['e1@p1', 'e3@p1']);
    expect(ids('2020-02-20', '2020-02-26')).toEqual(['e1@p1', 'e2@p1', 'e2@p2']);
    expect(ids('2020-03-01', '2020-03-05')).toEqual(['e4@p1']);
    expect(ids('2020-01-01', '2020-01-31')).toEqual([]);
    expect(countEvents(index, { from: d('2020-02-20'), to: d('2020-02-26') })).toBe(2);
  });

  it('makes windows of N days up to the cursor, or everything up to it', () => {
    expect(windowFor(100, 'window', 7)).toEqual({ from: 94, to: 100 });
    expect(windowFor(100, 'window', 0)).toEqual({ from: 100, to: 100 });
    const { index } = buildIndex(sample());
    expect(selectWindow(index, windowFor(d('2020-02-26'), 'cumulative', 7)).length).toBe(3);
  });

  it('finds the next and previous day with events', () => {
    const { index } = buildIndex(sample());
    expect(nextEventDay(index, d('2020-02-26'), 1)).toBe(d('2020-02-27'));
    expect(nextEventDay(index, d('2020-02-26'), -1)).toBe(d('2020-02-01'));
    expect(nextEventDay(index, d('2020-03-02'), 1)).toBeNull();
    expect(nextEventDay(index, d('2020-02-01'), -1)).toBeNull();
  });

  it('filters without re-sorting and recounts events', () => {
    const { index } = buildIndex(sample());
    const only = filterIndex(index, (f) => f.properties.placeId === 'p2');
    expect(only.features.map((f) => f.properties.id)).toEqual(['e2@p2']);
    expect([...only.firstOfEvent]).toEqual([1]);
    expect(only.minDay).toBe(d('2020-02-26'));
  });

  it('binary-searches the first index at or above a value', () => {
    const a = Int32Array.from([1, 3, 3, 5]);
    expect([0, 1, 2, 3, 4, 5, 6].map((v) => lowerBound(a, v))).toEqual([0, 0, 1, 1, 3, 3, 4]);
  });
});
