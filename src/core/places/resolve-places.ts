/**
 * Resolution: picks, for every recognised name, the place it means, using the whole article.
 *
 * Every gazetteer candidate is scored by a logistic-regression ranking model (weights in
 * geodata/models/place-ranker.json, trained by scripts/train-ranker.ts on the corpora's training
 * splits) over place-features.ts: the kind and size of the place, and the article's evidence for
 * it: the countries and states its unambiguous names lie in, an explicit container ("Gainesville,
 * Fla.", "Tripoli, Libya"), a kind word ("Idlib Province"), and nearness to the other places it
 * names, nearer in the text counting more, and jointly to any reading of them (joint-nearness.ts).
 * Two passes: the second knows where the first placed the other names. One name keeps one
 * meaning through an article ("one sense per discourse").
 * A street name is placed at the town the article names nearest to it (geo precision 2, "near a
 * town"), or stays unresolved when the article names no town.
 */
import type { Candidate, GeoPrecision, Mention, Place, PlaceKind, Toponym } from '../model.ts';
import { approxDistanceKm } from '../common/geo.ts';
import { jointNearness, within, type JointNearness } from './joint-nearness.ts';
import { looseKey, normalizeName } from './normalize-name.ts';
import { logistic, score, weightMap, type LinearModel } from '../common/linear-model.ts';
import { candidateFeatures, occurrenceFeatures, placeFeatures, type CandidateContext, type ResolutionEvidence } from './place-features.ts';
import rankerModel from '../../../geodata/models/place-ranker.json' with { type: 'json' };

/** Distance (km) over which nearness to the article's other places fades. */
const PROXIMITY_SCALE_KM = 40;
/**
 * Scores this close between a state and its namesake town ("Aleppo") are a tie: the training
 * label (within 161 km of the gold point) holds for both, so the model cannot tell them apart.
 * The one nearer the article's other places wins.
 */
const NESTED_TIE = 0.02;
/**
 * A province named after a big city ("Kharkiv", "Aleppo", "Khartoum"): the bare name means the
 * city when the city has at least this many people and bears the province's very name, unless
 * a kind word says otherwise ("Kharkiv region") or the name stands as a container ("Buffalo,
 * New York"). Smaller capitals (Idlib, Latakia) leave the province its usual precedence: news
 * says "Idlib" of the province and "Idlib city" of the town.
 */
const NAMESAKE_CITY_POPULATION = 500_000;
const SHIPPED_MODEL = rankerModel as LinearModel;
/** A street placed at its town is surer of the town than of the street. */
const STREET_CONFIDENCE = 0.6;
/**
 * Nearness to the other placed names reads this many mentions each side of a name, no more: the
 * nearer in the text counts more, and the bound keeps a mention-dense article (a list of 40,000
 * names) linear rather than quadratic. Articles of up to NEARNESS_WINDOW + 1 mentions, more than
 * news stories hold (the LGL corpus tops out at 78 names, GeoVirus at 70), are read whole;
 * processArticle warns when an article is over it.
 */
export const NEARNESS_WINDOW = 100;

