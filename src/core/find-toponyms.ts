/**
 * Recognition: finds the place names of an article's content sentences and the role each plays.
 *
 * Longest match of capitalised word sequences against the gazetteer (exact key, then the
 * transliteration skeleton), plus demonyms ("Turkish", "Syrians"). A match is then judged in
 * its context: a person's title before it, an organisation word after it, a capitalised name
 * around it that the gazetteer does not know, a common English word at the start of a
 * sentence, an acronym. Roles come from the words around the name (see classify-role.ts).
 */
import type { Candidate, CleanedArticle, PlaceKind, Toponym } from './model.ts';
import type { Gazetteer } from './gazetteer.ts';
import { normalizeName } from './normalize-name.ts';
import { tokenize, type Token } from './tokenize.ts';
import { classifyRole } from './classify-role.ts';
import { distanceKm } from './geo.ts';
import {
  CALENDAR_WORDS,
  KIND_WORDS,
  NAME_CONNECTORS,
  ORGANISATION_WORDS,
  ETHNONYMS,
  LOCATIVE_BEFORE,
  PERSON_TITLES,
  QUALIFIERS,
} from './name-lists.ts';

/** What the recogniser needs besides the text. */
export interface RecognizerResources {
  gazetteer: Gazetteer;
  /** Common English words, lower case: a capitalised one is a place only on good evidence. */
  commonWords: ReadonlySet<string>;
}

const MAX_TOKENS_DEFAULT = 6;
/** Places this big (or countries, states) are names people write; a village called "Reading" is not. */
const BIG_PLACE_POPULATION = 100_000;
/** A small place must lie this near (km) to another place the article surely names. */
const NEAR_ANCHOR_KM = 300;
/** A place matched only by its spelling skeleton must be at least this big, unless announced. */
const LOOSE_MIN_POPULATION = 10_000;
/** Two words are in one phrase across a space, a markdown link bracket or both ("Russia Vladimir] Putin"). */
const SAME_PHRASE_GAP = /^[\[\]]?[ \u00a0][\[\]]?$/u;
const BIG_KINDS: ReadonlySet<PlaceKind> = new Set(['continent', 'country', 'admin1', 'region', 'water', 'road']);

/** Finds the toponyms of an article (content sentences only, never boilerplate). */
export function findToponyms(article: CleanedArticle, resources: RecognizerResources): Toponym[] {
  const persons = new Set<string>();
  const found: Found[] = [];
  article.sentences.forEach((sentence, sentenceIndex) => {
    const tokens = tokenize(article.text, sentence);
    for (const toponym of findInSentence(article.text, tokens, sentenceIndex, resources, persons)) found.push(toponym);
  });
  // The countries the article is surely about: names matched exactly that sit in one country.
  const home = homeCountries(found);
  const anchors = anchorPoints(found);
  return found
    .filter((t) => keepInContext(t, home, anchors, persons))
    .map(({ locative: _locative, loose: _loose, ...t }) => (t.candidates.some((c) => c.match === 'loose') ? { ...t, candidates: t.candidates.filter((c) => home.has(c.place.countryCode)) } : t));
}

/** A recognised name with what the second pass needs to know. */
interface Found extends Toponym {
  /** A locative word ("in", "near", "outside") comes right before the name. */
  locative: boolean;
  /** The name matched only through the transliteration skeleton. */
  loose: boolean;
}

/** Countries the article is surely about: named countries, demonyms of states, and big or unambiguous names. */
function homeCountries(found: Found[]): Set<string> {
  const home = new Set<string>();
  for (const t of found) {
    if (t.loose || ETHNONYMS.has(t.surface.toLowerCase())) continue;
    const top = t.candidates[0]?.place;
    const countries = new Set(t.candidates.map((c) => c.place.countryCode).filter(Boolean));
    if (top?.kind === 'country') home.add(top.countryCode);
    else if (countries.size === 1 && (isBig(t.candidates) || t.locative)) home.add([...countries][0]);
  }
  return home;
}

