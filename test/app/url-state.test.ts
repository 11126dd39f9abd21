import { describe, expect, it } from 'vitest';
import { isoToDay } from '../../src/app/lib/days.ts';
import { decodeUrlState, DEFAULT_URL_STATE, dropUnknownTypes, encodeUrlState, type UrlState } from '../../src/app/lib/url-state.ts';

describe('the URL state codec', () => {
  it('writes nothing for the defaults', () => {
    expect(encodeUrlState(DEFAULT_URL_STATE)).toBe('');
    expect(decodeUrlState('').state).toEqual(DEFAULT_URL_STATE);
  });

  it('round-trips a full state', () => {
    const s: UrlState = {
      day: isoToDay('2020-02-27'),
      unit: 'week',
      mode: 'window',
      windowDays: 30,
      filters: { types: ['Battles', 'Explosions/Remote violence'], actor: 'Military Forces of Turkey', articleId: 'a#1', query: 'Idlib & M4' },
      sort: 'fatalities',
      selection: { kind: 'event', id: '003#120@geonames:170062' },
      view: { lon: 36.7, lat: 35.9, zoom: 8.5 },
      allDates: true,
      hiddenLayers: ['areas', 'routes'],
      range: { from: isoToDay('2020-02-01')!, to: isoToDay('2020-03-15')! },
    };
    const text = encodeUrlState(s);
    expect(text).toContain('r=2020-02-01..2020-03-15');
    expect(text).toContain('all=1&hide=areas%2Croutes');
    expect(text).toContain('d=2020-02-27');
    expect(text).toContain('t=battles%2Cexplosions');
    const back = decodeUrlState(`#${text}`);
    expect(back.problems).toEqual([]);
    expect(back.state).toEqual(s);
  });

  it('keeps the whole time span, and reports a backwards range', () => {
    expect(decodeUrlState(`#${encodeUrlState({ ...DEFAULT_URL_STATE, range: 'all' })}`).state.range).toBe('all');
    const bad = decodeUrlState('#r=2020-03-01..2020-02-01');
    expect(bad.state.range).toBeNull();
    expect(bad.problems).toEqual(['ignored r=2020-03-01..2020-02-01']);
  });

  it('encodes cumulative mode and rounds the camera', () => {
    const text = encodeUrlState({ ...DEFAULT_URL_STATE, mode: 'cumulative', view: { lon: 36.123456789, lat: 35.1, zoom: 7.123 } });
    expect(text).toBe('w=all&v=36.1235%2C35.1%2C7.12');
    expect(decodeUrlState(text).state.mode).toBe('cumulative');
  });

  it('keeps going on bad values and says which were ignored', () => {
    const { state, problems } = decodeUrlState('d=2020-02-31&u=year&w=-3&sort=random&sel=x&v=500,1,2&q=ok');
    expect(state.day).toBeNull();
    expect(state.unit).toBe('day');
    expect(state.windowDays).toBe(DEFAULT_URL_STATE.windowDays);
    expect(state.sort).toBe(DEFAULT_URL_STATE.sort);
    expect(state.selection).toBeNull();
    expect(state.view).toBeNull();
    expect(state.filters.query).toBe('ok');
    expect(problems).toHaveLength(6);
  });

  it('keeps event types outside ACLED by name', () => {
    expect(decodeUrlState('t=riots,Cyber%20attack').state.filters.types).toEqual(['Riots', 'Cyber attack']);
  });

  it('says which layer names and event types of a link it ignored', () => {
    const { state, problems } = decodeUrlState('hide=areas,roads&all=yes&t=battles,protest');
    expect(state.hiddenLayers).toEqual(['areas']);
    expect(problems).toEqual(['ignored all=yes', 'ignored hide=roads']);
    expect(dropUnknownTypes(state, new Set(['Battles', 'Protests']))).toEqual(['ignored t=protest (no such event type in this data)']);
    expect(state.filters.types).toEqual(['Battles']);
    const only = decodeUrlState('t=nonsense').state;
    expect(dropUnknownTypes(only, new Set(['Battles']))).toEqual(['ignored t=nonsense (no such event type in this data; showing all types)']);
    expect(only.filters.types).toBeNull();
  });
});
