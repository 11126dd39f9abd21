/**
 * Geoparser evaluation: recognition precision/recall/F1 (exact span, and one-to-one overlap)
 * and, for the toponyms recognised correctly, the distance from the gold point: share within
 * 161 km (100 miles), mean and median error, and the AUC of the error curve (Gritta et al.
 * 2018: area under the sorted ln(1 + km), normalised by ln(20039), the longest distance on
 * Earth; 0 is perfect, lower is better). Pure: documents in, figures out.
 */
import type { Role } from '../model.ts';
import { distanceKm } from '../common/geo.ts';

/** A gold or predicted toponym: a span, optionally with a point and a role. */
export interface ScoredToponym {
  start: number;
  end: number;
  surface?: string;
  lat?: number | null;
  lon?: number | null;
  role?: Role | string | null;
}

/** One document: gold and predicted toponyms. */
export interface EvalDocument {
  id: string;
  gold: ScoredToponym[];
  predicted: ScoredToponym[];
}

export interface RecognitionScores {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface ResolutionScores {
  /** Correctly recognised toponyms that have gold and predicted coordinates. */
  count: number;
  within161km: number;
  meanKm: number;
  medianKm: number;
  auc: number;
}

export interface GroupScores {
  /** Gold toponyms in the group. */
  gold: number;
  /** Of those, found (overlap). */
  recall: number;
  /** Of those found, share whose predicted role equals the gold role. */
  roleAgreement: number;
  resolution: ResolutionScores;
}

export interface EvaluationResult {
  documents: number;
  exact: RecognitionScores;
  overlap: RecognitionScores;
  /** Resolution over toponyms matched by overlap. */
  resolution: ResolutionScores;
  /** Per gold role, when the gold gives roles. */
  byRole: Record<string, GroupScores>;
  /** Pairs matched by overlap, with the distance, for error analysis. */
  pairs: Array<{ id: string; gold: ScoredToponym; predicted: ScoredToponym; km: number | null }>;
  /** Unmatched gold and predicted toponyms, for error analysis. */
  missed: Array<{ id: string; gold: ScoredToponym }>;
  spurious: Array<{ id: string; predicted: ScoredToponym }>;
}

const MAX_EARTH_DISTANCE_KM = 20039;
const ACCURACY_RADIUS_KM = 161;

/** Scores a set of documents. */
export function evaluate(documents: EvalDocument[]): EvaluationResult {
  let exactTp = 0;
  let goldTotal = 0;
  let predictedTotal = 0;
  const pairs: EvaluationResult['pairs'] = [];
  const missed: EvaluationResult['missed'] = [];
  const spurious: EvaluationResult['spurious'] = [];
  for (const doc of documents) {
    goldTotal += doc.gold.length;
    predictedTotal += doc.predicted.length;
    const exactKeys = new Set(doc.gold.map((g) => `${g.start}:${g.end}`));
    exactTp += new Set(doc.predicted.map((p) => `${p.start}:${p.end}`).filter((k) => exactKeys.has(k))).size;
    const matching = matchByOverlap(doc.gold, doc.predicted);
    const usedPredicted = new Set<number>();
    doc.gold.forEach((g, gi) => {
      const pi = matching.get(gi);
      if (pi === undefined) {
        missed.push({ id: doc.id, gold: g });
        return;
      }
      usedPredicted.add(pi);
      const p = doc.predicted[pi];
      pairs.push({ id: doc.id, gold: g, predicted: p, km: distanceOf(g, p) });
    });
    doc.predicted.forEach((p, pi) => {
      if (!usedPredicted.has(pi)) spurious.push({ id: doc.id, predicted: p });
    });
  }
  const byRole: Record<string, GroupScores> = {};
  const roles = new Set(documents.flatMap((d) => d.gold.map((g) => g.role)).filter((r): r is string => !!r));
  for (const role of [...roles].sort()) {
    const goldInGroup = documents.reduce((n, d) => n + d.gold.filter((g) => g.role === role).length, 0);
    const found = pairs.filter((p) => p.gold.role === role);
    byRole[role] = {
      gold: goldInGroup,
      recall: ratio(found.length, goldInGroup),
      roleAgreement: ratio(found.filter((p) => p.predicted.role === role).length, found.length),
      resolution: resolutionScores(found.map((p) => p.km)),
    };
  }
  return {
    documents: documents.length,
    exact: recognition(exactTp, predictedTotal, goldTotal),
    overlap: recognition(pairs.length, predictedTotal, goldTotal),
    resolution: resolutionScores(pairs.map((p) => p.km)),
    byRole,
    pairs,
    missed,
    spurious,
  };
}

/** Precision, recall and F1 from counts. */
export function recognition(truePositives: number, predicted: number, gold: number): RecognitionScores {
  const precision = ratio(truePositives, predicted);
  const recall = ratio(truePositives, gold);
  return {
    truePositives,
    falsePositives: predicted - truePositives,
    falseNegatives: gold - truePositives,
    precision,
    recall,
    f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0,
  };
}

/** Distance figures over a list of errors in km (nulls, where a side has no point, are skipped). */
export function resolutionScores(errors: Array<number | null>): ResolutionScores {
  const km = errors.filter((e): e is number => e !== null).sort((a, b) => a - b);
  if (km.length === 0) return { count: 0, within161km: 0, meanKm: 0, medianKm: 0, auc: 0 };
  const mid = Math.floor(km.length / 2);
  const median = km.length % 2 ? km[mid] : (km[mid - 1] + km[mid]) / 2;
  return {
    count: km.length,
    within161km: km.filter((e) => e <= ACCURACY_RADIUS_KM).length / km.length,
    meanKm: km.reduce((s, e) => s + e, 0) / km.length,
    medianKm: median,
    auc: errorCurveAuc(km),
  };
}

/** Gritta et al.'s AUC: trapezoid area under sorted ln(1 + km), normalised to [0, 1]. */
export function errorCurveAuc(sortedKm: number[]): number {
  if (sortedKm.length === 1) return Math.log(1 + sortedKm[0]) / Math.log(MAX_EARTH_DISTANCE_KM);
  const logs = sortedKm.map((e) => Math.log(1 + e));
  let area = 0;
  for (let i = 1; i < logs.length; i += 1) area += (logs[i - 1] + logs[i]) / 2;
  return area / (Math.log(MAX_EARTH_DISTANCE_KM) * (logs.length - 1));
}

/**
 * One-to-one matching of overlapping spans: exact matches first, then the largest overlaps,
 * so a predicted span can be credited to one gold span only.
 */
function matchByOverlap(gold: ScoredToponym[], predicted: ScoredToponym[]): Map<number, number> {
  const candidates: Array<{ gi: number; pi: number; overlap: number; exact: boolean }> = [];
  gold.forEach((g, gi) =>
    predicted.forEach((p, pi) => {
      const overlap = Math.min(g.end, p.end) - Math.max(g.start, p.start);
      if (overlap > 0) candidates.push({ gi, pi, overlap, exact: g.start === p.start && g.end === p.end });
    }),
  );
  candidates.sort((a, b) => Number(b.exact) - Number(a.exact) || b.overlap - a.overlap || a.gi - b.gi || a.pi - b.pi);
  const byGold = new Map<number, number>();
  const usedPredicted = new Set<number>();
  for (const c of candidates) {
    if (byGold.has(c.gi) || usedPredicted.has(c.pi)) continue;
    byGold.set(c.gi, c.pi);
    usedPredicted.add(c.pi);
  }
  return byGold;
}

function distanceOf(g: ScoredToponym, p: ScoredToponym): number | null {
  if (g.lat == null || g.lon == null || p.lat == null || p.lon == null) return null;
  return distanceKm(g.lat, g.lon, p.lat, p.lon);
}

function ratio(a: number, b: number): number {
  return b > 0 ? a / b : 0;
}