/** Points of the places the article surely names: unambiguous or big names that are not countries. */
function anchorPoints(found: Found[]): Array<{ surface: string; lat: number; lon: number }> {
  const anchors: Array<{ surface: string; lat: number; lon: number }> = [];
  for (const t of found) {
    if (t.loose || t.candidates.some((c) => c.match === 'demonym')) continue;
    const top = t.candidates[0].place;
    if (top.kind === 'country' || top.kind === 'continent' || top.kind === 'region') continue;
    if (t.candidates.length === 1 || isBig(t.candidates) || t.locative) anchors.push({ surface: t.surface, lat: top.lat, lon: top.lon });
  }
  return anchors;
}

/**
 * Second look, with the whole article known. A name that matched only loosely must lie in a
 * country the article is about; a small place must lie near the other places the article
 * names, unless a locative word announces it: "Sunni", "Pravda" and "Wagner" are villages
 * somewhere, but not in this story. A surname learnt later in the article ("President Bashar
 * al-Assad" … "Assad") is a person throughout. A people that spans states ("Turkmen") is a
 * place's demonym only where the article names that state.
 */
function keepInContext(t: Found, home: Set<string>, anchors: Array<{ surface: string; lat: number; lon: number }>, persons: Set<string>): boolean {
  const demonym = t.candidates.some((c) => c.match === 'demonym');
  if (!demonym && persons.has(normalizeName(t.surface)) && !isBig(t.candidates)) return false;
  if (demonym) {
    const ofCountry = t.candidates.some((c) => c.place.kind === 'country');
    return !(ofCountry && ETHNONYMS.has(t.surface.toLowerCase())) || t.candidates.some((c) => home.has(c.place.countryCode));
  }
  const inHome = t.candidates.some((c) => home.has(c.place.countryCode));
  // A loose spelling match needs more: a known region's place, a sizeable one, or a locative word.
  if (t.loose) return inHome && t.candidates.some((c) => c.place.source === 'curated' || c.place.population >= LOOSE_MIN_POPULATION || BIG_KINDS.has(c.place.kind) || t.locative || !!t.kindHint);
  if (isBig(t.candidates) || t.locative || t.kindHint) return true;
  const others = anchors.filter((a) => a.surface !== t.surface);
  if (others.length === 0) return inHome;
  return t.candidates.some((c) => others.some((a) => distanceKm(a.lat, a.lon, c.place.lat, c.place.lon) <= NEAR_ANCHOR_KM));
}

function findInSentence(
  text: string,
  tokens: Token[],
  sentence: number,
  resources: RecognizerResources,
  persons: Set<string>,
): Found[] {
  const { gazetteer } = resources;
  const maxTokens = Math.max(1, Math.min(gazetteer.maxNameTokens || MAX_TOKENS_DEFAULT, 8));
  const result: Found[] = [];
  let i = 0;
  while (i < tokens.length) {
    const match = longestMatch(text, tokens, i, maxTokens, gazetteer);
    if (!match) {
      learnPerson(tokens, i, persons);
      i += 1;
      continue;
    }
    const { end, candidates } = match;
    const verdict = judge(tokens, i, end, candidates, resources, persons);
    if (verdict.accept) {
      const start = tokens[i].start;
      const stop = tokens[end - 1].end;
      const next = tokens[end];
      const kindWord = next && next.gap.trim() === '' ? KIND_WORDS.get(next.text.toLowerCase()) : undefined;
      result.push({
        start,
        end: stop,
        surface: text.slice(start, stop),
        sentence,
        role: classifyRole(tokens, i, end, candidates),
        candidates,
        recognition: verdict.score,
        ...(kindWord ? { kindHint: kindWord } : {}),
        locative: verdict.locative,
        loose: candidates.every((c) => c.match === 'loose'),
      });
    }
    i = end;
  }
  return result;
}

interface Match {
  /** Token index one past the match. */
  end: number;
  candidates: Candidate[];
}