/** Resolves the toponyms of one article into mentions. `model` defaults to the shipped ranker. */
export function resolvePlaces(articleId: string, toponyms: Toponym[], model: LinearModel = SHIPPED_MODEL): Mention[] {
  const keys = toponyms.map((t) => normalizeName(t.surface));
  const scorer = scorerFor(toponyms, keys, model);
  let chosen = toponyms.map((t, k) => bestCandidate(k, toponyms, keys, scorer, null));
  chosen = toponyms.map((t, k) => bestCandidate(k, toponyms, keys, scorer, chosen));
  chosen = oneSensePerDiscourse(toponyms, keys, chosen);
  chosen = withoutStrays(toponyms, chosen);
  const notNear = nearWhatItIsSaidNear(toponyms, chosen);
  const towns = townIndex(chosen);
  return toponyms.map((t, k) => {
    const pick = chosen[k];
    if (!pick && t.kindHint === 'road') {
      // A street the gazetteer lacks: near the town the article places nearest in the text.
      const town = nearestTown(k, toponyms, chosen, towns);
      if (town) {
        return {
          articleId, start: t.start, end: t.end, surface: t.surface, role: t.role, place: town.candidate.place,
          confidence: round(t.recognition * town.certainty * STREET_CONFIDENCE), geoPrecision: 2, sentence: t.sentence,
        };
      }
    }
    if (notNear.has(k)) {
      // A namesake far from what the text puts it near: drawn near that place, as a street is at its town, and named as written.
      const near = chosen[k + 1]!;
      return {
        articleId, start: t.start, end: t.end, surface: t.surface, role: t.role, place: near.candidate.place,
        confidence: round(t.recognition * near.certainty * STREET_CONFIDENCE), geoPrecision: 2, sentence: t.sentence, near: near.candidate.place,
      };
    }
    if (!pick && t.settlement) {
      // A village, camp or district the gazetteer lacks: kept, unresolved, near the known place it lies in or by.
      const near = enclosingPlace(k, toponyms, chosen);
      return {
        articleId, start: t.start, end: t.end, surface: t.surface, role: t.role, place: null,
        confidence: round(t.recognition * (near?.certainty ?? 0) * STREET_CONFIDENCE), geoPrecision: near && geoPrecisionOf(near.candidate.place.kind) < 3 ? 2 : 3,
        sentence: t.sentence, ...(near ? { near: near.candidate.place } : {}),
      };
    }
    return {
      articleId,
      start: t.start,
      end: t.end,
      surface: t.surface,
      role: t.role,
      place: pick?.candidate.place ?? null,
      confidence: round(t.recognition * (pick?.certainty ?? 0)),
      geoPrecision: geoPrecisionOf(pick?.candidate.place.kind),
      sentence: t.sentence,
    };
  });
}

/**
 * A small place (a village or town) in a country no other name of the article lies in, far from
 * every other place it names, is a namesake, not what the story means ("Kobo" read as a Chinese
 * village in a report on Ethiopia): better unresolved than drawn on another continent.
 */
const STRAY_KM = 1000;
const STRAY_KINDS = new Set(['village', 'town']);
/** Kinds of a settlement, for a kind word that names one ("the city of"). */
const SETTLEMENT_KINDS = new Set<string>(['city', 'town', 'village']);
/** Kinds that name a country the article is about. */
const HOME_KINDS = new Set(['country', 'admin1', 'region']);

function withoutStrays(all: Toponym[], chosen: Array<Choice | null>): Array<Choice | null> {
  const placed = chosen.map((c, k) => (c && all[k].role !== 'embedded' ? c.candidate.place : null));
  // The countries the article names outright (a country, a province, a region): where it names
  // any, only a place in one of them witnesses for another ("Sar" and "Pul" read as a Czech and a
  // Croatian town in a report on Afghanistan are near each other, and both strays).
  const home = new Set(placed.filter((p): p is Place => !!p && HOME_KINDS.has(p.kind) && p.countryCode !== '').map((p) => p.countryCode));
  const witnesses = (q: Place) => home.size === 0 || home.has(q.countryCode);
  return chosen.map((c, k) => {
    if (!c || !STRAY_KINDS.has(c.candidate.place.kind)) return c;
    const p = c.candidate.place;
    let others = 0;
    // The same window of neighbours as nearness reads: a list of 40,000 names stays linear.
    for (let j = Math.max(0, k - NEARNESS_WINDOW); j < Math.min(placed.length, k + NEARNESS_WINDOW + 1); j += 1) {
      const q = placed[j];
      // Another spelling of the same stray ("Albat", "Albath") is no witness for it.
      if (!q || j === k || q.id === p.id || normalizeName(all[j].surface) === normalizeName(all[k].surface)) continue;
      others += 1;
      if (q.countryCode === p.countryCode) return c;
      if (q.kind !== 'country' && q.kind !== 'continent' && witnesses(q) && approxDistanceKm(p.lat, p.lon, q.lat, q.lon) <= STRAY_KM) return c;
    }
    return others >= 2 ? null : c;
  });
}

