import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Gazetteer } from '../src/core/places/gazetteer.ts';
import { loadGazetteer, ROOT } from '../scripts/lib/load-gazetteer.ts';
import { processArticle, type PipelineResources } from '../src/core/process-article.ts';
import { loadResources } from '../scripts/lib/load-resources.ts';

/** Great-circle distance in km. */
function km(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const r = Math.PI / 180;
  const h = Math.sin(((b.lat - a.lat) * r) / 2) ** 2 + Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin(((b.lon - a.lon) * r) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

interface CuratedCamp { id: string; names: string[]; lat: number; lon: number; countryCode: string; featureCode: string; approximate?: boolean; source: string }
const camps: CuratedCamp[] = JSON.parse(readFileSync(join(ROOT, 'geodata/curated/camps.json'), 'utf8')).places;

describe('the curated camps file (geodata/curated/camps.json)', () => {
  it('cites a page for every camp, and says how an approximate point was placed', () => {
    expect(camps.length).toBeGreaterThanOrEqual(50);
    for (const c of camps) {
      expect(c.source, c.id).toMatch(/https?:\/\//);
      if (c.approximate) expect(c.source, c.id).toMatch(/Point:|approximate|estimate|whole minutes|the point is/i);
    }
  });

  it('has unique ids and no spelling given twice within one camp', () => {
    expect(new Set(camps.map((c) => c.id)).size).toBe(camps.length);
    for (const c of camps) expect(new Set(c.names).size, c.id).toBe(c.names.length);
  });
});

describe('camps in the built gazetteer', () => {
  let g: Gazetteer;
  beforeAll(async () => {
    g = await loadGazetteer();
  });

  it('finds Zamzam under every spelling, at its point 15 km south of El Fasher', () => {
    for (const name of ['Zamzam', 'Zam Zam', 'Zamzam camp', 'Zamzam IDP camp']) {
      expect(g.lookup(name)[0].place.id, name).toBe('curated:zamzam-camp');
    }
    const zamzam = g.get('curated:zamzam-camp')!;
    expect(zamzam).toMatchObject({ kind: 'site', featureCode: 'CMPRF', countryCode: 'SD', admin1: 'SD.55' });
    expect(km(zamzam, { lat: 13.4885, lon: 25.3107 })).toBeLessThan(0.1);
    const elFasher = g.lookup('El Fasher')[0].place;
    expect(km(zamzam, elFasher)).toBeGreaterThan(10);
    expect(km(zamzam, elFasher)).toBeLessThan(20);
    expect(zamzam.sourceNote).toMatch(/wikipedia/i);
  });

  it('knows the Beach camp by its Arabic and English names, in Gaza City', () => {
    const ids = ['al-Shati camp', 'Shati camp', 'Beach camp', 'Beach refugee camp'].map((n) => g.lookup(n)[0].place.id);
    expect(new Set(ids)).toEqual(new Set(['curated:shati-camp']));
    const shati = g.get('curated:shati-camp')!;
    expect(shati).toMatchObject({ countryCode: 'PS', admin1: 'PS.GZ' });
    expect(km(shati, g.lookup('Gaza City')[0].place)).toBeLessThan(5);
  });

  it('leaves a bare name that cities500 gives a town to the town; the camp takes the "camp" spellings', () => {
    expect(g.lookup('Jabalia')[0].place.id).toBe('geonames:281129');
    expect(g.lookup('Jenin')[0].place.id).toBe('geonames:283506');
    const camp = g.lookup('Jabalia camp')[0].place;
    expect(camp.id).toBe('curated:jabalia-camp');
    expect(km(camp, g.get('geonames:281129')!)).toBeLessThan(3);
    expect(g.lookup('Jenin refugee camp')[0].place.id).toBe('curated:jenin-camp');
  });

  it('knows the Gaza crossings as border posts, and leaves "Rafah" and "Erez" to the town and the kibbutz', () => {
    const rafah = g.lookup('Rafah crossing')[0].place;
    expect(rafah).toMatchObject({ id: 'curated:rafah-crossing', kind: 'site', featureCode: 'PSTB' });
    expect(km(rafah, g.lookup('Rafah')[0].place)).toBeLessThan(10);
    expect(g.lookup('Rafah')[0].place.id).toBe('geonames:281102');
    expect(g.lookup('Beit Hanoun crossing')[0].place.id).toBe('curated:erez-crossing');
    expect(g.lookup('Erez')[0].place.id).toBe('geonames:295177');
    expect(g.lookup('King Hussein Bridge')[0].place.id).toBe('curated:allenby-bridge');
  });

  it('places a camp the sources locate only relative to a town that far from it, marked approximate', () => {
    const kalma = g.get('curated:kalma-camp')!;
    expect(kalma.approximate).toBe(true);
    expect(km(kalma, g.lookup('Nyala')[0].place)).toBeCloseTo(15, 0);
    const dalori = g.get('curated:dalori-camp')!;
    expect(km(dalori, g.lookup('Maiduguri')[0].place)).toBeCloseTo(15, 0);
    expect(dalori.lat).toBeLessThan(g.lookup('Maiduguri')[0].place.lat);
  });
});

describe('events at camps', () => {
  let resources: PipelineResources;
  beforeAll(async () => {
    resources = await loadResources();
  });

  function eventPlaces(text: string): Array<{ placeId: string; lat: number; lon: number; unresolvedName?: string }> {
    const p = processArticle({ id: 'camp', text, meta: { published: '2024-12-02' } }, resources);
    expect(p.events.length, text).toBeGreaterThan(0);
    return p.events[0].places;
  }

  it('draws a drone strike on Zamzam camp at the camp, not at the North Darfur centre', () => {
    const [place] = eventPlaces('Drones struck the Zamzam camp for displaced people in North Darfur on Sunday, killing eight people.');
    expect(place.placeId).toBe('curated:zamzam-camp');
    expect(place.unresolvedName).toBeUndefined();
    expect(km(place, { lat: 13.4885, lon: 25.3107 })).toBeLessThan(1);
  });

  it('draws a raid on Nur Shams camp near Tulkarm at the camp', () => {
    const places = eventPlaces('Israeli forces raided the Nur Shams camp near Tulkarm on Monday, killing three Palestinians.');
    expect(places.map((x) => x.placeId)).toContain('curated:nur-shams-camp');
  });

  it('draws attacks at the Rafah Crossing and the Kerem Shalom crossing at the crossings', () => {
    expect(eventPlaces('Israeli forces seized the Rafah Crossing on Tuesday, killing two.').map((x) => x.placeId)).toEqual(['curated:rafah-crossing']);
    expect(eventPlaces('Gunmen attacked the Kerem Shalom crossing on Sunday, killing four soldiers.').map((x) => x.placeId)).toEqual(['curated:kerem-shalom-crossing']);
  });

  it('reads "Jabalia Camp" as the camp, and "the city of Jenin" as the city', () => {
    expect(eventPlaces('Israeli air strikes hit Jabalia Camp in northern Gaza on Tuesday, killing 12 people.').map((x) => x.placeId)).toContain('curated:jabalia-camp');
    expect(eventPlaces('Israeli forces raided the city of Jenin on Monday, killing two.').map((x) => x.placeId)).toEqual(['geonames:283506']);
  });
});
