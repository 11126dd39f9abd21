/**
 * Features of a candidate place name for the recognition model: what the name is (the kinds
 * and sizes of the places it may mean, its shape), what the rules say of it, the words around
 * it, and what the rest of the article says (the countries it is about, the places it surely
 * names, the surnames it has shown). Names of features are stable strings; the model's weights
 * are keyed by them. No feature is a place name itself: the model must generalise to articles
 * about other places.
 */
import type { Candidate } from '../model.ts';
import type { Token } from '../text/tokenize.ts';
import type { SpanCandidate } from './toponym-candidates.ts';
import { isBig } from './toponym-candidates.ts';
import { distanceKm } from '../common/geo.ts';
import { normalizeName } from './normalize-name.ts';
import { featureName, featurePair } from './feature-names.ts';
import { ETHNONYMS, KIND_WORDS, LOCATIVE_BEFORE, ORGANISATION_WORDS, PERSON_TITLES, STATE_BODIES } from './name-lists.ts';

/** What the whole article says, computed once before the candidates are scored. */
export interface DocumentContext {
  /** Normalised surnames learnt from titles and first names ("assad", "jones"). */
  persons: ReadonlySet<string>;
  /** Countries the article is surely about (ISO alpha-2). */
  home: ReadonlySet<string>;
  /** Points of places the article surely names, with their keys, by ascending latitude (searched by bisection). */
  anchors: ReadonlyArray<{ key: string; lat: number; lon: number }>;
  /** Occurrences of each normalised surface among the candidates. */
  counts: ReadonlyMap<string, number>;
  /** Normalised surfaces that some occurrence shows as a place beyond doubt (after "in", before ", Fla."). */
  confirmed: ReadonlySet<string>;
  /** Common English words, lower case. */
  commonWords: ReadonlySet<string>;
}

/** A small place must lie this near (km) to another place the article surely names. */
export const NEAR_ANCHOR_KM = 300;

/** The features of one candidate in its sentence (`tokens`) and article (`doc`). */
export function candidateFeatures(c: SpanCandidate, tokens: Token[], doc: DocumentContext): string[] {
  const f: string[] = ['bias', featureName('reason:', c.reason)];
  const key = normalizeName(c.surface);
  const first = tokens[c.first];
  const next = tokens[c.last];
  const top = c.candidates[0]?.place;
  const big = isBig(c.candidates);
  const n = c.last - c.first;

  if (c.street) {
    f.push('street', featureName('street-word:', tokens[c.last - 1].lower), c.candidates.length > 0 ? 'street:known-base' : 'street:new-base');
    if (c.locative) f.push('locative');
    f.push(...contextWords(tokens, c, doc));
    return f;
  }
  f.push(TOKENS[Math.min(n, 3)], c.demonym ? 'match:demonym' : c.loose ? 'match:loose' : 'match:exact');
  if (big) f.push('big', featureName('big&reason:', c.reason));
  if (top) {
    f.push(featureName('kind:', top.kind), featureName('pop:', populationBucket(c.candidates)), featurePair('kind&reason:', top.kind, c.reason));
    if (top.source === 'curated') f.push('curated');
  }
  f.push(CANDIDATES[Math.min(c.candidates.length, 5)]);
  if (c.embedded) f.push('embedded');
  if (c.abbreviation) f.push('abbreviation');
  if (c.kindHint) f.push(featureName('kind-hint:', c.kindHint));
  if (c.locative) f.push('locative', featureName('locative&pop:', populationBucket(c.candidates)));
  if (first.allCaps) f.push(n === 1 && first.text.replace(/\./g, '').length <= 3 ? 'shape:acronym' : 'shape:caps');
  if (c.first === 0) f.push('sentence-initial');
  if (n === 1 && doc.commonWords.has(key)) f.push('common-word', c.first === 0 ? 'common-word&initial' : 'common-word&inner');
  if (c.demonym) {
    f.push(/s$/u.test(c.surface) ? 'demonym:plural' : 'demonym:singular');
    if (ETHNONYMS.has(c.surface.toLowerCase())) f.push('demonym:ethnonym');
    if (next && /^[ \u00a0]$/u.test(next.gap)) f.push(next.capitalised ? 'demonym-next:cap' : featureName('demonym-next:', next.lower));
  }

  // The article as a whole.
  const inHome = c.candidates.some((x) => doc.home.has(x.place.countryCode));
  f.push(inHome ? 'doc:in-home' : doc.home.size > 0 ? 'doc:out-of-home' : 'doc:no-home');
  if (!big && !c.demonym) f.push(nearAnchor(c.candidates, key, doc) ? 'doc:near-anchor' : 'doc:far-from-anchors');
  if (doc.persons.has(key)) f.push('doc:person', big ? 'doc:person&big' : 'doc:person&small');
  if (doc.confirmed.has(key)) f.push('doc:confirmed');
  const count = doc.counts.get(key) ?? 1;
  f.push(DOC_COUNT[Math.min(count, 4)]);
  f.push(...contextWords(tokens, c, doc));
  return f;
}

