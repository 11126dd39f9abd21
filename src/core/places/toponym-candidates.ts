/**
 * Candidate place names of a sentence, before any decision: the recogniser's first stage.
 *
 * Longest match of capitalised word sequences against the gazetteer (exact key, then the
 * transliteration skeleton), plus demonyms ("Turkish", "Syrians"), plus street and feature
 * names that end in a generic word ("Darby Street", "Kanawha River", "County Road 43"). Every
 * match is judged by the general rules of English names (a title before it makes a person, an
 * organisation word after it an organisation…), but the verdict is only recorded as a
 * `reason`: the decision is taken later by a model that weighs it with the other evidence.
 */
import type { Candidate, PlaceKind } from '../model.ts';
import type { Gazetteer } from './gazetteer.ts';
import type { Token } from '../text/tokenize.ts';
import { normalizeName } from './normalize-name.ts';
import { settlementNamesAt, type SettlementName } from './settlement-phrases.ts';
import {
  CALENDAR_WORDS,
  GROUP_NAMES,
  ETHNONYMS,
  KIND_WORDS,
  LOCATIVE_BEFORE,
  NAME_CONNECTORS,
  ORGANISATION_WORDS,
  PERSON_TITLES,
  QUALIFIERS,
  ROAD_WORDS,
  STATE_BODIES,
  STREET_WORDS,
} from './name-lists.ts';

/** What candidate finding needs besides the text. */
export interface CandidateResources {
  gazetteer: Gazetteer;
  /** Common English words, lower case: a capitalised one is a place only on good evidence. */
  commonWords: ReadonlySet<string>;
}

/** A possible place name in a sentence, with the rule verdict on it. */
export interface SpanCandidate {
  /** Character span and text. */
  start: number;
  end: number;
  surface: string;
  /** Index of the sentence. */
  sentence: number;
  /** Token span `[first, last)` in the sentence's tokens. */
  first: number;
  last: number;
  /** Gazetteer candidates, best prior first; empty for a street name the gazetteer lacks. */
  candidates: Candidate[];
  /** `ok`, or the rule that speaks against a place name here ('title-before', 'org-ahead'…). */
  reason: string;
  /** A locative word ("in", "near") comes right before the name. */
  locative: boolean;
  /** Matched only through the transliteration skeleton. */
  loose: boolean;
  /** Matched as a demonym ("Turkish"). */
  demonym: boolean;
  /** Inside an organisation's or event's name ("Ohio State University", "Dublin City Council"). */
  embedded: boolean;
  /** A street, road or feature name built on a generic word ("Darby Street", "Route 9"). */
  street: boolean;
  /** The match was extended over an AP-style abbreviation's full stop ("Fla."). */
  abbreviation: boolean;
  /** A feature word right after the name saying its kind ("Province", "County"). */
  kindHint?: PlaceKind;
  /** Named by a settlement phrase ("the village of X", "X camp"): a place, known to the gazetteer or not. */
  settlement?: boolean;
}

const MAX_TOKENS_DEFAULT = 6;
/** Places this big (or countries, states) are names people write; a village called "Reading" is not. */
export const BIG_PLACE_POPULATION = 100_000;
/** Two words are in one phrase across a space, a markdown link bracket or both ("Russia Vladimir] Putin"). */
const SAME_PHRASE_GAP = /^[\[\]]?[ \u00a0][\[\]]?$/u;
const SPACE = /^[ \u00a0]$/u;
export const BIG_KINDS: ReadonlySet<PlaceKind> = new Set(['continent', 'country', 'admin1', 'region', 'water', 'road']);
/** Longest run of capitalised words that may name a street the gazetteer lacks ("Old Alton Edwardsville Road"). */
const MAX_STREET_NAME_TOKENS = 3;

