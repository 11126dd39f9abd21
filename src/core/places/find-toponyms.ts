/**
 * Recognition: finds the place names of an article's content sentences and the role each plays.
 *
 * Three steps. Candidates: gazetteer matches, demonyms and street names, each with the verdict
 * of the rules of English names (toponym-candidates.ts). Context: what the whole article says
 * (the countries it is about, the places it surely names, the surnames it has shown). Decision:
 * a logistic-regression model weighs the rule verdict with the candidate's and the context's
 * features (toponym-features.ts); its weights are trained on the corpora's training splits by
 * scripts/train-recogniser.ts and shipped in geodata/models/toponym-recogniser.json. Roles come
 * from the words around the name (classify-role.ts).
 */
import type { CleanedArticle, Toponym } from '../model.ts';
import type { Gazetteer } from './gazetteer.ts';
import { normalizeName } from './normalize-name.ts';
import { tokenize, type Token } from '../text/tokenize.ts';
import { classifyRole } from './classify-role.ts';
import { probability, type LinearModel } from '../common/linear-model.ts';
import { isBig, sentenceCandidates, type SpanCandidate } from './toponym-candidates.ts';
import { candidateFeatures, type DocumentContext } from './toponym-features.ts';
import { ETHNONYMS, LIST_GAP } from './name-lists.ts';
import { isDateline } from '../dates/wire-dateline.ts';
import { overlapsAny } from '../common/span-index.ts';
import recogniserModel from '../../../geodata/models/toponym-recogniser.json' with { type: 'json' };

/** What the recogniser needs besides the text. */
export interface RecognizerResources {
  gazetteer: Gazetteer;
  /** Common English words, lower case: a capitalised one is a place only on good evidence. */
  commonWords: ReadonlySet<string>;
  /** Recognition weights; the shipped model when absent (training passes its own). */
  recogniser?: LinearModel;
}

/** A candidate with its features and sentence, as the model sees it. */
export interface ScoredCandidate {
  candidate: SpanCandidate;
  tokens: Token[];
  features: string[];
  /** Probability that the candidate is a place name. */
  probability: number;
}

const SHIPPED_MODEL = recogniserModel as LinearModel;
/** Words after a name that put it near the next one: "Otradnoye near Belgorod", "a camp outside the city of Sittwe" (not "near the New York border"). */
/** Words before a name that call it a settlement: "the village of", "the town of". */
const SETTLEMENT_BEFORE = /\b(?:village|town|hamlet|settlement|locality|township)\s+of\s+$/i;
const NEAR_AFTER = /^\s*,?\s*(?:near|outside|close to|on the outskirts of|in the vicinity of)\s+(?:the\s+(?:city|town|village)\s+of\s+)?[A-Z]/;
/** Rule verdicts with nothing against a name: such an occurrence is confirmed by a sure one of the same name. */
const CONFIRMABLE = new Set(['ok', 'cap-after']);
/** Kinds of place whose lists name places alike: towns and villages, not countries or provinces. */
const LISTED_KINDS: ReadonlySet<string> = new Set(['city', 'town', 'village', 'site']);
/** How sure a settlement phrase ("the village of X") makes the recognition, whatever the model says. */
const SETTLEMENT_RECOGNITION = 0.9;

/** Kinds a dateline names: the town or city the story is filed from. */
const DATELINE_KINDS: ReadonlySet<string> = new Set(['city', 'town']);

/** Whether a candidate at a dateline's place is a town the gazetteer knows by that very name, nothing against it. */
function datelineTown(c: SpanCandidate): boolean {
  return CONFIRMABLE.has(c.reason) && !c.loose && !c.demonym && c.candidates.some((x) => x.match === 'exact' && DATELINE_KINDS.has(x.place.kind));
}

