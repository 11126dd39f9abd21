import type { Feature, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { EventFeatureProperties } from '../../src/core/model.ts';
import { axisTicks } from '../../src/app/lib/axis.ts';
import { isoToDay } from '../../src/app/lib/days.ts';
import { buildIndex, toEventFeatures } from '../../src/app/lib/event-index.ts';
import { binWidthFor, histogram, maxBinCount } from '../../src/app/lib/histogram.ts';

const d = (iso: string) => isoToDay(iso)!;
const ev = (id: string, date: string, precision: 'day' | 'month' = 'day', place = 'p'): Feature<Point, EventFeatureProperties> => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [0, 0] },
  properties: {
    id: `${id}@${place}`, eventId: id, articleId: 'a', date, day: d(date), datePrecision: precision, dateText: '',
    type: 'Battles', subType: '', actors: '', fatalities: null, geoPrecision: 1, placeId: place, placeName: place,
    placeInferred: false, sentenceStart: 0, sentenceEnd: 1,
  },
});

describe('the histogram', () => {
  it('picks the smallest nice bin width that fits', () => {
    expect(binWidthFor(0, 99, 100)).toBe(1);
    expect(binWidthFor(0, 100, 100)).toBe(2);
    expect(binWidthFor(0, 1599, 300)).toBe(7);
    expect(binWidthFor(0, 36499, 10)).toBe(3650);
    expect(binWidthFor(0, 36500, 10)).toBe(3651);
  });

  it('counts events (not features) per bin, split by date precision', () => {
    const { index } = buildIndex(
      toEventFeatures([ev('a', '2020-02-01', 'month'), ev('b', '2020-02-02'), ev('b', '2020-02-02', 'day', 'q'), ev('c', '2020-02-09')]),
    );
    const bins = histogram(index, d('2020-02-01'), d('2020-02-14'), 7);
    expect(bins).toEqual([
      { start: d('2020-02-01'), end: d('2020-02-07'), exact: 1, approximate: 1 },
      { start: d('2020-02-08'), end: d('2020-02-14'), exact: 1, approximate: 0 },
    ]);
    expect(maxBinCount(bins)).toBe(2);
    expect(maxBinCount([])).toBe(1);
  });
});

describe('the time axis', () => {
  it('labels years for long spans, months for months, Mondays for weeks', () => {
    expect(axisTicks(d('2015-10-01'), d('2020-03-31'), 10).map((t) => t.label)).toEqual(['2016', '2017', '2018', '2019', '2020']);
    expect(axisTicks(d('2019-11-15'), d('2020-03-02'), 10).map((t) => t.label)).toEqual(['Dec', 'Jan 2020', 'Feb', 'Mar']);
    const weeks = axisTicks(d('2020-02-01'), d('2020-02-20'), 10);
    expect(weeks.map((t) => t.label)).toEqual(['3 Feb', '10 Feb', '17 Feb']);
    expect(axisTicks(d('2000-01-01'), d('2020-01-01'), 5).length).toBeLessThanOrEqual(5);
  });
});
