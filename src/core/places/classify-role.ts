/**
 * Role of a recognised place name: literal (a location), metonymic (the place stands for its
 * government or state: "Moscow said", "Ankara's statements", "relations with Russia") or
 * adjectival ("Turkish troops", "Syrians").
 *
 * Only countries and capitals, the places that have governments to stand for, can be
 * metonymic. Such a name is literal after a locative word ("in Syria", "into Turkey", "north
 * of Aleppo") or before a geographic noun after a possessive ("Turkey's border"); it is
 * metonymic as an agent (before a verb of saying or acting, or possessive) and by default,
 * which is how news speaks of states ("tensions between Russia and Turkey", "relations with
 * Washington"). A capital is the city only after words of place or motion ("in Ankara",
 * "flew to Moscow"): "overtures to Moscow" and "pressure on Ankara" are about governments.
 */
import type { Candidate, Role } from '../model.ts';
import type { Token } from '../text/tokenize.ts';
import { AGENT_AFTER, CAPITAL_LITERAL_BEFORE, LITERAL_AFTER_POSSESSIVE, LOCATIVE_BEFORE, MOTION_BEFORE, QUALIFIERS } from './name-lists.ts';

/** Prepositions that relate a government as often as they locate a city ("closer to Washington"). */
const RELATIONAL = new Set(['to', 'from', 'toward', 'towards', 'over', 'under']);

/** Classifies the role of the name made of `tokens[start..end)`; `countryNamed`: the article names the country of the best candidate. */
export function classifyRole(tokens: Token[], start: number, end: number, candidates: Candidate[], countryNamed = true): Role {
  if (candidates.length > 0 && candidates.every((c) => c.match === 'demonym')) return 'adjectival';
  const best = candidates[0]?.place;
  if (!best) return 'literal';
  const isCountry = best.kind === 'country';
  // A capital can stand for a government only in an article that names its country ("Athens"
  // in a story about Georgia towns is a town, not Greece's government).
  const isCapital = best.featureCode === 'PPLC' && countryNamed;
  if (!isCountry && !isCapital) return 'literal';

  const last = tokens[end - 1];
  const before = previousWord(tokens, start);
  const after = tokens[end];

  if (isCapital && !isCountry) {
    // "in the capital, Belgrade", "the Serbian capital Belgrade": the city, in apposition.
    if (tokens[start - 1]?.lower === 'capital' && /^[ \u00a0]*,?[ \u00a0]*$/u.test(tokens[start].gap)) return 'literal';
    // A capital stands for its government unless the words make it the city: "in Moscow",
    // "flew to Ankara", "Washington, DC". "Overtures to Moscow", "pressure on Ankara" are metonymic.
    if (before && (CAPITAL_LITERAL_BEFORE.has(before) || QUALIFIERS.has(before) || (LOCATIVE_BEFORE.has(before) && !RELATIONAL.has(before)))) return 'literal';
    if ((before === 'to' || before === 'from') && MOTION_BEFORE.has(tokens[start - 2]?.lower ?? '')) return 'literal';
    if (after && after.gap.trim() === ',' && after.allCaps) return 'literal';
  } else if (before && (LOCATIVE_BEFORE.has(before) || QUALIFIERS.has(before))) {
    // "north of Aleppo", "in Syria": a location. "of" alone is ambiguous; see below.
    return 'literal';
  }
  if (last.possessive) {
    return after && LITERAL_AFTER_POSSESSIVE.has(after.lower) ? 'literal' : 'metonymic';
  }
  if (after && after.gap.trim() === '' && AGENT_AFTER.has(after.lower)) return 'metonymic';
  if (before === 'of' && tokens[start - 2] && QUALIFIERS.has(tokens[start - 2].lower)) return 'literal';
  return 'metonymic';
}

function previousWord(tokens: Token[], start: number): string | undefined {
  const token = tokens[start - 1];
  if (!token) return undefined;
  // Punctuation between the two words (a comma, a full stop) breaks the phrase.
  if (!/^[ \u00a0]+$/u.test(tokens[start].gap)) return undefined;
  return token.lower;
}