/** Finds the toponyms of an article (content sentences only, never boilerplate). */
export function findToponyms(article: CleanedArticle, resources: RecognizerResources): Toponym[] {
  const model = resources.recogniser ?? SHIPPED_MODEL;
  const scored = scoreCandidates(article, resources);
  const home = homeCountries(scored.map((s) => s.candidate));
  // Countries named outright, by name or demonym ("Russia", "Turkish").
  const named = new Set(scored.filter((s) => s.probability >= model.threshold && s.candidate.candidates[0]?.place.kind === 'country').map((s) => s.candidate.candidates[0].place.countryCode));
  // One sense per discourse, for recognition too: a name surely read as a place somewhere in the
  // article is a place wherever else a preposition of place stands before it and nothing is
  // against it ("the explosion in Quetta" makes "… in Quetta said" a place as well).
  const sure = new Set(scored.filter((s) => s.probability >= model.threshold && !s.candidate.loose && !s.candidate.demonym).map((s) => normalizeName(s.candidate.surface)));
  const listed = listedWithPlaces(article.text, scored, model.threshold, home);
  const out: Toponym[] = [];
  for (const [k, s] of scored.entries()) {
    // "Cairo: An attack by…", "Imphal: As many as five…": a town that opens the story's first line
    // before a colon, a dash or an agency is its dateline, however a sentence's first word reads.
    const dateline = isDateline(article.text, s.candidate);
    const confirmed = s.probability < model.threshold && ((s.candidate.locative && CONFIRMABLE.has(s.candidate.reason) && !s.candidate.loose && sure.has(normalizeName(s.candidate.surface))) || listed.has(k) || (dateline && datelineTown(s.candidate)));
    if (s.probability < model.threshold && !confirmed && !s.candidate.settlement) continue;
    const c = s.candidate;
    // A people that spans states ("Turkmen", "Kurds") is a state's demonym only where the article names that state.
    if (c.demonym && ETHNONYMS.has(c.surface.toLowerCase()) && c.candidates.some((x) => x.place.kind === 'country') && !c.candidates.some((x) => home.has(x.place.countryCode))) continue;
    // A name that matched only loosely keeps the meanings in the countries the article is about.
    // A street's name says nothing of where it is ("Wichita Drive" in Dublin, Ohio): the resolver
    // places it in the article's town. "Barak River": a river, a lake or a sea is none of the
    // towns that share its name; a water body the gazetteer lacks stays unresolved.
    const kept = listed.get(k) ?? home;
    const ofName = c.street && c.kindHint === 'road' ? [] : c.loose ? c.candidates.filter((x) => kept.has(x.place.countryCode)) : c.candidates;
    const candidates = c.kindHint === 'water' ? ofName.filter((x) => x.place.kind === 'water') : ofName;
    out.push({
      start: c.start,
      end: c.end,
      surface: c.surface,
      sentence: c.sentence,
      role: c.embedded ? 'embedded' : c.street || c.settlement ? 'literal' : classifyRole(s.tokens, c.first, c.last, c.candidates, named.has(c.candidates[0]?.place.countryCode)),
      candidates,
      recognition: round(c.settlement ? Math.max(s.probability, SETTLEMENT_RECOGNITION) : s.probability),
      ...(c.kindHint ? { kindHint: c.kindHint } : {}),
      ...(c.settlement ? { settlement: true } : {}),
      ...(dateline ? { dateline: true } : {}),
      ...(NEAR_AFTER.test(article.text.slice(c.end, c.end + 40)) ? { saidNear: SETTLEMENT_BEFORE.test(article.text.slice(Math.max(0, c.start - 30), c.start)) ? 'settlement' as const : 'place' as const } : {}),
    });
  }
  return [...out, ...unknownListMembers(article, out, resources.commonWords)].sort((a, b) => a.start - b.start);
}

