import { describe, expect, it } from 'vitest';
import { dateMatches, eventFigures, literalPlacesWithin, scoreEvents, type GoldEvent } from '../src/core/eval/score-events.ts';
import type { AcledEventType, ConflictEvent } from '../src/core/model.ts';

/** A predicted event with the fields the scorer reads. */
function predicted(id: string, sentence: [number, number], date: string | null, type: AcledEventType, at: [number, number] | null, fatalities: number | null = null): ConflictEvent {
  return {
    id,
    articleId: id.split('#')[0],
    sentence: { start: sentence[0], end: sentence[1] },
    date,
    datePrecision: 'day',
    dateText: '',
    type,
    subType: type === 'Battles' ? 'Armed clash' : 'Air/drone strike',
    actors: [],
    fatalities,
    places: at ? [{ placeId: 'p', name: 'P', lat: at[0], lon: at[1], inferred: false }] : [],
    geoPrecision: 1,
    trigger: '',
  };
}

function gold(sentence: [number, number], date: string, type: string, at: [number, number], extra: Partial<GoldEvent> = {}): GoldEvent {
  return { date, date_precision: 'day', type, sub_event_type: 'Armed clash', place_lat: at[0], place_lon: at[1], sentence_start: sentence[0], sentence_end: sentence[1], ...extra };
}

const IDLIB: [number, number] = [35.76667, 36.66667];

describe('scoreEvents', () => {
  it('counts found, missed and spurious by sentence overlap', () => {
    const g = { 'a.txt': { events: [gold([0, 50], '2020-02-02', 'Battles', IDLIB), gold([60, 90], '2020-02-03', 'Battles', IDLIB)] } };
    const s = scoreEvents(g, [predicted('a#0', [0, 50], '2020-02-02', 'Battles', IDLIB), predicted('a#100', [100, 140], '2020-02-02', 'Battles', IDLIB)]);
    expect([s.goldCore, s.found, s.missed, s.spurious, s.predicted]).toEqual([2, 1, 1, 1, 2]);
    expect(s.articles[0].spuriousIds).toEqual(['a#100']);
    expect([s.recall, s.precision]).toEqual([0.5, 0.5]);
  });

  it('never counts optional gold as missed, nor a prediction matching it as spurious', () => {
    const g = { 'a.txt': { events: [gold([0, 50], '2020-02-01', 'Battles', IDLIB, { optional: true })] } };
    expect(scoreEvents(g, []).missed).toBe(0);
    const s = scoreEvents(g, [predicted('a#0', [0, 50], '2020-02-01', 'Battles', IDLIB)]);
    expect([s.found, s.optionalFound, s.spurious]).toEqual([0, 1, 0]);
  });

  it('matches one to one, by the closest agreement among overlapping gold events', () => {
    const airport: [number, number] = [36.1807, 37.2244];
    const g = { 'a.txt': { events: [gold([0, 100], '2020-03-01', 'Battles', IDLIB), gold([0, 100], '2020-03-01', 'Explosions/Remote violence', airport)] } };
    const s = scoreEvents(g, [predicted('a#0-2', [0, 100], '2020-03-01', 'Explosions/Remote violence', airport), predicted('a#0', [0, 100], '2020-03-01', 'Battles', IDLIB)]);
    expect(s.pairs.map((p) => [p.predictedId, p.typeOk, p.placeOk])).toEqual([['a#0', true, true], ['a#0-2', true, true]]);
    expect(s.typeAgreement).toEqual({ hits: 2, total: 2, rate: 1 });
  });

  it('matches a prediction to the gold event of its own sentence before one of a retelling it folded in', () => {
    // The gold's second event (an earlier attack, told in the retelling's sentence) agrees better on place and type.
    const g = { 'a.txt': { events: [gold([0, 50], '2020-02-02', 'Battles', IDLIB), gold([60, 90], '2020-02-01', 'Explosions/Remote violence', [36.2, 37.16], { optional: true })] } };
    const p = { ...predicted('a#0', [0, 50], '2020-02-01', 'Explosions/Remote violence', [36.2, 37.16]), alsoIn: [{ start: 60, end: 90 }] };
    const s = scoreEvents(g, [p]);
    expect(s.pairs.map((x) => [x.goldIndex, x.predictedId])).toEqual([[0, 'a#0'], [1, null]]);
    expect([s.found, s.optionalFound]).toEqual([1, 0]);
  });

  it('judges places within 25 km and types', () => {
    const g = { 'a.txt': { events: [gold([0, 50], '2020-02-02', 'Battles', IDLIB)] } };
    const near = scoreEvents(g, [predicted('a#0', [0, 50], '2020-02-02', 'Battles', [35.93062, 36.63393])]); // Idlib city, 19 km
    const far = scoreEvents(g, [predicted('a#0', [0, 50], '2020-02-02', 'Explosions/Remote violence', [36.20124, 37.16117])]); // Aleppo, 65 km
    expect([near.placeWithin.rate, near.typeAgreement.rate]).toEqual([1, 1]);
    expect([far.placeWithin.rate, far.typeAgreement.rate]).toEqual([0, 0]);
    expect(far.pairs[0].placeKm).toBeGreaterThan(60);
    expect(scoreEvents(g, [predicted('a#0', [0, 50], '2020-02-02', 'Battles', [35.93062, 36.63393])], { placeKm: 10 }).placeWithin.rate).toBe(0);
  });

  it('accepts the real-world date and any day within the gold precision', () => {
    expect(dateMatches({ date: '2020-02-02', date_precision: 'day', real_world_date: '2020-02-03' }, '2020-02-03')).toBe(true);
    expect(dateMatches({ date: '2020-02-02', date_precision: 'day' }, '2020-02-03')).toBe(false);
    expect(dateMatches({ date: '2015-10-15', date_precision: 'week', date_range: ['2015-10-11', '2015-10-20'] }, '2015-10-20')).toBe(true);
    expect(dateMatches({ date: '2015-10-15', date_precision: 'week', date_range: ['2015-10-11', '2015-10-20'] }, '2015-10-21')).toBe(false);
    expect(dateMatches({ date: '2020-02-01', date_precision: 'month' }, '2020-02-29')).toBe(true);
    expect(dateMatches({ date: '2020-02-01', date_precision: 'month' }, null)).toBe(false);
  });

  it('scores fatalities where the gold gives a number, and skips keys without events', () => {
    const g = { _schema: { note: 'x' }, 'a.txt': { events: [gold([0, 50], '2020-02-02', 'Battles', IDLIB, { fatalities: 8 })] } };
    const s = scoreEvents(g, [predicted('a#0', [0, 50], '2020-02-02', 'Battles', IDLIB, 8)]);
    expect([s.articles.length, s.fatalities.rate, s.articles[0].articleId]).toEqual([1, 1, 'a']);
  });
});