/** The longest run of tokens from `i` that the gazetteer knows (as a name or a demonym). */
function longestMatch(text: string, tokens: Token[], i: number, maxTokens: number, gazetteer: Gazetteer): Match | null {
  const first = tokens[i];
  const opensWithArticle = !first.capitalised && isArabicArticle(first.text) && tokens[i + 1]?.gap === '-' && tokens[i + 1].capitalised;
  if (!first.capitalised && !opensWithArticle) return null;
  let limit = i + 1;
  while (limit < tokens.length && limit - i < maxTokens && joinable(tokens[limit])) limit += 1;
  for (let end = limit; end > i; end -= 1) {
    const last = tokens[end - 1];
    if (!last.capitalised && !/^\p{N}/u.test(last.text)) continue;
    if (end - 1 > i && tokens.slice(i, end - 1).some((t) => t.possessive)) continue;
    const surface = text.slice(first.start, last.end);
    let candidates = gazetteer.lookup(surface);
    // A leading "The" belongs to a name only when the gazetteer has it so ("The Hague").
    if (/^the$/iu.test(first.text)) candidates = candidates.filter((c) => c.match === 'exact');
    if (candidates.length > 0) return { end, candidates };
    if (end - i <= 2) {
      const demonyms = gazetteer.demonym(surface);
      if (demonyms.length > 0) return { end, candidates: demonyms };
    }
  }
  return null;
}

/** A token may continue a name if it follows a space or hyphen and is capitalised or a connector. */
function joinable(token: Token): boolean {
  if (!/^(?:[ \u00a0]|-|\. ?)$/u.test(token.gap)) return false;
  return token.capitalised || /^\p{N}/u.test(token.text) || NAME_CONNECTORS.has(token.text.toLowerCase());
}

function isArabicArticle(word: string): boolean {
  return /^(?:al|el|an|ar|as|ash|at|ad|az|ad|ud|ul)$/u.test(word);
}

interface Verdict {
  accept: boolean;
  score: number;
  locative: boolean;
}

