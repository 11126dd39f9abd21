/**
 * Resolution: picks, for every recognised name, the place it means, using the whole article.
 *
 * A candidate's score adds a prior (what kind of place, how many people live there, whether the
 * name matched exactly) to evidence from the article: the countries and states it is about,
 * an explicit container ("Gainesville, Fla.", "Tripoli, Libya"), a kind word ("Idlib
 * Province"), and nearness to the other places it names, weighted by how close in the text
 * they are. Two passes: the second uses the places the first pass placed. One name keeps one
 * meaning through an article ("one sense per discourse").
 */
import type { Candidate, GeoPrecision, Mention, Place, PlaceKind, Toponym } from './model.ts';
import { distanceKm } from './geo.ts';
import { normalizeName } from './normalize-name.ts';

const KIND_PRIOR: Record<PlaceKind, number> = {
  continent: 3,
  country: 3.2,
  admin1: 2.4,
  region: 2,
  water: 1.6,
  road: 1.6,
  admin2: 1.2,
  city: 1,
  town: 0.6,
  village: 0.3,
  site: 0.8,
};
const LOOSE_MATCH_PENALTY = 0.8;
const CURATED_BONUS = 0.6;
const FOCUS_WEIGHT = 2.2;
const ADMIN1_WEIGHT = 1.4;
const CONTAINER_WEIGHT = 4;
const KIND_HINT_WEIGHT = 2.5;
const PROXIMITY_WEIGHT = 2.5;
/** "Washington said": a name standing for a government means the capital, not the state. */
const CAPITAL_METONYMY_WEIGHT = 3;
/** Distance (km) over which nearness to the article's other places fades. */
const PROXIMITY_SCALE_KM = 40;

