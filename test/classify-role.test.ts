/** Roles of place names from the words around them (tokens and candidates made inline). */
import { describe, expect, it } from 'vitest';
import { classifyRole } from '../src/core/places/classify-role.ts';
import { tokenize } from '../src/core/text/tokenize.ts';
import type { Candidate, Place } from '../src/core/model.ts';

const place = (name: string, kind: Place['kind'], featureCode: string): Candidate => ({
  place: { id: `x:${name}`, name, kind, lat: 0, lon: 0, countryCode: 'XX', population: 1_000_000, featureCode, source: 'geonames' },
  match: 'exact',
});
const MOSCOW = [place('Moscow', 'city', 'PPLC')];
const SYRIA = [place('Syria', 'country', 'PCLI')];
const ALEPPO = [place('Aleppo', 'city', 'PPLA')];

function roleOf(text: string, name: string, candidates: Candidate[], countryNamed = true) {
  const tokens = tokenize(text);
  const i = tokens.findIndex((t) => t.text === name);
  return classifyRole(tokens, i, i + 1, candidates, countryNamed);
}

describe('classifyRole', () => {
  it('makes a capital metonymic as an agent, a possessor or a partner in relations', () => {
    expect(roleOf('Moscow said it would respond.', 'Moscow', MOSCOW)).toBe('metonymic');
    expect(roleOf("Moscow's position hardened.", 'Moscow', MOSCOW)).toBe('metonymic');
    expect(roleOf('Relations with Moscow soured.', 'Moscow', MOSCOW)).toBe('metonymic');
    expect(roleOf('Turkey made overtures to Moscow.', 'Moscow', MOSCOW)).toBe('metonymic');
  });

  it('makes a capital literal after words of place or motion', () => {
    expect(roleOf('Talks were held in Moscow.', 'Moscow', MOSCOW)).toBe('literal');
    expect(roleOf('The minister flew to Moscow.', 'Moscow', MOSCOW)).toBe('literal');
  });

  it('makes a capital literal in apposition to "the capital"', () => {
    expect(roleOf('Police arrested dozens in the capital, Moscow, on Saturday.', 'Moscow', MOSCOW)).toBe('literal');
    expect(roleOf('Protests spread to the Russian capital Moscow.', 'Moscow', MOSCOW)).toBe('literal');
    expect(roleOf('The capital said, Moscow would respond.', 'Moscow', MOSCOW)).toBe('metonymic');
  });

  it('keeps a capital literal when the article never names its country', () => {
    expect(roleOf('Relations with Moscow soured.', 'Moscow', MOSCOW, false)).toBe('literal');
  });

  it('makes a country literal after a locative word, metonymic otherwise', () => {
    expect(roleOf('Troops entered Syria at dawn.', 'Syria', SYRIA)).toBe('literal');
    expect(roleOf('Tensions between Syria and Turkey grew.', 'Syria', SYRIA)).toBe('metonymic');
  });

  it('keeps other places literal and demonyms adjectival', () => {
    expect(roleOf('Aleppo said nothing.', 'Aleppo', ALEPPO)).toBe('literal');
    expect(roleOf('Syrian troops advanced.', 'Syrian', [{ ...SYRIA[0], match: 'demonym' }])).toBe('adjectival');
  });
});
