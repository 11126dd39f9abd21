import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Gazetteer } from '../src/core/places/gazetteer.ts';
import { Gazetteer as GazetteerClass } from '../src/core/places/gazetteer.ts';
import { emptyLayers, addRow, type PlaceRow } from '../scripts/lib/gazetteer-sources.ts';
import { encodeIndex } from '../scripts/build-gazetteer.ts';
import { loadGazetteer, ROOT } from '../scripts/lib/load-gazetteer.ts';

/** Great-circle distance in km. */
function km(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const r = Math.PI / 180;
  const h = Math.sin(((b.lat - a.lat) * r) / 2) ** 2 + Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin(((b.lon - a.lon) * r) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

describe('prior order and demonym shadowing (tiny synthetic index)', () => {
  const row = (id: string, kind: PlaceRow['kind'], population: number, featureCode = 'PPL', names = ['Sameplace']): PlaceRow => ({
    id, name: id, kind, lat: 0, lon: 0, cc: 'XX', admin1: '', population, featureCode, source: 'geonames', names: new Set(names),
    primary: new Set(names.slice(0, 1)),
  });

  it('ranks country, capital, admin-1, city, town, village; population within a tier', () => {
    const layers = emptyLayers();
    for (const r of [
      row('village', 'village', 900), row('town', 'town', 20_000), row('big-city', 'city', 500_000), row('small-city', 'city', 120_000),
      row('admin1', 'admin1', 10), row('capital', 'city', 50_000, 'PPLC'), row('country', 'country', 1, 'PCLI'), row('historical', 'city', 9e6, 'PPLH'),
    ]) addRow(layers, r);
    const g = GazetteerClass.fromIndex(encodeIndex(layers, 'test').index);
    expect(g.lookup('Sameplace').map((c) => c.place.id)).toEqual(['country', 'capital', 'admin1', 'big-city', 'small-city', 'town', 'village', 'historical']);
  });

  it('drops a GeoNames alternate name that is a demonym, keeps a primary one', () => {
    const layers = emptyLayers();
    addRow(layers, row('angren', 'city', 190_000, 'PPL', ['Angren', 'Turk']));
    addRow(layers, row('turk-village', 'village', 600, 'PPL', ['Turk']));
    layers.demonyms.set('Turk', new Set(['angren']));
    const g = GazetteerClass.fromIndex(encodeIndex(layers, 'test').index);
    expect(g.lookup('Turk').map((c) => c.place.id)).toEqual(['turk-village']);
  });
});

describe('the built gazetteer', () => {
  let g: Gazetteer;
  beforeAll(async () => {
    g = await loadGazetteer({ withShapes: true });
  });

  it('is large and knows multi-word names', () => {
    expect(g.size).toBeGreaterThan(200_000);
    expect(g.maxNameTokens).toBeGreaterThanOrEqual(4);
  });

  it('finds Tripoli in Libya first, and in Lebanon', () => {
    const cands = g.lookup('Tripoli').filter((c) => c.match === 'exact');
    expect(cands[0].place.countryCode).toBe('LY');
    expect(cands.map((c) => c.place.countryCode)).toContain('LB');
  });

  it('finds Idlib the governorate before Idlib the city', () => {
    const [first, second] = g.lookup('Idlib');
    expect(first.place).toMatchObject({ kind: 'admin1', admin1: 'SY.12', countryCode: 'SY' });
    expect(second.place).toMatchObject({ id: 'geonames:169389', kind: 'city' });
    expect(g.lookup('Idlib Province')[0].place.id).toBe(first.place.id);
    expect(g.lookup('Idlib Governorate')[0].place.id).toBe(first.place.id);
  });

  it('resolves Nayrab and Nairab to the curated village in Idlib, with its source', () => {
    for (const name of ['Nayrab', 'Nairab', 'al-Nayrab']) {
      const ids = g.lookup(name).map((c) => c.place.id);
      expect(ids).toContain('curated:nayrab-idlib');
    }
    const idlib = g.get('curated:nayrab-idlib')!;
    expect(idlib.sourceNote).toMatch(/wikimapia|sana/i);
    expect(idlib.admin1).toBe('SY.12');
    const aleppo = g.get('curated:nayrab-aleppo')!;
    expect(km(idlib, aleppo)).toBeGreaterThan(50);
  });

  it('finds Azaz under every spelling', () => {
    const ids = ['Azaz', "A'zaz", "I'zaz", 'I‘zāz', 'Aazaz'].map((s) => g.lookup(s)[0]?.place.id);
    expect(new Set(ids)).toEqual(new Set(['geonames:172082']));
  });

  it('knows large and medium airports as sites, by full name and without "International"', () => {
    for (const name of ['Damascus International Airport', 'Damascus Airport', 'Boryspil International Airport', 'Khartoum International Airport']) {
      expect(g.lookup(name)[0].place).toMatchObject({ kind: 'site', featureCode: 'AIRP', source: 'airports' });
    }
    expect(g.get('airport:DAM')).toMatchObject({ countryCode: 'SY', name: 'Damascus International Airport' });
    // The curated Aleppo airport is not repeated; the package's short name joins it.
    expect(g.lookup('Aleppo International Airport').map((c) => c.place.id)).toEqual(['curated:aleppo-airport']);
    expect(g.get('airport:ALP')).toBeUndefined();
    expect(g.lookup('DAM').every((c) => c.place.kind !== 'site')).toBe(true);
  });

  it('matches unseen transliterations loosely, after exact matches', () => {
    const jisr = g.lookup('Jisr al-Shughur');
    expect(jisr.find((c) => c.place.id === 'geonames:169023')?.match).toBeDefined();
    const maarat = g.lookup('Maarrat al-Nouman');
    expect(maarat[0]).toMatchObject({ match: 'loose', place: { id: 'geonames:167611' } });
    const tripoli = g.lookup('Tripoli');
    const firstLoose = tripoli.findIndex((c) => c.match === 'loose');
    expect(firstLoose === -1 || tripoli.slice(firstLoose).every((c) => c.match === 'loose')).toBe(true);
  });

  it('has the M4 as a line with a point on it', () => {
    const m4 = g.lookup('M4')[0].place;
    expect(m4).toMatchObject({ id: 'curated:m4-highway-syria', kind: 'road', hasGeometry: true, approximate: true });
    const line = g.geometry(m4.id);
    expect(line?.type).toBe('LineString');
    expect(line?.type === 'LineString' && line.coordinates.length).toBeGreaterThan(5);
  });

  it('has admin-1 areas and curated areas built from them', () => {
    expect(g.geometry('geonames:169387')?.type).toMatch(/Polygon/);
    expect(g.geometry('curated:donbas')?.type).toMatch(/Polygon/);
  });

  it('maps demonyms to countries and regions', () => {
    const first = (s: string) => g.demonym(s)[0]?.place.id;
    expect(first('Turkish')).toBe('geonames:298795');
    expect(first('Turks')).toBe('geonames:298795');
    expect(first('Syrians')).toBe('geonames:163843');
    expect(first('Russian')).toBe('geonames:2017370');
    expect(first('American')).toBe('geonames:6252001');
    expect(first('British')).toBe('geonames:2635167');
    expect(first('Kurdish')).toBe('curated:kurdistan');
    expect(first('Europeans')).toBe('geonames:6255148');
    expect(g.demonym('Turkish')[0].match).toBe('demonym');
    expect(g.demonym('Aleppo')).toEqual([]);
  });

  it('gives demonyms no loose place matches', () => {
    expect(g.lookup('Syrian')).toEqual([]);
    expect(g.lookup('Turk')).toEqual([]);
  });

  it('knows US counties, states and AP abbreviations', () => {
    expect(g.lookup('Alachua County')[0].place).toMatchObject({ kind: 'admin2', admin1: 'US.FL', countryCode: 'US' });
    expect(g.lookup('Rapides Parish')[0].place).toMatchObject({ kind: 'admin2', admin1: 'US.LA' });
    expect(g.lookup('Fla.')[0].place).toMatchObject({ kind: 'admin1', admin1: 'US.FL' });
    expect(g.lookup('N.Y.')[0].place.name).toBe('New York');
    expect(g.lookup('Washington, D.C.')[0].place.id).toBe('geonames:4140963');
  });

  it('looks up countries and admin-1 units by code', () => {
    expect(g.country('SY')).toMatchObject({ id: 'geonames:163843', lat: 35, lon: 38, kind: 'country' });
    expect(g.admin1('SY.12')?.id).toBe(g.admin1('SY-ID')?.id);
    expect(g.get('geonames:170063')?.name).toBe('Aleppo');
    expect(g.get('no:such')).toBeUndefined();
  });

  it('files Crimea under Ukraine, as GeoNames does', () => {
    expect(g.lookup('Crimea')[0].place.countryCode).toBe('UA');
  });

  it('has no weekday entry; calendar words that are real places are left to the recogniser', () => {
    const exact = (s: string) => g.lookup(s).filter((c) => c.match === 'exact');
    const days = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
    // Only "Thursday", a GeoNames alternate name of Thursday Island (AU).
    expect(days.filter((d) => exact(d).length > 0)).toEqual(['Thursday']);
    expect(g.lookup('March').map((c) => c.place.countryCode)).toContain('GB'); // March, Cambridgeshire
    expect(g.lookup('Of')[0].place.countryCode).toBe('TR'); // Of, Trabzon
  });

  it('shares frozen places but hands out fresh arrays', () => {
    const a = g.lookup('Aleppo');
    a.length = 0;
    expect(g.lookup('Aleppo').length).toBeGreaterThan(0);
    expect(Object.isFrozen(g.lookup('Aleppo')[0].place)).toBe(true);
  });

  it('gives every curated place a source note', () => {
    const dir = join(ROOT, 'geodata', 'curated');
    for (const file of ['syria.json', 'continents-regions.json']) {
      const data = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { places: Array<{ id: string }> };
      for (const { id } of data.places) expect(g.get(id)?.sourceNote, id).toBeTruthy();
    }
  });
});
