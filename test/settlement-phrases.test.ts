import { beforeAll, describe, expect, it } from 'vitest';
import { tokenize } from '../src/core/text/tokenize.ts';
import { settlementNamesAt } from '../src/core/places/settlement-phrases.ts';
import { processArticle, type PipelineResources } from '../src/core/process-article.ts';
import { loadResources } from '../scripts/lib/load-resources.ts';

const COMMON = new Set(['many', 'pale', 'said']);

/** Every settlement name of a text with its kind, as "Name:kind". */
function names(text: string): string[] {
  const tokens = tokenize(text, { start: 0, end: text.length });
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const found = settlementNamesAt(tokens, i, (w) => COMMON.has(w));
    for (const n of found) out.push(`${text.slice(tokens[n.first].start, tokens[n.end - 1].end)}:${n.kind}`);
    if (found.length) i = found[found.length - 1].phraseEnd - 1;
  }
  return out;
}

describe('settlementNamesAt', () => {
  it.each([
    ['Gunmen attacked the village of Nyaung Kone on Tuesday.', ['Nyaung Kone:village']],
    ['The RSF shelled Zamzam camp near El Fasher.', ['Zamzam:site']],
    ['They invaded Yelewata and Daudu communities in Guma Local Government Area.', ['Yelewata:village', 'Daudu:village', 'Guma:admin2']],
    ['The city of Deir al-Balah was hit.', ['Deir al-Balah:city']],
    ['An RSF attack on Gouz Al-Naqa village killed 40.', ['Gouz Al-Naqa:village']],
    ['the Albat area of Noshki district in Balochistan', ['Albat:region', 'Noshki:admin2']],
    ['They fled to the Kalma displacement camp.', ['Kalma:site']],
  ])('%s', (text, expected) => expect(names(text)).toEqual(expected));

  it.each([
    ['Henderson County deputies patrol the park.'],
    ['Many area cities plan to hype the festival.'],
    ['The RSF camp was overrun.'],
    ['President Joe Biden visited the town.'],
    ['Cottenham Village College won the award.'],
    ['Leaders of the Meitei community met on Monday.'],
  ])('reads no settlement in: %s', (text) => expect(names(text)).toEqual([]));
});

describe('a place the gazetteer lacks is kept, and its event drawn near the known place', () => {
  let resources: PipelineResources;
  beforeAll(async () => {
    resources = await loadResources();
  });

  it('keeps "Zamzam camp near El Fasher" unresolved, near El Fasher, and places the strike there at precision 2', () => {
    const text = 'The Rapid Support Forces shelled Qurdaba camp near El Fasher on Sunday, killing five civilians.';
    const p = processArticle({ id: 'z', text, meta: { published: '2024-12-02' } }, resources);
    expect(p.unresolved.map((u) => u.surface)).toContain('Qurdaba');
    const [event] = p.events;
    expect(event.places.map((x) => [x.name, x.unresolvedName])).toEqual([['El Fasher', 'Qurdaba']]);
    expect(event.geoPrecision).toBe(2);
    expect(event.type).toBe('Explosions/Remote violence');
  });

  it('draws a village named only with its province at the province, precision 3', () => {
    const text = 'An air strike on the village of Qurdaba Kone in Sagaing Region killed ten people on Tuesday.';
    const p = processArticle({ id: 'v', text, meta: { published: '2023-06-28' } }, resources);
    const [event] = p.events;
    expect(event.places.map((x) => x.unresolvedName)).toEqual(['Qurdaba Kone']);
    expect(event.geoPrecision).toBe(3);
  });
});

describe('a people is no settlement', () => {
  let resources: PipelineResources;
  beforeAll(async () => {
    resources = await loadResources();
  });
  it('reads "a Palestinian village" as a demonym, not a village named Palestinian', () => {
    const p = processArticle({ id: 'p', text: 'Israeli settlers attacked a Palestinian village on Thursday.', meta: { published: '2024-08-16' } }, resources);
    expect(p.unresolved.map((u) => u.surface)).not.toContain('Palestinian');
  });
});
