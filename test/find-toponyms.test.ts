/**
 * The recogniser on small inline articles, with the real gazetteer and the shipped model: one
 * behaviour per case, each named after the error class it guards against.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { cleanArticle } from '../src/core/text/clean-article.ts';
import { findToponyms, scoreCandidates, type RecognizerResources } from '../src/core/places/find-toponyms.ts';
import { resolvePlaces } from '../src/core/places/resolve-places.ts';
import { probability, trainLogistic } from '../src/core/common/linear-model.ts';
import { loadResources } from '../scripts/lib/load-resources.ts';

let resources: RecognizerResources;
beforeAll(async () => {
  resources = await loadResources();
});

const article = (text: string) => cleanArticle({ id: 't', text, meta: {} }).article;
const surfaces = (text: string) => findToponyms(article(text), resources).map((t) => t.surface);
const toponym = (text: string, surface: string) => findToponyms(article(text), resources).find((t) => t.surface === surface);

describe('findToponyms', () => {
  it('finds plain place names and keeps exact offsets', () => {
    const text = 'Troops moved from Aleppo to Idlib on Monday.';
    const found = findToponyms(article(text), resources);
    expect(found.map((t) => t.surface)).toEqual(['Aleppo', 'Idlib']);
    for (const t of found) expect(text.slice(t.start, t.end)).toBe(t.surface);
  });

  it('reads a town before a colon at the start of the story as its dateline, in title case too', () => {
    const lead = 'An attack by the paramilitary force on the city of el-Obeid killed at least 40 civilians.';
    for (const text of [`Cairo: ${lead}`, `CAIRO: ${lead}`, `Imphal: ${lead}`]) {
      const t = findToponyms(article(text), resources)[0];
      expect([t.surface.toLowerCase(), t.dateline]).toEqual([text.slice(0, text.indexOf(':')).toLowerCase(), true]);
    }
    expect(surfaces(`Update: ${lead}`)).not.toContain('Update');
  });

  it('keeps the full stop of an AP state abbreviation', () => {
    expect(surfaces('He was born in Gainesville, Fla. and moved to Charleston, W.Va. in 2001.')).toEqual(
      expect.arrayContaining(['Gainesville', 'Fla.', 'Charleston', 'W.Va.']),
    );
  });

  it('takes a whole street or river name, and places a street at the town', () => {
    const text = 'The council met in Dublin, Ohio. Residents of Darby Street asked for a new name. Boats sailed down the Kanawha River.';
    expect(surfaces(text)).toEqual(expect.arrayContaining(['Darby Street', 'Kanawha River']));
    const street = resolvePlaces('t', findToponyms(article(text), resources)).find((m) => m.surface === 'Darby Street');
    expect(street?.place?.name).toBe('Dublin');
    expect(street?.geoPrecision).toBe(2);
  });

  it('marks a place inside an organisation name as embedded', () => {
    const t = toponym('She studied at Ohio State University before moving away.', 'Ohio');
    expect(t?.role).toBe('embedded');
  });

  it('keeps a demonym before the state\'s own bodies adjectival', () => {
    expect(toponym('The Syrian Army shelled the town of Saraqib.', 'Syrian')?.role).toBe('adjectival');
  });

  it('does not take a surname for a town once a title has named the person', () => {
    const text = 'The Rev. Roy Jones was appointed on Monday. Jones will be paid $9 an hour, officials in Shreveport said.';
    expect(surfaces(text)).not.toContain('Jones');
  });

  it('does not take common words for places through an alias', () => {
    expect(surfaces('The City Council met at City Hall in Fargo.')).not.toContain('City');
  });

  it('knows "U.S." as the country, not the pronoun', () => {
    const text = 'The U.S. sent aid to Kenya.';
    const us = resolvePlaces('t', findToponyms(article(text), resources)).find((m) => m.surface === 'U.S.');
    expect(us?.place?.kind).toBe('country');
    expect(us?.place?.countryCode).toBe('US');
  });

  it('gives every candidate a probability from the shipped model', () => {
    const scored = scoreCandidates(article('Officials in Ankara said NATO would meet.'), resources);
    expect(scored.length).toBeGreaterThan(0);
    for (const s of scored) expect(s.probability).toBeGreaterThanOrEqual(0);
    const nato = scored.find((s) => s.candidate.surface === 'NATO');
    if (nato) expect(nato.probability).toBeLessThan(0.5);
  });
});

describe('linear model', () => {
  it('learns a separable rule and is deterministic', () => {
    const examples = Array.from({ length: 200 }, (_, i) => ({ features: ['bias', i % 2 ? 'good' : 'bad', `noise:${i % 7}`], label: i % 2 === 1 }));
    const a = trainLogistic(examples, { epochs: 10, rate: 0.2, l2: 1e-5, seed: 3 });
    const b = trainLogistic(examples, { epochs: 10, rate: 0.2, l2: 1e-5, seed: 3 });
    expect(a).toEqual(b);
    const model = { task: '', recipe: {}, threshold: 0.5, weights: a };
    expect(probability(model, ['bias', 'good'])).toBeGreaterThan(0.9);
    expect(probability(model, ['bias', 'bad'])).toBeLessThan(0.1);
  });
});

describe('names listed with a place are places', () => {
  it('confirms a loose spelling listed beside a sure place of the same country, and not a common word', () => {
    const text = 'Syrian troops and Druze fighters clashed in Syria on Sunday. Clashes also broke out in Areeqa and Shahba, involving mortar fire.';
    const names = findToponyms(cleanArticle({ id: 'l', text, meta: {} }).article, resources).map((t) => t.surface);
    expect(names).toContain('Areeqa');
    const common = 'Syrian troops clashed in Syria on Sunday. Shelling hit Shahba and Many of the wounded were taken away.';
    expect(findToponyms(cleanArticle({ id: 'c', text: common, meta: {} }).article, resources).map((t) => t.surface)).not.toContain('Many');
  });

  it('reads no place in the tail of a longer Arabic name the gazetteer lacks, and still reads names that open with the article', () => {
    const names = (text: string) => findToponyms(cleanArticle({ id: 'a', text, meta: {} }).article, resources).map((t) => t.surface);
    const lebanon = 'An Israeli drone strike killed a Hezbollah member in southern Lebanon on Wednesday, targetting a vehicle near Qaaqaait al-Jisr in the Wadi al-Hujayr area, Lebanese sources said.\n\n' +
      'The agency reported that an enemy drone targeted a car at the entrance of Wadi al-Hujayr near Qaaqaait al-Jisr in the Nabatieh district.';
    expect(names(lebanon)).not.toContain('Jisr');
    expect(names('Fighting was reported in al-Hasakah and in the city of Deir al-Balah.')).toEqual(expect.arrayContaining(['Deir al-Balah']));
  });

  it('keeps a name the gazetteer lacks, listed after a word of place with a sure town, as a settlement; not titles, dates or other lists', () => {
    const found = (text: string) => findToponyms(cleanArticle({ id: 'u', text, meta: {} }).article, resources).filter((t) => t.settlement).map((t) => t.surface);
    expect(found('Syrian troops fought in Suwayda province. Clashes also broke out in Rima Hazem, Areeqa, and Shahba.')).toEqual(['Rima Hazem']);
    expect(found('Troops entered Aleppo and Idlib, and Kobo Wakeli said the talks failed.')).toEqual([]);
    expect(found('He met President Biden, Macron and Scholz in Paris on Monday.')).toEqual([]);
  });

  it('reads no place in a people or an armed group that a gazetteer holds as a place ("Jewish", "Hamas")', () => {
    const names = findToponyms(cleanArticle({ id: 'g', text: 'Jewish settlers attacked the village. Hamas raided southern Israel and Hezbollah fired rockets.', meta: {} }).article, resources).map((t) => t.surface);
    expect(names).toEqual(['Israel']);
  });

  it('takes the country of the list when the article never names it, and no other', () => {
    const text = 'An Israeli airstrike targeted fighters in Suwayda province. Clashes also broke out in Areeqa and Shahba, involving mortar fire.';
    const found = findToponyms(cleanArticle({ id: 'n', text, meta: {} }).article, resources).find((t) => t.surface === 'Areeqa');
    expect(found?.candidates.map((c) => c.place.countryCode)).toEqual(['SY']);
  });

  it('reads "the city of X" as a place when the gazetteer knows X only in another spelling', () => {
    const text = 'An Israeli airstrike on Tuesday killed at least eight people in the city of Deir al-Balah, in the central Gaza Strip.';
    const found = findToponyms(cleanArticle({ id: 'd', text, meta: {} }).article, resources).find((t) => t.surface === 'Deir al-Balah');
    expect(found?.settlement).toBe(true);
    expect(found?.candidates[0]?.place.countryCode).toBe('PS');
  });
});