/** Finds the candidate place names of one sentence; `persons` collects surnames learnt on the way. */
export function sentenceCandidates(
  text: string,
  tokens: Token[],
  sentence: number,
  resources: CandidateResources,
  persons: Set<string>,
): SpanCandidate[] {
  const { gazetteer } = resources;
  const maxTokens = Math.max(1, Math.min(gazetteer.maxNameTokens || MAX_TOKENS_DEFAULT, 8));
  const isCommon = (lower: string) => resources.commonWords.has(lower);
  const result: SpanCandidate[] = [];
  let i = 0;
  while (i < tokens.length) {
    const settlements = settlementNamesAt(tokens, i, isCommon);
    // "Anderson County", "Pale Township": a name the gazetteer knows with its kind word is that name.
    // "a Palestinian village", "the Meitei community": a people, not a place's name.
    const people = settlements.length > 0 && (ETHNONYMS.has(tokens[i].lower) || !!longestMatch(text, tokens, i, 1, resources)?.candidates.some((c) => c.match === 'demonym'));
    // A name the gazetteer knows only loosely ("the city of Deir al-Balah" for Dayr al Balah) is read as the phrase says.
    const whole = settlements.length === 1 ? longestMatch(text, tokens, i, maxTokens, resources) : null;
    const known = !!whole && whole.end >= settlements[0].phraseEnd && whole.candidates.some((c) => c.match !== 'loose');
    if (settlements.length && !people && !known) {
      for (const n of settlements) result.push(settlementCandidate(text, tokens, n, sentence, maxTokens, resources));
      i = settlements[settlements.length - 1].phraseEnd;
      continue;
    }
    const road = roadNumber(tokens, i);
    if (road) {
      result.push(streetCandidate(text, tokens, i, road, sentence, []));
      i = road;
      continue;
    }
    const match = longestMatch(text, tokens, i, maxTokens, resources);
    if (!match) {
      const street = streetEnd(tokens, i);
      if (street) {
        result.push(streetCandidate(text, tokens, i, street, sentence, []));
        i = street;
        continue;
      }
      learnPerson(tokens, i, persons);
      i += 1;
      continue;
    }
    const { end, candidates } = match;
    // "Qaaqaait al-Jisr": the tail of a longer Arabic name the gazetteer lacks is not the place of the tail's name.
    if (tailOfArabicName(tokens, i)) {
      i += 1;
      continue;
    }
    const demonym = candidates.some((c) => c.match === 'demonym');
    // "Darby Street", "Kanawha River": the generic word belongs to the name.
    const next = tokens[end];
    if (!demonym && next && SPACE.test(next.gap) && next.capitalised && STREET_WORDS.has(next.lower)) {
      const stop = next.text.length <= 4 && text[next.end] === '.' && /^(?:st|ave|rd|dr|blvd|ln|pkwy|hwy|ct)$/iu.test(next.text) ? next.end + 1 : next.end;
      const kindHint = KIND_WORDS.get(next.lower) ?? 'road';
      result.push({ ...streetCandidate(text, tokens, i, end + 1, sentence, candidates), end: stop, surface: text.slice(tokens[i].start, stop), kindHint });
      i = end + 1;
      continue;
    }
    const verdict = judge(tokens, i, end, candidates, resources, persons);
    const start = tokens[i].start;
    let stop = tokens[end - 1].end;
    // "Fla.", "W.Va.", "Ind.": an abbreviated state keeps its full stop, as it is written.
    const abbreviation = isAbbreviation(tokens, i, end, candidates) && text[stop] === '.';
    if (abbreviation) stop += 1;
    const after = tokens[end];
    // "Idlib Province", or before the name: "the southern region of Odesa", "the province of Idlib".
    const kindWord = (after && after.gap.trim() === '' ? KIND_WORDS.get(after.lower) : undefined) ?? areaKindBefore(tokens, i, resources.gazetteer);
    result.push({
      start,
      end: stop,
      surface: text.slice(start, stop),
      sentence,
      first: i,
      last: end,
      candidates,
      reason: verdict.reason,
      locative: verdict.locative,
      loose: candidates.every((c) => c.match === 'loose'),
      demonym,
      embedded: verdict.embedded,
      street: false,
      abbreviation,
      ...(kindWord ? { kindHint: kindWord } : {}),
    });
    i = end;
  }
  return result;
}

/**
 * The candidate of a settlement phrase's name: the gazetteer's readings when it knows exactly
 * that name, else none (a place it lacks). The phrase says it is a place: no rule speaks against it.
 */
