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
import {
  CALENDAR_WORDS,
  KIND_WORDS,
  NAME_CONNECTORS,
  ORGANISATION_WORDS,
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
const BIG_KINDS: ReadonlySet<PlaceKind> = new Set(['continent', 'country', 'admin1', 'region', 'water', 'road']);

/** Finds the toponyms of an article (content sentences only, never boilerplate). */
export function findToponyms(article: CleanedArticle, resources: RecognizerResources): Toponym[] {
  const persons = new Set<string>();
  const found: Toponym[] = [];
  article.sentences.forEach((sentence, sentenceIndex) => {
    const tokens = tokenize(article.text, sentence);
    for (const toponym of findInSentence(article.text, tokens, sentenceIndex, resources, persons)) found.push(toponym);
  });
  // A surname learnt later in the article ("President Bashar al-Assad" … "Assad") still counts.
  return found.filter((t) => !(t.candidates.every((c) => c.match !== 'demonym') && persons.has(normalizeName(t.surface)) && !isBig(t.candidates)));
}

function findInSentence(
  text: string,
  tokens: Token[],
  sentence: number,
  resources: RecognizerResources,
  persons: Set<string>,
): Toponym[] {
  const { gazetteer } = resources;
  const maxTokens = Math.max(1, Math.min(gazetteer.maxNameTokens || MAX_TOKENS_DEFAULT, 8));
  const result: Toponym[] = [];
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
    const candidates = gazetteer.lookup(surface);
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
  const reject = { accept: false, score: 0 };
  const first = tokens[i];
  const words = tokens.slice(i, end);
  const single = end - i === 1;
  const lower = first.text.toLowerCase();
  const big = isBig(candidates);
  const demonym = candidates.some((c) => c.match === 'demonym');
  const previous = tokens[i - 1];
  const next = tokens[end];
  const adjacentBefore = previous && previous.gap !== undefined && /^[ \u00a0]$/u.test(first.gap) ? previous : undefined;
  const adjacentAfter = next && /^[ \u00a0]$/u.test(next.gap) ? next : undefined;

  if (single && CALENDAR_WORDS.has(lower)) return reject;
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
    if (!harmless && !resources.gazetteer.lookup(adjacentBefore.text).length) {
      if (!big) persons.add(normalizeName(first.text));
      if (!big) return reject;
    }
  }

  // "Colorado State University", "Dubai World Cup", "Washington Post": part of an organisation's name.
  if (adjacentAfter && adjacentAfter.capitalised) {
    const orgAhead = capitalisedRun(tokens, end).some((t) => ORGANISATION_WORDS.has(t.text.toLowerCase()));
    if (orgAhead && !demonym) return reject;
    if (!orgAhead && !demonym && !big && !KIND_WORDS.has(adjacentAfter.text.toLowerCase())) {
      // "Jordan Peterson", "Paris Hilton": a small place followed by an unknown capitalised word.
      if (!resources.gazetteer.lookup(adjacentAfter.text).length && !PERSON_TITLES.has(adjacentAfter.text.toLowerCase())) return reject;
    }
  }

  // A common English word ("Reading", "Mobile", "Independent") is a place only when it is a big one
  // and not just capitalised because it opens the sentence.
  if (single && resources.commonWords.has(lower) && !demonym) {
    if (i === 0 || !big) return reject;
  }
  return { accept: true, score: demonym || big ? 0.9 : 0.75 };
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