/** How far (km) a place said to be near another may lie from it: farther, its reading is a namesake. */
const NEAR_KM = 40;
const NEAR_ANCHOR_KINDS = new Set<PlaceKind>(['city', 'town', 'village', 'site']);

/**
 * "The village of Otradnoye near Belgorod": a name the text puts near the next one takes the
 * reading that lies within NEAR_KM of a settlement reading of that next name (which then reads
 * as the town, not its namesake province), exact spellings first. When it has none there, the
 * text calls it a village or town and so is its reading, that is a namesake elsewhere, not the place meant: it
 * is drawn near the other place, under its own name (returned). `chosen` is updated in place.
 */
function nearWhatItIsSaidNear(all: Toponym[], chosen: Array<Choice | null>): Set<number> {
  const unresolved = new Set<number>();
  for (let k = 0; k + 1 < all.length; k += 1) {
    const here = chosen[k];
    const next = chosen[k + 1];
    if (!all[k].saidNear || !here || !next || all[k + 1].sentence !== all[k].sentence) continue;
    // Near a town, or near a province's namesake town; never a country's or a region's point.
    const settlement = (c: Candidate) => NEAR_ANCHOR_KINDS.has(c.place.kind);
    const anchors = settlement(next.candidate) ? [next.candidate] : all[k + 1].candidates.filter(settlement);
    if (!anchors.length) continue;
    let best: { candidate: Candidate; anchor: Candidate; km: number } | null = null;
    for (const candidate of all[k].candidates) {
      for (const anchor of anchors) {
        const km = approxDistanceKm(candidate.place.lat, candidate.place.lon, anchor.place.lat, anchor.place.lon);
        const better = !best || (candidate.match === 'exact' && best.candidate.match !== 'exact') || (candidate.match === best.candidate.match && km < best.km);
        if (km <= NEAR_KM && better) best = { candidate, anchor, km };
      }
    }
    if (best) {
      chosen[k] = { ...here, candidate: best.candidate };
      if (best.anchor !== next.candidate) chosen[k + 1] = { ...next, candidate: best.anchor };
    } else if (all[k].saidNear === 'settlement' && STRAY_KINDS.has(here.candidate.place.kind)) {
      chosen[k] = null;
      unresolved.add(k);
      if (anchors[0] !== next.candidate) chosen[k + 1] = { ...next, candidate: anchors[0] };
    }
  }
  return unresolved;
}

/** How far after a name (characters) its container may stand: "Gouz Al-Naqa village of Abu Gouta area in Gezira State". */
const CONTAINER_REACH = 90;

/**
 * The known place a name the gazetteer lacks lies in or near: the first placed name after it in
 * its sentence, close by ("Zamzam camp near El Fasher", "the village of Otradnoye near
 * Belgorod"), else the nearest placed name before it in the sentence, else the sentence's
 * country; null when its sentence places nothing (the event then takes the article's theatre).
 */
function enclosingPlace(k: number, all: Toponym[], chosen: Array<Choice | null>): Choice | null {
  const t = all[k];
  const isCountry = (c: Choice) => c.candidate.place.kind === 'country' || c.candidate.place.kind === 'continent';
  let country: Choice | null = null;
  for (let j = k + 1; j < all.length && all[j].sentence === t.sentence && all[j].start - t.end <= CONTAINER_REACH; j += 1) {
    const c = chosen[j];
    if (!c || all[j].role !== 'literal' || all[j].dateline) continue;
    if (!isCountry(c)) return c;
    country ??= c;
  }
  for (let j = k - 1; j >= 0 && all[j].sentence === t.sentence; j -= 1) {
    const c = chosen[j];
    // "PESHAWAR: … near the Kurram district": the dateline is where the story was filed, not what holds the district.
    if (!c || all[j].role !== 'literal' || all[j].dateline) continue;
    if (!isCountry(c)) return c;
    country ??= c;
  }
  return country;
}