function settlementCandidate(text: string, tokens: Token[], n: SettlementName, sentence: number, maxTokens: number, resources: CandidateResources): SpanCandidate {
  const match = longestMatch(text, tokens, n.first, Math.min(maxTokens, n.end - n.first), resources);
  // The gazetteer's exact readings; failing those, its loose ones ("Noshki district" for Nushki),
  // which the recogniser keeps only in the countries the article is about: a loose skeleton of a
  // village name matches far too much elsewhere.
  const whole = match && match.end === n.end ? match.candidates : [];
  const exact = whole.filter((c) => c.match === 'exact');
  const candidates = exact.length ? exact : whole.filter((c) => c.match === 'loose');
  const start = tokens[n.first].start;
  // "Pale Township", "Kurram District": a capitalised kind word belongs to the name; "Zamzam camp": a lower-case one does not.
  const last = n.kindEnd > n.end && tokens[n.end].capitalised && !candidates.length ? n.kindEnd : n.end;
  const stop = tokens[last - 1].end;
  return {
    start,
    end: stop,
    surface: text.slice(start, stop),
    sentence,
    first: n.first,
    last,
    candidates,
    reason: 'ok',
    locative: true,
    loose: candidates.length > 0 && !exact.length,
    demonym: false,
    embedded: false,
    street: false,
    abbreviation: false,
    kindHint: n.kind,
    settlement: true,
  };
}

function streetCandidate(text: string, tokens: Token[], i: number, end: number, sentence: number, candidates: Candidate[]): SpanCandidate {
  const start = tokens[i].start;
  const stop = tokens[end - 1].end;
  const previous = tokens[i - 1];
  return {
    start,
    end: stop,
    surface: text.slice(start, stop),
    sentence,
    first: i,
    last: end,
    candidates,
    reason: 'street',
    locative: !!previous && SPACE.test(tokens[i].gap) && LOCATIVE_BEFORE.has(previous.lower),
    loose: false,
    demonym: false,
    embedded: false,
    street: true,
    abbreviation: false,
    kindHint: 'road',
  };
}

/** "Highway 61", "Route 9", "Interstate 75", "County Road 43", "US 24": one past the number, or 0. */
function roadNumber(tokens: Token[], i: number): number {
  let k = i;
  if (tokens[k]?.text === 'County' || tokens[k]?.text === 'State') k += 1;
  const word = tokens[k];
  if (!word || !word.capitalised || !ROAD_WORDS.has(word.lower)) return 0;
  if (k > i && !SPACE.test(word.gap)) return 0;
  const number = tokens[k + 1];
  if (!number || !/^\d{1,4}[A-Z]?$/u.test(number.text) || !/^(?:[ \u00a0]|-)$/u.test(number.gap)) return 0;
  return k + 2;
}

/** A run of capitalised words the gazetteer lacks, closed by a street word: one past it, or 0. */
function streetEnd(tokens: Token[], i: number): number {
  if (!tokens[i].capitalised || tokens[i].allCaps) return 0;
  for (let k = i + 1; k < tokens.length && k - i <= MAX_STREET_NAME_TOKENS; k += 1) {
    const t = tokens[k];
    if (!SPACE.test(t.gap) || !t.capitalised) return 0;
    if (STREET_WORDS.has(t.lower) && k > i) return k + 1;
    if (t.possessive) return 0;
  }
  return 0;
}

interface Match {
  /** Token index one past the match. */
  end: number;
  candidates: Candidate[];
}