/** A capitalised name of up to three words, as the list's members are written. */
const NAME = String.raw`\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,2}`;
const MEMBER_BEFORE = new RegExp(String.raw`(?:^|[^\p{L}'’-])(${NAME})(\s*,\s*(?:and\s+)?|\s+and\s+)$`, 'u');
const MEMBER_AFTER = new RegExp(String.raw`^(\s*,\s*(?:and\s+)?|\s+and\s+)(${NAME})(?![\p{L}'’-])`, 'u');
/** How far (characters) one step along a list looks: a gap and a member of up to three words. */
const MEMBER_REACH = 120;
/** What opens a list of places: "in", "near", "the villages of"… */
const LIST_OPENER = /\b(?:in|at|near|around|across|including|from|of|and|between)\s+$/i;
/** Words that may be capitalised in a list without naming a place. */
const NOT_NAMES = /^(?:the|a|an|and|or|but|mr|mrs|ms|dr|president|minister|general|january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/i;

/**
 * Names the gazetteer lacks, listed with a sure town: "clashes broke out in Rima Hazem, Areeqa,
 * and Shahba" makes "Rima Hazem" a settlement (resolved near its neighbour, see resolve-places).
 * The list must open after a word of place ("in", "near"); a member is one to three capitalised
 * words, none of them a common word, a title or a date; members already read are left as they are.
 */
function unknownListMembers(article: CleanedArticle, found: Toponym[], commonWords: ReadonlySet<string>): Toponym[] {
  const text = article.text;
  const taken = overlapsAny(found);
  const endingAt = new Map(found.map((t) => [t.end, t]));
  const startingAt = new Map(found.map((t) => [t.start, t]));
  // "… in Rawalpindi and Corps Commander's residence in Lahore": a possessive owns what follows it; it names no place.
  const isName = (run: string) => !/['’]s$/u.test(run) && run.split(/\s+/).every((w) => !NOT_NAMES.test(w) && !commonWords.has(w.toLowerCase()) && w !== w.toUpperCase());
  const isAnchor = (t: Toponym) => t.role === 'literal' && LISTED_KINDS.has(t.candidates[0]?.place.kind ?? '');
  const added = new Map<number, Toponym>();
  const add = (start: number, surface: string, sentence: number) => {
    if (!added.has(start)) added.set(start, { start, end: start + surface.length, surface, sentence, role: 'literal', candidates: [], recognition: SETTLEMENT_RECOGNITION, settlement: true });
  };
  // A sure name reached by an earlier one's walk along its list: that walk read this list.
  const walked = new Set<Toponym>();
  for (const t of found) {
    if (!isAnchor(t) || walked.has(t)) continue;
    const sentence = article.sentences[t.sentence];
    // Back along the list to its opening word (a member is a few words: the look-back is bounded)…
    const before: Array<{ start: number; surface: string }> = [];
    let at = t.start;
    for (;;) {
      const from = Math.max(sentence.start, at - MEMBER_REACH);
      const m = MEMBER_BEFORE.exec(text.slice(from, at));
      if (!m || (m.index === 0 && from > sentence.start && m[0].length - m[1].length - m[2].length === 0)) break;
      const start = from + m.index + m[0].length - m[1].length - m[2].length;
      const known = endingAt.get(start + m[1].length);
      if (known && known.start >= start) at = known.start;
      else if (isName(m[1]) && !taken({ start, end: start + m[1].length })) {
        before.push({ start, surface: m[1] });
        at = start;
      } else break;
    }
    if (before.length && LIST_OPENER.test(text.slice(Math.max(sentence.start, at - 30), at))) for (const b of before) add(b.start, b.surface, t.sentence);
    // …then on past the sure name to its end.
    let end = t.end;
    for (let m = MEMBER_AFTER.exec(text.slice(end, Math.min(sentence.end, end + MEMBER_REACH))); m; m = MEMBER_AFTER.exec(text.slice(end, Math.min(sentence.end, end + MEMBER_REACH)))) {
      const start = end + m[1].length;
      const known = startingAt.get(start);
      if (known) {
        walked.add(known);
        end = known.end;
      } else if (isName(m[2]) && !taken({ start, end: start + m[2].length }) && /^(?:[\s,.;:)]|$)/.test(text.slice(start + m[2].length, start + m[2].length + 1))) {
        add(start, m[2], t.sentence);
        end = start + m[2].length;
      } else break;
    }
  }
  return [...added.values()];
}

/**
 * Names listed with places are places: "clashes broke out in Rima Hazem, Areeqa, and Shahba"
 * makes "Areeqa" (a loose spelling of ‘Arīqah) a place because Shahba is one. A name below the
 * threshold is confirmed when nothing speaks against it, the gazetteer has a reading of it in
 * the country of its neighbour in the same list (or, for an exact spelling, anywhere), and that
 * neighbour is a place (read along the list both ways, so a whole list hangs on one sure
 * member). The list's country counts even when the article never names it (a story that says
 * only "Syrian" and "Suwayda province"); a loose spelling sure enough on its own keeps its
 * readings in that country too. Indexes into `scored`, each with the countries its loose
 * readings are kept in.
 */
function listedWithPlaces(text: string, scored: ScoredCandidate[], threshold: number, home: Set<string>): Map<number, Set<string>> {
  const accepted = new Set<number>();
  scored.forEach((s, k) => { if (s.probability >= threshold && !s.candidate.demonym && s.candidate.candidates.length) accepted.add(k); });
  const confirmed = new Map<number, Set<string>>();
  const countriesOf = (k: number) => confirmed.get(k) ?? new Set(scored[k].candidate.candidates.slice(0, 1).map((x) => x.place.countryCode).filter((cc) => cc));
  const confirmable = (k: number, countries: Set<string>) => {
    const c = scored[k].candidate;
    return !accepted.has(k) && !confirmed.has(k) && c.reason === 'ok' && !c.demonym && !c.street && c.candidates.some((x) => !c.loose || home.has(x.place.countryCode) || countries.has(x.place.countryCode));
  };
  const linked = (a: number, b: number) => scored[a].candidate.sentence === scored[b].candidate.sentence && LIST_GAP.test(text.slice(scored[a].candidate.end, scored[b].candidate.start));
  for (const step of [1, -1]) {
    const order = step === 1 ? scored.keys() : [...scored.keys()].reverse();
    for (const k of order) {
      const j = k - step;
      if (j < 0 || j >= scored.length || !(accepted.has(j) || confirmed.has(j))) continue;
      const countries = countriesOf(j);
      const sureLoose = accepted.has(k) && scored[k].candidate.loose && !scored[j].candidate.loose;
      if (!sureLoose && !confirmable(k, countries)) continue;
      if (step === 1 ? linked(j, k) : linked(k, j)) confirmed.set(k, new Set([...home, ...countries, ...(confirmed.get(k) ?? [])]));
    }
  }
  return confirmed;
}

/** Every candidate of an article with its features and probability (training and error analysis use it). */
export function scoreCandidates(article: CleanedArticle, resources: RecognizerResources): ScoredCandidate[] {
  const model = resources.recogniser ?? SHIPPED_MODEL;
  const persons = new Set<string>();
  const found: Array<{ candidate: SpanCandidate; tokens: Token[] }> = [];
  article.sentences.forEach((sentence, index) => {
    const tokens = tokenize(article.text, sentence);
    for (const candidate of sentenceCandidates(article.text, tokens, index, resources, persons)) found.push({ candidate, tokens });
  });
  const doc = documentContext(article.text, found.map((f) => f.candidate), persons, resources.commonWords);
  return found.map(({ candidate, tokens }) => {
    const features = candidateFeatures(candidate, tokens, doc);
    return { candidate, tokens, features, probability: probability(model, features) };
  });
}

/** What the article as a whole says about its candidates. */
function documentContext(text: string, found: SpanCandidate[], persons: Set<string>, commonWords: ReadonlySet<string>): DocumentContext {
  const counts = new Map<string, number>();
  const confirmed = new Set<string>();
  const anchors: Array<{ key: string; lat: number; lon: number }> = [];
  const anchorIds = new Set<string>();
  for (const c of found) {
    const key = normalizeName(c.surface);
    counts.set(key, (counts.get(key) ?? 0) + 1);
    if (c.street || c.candidates.length === 0) continue;
    if (c.reason === 'ok' && (c.locative || c.kindHint || c.abbreviation)) confirmed.add(key);
    if (c.reason !== 'ok' || c.loose || c.demonym) continue;
    const top = c.candidates[0].place;
    if (top.kind === 'country' || top.kind === 'continent' || top.kind === 'region') continue;
    if (c.candidates.length === 1 || isBig(c.candidates) || c.locative) {
      // One anchor per name and point, however often the name recurs: a repeated name adds no evidence, only cost.
      const id = `${key}\u0000${top.lat},${top.lon}`;
      if (!anchorIds.has(id)) anchors.push({ key, lat: top.lat, lon: top.lon });
      anchorIds.add(id);
    }
  }
  anchors.sort((a, b) => a.lat - b.lat);
  // "Gainesville, Fla.": a name followed by its state or country is a place.
  for (let k = 0; k + 1 < found.length; k += 1) {
    const a = found[k];
    const b = found[k + 1];
    if (a.sentence === b.sentence && /^, ?$/u.test(text.slice(a.end, b.start)) && b.candidates.some((x) => x.place.kind === 'admin1' || x.place.kind === 'country')) {
      confirmed.add(normalizeName(a.surface));
    }
  }
  return { persons, home: homeCountries(found), anchors, counts, confirmed, commonWords };
}

/** Countries the article is surely about: named countries, and big or announced names in one country. */
function homeCountries(found: SpanCandidate[]): Set<string> {
  const home = new Set<string>();
  for (const c of found) {
    if (c.reason !== 'ok' || c.loose || c.street || c.candidates.length === 0 || ETHNONYMS.has(c.surface.toLowerCase())) continue;
    const top = c.candidates[0].place;
    const countries = new Set(c.candidates.map((x) => x.place.countryCode).filter(Boolean));
    if (top.kind === 'country' && !c.demonym) home.add(top.countryCode);
    else if (!c.demonym && countries.size === 1 && (isBig(c.candidates) || c.locative)) home.add([...countries][0]);
  }
  return home;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