/** ACLED-style geo precision of a place kind: 1 a town, 2 part of a region, 3 a region or larger. */
export function geoPrecisionOf(kind: PlaceKind | undefined): GeoPrecision {
  if (kind === 'city' || kind === 'town' || kind === 'village' || kind === 'site') return 1;
  if (kind === 'admin2' || kind === 'road' || kind === 'water') return 2;
  return 3;
}

/** Every candidate of every name with its ranking features (training uses it). */
export function rankingExamples(toponyms: Toponym[]): Array<Array<{ candidate: Candidate; features: string[] }>> {
  const keys = toponyms.map((t) => normalizeName(t.surface));
  const scorer = scorerFor(toponyms, keys, SHIPPED_MODEL);
  const first = toponyms.map((t, k) => bestCandidate(k, toponyms, keys, scorer, null));
  return toponyms.map((t, k) => {
    const ctxs = contexts(k, toponyms, keys, scorer.evidence, first);
    return t.candidates.map((candidate, i) => ({ candidate, features: placeFeatures(candidate, t, scorer.evidence, ctxs[i]) }));
  });
}

interface Choice {
  candidate: Candidate;
  score: number;
  /** 0..1 margin-based certainty of the choice. */
  certainty: number;
}

interface ArticleEvidence extends ResolutionEvidence {
  /** Per candidate list: each candidate's nearness to the nearest reading of any other name. */
  joint: ReadonlyMap<readonly Candidate[], JointNearness>;
}

/** The countries and states the article's unambiguous names lie in, the states it names, and joint nearness. */
function articleEvidence(toponyms: Toponym[], keys: string[]): ArticleEvidence {
  const countries = new Map<string, number>();
  const admin1 = new Map<string, number>();
  const namedAdmin1 = new Set<string>();
  let total = 0;
  for (const t of toponyms) {
    if (t.candidates.length === 0) continue;
    const cc = common(t.candidates, (c) => c.place.countryCode);
    const a1 = common(t.candidates, (c) => c.place.admin1 ?? '');
    if (cc) {
      countries.set(cc, (countries.get(cc) ?? 0) + 1);
      if (a1) admin1.set(a1, (admin1.get(a1) ?? 0) + 1);
      total += 1;
    }
    for (const c of t.candidates) if (c.place.kind === 'admin1' && c.place.admin1 && c.match === 'exact' && t.candidates.length === 1) namedAdmin1.add(c.place.admin1);
  }
  const share = (m: Map<string, number>) => new Map([...m].map(([k, n]) => [k, n / total]));
  return { countryShare: share(countries), admin1Share: share(admin1), namedAdmin1, joint: jointNearness(toponyms, keys, PROXIMITY_SCALE_KM) };
}

/** The value all candidates share, or '' when they differ. */
function common(candidates: Candidate[], of: (c: Candidate) => string): string {
  const first = of(candidates[0]);
  for (const c of candidates) if (of(c) !== first) return '';
  return first;
}

/** What scoring one article's candidates needs: its evidence, the weights, and the per-list part of each score. */
interface Scorer {
  evidence: ArticleEvidence;
  weights: ReadonlyMap<string, number>;
  /** Per candidate list: the summed weights of each candidate's occurrence-independent features. */
  listScores: Map<readonly Candidate[], number[]>;
}

function scorerFor(toponyms: Toponym[], keys: string[], model: LinearModel): Scorer {
  return { evidence: articleEvidence(toponyms, keys), weights: weightMap(model), listScores: new Map() };
}