/** The longest run of tokens from `i` that the gazetteer knows (as a name or a demonym). */
function longestMatch(text: string, tokens: Token[], i: number, maxTokens: number, resources: CandidateResources): Match | null {
  const { gazetteer, commonWords } = resources;
  const first = tokens[i];
  const opensWithArticle = !first.capitalised && isArabicArticle(first.text) && tokens[i + 1]?.gap === '-' && tokens[i + 1].capitalised;
  if (!first.capitalised && !opensWithArticle) return null;
  let limit = i + 1;
  while (limit < tokens.length && limit - i < maxTokens && joinable(tokens[limit])) limit += 1;
  // A possessive ends a name ("Syria's Idlib" is not one name): no n-gram runs past the first one.
  let possessive = i;
  while (possessive < limit && !tokens[possessive].possessive) possessive += 1;
  const opensWithThe = /^the$/iu.test(first.text);
  for (let end = limit; end > i; end -= 1) {
    const last = tokens[end - 1];
    if (!last.capitalised && !/^\p{N}/u.test(last.text)) continue;
    if (possessive < end - 1) continue;
    const surface = text.slice(first.start, last.end);
    const key = normalizeName(surface);
    let candidates = gazetteer.candidatesOf(key);
    // A leading "The" belongs to a name only when the gazetteer has it so ("The Hague").
    if (opensWithThe) candidates = candidates.filter((c) => c.match === 'exact');
    // "City", "Valley", "Federal": a common word names a place only as that place's own name,
    // never as an alias ("City" for the City of London) or a misspelling.
    if (end - i === 1 && !first.allCaps && commonWords.has(key)) candidates = candidates.filter((c) => c.match === 'exact' && normalizeName(c.place.name) === key);
    // "Dublin City Council", "Ohio State University" vs "Kansas City": a trailing "City" or "State" before an
    // organisation word belongs to the organisation when the shorter name is a place too.
    if (candidates.length > 0 && end - i > 1 && /^(?:city|county|state)$/iu.test(last.text) && orgAhead(tokens, end) && gazetteer.hasKey(normalizeName(text.slice(first.start, tokens[end - 2].end)))) continue;
    // Copies: the gazetteer's arrays are shared, a candidate's are its own.
    if (candidates.length > 0) return { end, candidates: candidates.slice() };
    if (end - i <= 2) {
      const demonyms = gazetteer.demonymsOf(key);
      if (demonyms.length > 0) return { end, candidates: demonyms.slice() };
    }
  }
  return null;
}

/** A token may continue a name if it follows a space or hyphen and is capitalised or a connector. */
function joinable(token: Token): boolean {
  if (!/^(?:[ \u00a0]|-|\. ?)$/u.test(token.gap)) return false;
  return token.capitalised || /^\p{N}/u.test(token.text) || NAME_CONNECTORS.has(token.lower);
}

function isArabicArticle(word: string): boolean {
  return /^(?:al|el|an|ar|as|ash|at|ad|az|ud|ul)$/u.test(word);
}

/** A short form of a state or country written with a full stop: "Fla", "W.Va", "Calif". */
function isAbbreviation(tokens: Token[], i: number, end: number, candidates: Candidate[]): boolean {
  const letters = tokens.slice(i, end).map((t) => t.text).join('');
  if (letters.length > 5 || tokens[end - 1].allCaps) return false;
  return candidates.some((c) => c.match === 'exact' && (c.place.kind === 'admin1' || c.place.kind === 'country') && normalizeName(c.place.name) !== normalizeName(letters));
}

interface Verdict {
  reason: string;
  locative: boolean;
  embedded: boolean;
}

