/**
 * Resolution on small inline articles with the real gazetteer and the shipped ranker: same-name
 * places decided by the article's own evidence (its state, its container, its country).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { cleanArticle } from '../src/core/text/clean-article.ts';
import { findToponyms, type RecognizerResources } from '../src/core/places/find-toponyms.ts';
import { geoPrecisionOf, resolvePlaces } from '../src/core/places/resolve-places.ts';
import { occurrenceFeatures, type CandidateContext } from '../src/core/places/place-features.ts';
import type { Mention } from '../src/core/model.ts';
import { loadResources } from '../scripts/lib/load-resources.ts';

let resources: RecognizerResources;
beforeAll(async () => {
  resources = await loadResources();
});

function resolve(text: string): Mention[] {
  const { article } = cleanArticle({ id: 't', text, meta: {} });
  return resolvePlaces('t', findToponyms(article, resources));
}
const place = (text: string, surface: string) => resolve(text).find((m) => m.surface === surface)?.place;

describe('resolvePlaces', () => {
  it('reads an explicit container: Gainesville, Fla. vs Gainesville, Ga.', () => {
    expect(place('A man from Gainesville, Fla. was arrested.', 'Gainesville')?.admin1).toBe('US.FL');
    expect(place('A man from Gainesville, Ga. was arrested.', 'Gainesville')?.admin1).toBe('US.GA');
  });

  it('takes Georgia for the US state when the article is about Georgia counties', () => {
    const p = place('Deputies in Barrow County and Jackson County said the Georgia law changed on Monday.', 'Georgia');
    expect(p?.countryCode).toBe('US');
  });

  it('takes Georgia for the country in an article about the Caucasus', () => {
    const p = place('Russian troops entered Georgia after fighting near Tbilisi and in South Ossetia.', 'Georgia');
    expect(p?.countryCode).toBe('GE');
  });

  it('reads a big city that is an admin-1 unit of its own as the city, not its namesake province (Kyiv)', () => {
    const kharkiv = 'The Russian army launched a missile strike on a residential building in Kharkiv on Friday, killing three people.\nKharkiv Mayor Ihor Terekhov announced this on the Telegram messaging app.\nRead also:\nMissile attack on Kyiv: All targets shot down';
    expect(place(kharkiv, 'Kyiv')?.kind).toBe('city');
    expect(place('Fighting spread across the Kyiv region, officials in Ukraine said.', 'Kyiv')?.kind).toBe('admin1');
  });

  it('draws a village said to be near a town near it, when its only reading is a namesake far away', () => {
    const mentions = resolve('Ukrainian troops attacked the village of Otradnoye near Belgorod with a drone on Sunday, the governor said.');
    const village = mentions.find((m) => m.surface === 'Otradnoye');
    const town = mentions.find((m) => m.surface === 'Belgorod')?.place;
    expect(town?.kind).toBe('city'); // the town, not its namesake province
    expect([village?.place?.id, village?.near?.id, village?.geoPrecision]).toEqual([town?.id, town?.id, 2]);
    // Near what it is said to be near, a reading stays.
    expect(place('Shelling hit the town of Saraqib near Idlib on Sunday.', 'Saraqib')?.name).toBe('Sarāqib');
  });

  it('keeps one meaning for a name throughout an article', () => {
    const mentions = resolve('Paris, Texas, held a parade. Paris officials praised the turnout in Lamar County. Paris will do it again.').filter((m) => m.surface === 'Paris');
    expect(new Set(mentions.map((m) => m.place?.id)).size).toBe(1);
    expect(mentions[0].place?.countryCode).toBe('US');
  });

  it('places Tripoli in Libya when the article says so', () => {
    expect(place('Fighting resumed in Tripoli, Libya, as Turkish drones flew overhead.', 'Tripoli')?.countryCode).toBe('LY');
  });

  it('finds the coherent pair when the first guess of each name lies elsewhere: Palestine in Anderson County, Texas', () => {
    const mentions = resolve('The Palestine City Council met on Monday. Palestine officials said Anderson County deputies will patrol the park.');
    expect(mentions.find((m) => m.surface === 'Palestine')?.place?.admin1).toBe('US.TX');
    expect(mentions.find((m) => m.surface === 'Anderson County')?.place?.admin1).toBe('US.TX');
  });

  it('does not let a government ("Washington said") pull a name towards its capital', () => {
    const p = place('Washington said the talks failed. Damascus rejected the plan, and fighting went on near Homs.', 'Damascus');
    expect(p?.countryCode).toBe('SY');
  });

  it('leaves a small namesake on another continent unresolved rather than drawn there', () => {
    const mentions = resolve("Fano fighters took control of the town of Lalibela in Ethiopia's Amhara region. The region remains tense as residents in Kobo reported fighting early Tuesday morning. The army clashed with Fano near Debre Tabor.");
    const kobo = mentions.find((m) => m.surface === 'Kobo');
    expect(kobo).toBeDefined();
    expect(kobo!.place === null || kobo!.place.countryCode === 'ET').toBe(true);
    expect(mentions.find((m) => m.surface === 'Lalibela')?.place?.countryCode).toBe('ET');
  });

  it('reads a province named after its big city as the city, but not as a container or under another name', () => {
    expect(place('A missile strike hit a residential building in Kharkiv on Friday.', 'Kharkiv')?.kind).toBe('city');
    expect(place('Fighting spread across the Kharkiv region on Friday.', 'Kharkiv')?.kind).not.toBe('city');
    expect(place('A girl from Buffalo, New York, died of the flu.', 'New York')?.kind).toBe('admin1');
  });

  it('tells the ranker when a name is one of a place\'s other names, not the name it bears', () => {
    const ctx: CandidateContext = { rank: 0, of: 2, largest: true, contained: false, proximity: null, jointProximity: 0, jointLead: 0 };
    const toponyms = findToponyms(cleanArticle({ id: 't', text: 'Shelling hit Petrovka on Monday.', meta: {} }).article, resources);
    const petrovka = toponyms.find((t) => t.surface === 'Petrovka')!;
    const byName = (name: string) => petrovka.candidates.find((c) => c.place.name === name)!;
    // GeoNames gives Kurakhovo "Petrovka" among its other names; the village bears it.
    expect(occurrenceFeatures(byName('Kurakhovo'), petrovka, ctx)).toContain('alternate-name');
    expect(occurrenceFeatures(byName('Petrovka'), petrovka, ctx)).not.toContain('alternate-name');
  });

  it('never reads a river named after a town as the town', () => {
    // GeoNames gives "Barak" to a Turkish village; the Barak River of Manipur is not in the gazetteer.
    expect(resolvePlaces('t', findToponyms(cleanArticle({ id: 't', text: 'A man from Barak was arrested.', meta: {} }).article, resources)).find((m) => m.surface === 'Barak')?.place?.countryCode).toBe('TR');
    const river = resolve('Gunmen fired on villagers along the Barak River on Monday.').find((m) => m.surface.startsWith('Barak'));
    expect(river?.place ?? null).toBeNull();
  });

  it('reads "the region of", "the province of" and "the city of" before a name as its kind', () => {
    expect(place('A drone attack on the southern Ukrainian region of Odesa injured five people.', 'Odesa')?.kind).toBe('admin1');
    expect(place('A missile struck the port city of Odesa on Monday.', 'Odesa')?.kind).toBe('city');
    // Each mention keeps what its own kind word says, one sense per discourse notwithstanding.
    const both = resolve('Rebels launched an incursion into the northwestern province of Aleppo. They entered the city of Aleppo on Friday.').filter((m) => m.surface === 'Aleppo');
    expect(both.map((m) => m.place?.kind)).toEqual(['admin1', 'city']);
    // "the Novobavarsky district of Kharkiv" is a district of the city.
    expect(place('Russian troops launched a missile attack on the Novobavarsky district of Kharkiv.', 'Kharkiv')?.kind).toBe('city');
  });

  it('reads a Persian name joined by "-e" as one name, and lets no stray witness for another', () => {
    const mentions = resolve('The fighters said Sunday they had captured Sar-e Pul, in Sar-e Pul province in northern Afghanistan and Taleqan, in the northeastern province of Takhar.');
    expect(mentions.find((m) => m.surface === 'Sar-e Pul')?.place?.countryCode).toBe('AF');
    // No piece of the name read as a town in Europe.
    expect(mentions.filter((m) => m.place && m.place.countryCode !== 'AF').map((m) => m.surface)).toEqual([]);
  });

  it('reads the name of a city of millions as that city over a same-named village of its country nearer the other names', () => {
    const text = "In West Java's Bandung city, demonstrators torched another parliament building Friday, while in Surabaya, Indonesia's second-largest city, protesters stormed regional police headquarters.";
    expect(place(text, 'Surabaya')?.population).toBeGreaterThan(1_000_000);
    // Named as a village, it stays the village.
    expect(place("Gunmen raided the village of Surabaya in West Java's Garut regency on Friday.", 'Surabaya')?.kind).toBe('village');
  });

  it('gives ACLED geo precision by kind', () => {
    expect(geoPrecisionOf('town')).toBe(1);
    expect(geoPrecisionOf('admin2')).toBe(2);
    expect(geoPrecisionOf('country')).toBe(3);
  });
});