/** The context of each candidate of name k. */
function contexts(k: number, all: Toponym[], keys: string[], evidence: ArticleEvidence, placed: Array<Choice | null> | null): CandidateContext[] {
  const t = all[k];
  const container = containerOf(k, all);
  const joint = evidence.joint.get(t.candidates);
  let maxPopulation = 0;
  for (const c of t.candidates) if (c.place.population > maxPopulation) maxPopulation = c.place.population;
  const near = placed ? neighbours(k, all, keys, placed) : null;
  return t.candidates.map((candidate, rank) => ({
    rank,
    of: t.candidates.length,
    largest: candidate.place.population === maxPopulation,
    contained: !!container && contains(container, candidate),
    proximity: near ? proximity(candidate, near) : null,
    jointProximity: joint?.nearness[rank] ?? 0,
    jointLead: joint?.lead[rank] ?? 0,
  }));
}

/** Each candidate of name k with its probability; the per-list part of the score is summed once per article. */
function scored(k: number, all: Toponym[], keys: string[], scorer: Scorer, placed: Array<Choice | null> | null) {
  const t = all[k];
  const ctxs = contexts(k, all, keys, scorer.evidence, placed);
  let listScores = scorer.listScores.get(t.candidates);
  if (!listScores) {
    listScores = t.candidates.map((c, i) => score(scorer.weights, candidateFeatures(c, scorer.evidence, ctxs[i])));
    scorer.listScores.set(t.candidates, listScores);
  }
  return t.candidates.map((candidate, i) => ({
    candidate,
    score: logistic(listScores[i] + score(scorer.weights, occurrenceFeatures(candidate, t, ctxs[i]))),
    proximity: ctxs[i].proximity ?? ctxs[i].jointProximity,
  }));
}

function bestCandidate(k: number, all: Toponym[], keys: string[], scorer: Scorer, placed: Array<Choice | null> | null): Choice | null {
  if (all[k].candidates.length === 0) return null;
  const list = scored(k, all, keys, scorer, placed);
  let best = 0;
  let second = -1;
  for (let i = 1; i < list.length; i += 1) {
    if (list[i].score > list[best].score) {
      second = best;
      best = i;
    } else if (second < 0 || list[i].score > list[second].score) second = i;
  }
  if (second >= 0 && list[best].score - list[second].score < NESTED_TIE && within(list[best].candidate.place, list[second].candidate.place) && list[second].proximity > list[best].proximity) {
    [best, second] = [second, best];
  }
  const city = isContainer(k, all) ? -1 : namesakeCity(list.map((x) => x.candidate), best, all[k]);
  if (city >= 0) [best, second] = [city, best];
  const metropolis = metropolisOverHamlet(list.map((x) => x.candidate), best, k, all);
  if (metropolis >= 0) [best, second] = [metropolis, best];
  const margin = second >= 0 ? Math.abs(list[best].score - list[second].score) : 1;
  return { candidate: list[best].candidate, score: list[best].score, certainty: round(Math.min(1, 0.5 + margin)) };
}

/** A city this big is what its bare name means in its own country… */
const METROPOLIS_POPULATION = 1_000_000;
/** …over a village or a town this small of the same name there (a nearer namesake wins no more). */
const HAMLET_POPULATION = 10_000;

/**
 * "in Surabaya, Indonesia's second-largest city" beside "West Java's Bandung": the ranker's
 * nearness picks a village named Surabaya in West Java, but a name a city of millions bears in
 * the same country means that city, unless the text puts it elsewhere ("Surabaya, Lampung") or
 * calls it a village. The metropolis's index, or -1.
 */
