import type { Feature, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { AcledEventType, EventFeatureProperties } from '../../src/core/model.ts';
import { actorsOf, foldText, isUnfiltered, makeMatcher, NO_FILTERS, sortForList } from '../../src/app/lib/event-filter.ts';
import { buildIndex, toEventFeatures } from '../../src/app/lib/event-index.ts';

const ev = (id: string, day: number, type: AcledEventType, actors: string, place: string, fatalities: number | null, article = 'a1') =>
  ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [0, 0] },
    properties: {
      id, eventId: id, articleId: article, date: '2020-01-01', day, datePrecision: 'day', dateText: '', type, subType: '',
      actors, fatalities, geoPrecision: 1, placeId: place, placeName: place, placeInferred: false, sentenceStart: 0, sentenceEnd: 1,
    },
  }) as Feature<Point, EventFeatureProperties>;

const features = buildIndex(
  toEventFeatures([
    ev('a', 1, 'Battles', 'Military Forces of Syria; Military Forces of Turkey', 'Saraqib', 3),
    ev('b', 2, 'Protests', 'Protesters (Turkey)', 'Ankara', null, 'a2'),
    ev('c', 3, 'Explosions/Remote violence', 'Military Forces of Russia', 'Halep', 36),
  ]),
).index.features;
const text = (f: (typeof features)[number]) => `${f.properties.placeName} ${f.properties.actors}`;
const ids = (fs: typeof features) => fs.map((f) => f.properties.id);

describe('event filters', () => {
  it('lets everything through with no filters', () => {
    expect(isUnfiltered(NO_FILTERS)).toBe(true);
    expect(isUnfiltered({ ...NO_FILTERS, query: '  ' })).toBe(true);
    expect(ids(features.filter(makeMatcher(NO_FILTERS, text)))).toEqual(['a', 'b', 'c']);
  });

  it('filters by type, actor, article and words, together', () => {
    const m = (patch: Partial<typeof NO_FILTERS>) => ids(features.filter(makeMatcher({ ...NO_FILTERS, ...patch }, text)));
    expect(m({ types: ['Battles', 'Protests'] })).toEqual(['a', 'b']);
    expect(m({ types: [] })).toEqual([]);
    expect(m({ actor: 'Military Forces of Turkey' })).toEqual(['a']);
    expect(m({ articleId: 'a2' })).toEqual(['b']);
    expect(m({ query: 'forces syria' })).toEqual(['a']);
    expect(m({ query: 'HALEP' })).toEqual(['c']);
    expect(m({ types: ['Battles'], query: 'ankara' })).toEqual([]);
  });

  it('ignores accents, dotless i and case in search', () => {
    expect(foldText('Erdoğan İdlib Halep')).toBe('erdogan idlib halep');
    expect(foldText('Işıklar')).toBe('isiklar');
  });

  it('lists every actor once, sorted', () => {
    expect(actorsOf(features)).toEqual([
      'Military Forces of Russia',
      'Military Forces of Syria',
      'Military Forces of Turkey',
      'Protesters (Turkey)',
    ]);
  });

  it('orders the list by date either way or by fatalities, up to a limit', () => {
    expect(ids(sortForList(features, 'date-asc', 2))).toEqual(['a', 'b']);
    expect(ids(sortForList(features, 'date-desc', 2))).toEqual(['c', 'b']);
    expect(ids(sortForList(features, 'fatalities', 3))).toEqual(['c', 'a', 'b']);
  });
});
