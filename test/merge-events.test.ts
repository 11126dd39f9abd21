/**
 * Merging the reports of one event: pairs that are one event (the Nayrab assault told by two
 * outlets a day apart), pairs that are not (same day, different towns; same town, different
 * days), conflicting figures side by side, and the corrections' joins and splits. Small inline
 * events shaped like the pipeline's, real places of the sample corpus.
 */
import { describe, expect, it } from 'vitest';
import type { ConflictEvent, EventPlace, Place } from '../src/core/model.ts';
import { judgePair, mergeEvents, type MergeContext } from '../src/core/events/merge-events.ts';

const PLACES: Record<string, Place> = {
  nayrab: place('curated:nayrab-idlib', 'Nayrab (Idlib)', 'village', 35.8697, 36.7183, 'SY.07'),
  saraqib: place('geonames:163345', 'Saraqib', 'town', 35.8644, 36.8006, 'SY.07'),
  maarat: place('geonames:166365', 'Maarat al-Numan', 'town', 35.6436, 36.6739, 'SY.07'),
  idlib: place('geonames:169387', 'Idlib Governorate', 'admin1', 35.75, 36.6667, 'SY.07'),
  aleppo: place('geonames:170063', 'Aleppo', 'city', 36.2021, 37.1343, 'SY.09'),
};
const ctx: MergeContext = { placeOf: (id) => Object.values(PLACES).find((p) => p.id === id), outletOf: (id) => ({ a: 'SANA', b: 'DW', c: 'Reuters' })[id[0]] ?? null };