function metropolisOverHamlet(candidates: Candidate[], best: number, k: number, all: Toponym[]): number {
  const chosen = candidates[best].place;
  const t = all[k];
  // A province after the name decides ("Surabaya, Lampung"); the country ("Surabaya, Indonesia's") does not.
  const container = containerOf(k, all);
  const decides = !!container && container.candidates.some((c) => c.place.kind === 'admin1');
  if (!STRAY_KINDS.has(chosen.kind) || chosen.population >= HAMLET_POPULATION || decides || (t.kindHint && t.kindHint !== 'city')) return -1;
  return candidates.findIndex((c) => c.match === 'exact' && c.place.kind === 'city' && c.place.countryCode === chosen.countryCode && c.place.population >= METROPOLIS_POPULATION);
}

/** The big city a chosen province is named after (see NAMESAKE_CITY_POPULATION), or -1. */
function namesakeCity(candidates: Candidate[], best: number, t: Toponym): number {
  const province = candidates[best].place;
  if (province.kind !== 'admin1' || t.kindHint === 'admin1' || t.kindHint === 'region' || t.kindHint === 'admin2') return -1;
  // The very name, up to transliteration ("Zaporizhzhya" the city, "Zaporizhzhia" the oblast); not "New York City".
  const name = looseKey(province.name);
  // Within it by its codes, or a city that is an admin-1 unit of its own inside its namesake province (Kyiv in Kyiv Oblast).
  const inside = (p: Place) => within(province, p) || (p.countryCode === province.countryCode && approxDistanceKm(p.lat, p.lon, province.lat, province.lon) <= NAMESAKE_ENCLAVE_KM);
  return candidates.findIndex((c) => c.match === 'exact' && (c.place.kind === 'city' || c.place.kind === 'town') && c.place.population >= NAMESAKE_CITY_POPULATION && looseKey(c.place.name) === name && inside(c.place));
}

/** How far (km) from its province's point a city that is an admin-1 unit of its own may lie and still be the province's namesake. */
const NAMESAKE_ENCLAVE_KM = 100;

/** Whether name k follows another right after a comma, as its container does ("Buffalo, New York"). */
function isContainer(k: number, all: Toponym[]): boolean {
  return k > 0 && containerOf(k - 1, all) === all[k];
}

/**
 * The town placed nearest in the text to name k (same sentence first, then outwards). Names are
 * in text order, so the nearest on each side is the first town met walking out from k; on a tie
 * the earlier one wins.
 */
function nearestTown(k: number, all: Toponym[], chosen: Array<Choice | null>, towns: TownIndex): Choice | null {
  const before = towns.before[k];
  const after = towns.after[k];
  const gap = (j: number) => Math.abs(all[j].sentence - all[k].sentence) * 1e6 + Math.abs(all[j].start - all[k].start);
  if (before < 0 && after < 0) return null;
  if (after < 0 || (before >= 0 && gap(before) <= gap(after))) return chosen[before];
  return chosen[after];
}

/** For each name, the nearest placed town before it and after it (−1: none), so a street's town is found in constant time. */
interface TownIndex {
  before: Int32Array;
  after: Int32Array;
}

function townIndex(chosen: Array<Choice | null>): TownIndex {
  const isTown = (choice: Choice | null) => {
    const kind = choice?.candidate.place.kind;
    return kind === 'city' || kind === 'town' || kind === 'village';
  };
  const before = new Int32Array(chosen.length);
  const after = new Int32Array(chosen.length);
  let seen = -1;
  for (let k = 0; k < chosen.length; k += 1) {
    before[k] = seen;
    if (isTown(chosen[k])) seen = k;
  }
  seen = -1;
  for (let k = chosen.length - 1; k >= 0; k -= 1) {
    after[k] = seen;
    if (isTown(chosen[k])) seen = k;
  }
  return { before, after };
}

/** "Gainesville, Fla.", "Tripoli, Libya": the name right after a comma that may contain this one. */
function containerOf(k: number, all: Toponym[]): Toponym | null {
  const t = all[k];
  const next = all[k + 1];
  if (!next || next.sentence !== t.sentence || next.start - t.end > 3) return null;
  return next.candidates.some((c) => c.place.kind === 'country' || c.place.kind === 'admin1') ? next : null;
}