/** Applies the rules of English names to a gazetteer match; the verdict is a reason, not a decision. */
function judge(tokens: Token[], i: number, end: number, candidates: Candidate[], resources: CandidateResources, persons: Set<string>): Verdict {
  const first = tokens[i];
  const previous = tokens[i - 1];
  const locative = !!previous && SPACE.test(first.gap) && LOCATIVE_BEFORE.has(previous.lower);
  const verdict = (reason: string, embedded = false): Verdict => ({ reason, locative, embedded });
  const words = tokens.slice(i, end);
  const single = end - i === 1;
  const lower = first.lower;
  const big = isBig(candidates);
  const demonym = candidates.some((c) => c.match === 'demonym');
  const next = tokens[end];
  const adjacentBefore = previous && SAME_PHRASE_GAP.test(first.gap) ? previous : undefined;
  const adjacentAfter = next && SAME_PHRASE_GAP.test(next.gap) ? next : undefined;

  if (single && CALENDAR_WORDS.has(lower)) return verdict('calendar');
  // "Al", "Su" (of "Su-24"): two letters are a place only as a known abbreviation ("UK", "US").
  if (single && /^\p{L}{1,2}$/u.test(first.text) && !first.allCaps) return verdict('short');
  // "Tatar", "Kurd": a people, not a place, whatever village shares the name.
  // "Hamas", "Hezbollah": a group, likewise (the model knows the verdict as a people's).
  if (single && (ETHNONYMS.has(lower) || GROUP_NAMES.has(lower)) && !demonym) return verdict('ethnonym');
  if (single && QUALIFIERS.has(lower)) return verdict('qualifier');
  if (persons.has(normalizeName(words.map((t) => t.text).join(' '))) && !big && !demonym) return verdict('person-known');

  // "President Assad", "Mr. Paris": a title makes the name a person's.
  const titleBefore = previous && /^\.?[ \u00a0]$/u.test(first.gap) && PERSON_TITLES.has(previous.lower);
  if (titleBefore && !demonym) {
    persons.add(normalizeName(first.text));
    return verdict('title-before');
  }

  // "Colorado State University", "Dubai World Cup", "Dublin City Council": a place inside an
  // organisation's name. Corpora annotate it as a place, with the name as context.
  // "Syrian Army", "Turkish forces": the state's own bodies make a demonym adjectival, not embedded.
  if (adjacentAfter && adjacentAfter.capitalised && demonym && STATE_BODIES.has(adjacentAfter.lower)) return verdict('ok');
  if (adjacentAfter && adjacentAfter.capitalised && orgAhead(tokens, end)) return verdict('org-ahead', true);

  // Acronyms (NATO, ISIS, UN) are organisations unless the gazetteer knows them as a country or region.
  if (single && first.allCaps && !candidates.some((c) => BIG_KINDS.has(c.place.kind) && c.match === 'exact')) {
    // A headline or dateline ("CHARLESTON, W.Va. --") writes a place in capitals; running text, an acronym.
    const headline = first.text.length >= 4 && (i === 0 || !!previous?.allCaps || !!next?.allCaps);
    return verdict(headline ? 'caps-word' : 'acronym');
  }

  // A capitalised name the gazetteer does not know runs into this one: "Recep Tayyip Erdoğan", "Daily Sabah".
  if (adjacentBefore && adjacentBefore.capitalised && !demonym) {
    const beforeLower = adjacentBefore.lower;
    const sentenceInitial = tokens.indexOf(adjacentBefore) === 0 && resources.commonWords.has(beforeLower);
    const harmless = QUALIFIERS.has(beforeLower) || sentenceInitial || resources.gazetteer.demonymsOf(normalizeName(adjacentBefore.text)).length > 0;
    const country = candidates.some((c) => c.place.kind === 'country');
    const placeBefore = !resources.commonWords.has(beforeLower) && resources.gazetteer.candidatesOf(normalizeName(adjacentBefore.text)).some((c) => c.match === 'exact');
    if (ORGANISATION_WORDS.has(beforeLower)) return verdict('org-before', true); // "Daily Sabah", "Radio Free Europe"
    if (!harmless && !country && !placeBefore) {
      if (!big) persons.add(normalizeName(first.text));
      return verdict(big ? 'cap-before-big' : 'cap-before');
    }
  }

  // "Jordan Peterson", "Vladimir Putin": a first name before an unknown capitalised word.
  if (adjacentAfter && adjacentAfter.capitalised && !demonym) {
    const afterLower = adjacentAfter.lower;
    const explained =
      KIND_WORDS.has(afterLower) ||
      PERSON_TITLES.has(afterLower) ||
      resources.commonWords.has(afterLower) ||
      resources.gazetteer.candidatesOf(normalizeName(adjacentAfter.text)).length > 0 ||
      resources.gazetteer.demonymsOf(normalizeName(adjacentAfter.text)).length > 0;
    if (!explained && !candidates.some((c) => c.place.kind === 'country')) {
      persons.add(normalizeName(adjacentAfter.text));
      return verdict('cap-after');
    }
  }
  // "the Wagner company", "the paper Pravda": a small place beside an organisation word.
  if (adjacentAfter && !adjacentAfter.capitalised && !big && ORGANISATION_WORDS.has(adjacentAfter.lower)) return verdict('org-word-after');
  if (adjacentBefore && !adjacentBefore.capitalised && !big && ORGANISATION_WORDS.has(adjacentBefore.lower)) return verdict('org-word-before');

  // A common English word ("Reading", "Mobile", "Independent") is a place only when it is a big one
  // and not just capitalised because it opens the sentence.
  if (single && resources.commonWords.has(lower) && !demonym) {
    if (i === 0) return verdict('common-initial');
    if (!big) return verdict('common-word');
  }
  return verdict('ok');
}