describe('mergeEvents', () => {
  it('merges two reports of the Nayrab assault a day apart into one event with both sources', () => {
    const inn = event('a1#2141', { date: '2020-02-20', places: [at('nayrab')], actors: ['Military Forces of Turkey', 'Military Forces of Syria'] });
    const gr = event('b2#1510', { date: '2020-02-21', places: [at('nayrab')], actors: ['Military Forces of Turkey', 'Rebel groups (Syria)'], fatalities: 2 });
    const { events, merges } = mergeEvents([inn, gr], ctx);
    expect(events).toHaveLength(1);
    expect(merges).toHaveLength(1);
    expect(merges[0].sources.map((s) => [s.eventId, s.outlet])).toEqual([['a1#2141', 'SANA'], ['b2#1510', 'DW']]);
    expect(merges[0].reasons[0]).toMatch(/^b2#1510: a day apart, both at Nayrab \(Idlib\), both battles/);
    expect(events[0]).toMatchObject({ id: 'a1#2141', fatalities: 2 });
  });

  it('keeps apart reports of the same day in different towns', () => {
    const a = event('a1#0', { places: [at('saraqib')] });
    const b = event('b1#0', { places: [at('maarat')] });
    expect(judgePair(a, b, ctx.placeOf)).toMatchObject({ compatible: false, reasons: ['places apart'] });
    expect(mergeEvents([a, b], ctx).events).toHaveLength(2);
  });

  it('keeps apart reports of the same town on different days', () => {
    const a = event('a1#0', { date: '2020-02-20' });
    const b = event('b1#0', { date: '2020-02-24' });
    expect(judgePair(a, b, ctx.placeOf)).toMatchObject({ compatible: false, reasons: ['dates apart'] });
    expect(mergeEvents([a, b], ctx).merges).toEqual([]);
  });

  it('never merges a month’s aggregate, a demonstration with a strike, nor two reports of one article', () => {
    const day = event('a1#0', {});
    expect(judgePair(day, event('b1#0', { date: '2020-02-01', datePrecision: 'month' }), ctx.placeOf).compatible).toBe(false);
    expect(judgePair(day, event('b1#0', { type: 'Protests', subType: 'Peaceful protest' }), ctx.placeOf).compatible).toBe(false);
    expect(judgePair(day, event('a1#900', {}), ctx.placeOf).compatible).toBe(false);
  });

  it('takes a town within the governorate another report names, at half the weight of the same town', () => {
    const town = event('a1#0', { places: [at('saraqib')] });
    const area = event('b1#0', { places: [at('idlib')] });
    const same = judgePair(town, event('c1#0', { places: [at('saraqib')] }), ctx.placeOf);
    const within = judgePair(town, area, ctx.placeOf);
    expect(within).toMatchObject({ compatible: true });
    expect(within.reasons).toContain('Saraqib and Idlib Governorate, one within the other');
    expect(same.score - within.score).toBe(1);
    expect(judgePair(town, event('b1#0', { places: [at('aleppo')] }), ctx.placeOf).compatible).toBe(false);
  });

  it('shows conflicting figures side by side and maps the lowest (ACLED)', () => {
    const sana = event('a1#0', { fatalities: 5, subType: 'Armed clash' });
    const dw = event('b1#0', { fatalities: 8, subType: 'Armed clash' });
    const reuters = event('c1#0', { fatalities: null, subType: 'Armed clash', actors: ['Military Forces of Turkey'] });
    const { events, merges } = mergeEvents([dw, reuters, sana], ctx);
    expect(events).toHaveLength(1);
    expect(events[0].fatalities).toBe(5);
    expect(merges[0].sources.map((s) => s.outlet)).toEqual(['SANA', 'DW', 'Reuters']);
    expect(merges[0].fatalitiesRule).toBe('the lowest figure stated (ACLED)');
    expect(merges[0].claims.find((c) => c.field === 'fatalities')).toEqual({ field: 'fatalities', values: [{ value: '5', eventIds: ['a1#0'] }, { value: '8', eventIds: ['b1#0'] }] });
  });

  it('follows the corrections: joined pairs are one, separated pairs stay two', () => {
    const a = event('a1#0', {});
    const b = event('b1#0', {});
    const far = event('c1#0', { date: '2020-03-05', places: [at('aleppo')] });
    expect(mergeEvents([a, b], { ...ctx, separate: [['a1#0', 'b1#0']] }).events).toHaveLength(2);
    const joined = mergeEvents([a, far], { ...ctx, join: [['c1#0', 'a1#0']] });
    expect(joined.events).toHaveLength(1);
    expect(joined.merges[0]).toMatchObject({ corrected: true, reasons: ['c1#0: joined by a correction'] });
  });

  it('leaves its input unchanged and gives the same result in any order', () => {
    const input = [event('b1#0', { fatalities: 8 }), event('a1#0', { fatalities: 5 }), event('c1#0', { places: [at('maarat')] })];
    const copy = structuredClone(input);
    const one = mergeEvents(input, ctx);
    expect(input).toEqual(copy);
    expect(mergeEvents([...input].reverse(), ctx)).toEqual(one);
  });
});

function event(id: string, over: Partial<ConflictEvent>): ConflictEvent {
  const articleId = id.split('#')[0];
  return {
    id,
    articleId,
    sentence: { start: 0, end: 100 },
    date: '2020-02-20',
    datePrecision: 'day',
    dateText: 'on Thursday',
    type: 'Battles',
    subType: 'Armed clash',
    actors: ['Military Forces of Turkey', 'Military Forces of Syria'],
    fatalities: null,
    places: [at('nayrab')],
    geoPrecision: 1,
    trigger: 'stormed',
    ...over,
  };
}

function at(key: keyof typeof PLACES): EventPlace {
  const p = PLACES[key];
  return { placeId: p.id, name: p.name, lat: p.lat, lon: p.lon, inferred: false };
}

function place(id: string, name: string, kind: Place['kind'], lat: number, lon: number, admin1: string): Place {
  return { id, name, kind, lat, lon, countryCode: 'SY', admin1, population: 0, featureCode: kind === 'admin1' ? 'ADM1' : 'PPL', source: 'geonames' };
}
