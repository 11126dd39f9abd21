/**
 * Joint nearness, for the resolver: how near each candidate of a name lies to the nearest
 * reading of any other name the article uses as a place, whatever reading the resolver's passes
 * chose. The coherent pair ("Palestine" and "Anderson County", both in Texas) shows even when
 * the first guess of each name lies elsewhere (the West Bank, South Carolina).
 *
 * Only literal and embedded uses anchor: "Washington said" places a government, not a
 * neighbour. A state and a town inside it count as together. Each other name offers its first
 * JOINT_READINGS candidates (best prior first), countries and regions excepted: too large for
 * nearness to mean anything.
 */
import type { Candidate, Place, PlaceKind, Toponym } from '../model.ts';
import { approxDistanceKm } from '../common/geo.ts';

/** Readings of another name considered (best prior first); bounds the cost. */
const JOINT_READINGS = 12;
/** Kilometres per degree of latitude, rounded down (a lower bound for a quick reject). */
const KM_PER_DEGREE_LAT = 110;
/** Kinds too large for nearness to mean anything. */
const TOO_LARGE = new Set<PlaceKind>(['country', 'continent', 'region']);

/** A reading of another name, for the search by latitude. */
interface Anchor {
  key: string;
  lat: number;
  lon: number;
}

/** One candidate list's joint nearness, per candidate. */
export interface JointNearness {
  /** Nearness (0..1, exp(−km / scaleKm)) to the nearest reading of another name. */
  nearness: number[];
  /** How far it exceeds the best of the list's other candidates (0 when it does not). */
  lead: number[];
}

/**
 * Per candidate list of every anchored name with two or more candidates, its joint nearness.
 * Once per list, so a repeated name costs nothing more.
 */
export function jointNearness(toponyms: Toponym[], keys: string[], scaleKm: number): Map<readonly Candidate[], JointNearness> {
  const readings = new Map<string, Candidate[]>();
  toponyms.forEach((t, k) => {
    if (readings.has(keys[k]) || t.candidates.length === 0 || (t.role !== 'literal' && t.role !== 'embedded')) return;
    readings.set(keys[k], t.candidates);
  });
  const anchors: Anchor[] = [];
  // Admin-1 codes of the states (and of the places inside states) that each name may mean.
  const statesOf = new Map<string, Set<string>>();
  const townsIn = new Map<string, Set<string>>();
  for (const [key, list] of readings) {
    for (const { place: q } of list.slice(0, JOINT_READINGS)) {
      if (TOO_LARGE.has(q.kind)) continue;
      anchors.push({ key, lat: q.lat, lon: q.lon });
      if (q.admin1) addTo(q.kind === 'admin1' ? statesOf : townsIn, q.admin1, key);
    }
  }
  anchors.sort((a, b) => a.lat - b.lat);
  const joint = new Map<readonly Candidate[], JointNearness>();
  toponyms.forEach((t, k) => {
    const list = t.candidates;
    if (list.length < 2 || joint.has(list) || !readings.has(keys[k])) return;
    const values = list.map(({ place: p }) => {
      if (TOO_LARGE.has(p.kind)) return 0;
      if (p.admin1 && hasOther((p.kind === 'admin1' ? townsIn : statesOf).get(p.admin1), keys[k])) return 1;
      return Math.exp(-nearestKm(anchors, p, keys[k]) / scaleKm);
    });
    const nearness = shareNested(list, values);
    joint.set(list, { nearness, lead: nearness.map((x, i) => Math.max(0, x - bestOther(nearness, i))) });
  });
  return joint;
}

/** Whether one of two places is the admin-1 unit that holds the other: as near as places get. */
export function within(p: Place, q: Place): boolean {
  if (p === q || !p.admin1 || p.admin1 !== q.admin1) return false;
  return (p.kind === 'admin1') !== (q.kind === 'admin1');
}

/** Distance to the nearest anchor of another name: outwards from p's latitude, stopping once latitude alone is farther. */
function nearestKm(anchors: Anchor[], p: Place, ownKey: string): number {
  let lo = 0;
  let hi = anchors.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (anchors[mid].lat < p.lat) lo = mid + 1;
    else hi = mid;
  }
  let nearest = Infinity;
  for (let i = lo; i < anchors.length && (anchors[i].lat - p.lat) * KM_PER_DEGREE_LAT < nearest; i += 1) {
    if (anchors[i].key !== ownKey) nearest = Math.min(nearest, approxDistanceKm(p.lat, p.lon, anchors[i].lat, anchors[i].lon));
  }
  for (let i = lo - 1; i >= 0 && (p.lat - anchors[i].lat) * KM_PER_DEGREE_LAT < nearest; i -= 1) {
    if (anchors[i].key !== ownKey) nearest = Math.min(nearest, approxDistanceKm(p.lat, p.lon, anchors[i].lat, anchors[i].lon));
  }
  return nearest;
}

/**
 * A state and its namesake town inside it ("Idlib", "New York") are one area at two scales:
 * nearness to the article's other places cannot tell them apart, so both take the better value
 * and the choice between them is left to kind, size and the article's other evidence.
 */
function shareNested(list: Candidate[], values: number[]): number[] {
  const shared = [...values];
  for (let i = 0; i < list.length; i += 1) {
    for (let j = i + 1; j < list.length; j += 1) {
      if (!within(list[i].place, list[j].place)) continue;
      shared[i] = shared[j] = Math.max(shared[i], shared[j], values[i], values[j]);
    }
  }
  return shared;
}

/** The largest value of the list but the one at `skip` (0 when there is none). */
function bestOther(values: readonly number[], skip: number): number {
  let best = 0;
  for (let i = 0; i < values.length; i += 1) if (i !== skip && values[i] > best) best = values[i];
  return best;
}

function addTo(map: Map<string, Set<string>>, code: string, key: string): void {
  const keys = map.get(code) ?? new Set<string>();
  keys.add(key);
  map.set(code, keys);
}

/** Whether the set holds a key other than `own`. */
function hasOther(set: Set<string> | undefined, own: string): boolean {
  return !!set && (set.size > 1 || !set.has(own));
}