/** Names of numbered features, by number: no string building on the hot path. */
const TOKENS = ['tokens:0', 'tokens:1', 'tokens:2', 'tokens:3'];
const CANDIDATES = ['candidates:0', 'candidates:1', 'candidates:2', 'candidates:3', 'candidates:4', 'candidates:5'];
/** `doc:count:1` … `doc:count:4+` (a count is at least 1; 0 cannot occur but keeps the index plain). */
const DOC_COUNT = ['doc:count:0', 'doc:count:1', 'doc:count:2', 'doc:count:3', 'doc:count:4+'];

/** Words around the name: lower-case words as themselves, capitalised ones by class. */
function contextWords(tokens: Token[], c: SpanCandidate, doc: DocumentContext): string[] {
  const f: string[] = [];
  const first = tokens[c.first];
  const previous = tokens[c.first - 1];
  const next = tokens[c.last];
  const space = (t: Token) => /^[ \u00a0]$/u.test(t.gap);
  if (!previous) f.push('prev:START');
  else {
    const gap = first.gap.trim();
    if (gap) f.push(featureName('prev-gap:', gap.slice(-1)));
    f.push(featureName('prev:', wordClass(previous, doc)));
    const before = tokens[c.first - 2];
    if (before && space(previous)) f.push(featureName('prev2:', wordClass(before, doc)));
  }
  if (!next) f.push('next:END');
  else {
    const gap = next.gap.trim();
    if (tokens[c.last - 1].possessive) f.push('possessive');
    else if (gap) f.push(featureName('next-gap:', gap.slice(0, 1)));
    else f.push(featureName('next:', wordClass(next, doc)));
    if (gap === ',' && next.capitalised) f.push('next:comma-cap');
  }
  return f;
}

/** A word as a feature: lower-case words as themselves; capitalised ones as a class. */
function wordClass(t: Token, doc: DocumentContext): string {
  const lower = t.lower;
  if (/^\p{N}/u.test(t.text)) return 'NUM';
  if (!t.capitalised) return doc.commonWords.has(lower) || LOCATIVE_BEFORE.has(lower) ? lower : 'rare';
  if (PERSON_TITLES.has(lower)) return 'TITLE';
  if (STATE_BODIES.has(lower)) return 'STATE';
  if (ORGANISATION_WORDS.has(lower)) return 'ORG';
  if (KIND_WORDS.has(lower)) return `KIND`;
  if (t.allCaps) return 'CAPS';
  return doc.commonWords.has(lower) ? 'Cap-common' : 'Cap';
}

function populationBucket(candidates: Candidate[]): string {
  let max = 0;
  for (const c of candidates) if (c.place.population > max) max = c.place.population;
  return max <= 0 ? '0' : String(Math.min(7, Math.floor(Math.log10(max))));
}

function nearAnchor(candidates: Candidate[], key: string, doc: DocumentContext): boolean {
  const anchors = doc.anchors;
  for (const c of candidates) {
    // Anchors are sorted by latitude: only the band within MAX_ANCHOR_LAT_DEGREES is read (a hair wider, the test below decides).
    let lo = 0;
    let hi = anchors.length;
    const from = c.place.lat - MAX_ANCHOR_LAT_DEGREES - 1e-9;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (anchors[mid].lat < from) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < anchors.length && anchors[i].lat <= c.place.lat + MAX_ANCHOR_LAT_DEGREES + 1e-9; i += 1) {
      const a = anchors[i];
      // More than NEAR_ANCHOR_KM of latitude apart rules a pair out before any trigonometry.
      if (a.key === key || Math.abs(a.lat - c.place.lat) > MAX_ANCHOR_LAT_DEGREES) continue;
      if (distanceKm(a.lat, a.lon, c.place.lat, c.place.lon) <= NEAR_ANCHOR_KM) return true;
    }
  }
  return false;
}

/** NEAR_ANCHOR_KM in degrees of latitude, rounded up (a degree is at least 110.5 km). */
const MAX_ANCHOR_LAT_DEGREES = NEAR_ANCHOR_KM / 110;