describe('eventFigures and literalPlacesWithin', () => {
  it('counts a main event found only with its date and place right, and a prediction of no gold event as unexplained', () => {
    const g = { 'a.txt': { events: [gold([0, 50], '2024-05-31', 'Battles', IDLIB), gold([60, 90], '2024-05-30', 'Battles', IDLIB), gold([100, 140], '2011-03-15', 'Protests', IDLIB, { optional: true })] } };
    const figures = eventFigures(scoreEvents(g, [
      predicted('a#0', [0, 50], '2024-05-31', 'Battles', IDLIB),
      predicted('a#60', [60, 90], '2024-05-31', 'Battles', IDLIB), // wrong day: matched, not found
      predicted('a#200', [200, 240], '2024-05-31', 'Battles', IDLIB),
    ]));
    expect([figures.mainRecall.hits, figures.mainRecall.total, figures.mainMatched.hits]).toEqual([1, 2, 2]);
    expect([figures.unexplained.hits, figures.unexplained.total]).toEqual([1, 3]);
  });

  it('takes the same GeoNames entity as the same place, however far apart the two points', () => {
    const somalia = { start: 0, end: 7, literal: true, lat: 6, lon: 48, geonameid: 51537 };
    expect(literalPlacesWithin([somalia], [{ start: 0, end: 7, lat: 10, lon: 49, placeId: 'geonames:51537' }], 25).hits).toBe(1);
    expect(literalPlacesWithin([somalia], [{ start: 0, end: 7, lat: 10, lon: 49, placeId: 'geonames:1' }], 25).hits).toBe(0);
    expect(literalPlacesWithin([{ ...somalia, geonameid: null }], [{ start: 2, end: 5, lat: 6.1, lon: 48.1 }], 25).hits).toBe(1);
  });

  it('places an area right at the area that holds the gold point, of the gold kind, wherever each source puts its centre', () => {
    // A province "borno" covering 10-13.5°N, 11.5-14.5°E; its point in our gazetteer is 58 km from the gold's.
    const boxes: Record<string, { kind: string; box: [number, number, number, number] }> = { borno: { kind: 'admin1', box: [10, 13.5, 11.5, 14.5] }, nigeria: { kind: 'country', box: [4, 14, 3, 15] } };
    const sameArea = (id: string, lat: number, lon: number, kind?: string) => {
      const b = boxes[id];
      return !!b && (kind ? kind === b.kind : b.kind !== 'country') && lat >= b.box[0] && lat <= b.box[1] && lon >= b.box[2] && lon <= b.box[3];
    };
    const borno = { start: 0, end: 11, literal: true, lat: 11.5, lon: 13, kind: 'admin1' };
    expect(literalPlacesWithin([borno], [{ start: 0, end: 11, lat: 12, lon: 13.15, placeId: 'borno' }], 25, sameArea).hits).toBe(1);
    expect(literalPlacesWithin([borno], [{ start: 0, end: 11, lat: 12, lon: 13.15, placeId: 'borno' }], 25).hits).toBe(0);
    // The country holds the point too, but a province is not placed right at its country.
    expect(literalPlacesWithin([borno], [{ start: 0, end: 11, lat: 9, lon: 8, placeId: 'nigeria' }], 25, sameArea).hits).toBe(0);
    // A village inside the province is not placed right at the province.
    expect(literalPlacesWithin([{ ...borno, kind: 'town' }], [{ start: 0, end: 11, lat: 12, lon: 13.15, placeId: 'borno' }], 25, sameArea).hits).toBe(0);

    const atProvince = { ...predicted('a#0', [0, 50], '2024-06-29', 'Battles', [12, 13.15]), places: [{ placeId: 'borno', name: 'Borno', lat: 12, lon: 13.15, inferred: false }] };
    const g = (geo: number) => ({ 'a.txt': { events: [gold([0, 50], '2024-06-29', 'Battles', [11.5, 13], { geo_precision: geo })] } });
    expect(scoreEvents(g(3), [atProvince], { sameArea }).pairs[0].placeOk).toBe(true);
    expect(scoreEvents(g(1), [atProvince], { sameArea }).pairs[0].placeOk).toBe(false);
  });
});