/** Resolves the toponyms of one article into mentions. */
export function resolvePlaces(articleId: string, toponyms: Toponym[]): Mention[] {
  const evidence = articleEvidence(toponyms);
  let chosen = toponyms.map((t) => bestCandidate(t, toponyms, evidence, null));
  chosen = toponyms.map((t) => bestCandidate(t, toponyms, evidence, chosen));
  chosen = oneSensePerDiscourse(toponyms, chosen);
  return toponyms.map((t, k) => {
    const pick = chosen[k];
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

/** ACLED-style geo precision of a place kind: 1 a town, 2 part of a region, 3 a region or larger. */
export function geoPrecisionOf(kind: PlaceKind | undefined): GeoPrecision {
  if (kind === 'city' || kind === 'town' || kind === 'village' || kind === 'site') return 1;
  if (kind === 'admin2' || kind === 'road' || kind === 'water') return 2;
  return 3;
}

interface Evidence {
  /** Share of the article's unambiguous mentions in each country. */
  countryShare: Map<string, number>;
  /** Admin-1 codes of the states and provinces the article names. */
  admin1: Set<string>;
}

interface Choice {
  candidate: Candidate;
  score: number;
  /** 0..1 margin-based certainty of the choice. */
  certainty: number;
}

function articleEvidence(toponyms: Toponym[]): Evidence {
  const counts = new Map<string, number>();
  const admin1 = new Set<string>();
  let total = 0;
  for (const t of toponyms) {
    const countries = new Set(t.candidates.map((c) => c.place.countryCode).filter(Boolean));
    const top = t.candidates[0]?.place;
    // A name counts towards a country when it is unambiguous or names the country itself.
    if (countries.size === 1 || top?.kind === 'country') {
      const cc = top?.kind === 'country' ? top.countryCode : [...countries][0];
      counts.set(cc, (counts.get(cc) ?? 0) + 1);
      total += 1;
    }
    for (const c of t.candidates) if (c.place.kind === 'admin1' && c.place.admin1 && c.match === 'exact') admin1.add(c.place.admin1);
  }
  const countryShare = new Map<string, number>();
  for (const [cc, n] of counts) countryShare.set(cc, n / total);
  return { countryShare, admin1 };
}

function bestCandidate(t: Toponym, all: Toponym[], evidence: Evidence, placed: Array<Choice | null> | null): Choice | null {
  if (t.candidates.length === 0) return null;
  const container = containerOf(t, all);
  const scored = t.candidates.map((candidate) => ({
    candidate,
    score: scoreCandidate(candidate, t, evidence, container, all, placed),
  }));
  scored.sort((a, b) => b.score - a.score);
  const margin = scored.length > 1 ? scored[0].score - scored[1].score : 3;
  return { ...scored[0], certainty: 1 / (1 + Math.exp(-1.5 * margin)) };
}

function scoreCandidate(
  candidate: Candidate,
  t: Toponym,
  evidence: Evidence,
  container: Toponym | null,
  all: Toponym[],
  placed: Array<Choice | null> | null,
): number {
  const p = candidate.place;
  let score = KIND_PRIOR[p.kind] + Math.log10(p.population + 1) / 2.5;
  if (candidate.match === 'loose') score -= LOOSE_MATCH_PENALTY;
  if (p.source === 'curated') score += CURATED_BONUS;
  score += FOCUS_WEIGHT * (evidence.countryShare.get(p.countryCode) ?? 0);
  if (p.admin1 && p.kind !== 'admin1' && evidence.admin1.has(p.admin1)) score += ADMIN1_WEIGHT;
  if (container && contains(container, p)) score += CONTAINER_WEIGHT;
  if (t.kindHint && kindAgrees(t.kindHint, p.kind)) score += KIND_HINT_WEIGHT;
  if (t.role === 'metonymic' && p.featureCode === 'PPLC') score += CAPITAL_METONYMY_WEIGHT;
  if (placed) score += PROXIMITY_WEIGHT * proximity(p, t, all, placed);
  return score;
}

/** "Gainesville, Fla.", "Tripoli, Libya": the name right after a comma that may contain this one. */
function containerOf(t: Toponym, all: Toponym[]): Toponym | null {
  const index = all.indexOf(t);
  const next = all[index + 1];
  if (!next || next.sentence !== t.sentence || next.start - t.end > 3) return null;
  return next.candidates.some((c) => c.place.kind === 'country' || c.place.kind === 'admin1') ? next : null;
}

function contains(container: Toponym, p: Place): boolean {
  return container.candidates.some(
    (c) =>
      (c.place.kind === 'country' && c.place.countryCode === p.countryCode) ||
      (c.place.kind === 'admin1' && !!c.place.admin1 && c.place.admin1 === p.admin1),
  );
}

function kindAgrees(hint: PlaceKind, kind: PlaceKind): boolean {
  if (hint === kind) return true;
  if (hint === 'city' || hint === 'town' || hint === 'village') return kind === 'city' || kind === 'town' || kind === 'village';
  if (hint === 'region') return kind === 'region' || kind === 'admin1' || kind === 'admin2';
  return false;
}

/** How near the candidate lies to the article's other placed names, nearer in the text counting more. */
function proximity(p: Place, t: Toponym, all: Toponym[], placed: Array<Choice | null>): number {
  if (p.kind === 'country' || p.kind === 'continent') return 0;
  let sum = 0;
  let weights = 0;
  all.forEach((other, k) => {
    const choice = placed[k];
    if (other === t || !choice || normalizeName(other.surface) === normalizeName(t.surface)) return;
    const q = choice.candidate.place;
    if (q.kind === 'country' || q.kind === 'continent' || q.kind === 'region') return;
    const weight = 1 / (1 + Math.abs(other.sentence - t.sentence));
    sum += weight * Math.exp(-distanceKm(p.lat, p.lon, q.lat, q.lon) / PROXIMITY_SCALE_KM);
    weights += weight;
  });
  return weights > 0 ? sum / weights : 0;
}

/** Every occurrence of a name in an article takes the meaning with the most total support. */
function oneSensePerDiscourse(toponyms: Toponym[], chosen: Array<Choice | null>): Array<Choice | null> {
  const support = new Map<string, Map<string, { choice: Choice; total: number }>>();
  toponyms.forEach((t, k) => {
    const choice = chosen[k];
    if (!choice || choice.candidate.match === 'demonym') return;
    const key = normalizeName(t.surface);
    const byPlace = support.get(key) ?? new Map();
    const entry = byPlace.get(choice.candidate.place.id) ?? { choice, total: 0 };
    entry.total += choice.score;
    byPlace.set(choice.candidate.place.id, entry);
    support.set(key, byPlace);
  });
  return toponyms.map((t, k) => {
    const choice = chosen[k];
    const byPlace = support.get(normalizeName(t.surface));
    if (!choice || !byPlace || byPlace.size < 2) return choice;
    const winner = [...byPlace.values()].sort((a, b) => b.total - a.total)[0];
    const candidate = t.candidates.find((c) => c.place.id === winner.choice.candidate.place.id);
    return candidate ? { ...choice, candidate } : choice;
  });
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