/** Whether the capitalised words after position `from` hold an organisation word ("State University"). */
function orgAhead(tokens: Token[], from: number): boolean {
  for (let k = from; k < tokens.length && SPACE.test(tokens[k].gap) && (tokens[k].capitalised || NAME_CONNECTORS.has(tokens[k].text)); k += 1) {
    if (tokens[k].capitalised && ORGANISATION_WORDS.has(tokens[k].lower)) return true;
  }
  return false;
}

/** The Arabic article as transliterated before a name ("al-", "el-", "ash-", "ad-"). */
const ARABIC_ARTICLES = new Set(['al', 'el', 'ad', 'ar', 'as', 'ash', 'az', 'an', 'at', 'ath', 'adh', 'ul']);

/**
 * Whether token i follows a capitalised word and a hyphened article ("Qaaqaait al-Jisr", "Tell
 * el-Hawa"): the whole is one name, which no match starting at i covers.
 */
function tailOfArabicName(tokens: Token[], i: number): boolean {
  if (i < 2 || tokens[i].gap !== '-' || !ARABIC_ARTICLES.has(tokens[i - 1].lower) || tokens[i - 1].capitalised) return false;
  const head = tokens[i - 2];
  return head.capitalised && SPACE.test(tokens[i - 1].gap) && !head.possessive;
}

/** After a title ("President Bashar al-Assad", "the Rev. Roy Jones"), the rest of the capitalised run is a person. */
function learnPerson(tokens: Token[], i: number, persons: Set<string>): void {
  const token = tokens[i];
  if (!PERSON_TITLES.has(token.lower)) return;
  let k = i + 1;
  let lastName: Token | undefined;
  while (k < tokens.length && /^\.?[ \u00a0-]$/u.test(tokens[k].gap) && (tokens[k].capitalised || isArabicArticle(tokens[k].text))) {
    if (tokens[k].capitalised) lastName = tokens[k];
    k += 1;
  }
  if (lastName && lastName !== tokens[i + 1]) persons.add(normalizeName(lastName.text));
}

/** Countries, states, regions, curated places and cities of 100,000 or more. */
export function isBig(candidates: Candidate[]): boolean {
  return candidates.some(
    (c) => BIG_KINDS.has(c.place.kind) || c.place.population >= BIG_PLACE_POPULATION || c.place.source === 'curated',
  );
}

/** Kinds an "X of" before a name gives it: "the region of Odesa", "the state of Borno", "the city of Aleppo". */
const KIND_OF: ReadonlySet<PlaceKind> = new Set(['admin1', 'region', 'admin2', 'city', 'town', 'village']);

/**
 * The kind of "the region of", "the city of" right before token `i`, if any; not of a named part
 * ("the Novobavarsky district of Kharkiv" is a district of the city, not the district Kharkiv).
 */
function areaKindBefore(tokens: Token[], i: number, gazetteer: Gazetteer): PlaceKind | undefined {
  // A capitalised word there is a named part, unless it is a people's adjective ("the southern Ukrainian region of Odesa").
  const named = tokens[i - 3]?.capitalised && gazetteer.demonymsOf(normalizeName(tokens[i - 3].text)).length === 0;
  if (tokens[i - 1]?.lower !== 'of' || !/^[ \u00a0]+$/u.test(tokens[i].gap) || named) return undefined;
  const kind = tokens[i - 2] ? KIND_WORDS.get(tokens[i - 2].lower) : undefined;
  return kind && KIND_OF.has(kind) ? kind : undefined;
}
