/**
 * Merging the reports of one event: pairs that are one event (the Nayrab assault told by two
 * outlets a day apart), pairs that are not (same day, different towns; same town, different
 * days), conflicting figures side by side, and the corrections' joins and splits. Small inline
 * events shaped like the pipeline's, real places of the sample corpus.
 */
import { describe, expect, it } from 'vitest';
import type { ConflictEvent, EventPlace, Place } from '../src/core/model.ts';
import { candidatePairs, defaultRule, judgePair, mergeEvents, toldTwice, type MergeContext } from '../src/core/events/merge-events.ts';
import { mulberry32 } from '../src/core/common/seeded-random.ts';

const PLACES: Record<string, Place> = {
  nayrab: place('curated:nayrab-idlib', 'Nayrab (Idlib)', 'village', 35.8697, 36.7183, 'SY.07'),
  saraqib: place('geonames:163345', 'Saraqib', 'town', 35.8644, 36.8006, 'SY.07'),
  maarat: place('geonames:166365', 'Maarat al-Numan', 'town', 35.6436, 36.6739, 'SY.07'),
  idlib: place('geonames:169387', 'Idlib Governorate', 'admin1', 35.75, 36.6667, 'SY.07'),
  aleppo: place('geonames:170063', 'Aleppo', 'city', 36.2021, 37.1343, 'SY.09'),
  // Places of the reports corpus (test/corpus), for its events' shapes.
  quetta: place('geonames:1167528', 'Quetta', 'city', 30.18414, 67.00141, 'PK.02', 'PK'),
  kharkiv: place('geonames:706483', 'Kharkiv', 'city', 49.98081, 36.25272, 'UA.07', 'UA'),
  gwoza: place('geonames:2339665', 'Gwoza', 'town', 11.08313, 13.69595, 'NG.27', 'NG'),
  borno: place('geonames:2346794', 'Borno State', 'admin1', 11.5, 13.0, 'NG.27', 'NG'),
  jit: place('geonames:283449', 'Jīt', 'village', 32.21431, 35.17081, 'PS.WE', 'PS'),
  westBank: place('geonames:285153', 'West Bank', 'region', 31.95, 35.25, 'PS.WE', 'PS'),
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

describe('mergeEvents: tolls, approximate dates, groups and incidents told twice (shapes of the reports corpus)', () => {
  const blast: Partial<ConflictEvent> = { type: 'Explosions/Remote violence', actors: [], places: [at('quetta')] };
  const words = { sentences: 0.31, articles: 0.25 };

  it('counts close figures (an early and a later toll of one bombing) at half the same figure, not far ones', () => {
    // The Quetta railway station bombing, 9 Nov 2024: ARY News at 22 killed, The Standard (undated) at 24.
    const ary = event('ary#17', { ...blast, subType: 'Remote explosive/landmine/IED', fatalities: 22 });
    const standard = event('standard#64', { ...blast, subType: 'Suicide bomb', date: null, datePrecision: 'unknown', fatalities: 24 });
    const close = judgePair(ary, standard, ctx.placeOf, words);
    expect(close.reasons).toContain('close figures (22 and 24 killed)');
    expect(close.score).toBeCloseTo(6.4, 5);
    expect(close.score).toBeGreaterThanOrEqual(defaultRule.minScore);
    const far = judgePair(ary, { ...standard, fatalities: 6 }, ctx.placeOf, words);
    expect(far.reasons.some((r) => r.startsWith('close figures'))).toBe(false);
    expect(close.score - far.score).toBeCloseTo(0.5, 5);
    expect(far.score).toBeLessThan(defaultRule.minScore);
  });

  it('gives an approximate date a quarter of the same day when it lands within a day of the other’s, nothing further off', () => {
    // Kharkiv, 31 May 2024: one report read "the night of 30-31 May" as a week-precise 30 May.
    const strike: Partial<ConflictEvent> = { type: 'Explosions/Remote violence', subType: 'Shelling/artillery/missile attack', actors: [], places: [at('kharkiv')], fatalities: 3 };
    const day = event('ukrinform#17', { ...strike, date: '2024-05-31' });
    const near = judgePair(day, event('pravda#17', { ...strike, date: '2024-05-30', datePrecision: 'week' }), ctx.placeOf);
    const off = judgePair(day, event('pravda#17', { ...strike, date: '2024-05-27', datePrecision: 'week' }), ctx.placeOf);
    expect(near.reasons[0]).toBe('dates within a day, one approximate');
    expect(off.reasons[0]).toBe('dates within their precision');
    expect(near.score - off.score).toBe(defaultRule.sameDay / 4);
  });

  it('lets a report join a group through its best link when it passes the gates with every member', () => {
    const strike: Partial<ConflictEvent> = { type: 'Explosions/Remote violence', subType: 'Shelling/artillery/missile attack', date: '2024-05-31', places: [at('kharkiv')] };
    const ukrinform = event('ukrinform#17', { ...strike, actors: ['Military Forces of Russia'], fatalities: 3 });
    const babel = event('babel#17', { ...strike, actors: ['Military Forces of Russia'], fatalities: 5 });
    const pravda = event('pravda#17', { ...strike, subType: 'Air/drone strike', actors: [], fatalities: 3 });
    // Pravda and Babel share too little to reach the score on their own, but nothing keeps them apart.
    expect(judgePair(pravda, babel, ctx.placeOf)).toMatchObject({ compatible: true });
    expect(judgePair(pravda, babel, ctx.placeOf).score).toBeLessThan(defaultRule.minScore);
    expect(judgePair(pravda, ukrinform, ctx.placeOf).score).toBeGreaterThanOrEqual(defaultRule.minScore);
    const { merges } = mergeEvents([ukrinform, babel, pravda], ctx);
    expect(merges.map((m) => m.sources.map((s) => s.eventId).sort())).toEqual([['babel#17', 'pravda#17', 'ukrinform#17']]);
    // Two days from Babel's report, the third fails a gate with it and stays out of the group.
    const babelEarlier = { ...babel, date: '2024-05-30' };
    const later = { ...pravda, date: '2024-06-01', subType: 'Shelling/artillery/missile attack' };
    expect(judgePair(later, babelEarlier, ctx.placeOf).compatible).toBe(false);
    expect(judgePair(later, ukrinform, ctx.placeOf).score).toBeGreaterThanOrEqual(defaultRule.minScore);
    const apart = mergeEvents([ukrinform, babelEarlier, later], ctx);
    expect(apart.merges).toHaveLength(1);
    expect(apart.merges[0].sources).toHaveLength(2);
    expect(apart.events).toHaveLength(2);
  });

  it('takes both halves of an incident one article told twice (a summary and the body) into the group of its reports', () => {
    const strike: Partial<ConflictEvent> = { type: 'Explosions/Remote violence', subType: 'Shelling/artillery/missile attack', date: '2024-05-31', places: [at('kharkiv')], actors: ['Military Forces of Russia'] };
    const ukrinform = event('ukrinform#17', { ...strike, fatalities: 3 });
    const summary = event('devdiscourse#96', { ...strike, fatalities: 1 });
    const body = event('devdiscourse#507', { ...strike, fatalities: 1, sentence: { start: 200, end: 300 } });
    expect(toldTwice(summary, body, ctx.placeOf, 0.81)).toBe(true);
    const { events, merges } = mergeEvents([ukrinform, summary, body], ctx);
    expect(events).toHaveLength(1);
    expect(merges[0].sources.map((s) => s.eventId).sort()).toEqual(['devdiscourse#507', 'devdiscourse#96', 'ukrinform#17']);
    expect(events[0].fatalities).toBe(1);
  });

  it('keeps two incidents of one article apart: two figures, or other places in sentences that share little', () => {
    // Gwoza, 29 Jun 2024: the wedding bombing (6 killed) and the burial-ground bombing (1 killed), one report each of a second outlet.
    const bomb: Partial<ConflictEvent> = { type: 'Explosions/Remote violence', subType: 'Suicide bomb', date: '2024-06-29', actors: [], places: [at('gwoza')] };
    const wedding = event('ckn#17', { ...bomb, fatalities: 6 });
    const burial = event('ckn#798', { ...bomb, fatalities: 1, sentence: { start: 700, end: 800 } });
    expect(toldTwice(wedding, burial, ctx.placeOf, 0.9)).toBe(false);
    const channels = event('channels#17', { ...bomb, fatalities: 6 });
    const { merges } = mergeEvents([wedding, burial, channels], ctx);
    expect(merges.map((m) => m.sources.map((s) => s.eventId).sort())).toEqual([['channels#17', 'ckn#17']]);
    // The bomb at the base (Gwoza) and the burial ground (placed in Borno State): the same figure, other places, few shared words.
    const base = event('ckn#408', { ...bomb, fatalities: 1 });
    const inBorno = { ...burial, places: [at('borno', true)] };
    expect(toldTwice(base, inBorno, ctx.placeOf, 0.17)).toBe(false);
    expect(toldTwice(base, inBorno, ctx.placeOf, 0.34)).toBe(true);
    // Jit, 15 Aug 2024: settlers' attack told in the lead (the West Bank) and by the ministry (Jit); one named place would do too.
    const attack: Partial<ConflictEvent> = { type: 'Violence against civilians', subType: 'Attack', date: '2024-08-16', fatalities: 1, actors: [] };
    const lead = event('trt#17', { ...attack, places: [at('westBank')], geoPrecision: 3 });
    const ministry = event('trt#231', { ...attack, type: 'Battles', places: [at('jit')], actors: ['Military Forces of Israel'] });
    expect(toldTwice(lead, ministry, ctx.placeOf, 0.34)).toBe(true);
    expect(toldTwice(lead, ministry, ctx.placeOf, 0.1)).toBe(false);
    expect(toldTwice({ ...lead, places: [at('jit')] }, ministry, ctx.placeOf, 0.1)).toBe(true);
    expect(toldTwice(lead, { ...ministry, date: '2024-08-15' }, ctx.placeOf, 0.34)).toBe(false);
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

function at(key: keyof typeof PLACES, inferred = false): EventPlace {
  const p = PLACES[key];
  return { placeId: p.id, name: p.name, lat: p.lat, lon: p.lon, inferred };
}

function place(id: string, name: string, kind: Place['kind'], lat: number, lon: number, admin1: string, countryCode = 'SY'): Place {
  return { id, name, kind, lat, lon, countryCode, admin1, population: 0, featureCode: kind === 'admin1' ? 'ADM1' : 'PPL', source: 'geonames' };
}

describe('candidatePairs', () => {
  it('finds every pair the gates let through, on seeded events near and far, dated and not, in areas and out', () => {
    const random = mulberry32(11);
    // Towns scattered over a few hundred km, some of no admin-1 code or no country code.
    const extra: Place[] = Array.from({ length: 60 }, (_, k) => place(`test:town-${k}`, `Town ${k}`, 'town', 34 + random() * 4, 35 + random() * 4, k % 5 === 0 ? '' : k % 2 ? 'SY.07' : 'SY.09', k % 7 === 0 ? '' : 'SY'));
    extra.push(
      place('test:syria', 'Syria', 'country', 35, 38, '', 'SY'),
      place('test:levant', 'Levant', 'region', 35.2, 36.9, '', ''),
      place('test:district', 'A district', 'admin2', 35.8, 36.6, 'SY.07', 'SY'),
      place('test:province', 'A province of no code', 'admin1', 36.5, 37.5, '', 'SY'),
    );
    const all = [...Object.values(PLACES), ...extra];
    const placeOf = (id: string) => all.find((p) => p.id === id);
    const events = Array.from({ length: 300 }, (_, k) => {
      const places = Array.from({ length: 1 + Math.floor(random() * 2) }, () => {
        const p = all[Math.floor(random() * all.length)];
        return { placeId: p.id, name: p.name, lat: p.lat, lon: p.lon, inferred: random() < 0.2 };
      });
      const undated = random() < 0.1;
      const day = 1 + Math.floor(random() * 20);
      return event(`a${k % 150}#${k}`, { date: undated ? null : `2020-02-${String(day).padStart(2, '0')}`, datePrecision: random() < 0.15 ? 'week' : 'day', places, actors: [] });
    }).sort((a, b) => (a.id < b.id ? -1 : 1));
    const found = new Set([...candidatePairs(events, defaultRule, placeOf)].map(([i, j]) => `${Math.min(i, j)} ${Math.max(i, j)}`));
    let passing = 0;
    for (let i = 0; i < events.length; i++) {
      for (let j = i + 1; j < events.length; j++) {
        if (!judgePair(events[i], events[j], placeOf).compatible) continue;
        passing += 1;
        expect(found.has(`${i} ${j}`), `${events[i].id} and ${events[j].id}`).toBe(true);
      }
    }
    expect(passing).toBeGreaterThan(200);
  });
});
