/**
 * Features of a gazetteer candidate for a recognised name, for the ranking model of
 * resolve-places.ts: what the place is (kind, feature code, size, how the name matched) and
 * what the article says for it (its country's and its state's share of the article's places,
 * an explicit container such as "Gainesville, Fla.", a kind word, nearness to the other places).
 * Shares and distances are bucketed so one linear model can weigh them.
 */
import type { Candidate, Place, PlaceKind, Toponym } from '../model.ts';
import { featureName, featurePair } from './feature-names.ts';
import { looseKey } from './normalize-name.ts';

/** What the article as a whole says, for every candidate of every name. */
export interface ResolutionEvidence {
  /** Share of the article's unambiguous names that lie in each country. */
  countryShare: ReadonlyMap<string, number>;
  /** Share of the article's unambiguous names that lie in each admin-1 unit ('US.GA'). */
  admin1Share: ReadonlyMap<string, number>;
  /** Admin-1 units the article names outright ("Ohio", "Idlib Province"). */
  namedAdmin1: ReadonlySet<string>;
}

/** What is known of one candidate beyond the place itself. */
export interface CandidateContext {
  /** Its position in the gazetteer's prior order (0 = the build's first choice). */
  rank: number;
  /** How many candidates the name has. */
  of: number;
  /** Whether it has the largest population among them. */
  largest: boolean;
  /** Whether the name right after it (", Fla.", ", Libya") contains it. */
  contained: boolean;
  /** Nearness (0..1) to the article's other placed names, or null before the first pass. */
  proximity: number | null;
  /**
   * Nearness (0..1) to the nearest reading of each other name, whatever the passes chose: the
   * coherent pair ("Palestine" and "Anderson County", both in Texas) shows even when the
   * first pass placed each name elsewhere.
   */
  jointProximity: number;
  /** How far its joint nearness exceeds the best of the name's other candidates (0 when it does not). */
  jointLead: number;
}

/**
 * Feature names of a candidate: the part that depends only on the place and the article (the
 * same for every occurrence of the name, so the resolver scores it once per article) and the
 * part that depends on the occurrence. Names are interned (feature-names.ts): the weight lookup
 * then finds an already-hashed string.
 */
export function placeFeatures(candidate: Candidate, t: Toponym, evidence: ResolutionEvidence, ctx: CandidateContext): string[] {
  return [...candidateFeatures(candidate, evidence, ctx), ...occurrenceFeatures(candidate, t, ctx)];
}

/** Features of a candidate that hold for every occurrence of its name in the article. */
export function candidateFeatures(candidate: Candidate, evidence: ResolutionEvidence, ctx: CandidateContext): string[] {
  const p = candidate.place;
  const pop = POPULATION_BUCKETS[bucket(p.population)];
  const code = codeClass(p);
  const f = ['bias', featureName('kind:', p.kind), featureName('code:', code), featureName('pop:', pop), featurePair('kind&pop:', p.kind, pop)];
  f.push(RANKS[Math.min(ctx.rank, RANKS.length - 1)], ctx.of === 1 ? 'only' : ctx.largest ? 'largest' : 'not-largest');
  if (candidate.match === 'loose') f.push('loose');
  if (p.source === 'curated') f.push('curated');
  const country = shareBucket(evidence.countryShare.get(p.countryCode) ?? 0);
  f.push(featureName('country-share:', country), featurePair('kind&country-share:', p.kind, country));
  const admin1 = shareBucket(p.admin1 ? evidence.admin1Share.get(p.admin1) ?? 0 : 0);
  f.push(featureName('admin1-share:', admin1), featurePair('kind&admin1-share:', p.kind, admin1));
  if (p.admin1 && p.kind !== 'admin1' && evidence.namedAdmin1.has(p.admin1)) f.push('in-named-admin1');
  if (ctx.of > 1) {
    f.push(featureName('joint:', proximityBucket(ctx.jointProximity)));
    if (ctx.jointLead > 0) f.push(featureName('joint-lead:', proximityBucket(ctx.jointLead)));
  }
  return f;
}

/** Features that depend on the occurrence: its container, kind word, role and the first pass's nearness. */
export function occurrenceFeatures(candidate: Candidate, t: Toponym, ctx: CandidateContext): string[] {
  const p = candidate.place;
  const f: string[] = [];
  if (ctx.contained) f.push('contained');
  if (t.kindHint) f.push(kindAgrees(t.kindHint, p.kind) ? 'kind-hint:agrees' : 'kind-hint:disagrees');
  if (t.role === 'metonymic') f.push(featureName('metonymic&code:', codeClass(p)));
  if (t.role === 'adjectival') f.push(featureName('adjectival&kind:', p.kind));
  if (ctx.proximity !== null) f.push(featureName('proximity:', proximityBucket(ctx.proximity)));
  // "Petrovka", an old name of Kurakhove and the name of a village: the name a place bears now
  // is likelier meant than one of its other names.
  if (candidate.match === 'exact' && placeNameKey(p) !== surfaceKey(t)) f.push('alternate-name');
  return f;
}

/** Loose keys of places' own names and of the names as written, memoised by object (both are read once per candidate). */
const nameKeys = new WeakMap<Place | Toponym, string>();
function memoKey(o: Place | Toponym, name: string): string {
  let key = nameKeys.get(o);
  if (key === undefined) nameKeys.set(o, (key = looseKey(name)));
  return key;
}
const placeNameKey = (p: Place) => memoKey(p, p.name);
const surfaceKey = (t: Toponym) => memoKey(t, t.surface);

const RANKS = ['rank:0', 'rank:1', 'rank:2', 'rank:3', 'rank:4'];
const POPULATION_BUCKETS = ['0', '1', '2', '3', '4', '5', '6', '7', '8'];

/** Whether a kind word ("Province", "County") fits a place kind. */
export function kindAgrees(hint: PlaceKind, kind: PlaceKind): boolean {
  if (hint === kind) return true;
  if (hint === 'city' || hint === 'town' || hint === 'village') return kind === 'city' || kind === 'town' || kind === 'village';
  if (hint === 'region') return kind === 'region' || kind === 'admin1' || kind === 'admin2';
  return false;
}

/** GeoNames feature codes grouped by what they say of importance. */
function codeClass(p: Place): string {
  const code = p.featureCode;
  if (code === 'PPLC' || code === 'PPLA' || code === 'PPLA2' || code === 'PCLI' || code === 'ADM1' || code === 'ADM2') return code;
  if (code.startsWith('PPLA')) return 'PPLA3+';
  if (code.startsWith('PPL')) return 'PPL';
  if (code.startsWith('PCL')) return 'PCL';
  return 'other';
}

function bucket(population: number): number {
  return population <= 0 ? 0 : Math.min(8, Math.floor(Math.log10(population)));
}

function shareBucket(share: number): string {
  if (share <= 0) return '0';
  if (share < 0.2) return '<.2';
  if (share < 0.5) return '<.5';
  if (share < 0.8) return '<.8';
  return '.8+';
}

function proximityBucket(x: number): string {
  if (x <= 0.01) return '0';
  if (x < 0.1) return '<.1';
  if (x < 0.3) return '<.3';
  if (x < 0.6) return '<.6';
  return '.6+';
}