function contains(container: Toponym, candidate: Candidate): boolean {
  const p = candidate.place;
  return container.candidates.some(
    (c) =>
      c.place !== p &&
      ((c.place.kind === 'country' && c.place.countryCode === p.countryCode) || (c.place.kind === 'admin1' && !!c.place.admin1 && c.place.admin1 === p.admin1)),
  );
}

/** The placed names around name k that its candidates are measured against, with their weights (nearer in the text, heavier). */
interface Neighbours {
  weights: number[];
  lat: number[];
  lon: number[];
  total: number;
}

/** Read once per name, not once per candidate: the window is the same for all of them. */
function neighbours(k: number, all: Toponym[], keys: string[], placed: Array<Choice | null>): Neighbours {
  const t = all[k];
  const near: Neighbours = { weights: [], lat: [], lon: [], total: 0 };
  const last = Math.min(all.length - 1, k + NEARNESS_WINDOW);
  for (let j = Math.max(0, k - NEARNESS_WINDOW); j <= last; j += 1) {
    const choice = placed[j];
    if (j === k || !choice || keys[j] === keys[k]) continue;
    const q = choice.candidate.place;
    if (q.kind === 'country' || q.kind === 'continent' || q.kind === 'region') continue;
    const weight = 1 / (1 + Math.abs(all[j].sentence - t.sentence));
    near.weights.push(weight);
    near.lat.push(q.lat);
    near.lon.push(q.lon);
    near.total += weight;
  }
  return near;
}

/** How near the candidate lies to the article's other placed names, nearer in the text counting more. */
function proximity(candidate: Candidate, near: Neighbours): number {
  const p = candidate.place;
  if (p.kind === 'country' || p.kind === 'continent') return 0;
  let sum = 0;
  for (let i = 0; i < near.weights.length; i += 1) sum += near.weights[i] * Math.exp(-approxDistanceKm(p.lat, p.lon, near.lat[i], near.lon[i]) / PROXIMITY_SCALE_KM);
  return near.total > 0 ? sum / near.total : 0;
}

/** Every occurrence of a name in an article takes the meaning with the most total support. */
function oneSensePerDiscourse(toponyms: Toponym[], keys: string[], chosen: Array<Choice | null>): Array<Choice | null> {
  const support = new Map<string, Map<string, { choice: Choice; total: number }>>();
  toponyms.forEach((t, k) => {
    const choice = chosen[k];
    if (!choice || choice.candidate.match === 'demonym') return;
    const byPlace = support.get(keys[k]) ?? new Map();
    const entry = byPlace.get(choice.candidate.place.id) ?? { choice, total: 0 };
    entry.total += choice.score;
    byPlace.set(choice.candidate.place.id, entry);
    support.set(keys[k], byPlace);
  });
  return toponyms.map((t, k) => {
    const choice = chosen[k];
    const byPlace = support.get(keys[k]);
    if (!choice || !byPlace || byPlace.size < 2) return choice;
    // "the Aleppo countryside", "Kharkiv region": a kind word keeps the area the name stands for here.
    if ((t.kindHint === 'admin1' || t.kindHint === 'region') && (choice.candidate.place.kind === 'admin1' || choice.candidate.place.kind === 'region')) return choice;
    // "the city of Aleppo" beside "the province of Aleppo": each keeps what its kind word says.
    if (t.kindHint && SETTLEMENT_KINDS.has(t.kindHint) && SETTLEMENT_KINDS.has(choice.candidate.place.kind)) return choice;
    let winner: { choice: Choice; total: number } | undefined;
    for (const entry of byPlace.values()) if (!winner || entry.total > winner.total) winner = entry;
    const candidate = t.candidates.find((c) => c.place.id === winner!.choice.candidate.place.id);
    return candidate ? { ...choice, candidate } : choice;
  });
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
