import { describe, expect, it } from 'vitest';
import { countryLocalScript, labelMinZooms, LANGUAGE_LETTERS, pickLocalName, scriptOf } from '../src/core/basemap/basemap-labels.ts';
import type { RankablePlace } from '../src/core/basemap/basemap-labels.ts';

describe('labelMinZooms', () => {
  const place = (id: string, lon: number, lat: number, population: number, capital = 0): RankablePlace => ({ id, lon, lat, population, capital });

  it('labels the bigger of two close towns first and the other from a higher zoom', () => {
    const z = labelMinZooms([place('small', 36.8, 35.86, 30_000), place('big', 36.63, 35.93, 130_000)]);
    expect(z.get('big')).toBe(2);
    expect(z.get('small')!).toBeGreaterThan(z.get('big')!);
  });

  it('labels national capitals from the lowest zoom, even near a bigger city', () => {
    const z = labelMinZooms([place('beirut', 35.5, 33.89, 1_900_000, 2), place('damascus', 36.29, 33.51, 1_500_000, 2)]);
    expect(z.get('beirut')).toBe(2);
    expect(z.get('damascus')).toBe(2);
  });

  it('leaves out what is still crowded at the highest zoom, and is deterministic', () => {
    const crowd = Array.from({ length: 50 }, (_, i) => place(`p${i}`, 36 + i * 1e-5, 35, 1000 + i));
    const a = labelMinZooms(crowd, { maxZoom: 8 });
    expect(a.size).toBe(1);
    expect(a.get('p49')).toBe(2);
    expect([...labelMinZooms([...crowd].reverse(), { maxZoom: 8 })]).toEqual([...a]);
  });
});

describe('local names', () => {
  it('tells scripts apart and refuses mixtures', () => {
    expect(scriptOf('حلب')).toBe('Arabic');
    expect(scriptOf('Şanlıurfa')).toBe('Latin');
    expect(scriptOf('Київ')).toBe('Cyrillic');
    expect(scriptOf('Halab حلب')).toBeNull();
  });

  it('picks the Arabic spelling, not a Persian one, a vocalised one or one with a stray space', () => {
    const damascus = ['Damascus', 'Dimashq', 'د مشق', 'دمشق', 'دمشک'];
    expect(pickLocalName(damascus, 'Arabic', LANGUAGE_LETTERS.ara)).toBe('دمشق');
    expect(pickLocalName(['الكُوَيْت', 'الكويت'], 'Arabic', LANGUAGE_LETTERS.ara)).toBe('الكويت');
    expect(pickLocalName(['Kabul', 'کابل'], 'Arabic', LANGUAGE_LETTERS.ara)).toBeNull();
  });

  it('prefers Ukrainian letters for Ukraine', () => {
    expect(pickLocalName(['Kyiv', 'Киев', 'Київ'], 'Cyrillic', LANGUAGE_LETTERS.ukr)).toBe('Київ');
  });

  it('a country has a local script only when one non-Latin script stands out', () => {
    expect(countryLocalScript(['سوريا'])).toBe('Arabic');
    expect(countryLocalScript(['Liban', 'لبنان'])).toBe('Arabic');
    expect(countryLocalScript(['Türkiye'])).toBeNull();
    expect(countryLocalScript(['إسرائيل', 'ישראל'])).toBeNull();
  });
});