/** Decides whether a gazetteer match is really a place name here. */
function judge(
  tokens: Token[],
  i: number,
  end: number,
  candidates: Candidate[],
  resources: RecognizerResources,
  persons: Set<string>,
): Verdict {
  const reject = { accept: false, score: 0, locative: false };
  const first = tokens[i];
  const words = tokens.slice(i, end);
  const single = end - i === 1;
  const lower = first.text.toLowerCase();
  const big = isBig(candidates);
  const demonym = candidates.some((c) => c.match === 'demonym');
  const previous = tokens[i - 1];
  const next = tokens[end];
  const adjacentBefore = previous && SAME_PHRASE_GAP.test(first.gap) ? previous : undefined;
  const adjacentAfter = next && SAME_PHRASE_GAP.test(next.gap) ? next : undefined;

  if (single && CALENDAR_WORDS.has(lower)) return reject;
  // "Al", "Su" (of "Su-24"): two letters are a place only as a known abbreviation ("UK", "US").
  if (single && /^\p{L}{1,2}$/u.test(first.text) && !first.allCaps) return reject;
  // "Tatar", "Kurd": a people, not a place, whatever village shares the name.
  if (single && ETHNONYMS.has(lower) && !demonym) return reject;
  if (single && QUALIFIERS.has(lower)) return reject;
  if (persons.has(normalizeName(words.map((t) => t.text).join(' '))) && !big && !demonym) return reject;

  // "President Assad", "Mr. Paris": a title makes the name a person's.
  if (adjacentBefore && PERSON_TITLES.has(adjacentBefore.text.toLowerCase()) && !demonym) {
    persons.add(normalizeName(first.text));
    return reject;
  }

  // Acronyms (NATO, ISIS, UN) are organisations unless the gazetteer knows them as a country or region.
  if (single && first.allCaps && !candidates.some((c) => BIG_KINDS.has(c.place.kind) && c.match === 'exact')) return reject;

  // A capitalised name the gazetteer does not know runs into this one: "Recep Tayyip Erdoğan", "Daily Sabah".
  if (adjacentBefore && adjacentBefore.capitalised && !demonym) {
    const beforeLower = adjacentBefore.text.toLowerCase();
    const sentenceInitial = tokens.indexOf(adjacentBefore) === 0 && resources.commonWords.has(beforeLower);
    const harmless = QUALIFIERS.has(beforeLower) || sentenceInitial || resources.gazetteer.demonym(adjacentBefore.text).length > 0;
    const country = candidates.some((c) => c.place.kind === 'country');
    const placeBefore = !resources.commonWords.has(beforeLower) && resources.gazetteer.lookup(adjacentBefore.text).some((c) => c.match === 'exact');
    if (ORGANISATION_WORDS.has(beforeLower)) return reject; // "Daily Sabah", "Radio Free Europe"
    if (!harmless && !country && !placeBefore) {
      if (!big) persons.add(normalizeName(first.text));
      return reject;
    }
  }

  // "Colorado State University", "Dubai World Cup", "Washington Post": part of an organisation's
  // name. "Jordan Peterson", "Vladimir Putin": a first name before an unknown capitalised word.
  if (adjacentAfter && adjacentAfter.capitalised && !demonym) {
    const afterLower = adjacentAfter.text.toLowerCase();
    const orgAhead = capitalisedRun(tokens, end).some((t) => ORGANISATION_WORDS.has(t.text.toLowerCase()));
    if (orgAhead) return reject;
    const explained =
      KIND_WORDS.has(afterLower) ||
      PERSON_TITLES.has(afterLower) ||
      resources.commonWords.has(afterLower) ||
      resources.gazetteer.lookup(adjacentAfter.text).length > 0 ||
      resources.gazetteer.demonym(adjacentAfter.text).length > 0;
    if (!explained && !candidates.some((c) => c.place.kind === 'country')) {
      persons.add(normalizeName(adjacentAfter.text));
      return reject;
    }
  }
  // "the Wagner company", "the paper Pravda": a small place beside an organisation word.
  if (adjacentAfter && !adjacentAfter.capitalised && !big && ORGANISATION_WORDS.has(adjacentAfter.text.toLowerCase())) return reject;
  if (adjacentBefore && !adjacentBefore.capitalised && !big && ORGANISATION_WORDS.has(adjacentBefore.text.toLowerCase())) return reject;

  // A common English word ("Reading", "Mobile", "Independent") is a place only when it is a big one
  // and not just capitalised because it opens the sentence.
  if (single && resources.commonWords.has(lower) && !demonym) {
    if (i === 0 || !big) return reject;
  }
  const locative = !!previous && /^[ \u00a0]$/u.test(first.gap) && LOCATIVE_BEFORE.has(previous.text.toLowerCase());
  return { accept: true, score: demonym || big ? 0.9 : locative ? 0.85 : 0.75, locative };
}

/** The capitalised words that follow position `from`, joined by spaces. */
function capitalisedRun(tokens: Token[], from: number): Token[] {
  const run: Token[] = [];
  for (let k = from; k < tokens.length && /^[ \u00a0]$/u.test(tokens[k].gap) && tokens[k].capitalised; k += 1) run.push(tokens[k]);
  return run;
}

/** After a title ("President Bashar al-Assad"), the rest of the capitalised run is a person. */
function learnPerson(tokens: Token[], i: number, persons: Set<string>): void {
  const token = tokens[i];
  if (!PERSON_TITLES.has(token.text.toLowerCase())) return;
  let k = i + 1;
  let lastName: Token | undefined;
  while (k < tokens.length && /^[ \u00a0-]$/u.test(tokens[k].gap) && (tokens[k].capitalised || isArabicArticle(tokens[k].text))) {
    if (tokens[k].capitalised) lastName = tokens[k];
    k += 1;
  }
  if (lastName && lastName !== tokens[i + 1]) persons.add(normalizeName(lastName.text));
}

function isBig(candidates: Candidate[]): boolean {
  return candidates.some(
    (c) => BIG_KINDS.has(c.place.kind) || c.place.population >= BIG_PLACE_POPULATION || c.place.source === 'curated',
  );
}
