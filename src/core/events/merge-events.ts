/**
 * Merging: one real-world event told by several reports becomes one event with every source.
 *
 * The rule, pair by pair (two events of different articles; the numbers are `defaultRule`):
 *   gates  — all must hold, else the pair is never merged:
 *     type     the same family: a demonstration (protest, riot) is not an act of violence
 *              (battle, explosion, violence against civilians); a strategic development goes with either;
 *     date     day-precise dates at most `daySlack` days apart (reports date a night attack, or
 *              "last Friday", a day apart), week-precise or approximate ones within `weekDays`;
 *              a month or year date may be an aggregate and is never merged by rule; an undated
 *              report passes (it says nothing against);
 *     place    a place of one within `placeKm` of a place of the other, or one containing the other
 *              (a town in the admin-1 unit or the country the other names, or near a region's point);
 *     forces   not two different state forces and no shared actor.
 *   score  — for the pairs that pass, what speaks for them: the same day (half for a day apart,
 *     a quarter for an approximate date within a day of the other's), the same place (half for
 *     one within the other, half again for a place inferred from the article's theatre), the same
 *     type, sub-type, a shared actor, the same figure (half for close ones: early and later tolls
 *     of one event, the lower at least `closeFatalities` of the higher), and the words their
 *     sentences share (TF-IDF cosine over the corpus: two reports of one event name the same
 *     village, the same toll, the same wedding), and those of their whole articles.
 *   A pair is merged when its score reaches `minScore`. Events are joined greedily, best pair
 *   first, and a group takes an event only when it passes the gates with every member. It holds
 *   two events of one article only when they are one incident told twice (`toldTwice`: the
 *   article's extraction split it, e.g. a summary and the body): sentences sharing words or one
 *   named place (ACLED's unit: a day, a location, a pair of actors), the same type family, the
 *   same day, the same or a containing place, actors in common or none named by one, and no two
 *   different figures. One article's retellings are otherwise folded by event-restatements.ts;
 *   this only lets a group of reports of one event take both halves.
 *   Corrections join or separate pairs whatever the rule says.
 *
 * The merged event is its lead report (the most precise place, one named rather than inferred,
 * then the first id) with every source, the claims on which they differ, and the fatalities by
 * ACLED's rule: the lowest figure stated. Pure: events in, groups out; inputs are not changed.
 */
import type { ConflictEvent, EventClaim, EventMerge, EventPlace, EventSource, Place } from '../model.ts';
import { dayNumber, distanceKm, EARTH_RADIUS_KM } from '../common/geo.ts';

/** The rule's numbers, each with why (see the module comment). */
export const defaultRule = {
  placeKm: 15, // places this close are one place: a town and its districts, a camp by its town
  daySlack: 1, // day-precise reports of one event may be this many days apart (a night attack, "last Friday")
  weekDays: 6, // how far a week-precise or approximate date may be from another
  minScore: 6, // the score a pair needs to be merged
  sameDay: 2, // the same day (a day apart: half)
  samePlace: 2, // the same place or places within placeKm (one within the other: half; inferred places: half again)
  sameType: 1, // the same ACLED event type (the reports' own readings of it often differ)
  sameSubType: 1, // the same sub-event type
  sharedActor: 1, // an actor both name
  sameFatalities: 1, // the same stated figure (close figures: half)
  closeFatalities: 0.75, // figures are close when the lower is at least this share of the higher (22 and 24, not 6 and 1)
  sentencesFrom: 0.1, // the TF-IDF cosine of the two events' sentences counts from here…
  sentencesWeight: 6, // …times this…
  sentencesMax: 5, // …at most this
  articlesFrom: 0.2, // the TF-IDF cosine of the whole articles from which they are about one story (+1)
  toldTwiceSentences: 0.25, // two events of one article are one incident told twice only when their sentences share this much
};
export type MergeRule = typeof defaultRule;

/** The areas a place may lie in without their codes: how far from the area's point, by kind. */
const AREA_KM: Partial<Record<Place['kind'], number>> = { admin1: 300, region: 300, admin2: 60 };
/** How many best partners of each event are kept for grouping. */
const PARTNERS_KEPT = 8;
/** How many undated events each undated one is compared with. */
const UNDATED_PARTNERS = 200;
/** Dates that may be aggregates (a month's toll): never merged by rule. */
const AGGREGATE = new Set(['month', 'year']);
/** The rule the map's fatalities follow, as the app states it. */
export const FATALITIES_RULE = 'the lowest figure stated (ACLED)';

/** What the merge needs besides the events. */
export interface MergeContext {
  /** The gazetteer record of a place id (for its kind, country and admin-1 code). */
  placeOf: (placeId: string) => Place | undefined;
  /** The outlet of an article, for the sources' names ("3 reports: SANA, DW, Reuters"). */
  outletOf?: (articleId: string) => string | null;
  /** The text of an article (the events' spans index it): two reports of one event share their rare words. */
  textOf?: (articleId: string) => string;
  /** Instead of `textOf`: an article's words, counted in the order met (`termCounts` of its text). */
  termsOf?: (articleId: string) => Iterable<[string, number]>;
  /** With `termsOf`: the words of an event's sentence and its retellings (`termCounts` of them, joined by spaces). */
  sentenceTermsOf?: (event: ConflictEvent) => Iterable<[string, number]>;
  /** Pairs a correction joined ("these two are one"): merged whatever the rule says. */
  join?: Array<[string, string]>;
  /** Pairs a correction kept apart ("these are not one"). */
  separate?: Array<[string, string]>;
  /** The rule's numbers (default: `defaultRule`). */
  rule?: MergeRule;
}

/** The result: one event per real-world event, and the merges behind those told more than once. */
export interface MergedEvents {
  /** Every event once: single reports as they are, merged ones as their lead with the lowest fatalities. */
  events: ConflictEvent[];
  /** One entry per event told by two or more reports, by merged id. */
  merges: EventMerge[];
}

/** How much two reports share their words: TF-IDF cosines of their sentences and of their articles (0..1). */
export interface TextSimilarity {
  sentences: number;
  articles: number;
}

/** A pair's verdict: whether the gates hold, its score and why. */
export interface PairVerdict {
  compatible: boolean;
  score: number;
  reasons: string[];
}

/** Merges the reports of one event across articles. */
export function mergeEvents(events: readonly ConflictEvent[], ctx: MergeContext): MergedEvents {
  const rule = ctx.rule ?? defaultRule;
  const list = [...events].sort((a, b) => compare(a.id, b.id));
  const key = (a: string, b: string) => (a < b ? `${a}\n${b}` : `${b}\n${a}`);
  const joined = new Set((ctx.join ?? []).map(([a, b]) => key(a, b)));
  const apart = new Set((ctx.separate ?? []).map(([a, b]) => key(a, b)));
  const similarity = textSimilarity(list, ctx.textOf, ctx);
  // Only pairs that reach the score are kept, and for each event its best PARTNERS_KEPT: memory
  // stays linear when thousands of reports tell one story (a missing verdict: never one group).
  const verdicts = new Map<string, PairVerdict>();
  const best = list.map(() => [] as Array<{ j: number; v: PairVerdict }>);
  const keep = (i: number, j: number, v: PairVerdict) => {
    // The row stays sorted, best first (score, then partner): the new one goes in its place.
    const row = best[i];
    let at = row.length;
    while (at > 0 && (row[at - 1].v.score < v.score || (row[at - 1].v.score === v.score && row[at - 1].j > j))) at--;
    if (at >= PARTNERS_KEPT) return;
    row.splice(at, 0, { j, v });
    if (row.length > PARTNERS_KEPT) row.pop();
  };
  for (const [i, j] of candidatePairs(list, rule, ctx.placeOf)) {
    if (list[i].articleId === list[j].articleId || (apart.size > 0 && apart.has(key(list[i].id, list[j].id)))) continue;
    const v = judgePair(list[i], list[j], ctx.placeOf, () => similarity(list[i], list[j]), rule);
    if (!v.compatible || v.score < rule.minScore) continue;
    keep(i, j, v);
    keep(j, i, v);
  }
  const candidates: Array<{ i: number; j: number; score: number }> = [];
  const consider = (i: number, j: number, v: PairVerdict) => {
    const k = key(list[i].id, list[j].id);
    if (verdicts.has(k)) return;
    verdicts.set(k, v);
    candidates.push({ i: Math.min(i, j), j: Math.max(i, j), score: v.score });
  };
  best.forEach((row, i) => row.forEach(({ j, v }) => consider(i, j, v)));
  const at = new Map(list.map((e, i) => [e.id, i]));
  for (const [a, b] of ctx.join ?? []) {
    const i = at.get(a);
    const j = at.get(b);
    if (i !== undefined && j !== undefined && i !== j) {
      verdicts.delete(key(a, b));
      consider(i, j, { compatible: true, score: Infinity, reasons: ['joined by a correction'] });
    }
  }
  candidates.sort((a, b) => b.score - a.score || a.i - b.i || a.j - b.j);
  // Greedy grouping: a group is a set of event indices; `groupOf` maps an event to its group.
  const groupOf = list.map((_, i) => [i]);
  for (const { i, j } of candidates) {
    const gi = groupOf[i];
    const gj = groupOf[j];
    if (gi === gj) continue;
    // A correction's join is taken as it is; the rule's joins must fit every member.
    const forced = joined.has(key(list[i].id, list[j].id));
    const fits = forced || gi.every((a) => gj.every((b) => {
      if (list[a].articleId === list[b].articleId) return toldTwice(list[a], list[b], ctx.placeOf, similarity(list[a], list[b]).sentences, rule);
      // The pair itself need not reach the score (it is joined through its group's best links),
      // but it must pass the gates, and a correction's "not one" keeps it out.
      const k = key(list[a].id, list[b].id);
      if (apart.has(k)) return false;
      return (verdicts.get(k) ?? judgePair(list[a], list[b], ctx.placeOf, undefined, rule)).compatible;
    }));
    if (!fits) continue;
    const merged = [...gi, ...gj].sort((a, b) => a - b);
    for (const m of merged) groupOf[m] = merged;
  }

  const out: ConflictEvent[] = [];
  const merges: EventMerge[] = [];
  const seen = new Set<number[]>();
  for (let i = 0; i < list.length; i++) {
    const group = groupOf[i];
    if (seen.has(group)) continue;
    seen.add(group);
    if (group.length === 1) {
      out.push(list[i]);
      continue;
    }
    const members = group.map((g) => list[g]).sort(leadFirst);
    const lead = members[0];
    const stated = members.map((m) => m.fatalities).filter((f): f is number => f !== null);
    const fatalities = stated.length ? Math.min(...stated) : null;
    out.push({ ...lead, fatalities });
    const reasons = members.slice(1).map((m) => {
      const v = verdicts.get(key(lead.id, m.id));
      return `${m.id}: ${v ? v.reasons.join(', ') : 'joined through another report'}`;
    });
    const pairScores = members.slice(1).map((m) => verdicts.get(key(lead.id, m.id))?.score ?? 0);
    merges.push({
      id: lead.id,
      sources: members.map((m) => sourceOf(m, ctx.outletOf)),
      score: Math.min(...pairScores.map((s) => (Number.isFinite(s) ? s : rule.minScore))),
      reasons,
      corrected: members.some((m, k) => k > 0 && joined.has(key(lead.id, m.id))) || undefined,
      claims: claimsOf(members),
      fatalitiesRule: FATALITIES_RULE,
    });
  }
  return { events: out.sort((a, b) => compare(a.id, b.id)), merges: merges.sort((a, b) => compare(a.id, b.id)) };
}

/** The gates and the score of one pair (exported for the tests and the reader's explanation). */
export function judgePair(a: ConflictEvent, b: ConflictEvent, placeOf: MergeContext['placeOf'], textOf: TextSimilarity | (() => TextSimilarity) = { sentences: 0, articles: 0 }, rule: MergeRule = defaultRule): PairVerdict {
  if (a.articleId === b.articleId) return no('same article');
  if (!sameFamily(a, b)) return no('a demonstration and an act of violence');
  const dates = dateRelation(a, b, rule);
  if (!dates) return no('dates apart');
  const place = placeRelation(a, b, placeOf, rule);
  if (!place) return no('places apart');
  const shared = a.actors.filter((x) => b.actors.includes(x));
  if (differentForces(a, b)) return no('different forces');
  // The words are compared last, for the pairs the gates let through.
  const text = typeof textOf === 'function' ? textOf() : textOf;
  const reasons: string[] = [];
  let score = dates.score + place.score;
  if (dates.reason) reasons.push(dates.reason);
  reasons.push(place.reason);
  if (a.type === b.type) {
    score += rule.sameType;
    reasons.push(`both ${a.type.toLowerCase()}`);
  }
  if (a.subType && a.subType === b.subType) {
    score += rule.sameSubType;
    reasons.push(`both ${a.subType.toLowerCase()}`);
  }
  if (shared.length) {
    score += rule.sharedActor;
    reasons.push(`both name ${shared[0]}`);
  }
  if (a.fatalities !== null && a.fatalities === b.fatalities) {
    score += rule.sameFatalities;
    reasons.push(`both ${a.fatalities} killed`);
  } else if (a.fatalities !== null && b.fatalities !== null && Math.min(a.fatalities, b.fatalities) >= rule.closeFatalities * Math.max(a.fatalities, b.fatalities)) {
    score += rule.sameFatalities / 2;
    reasons.push(`close figures (${Math.min(a.fatalities, b.fatalities)} and ${Math.max(a.fatalities, b.fatalities)} killed)`);
  }
  if (text.sentences >= rule.sentencesFrom) {
    score += Math.min(rule.sentencesMax, Math.round(rule.sentencesWeight * text.sentences * 10) / 10);
    reasons.push(`their sentences share words (${text.sentences.toFixed(2)})`);
  }
  if (text.articles >= rule.articlesFrom) {
    score += 1;
    reasons.push(`the articles share words (${text.articles.toFixed(2)})`);
  }
  return { compatible: true, score, reasons };
}

/**
 * Whether two events of one article are one incident its extraction told twice (a summary and
 * the body, a lead and a later sentence): sentences that share words (`sentences`, their TF-IDF
 * cosine, at least `toldTwiceSentences`: a retelling names the same things, a second incident
 * nearby mostly does not) or one place both name (ACLED's own unit: one day, one location, one
 * pair of actors is one event), the same type family, both dated the same day, the same or a
 * containing place, an actor in common or none named by one of them (and not two different
 * forces), and not two different figures. Only a group of reports of one event takes
 * both (mergeEvents); on their own, one article's events are never merged here.
 */
export function toldTwice(a: ConflictEvent, b: ConflictEvent, placeOf: MergeContext['placeOf'], sentences: number, rule: MergeRule = defaultRule): boolean {
  if (a.articleId !== b.articleId || a.id === b.id || !sameFamily(a, b)) return false;
  const named = (e: ConflictEvent) => new Set(e.places.filter((p) => !p.inferred).map((p) => p.placeId));
  const onePlace = [...named(a)].some((id) => named(b).has(id));
  if (sentences < rule.toldTwiceSentences && !onePlace) return false;
  if (!a.date || a.date !== b.date || a.datePrecision !== 'day' || b.datePrecision !== 'day') return false;
  if (!placeRelation(a, b, placeOf, rule)) return false;
  const actorsAgree = a.actors.length === 0 || b.actors.length === 0 || a.actors.some((x) => b.actors.includes(x));
  if (!actorsAgree || differentForces(a, b)) return false;
  return a.fatalities === null || b.fatalities === null || a.fatalities === b.fatalities;
}

/** A demonstration (protest, riot) is not an act of violence; a strategic development goes with either. */
function sameFamily(a: ConflictEvent, b: ConflictEvent): boolean {
  const fa = family(a.type);
  const fb = family(b.type);
  return fa === fb || fa === 'any' || fb === 'any';
}

function family(t: string): 'demonstration' | 'any' | 'violence' {
  return t === 'Protests' || t === 'Riots' ? 'demonstration' : t === 'Strategic developments' ? 'any' : 'violence';
}

function no(reason: string): PairVerdict {
  return { compatible: false, score: 0, reasons: [reason] };
}

/** Each names a state force and they share no actor: two armies' reports, not one event's. */
function differentForces(a: ConflictEvent, b: ConflictEvent): boolean {
  return !a.actors.some((x) => b.actors.includes(x)) && a.actors.some(isState) && b.actors.some(isState);
}

/**
 * The pairs of events that may be one event's, without comparing every pair: dated events
 * within `weekDays` of each other (sorted by day), and undated ones with all the dated, each
 * pair only when their places may pass placeRelation's gate (`placeBuckets`); month and year
 * dates are never paired (see dateRelation). Every pair is yielded once, earlier in day order
 * first, as a plain loop over the day window would (the verdicts do not depend on which pairs
 * the gate would have refused, so the result is the same, in near-linear time).
 */
export function* candidatePairs(list: readonly ConflictEvent[], rule: MergeRule, placeOf: MergeContext['placeOf']): Generator<[number, number]> {
  const dated: Array<{ i: number; day: number }> = [];
  const undated: number[] = [];
  list.forEach((e, i) => {
    if (!e.date) undated.push(i);
    else if (!AGGREGATE.has(e.datePrecision)) dated.push({ i, day: dayNumber(e.date) });
  });
  dated.sort((a, b) => a.day - b.day || a.i - b.i);
  const buckets = placeBuckets(dated.map((d) => list[d.i]), rule, placeOf);
  const seen = new Int32Array(dated.length).fill(-1);
  for (let x = 0; x < dated.length; x++) {
    const near: number[] = [];
    for (const bucket of buckets.near(list[dated[x].i])) {
      for (let k = firstAfter(bucket, x); k < bucket.length && dated[bucket[k]].day - dated[x].day <= rule.weekDays; k++) {
        const y = bucket[k];
        if (seen[y] !== x) {
          seen[y] = x;
          near.push(y);
        }
      }
    }
    near.sort((a, b) => a - b);
    for (const y of near) yield [dated[x].i, dated[y].i];
  }
  // An undated report says nothing against any date: it meets every dated one its places allow,
  // and the next UNDATED_PARTNERS undated ones (in id order), so a flood of undated copies stays linear.
  const marks = new Int32Array(dated.length).fill(-1);
  for (let u = 0; u < undated.length; u++) {
    for (let v = u + 1; v < undated.length && v <= u + UNDATED_PARTNERS; v++) yield [undated[u], undated[v]];
    const near: number[] = [];
    for (const bucket of buckets.near(list[undated[u]])) {
      for (const y of bucket) {
        if (marks[y] !== u) {
          marks[y] = u;
          near.push(y);
        }
      }
    }
    near.sort((a, b) => a - b);
    for (const y of near) yield [undated[u], dated[y].i];
  }
}

/**
 * Buckets of events (their indices in `events`, ascending) by what placeRelation's gate looks
 * at, so that the events whose places may pass it with an event's are found in a few buckets:
 * the same place id; a point within `placeKm` (cells of a grid on the unit sphere: the chord is
 * shorter than the arc, so the 27 cells around a point hold every point that near); and each
 * way `contains` may hold: a country holds places of its code, an admin-1 unit those of its
 * admin-1 code, and the areas it measures (a region, an admin-2 unit, an admin-1 unit for a
 * place of no admin-1 code) hold places within AREA_KM (grids of that size). A superset: the
 * gate itself still decides.
 */
function placeBuckets(events: readonly ConflictEvent[], rule: MergeRule, placeOf: MergeContext['placeOf']): { near: (e: ConflictEvent) => number[][] } {
  const buckets = new Map<string, number[]>();
  const add = (key: string, at: number) => {
    const b = buckets.get(key);
    if (!b) buckets.set(key, [at]);
    else if (b[b.length - 1] !== at) b.push(at);
  };
  // The keys of one place of an event, to be found by (query false) or to look in (query true).
  const placeKeys = (p: EventPlace, query: boolean): string[] => {
    const keys: string[] = [];
    // A grid key of a point: its own cell to be found in, the 27 around it to look in.
    const grid = (name: string, km: number, lat: number, lon: number) => {
      const side = (km * 1.01) / EARTH_RADIUS_KM; // a cell's side on the unit sphere, with a margin for rounding
      const [x, y, z] = unitVector(lat, lon).map((c) => Math.floor(c / side));
      if (!query) keys.push(`${name}:${x},${y},${z}`);
      else for (let dx = -1; dx <= 1; dx++) for (let dy = -1; dy <= 1; dy++) for (let dz = -1; dz <= 1; dz++) keys.push(`${name}:${x + dx},${y + dy},${z + dz}`);
    };
    keys.push(`I:${p.placeId}`);
    grid('G', rule.placeKm, p.lat, p.lon);
    const place = placeOf(p.placeId);
    if (!place) return keys;
    const cc = place.countryCode ?? '';
    // As the area: found by the places it may hold (they look up "O…" keys), looking up theirs ("H…").
    const role = (outer: boolean, key: string) => {
      if (query !== outer) keys.push(`O${key}`);
      else keys.push(`H${key}`);
    };
    const area = (name: string, km: number, outer: boolean) => {
      const side = (km * 1.01) / EARTH_RADIUS_KM;
      const [x, y, z] = unitVector(place.lat, place.lon).map((c) => Math.floor(c / side));
      // The area's point in its cell, a held place's point in its cell: each looks in the 27 around it when it queries.
      const own = `${name}:${x},${y},${z}`;
      if (!query) role(outer, own);
      else for (let dx = -1; dx <= 1; dx++) for (let dy = -1; dy <= 1; dy++) for (let dz = -1; dz <= 1; dz++) role(outer, `${name}:${x + dx},${y + dy},${z + dz}`);
    };
    if (place.kind === 'country') {
      if (cc) role(true, `c:${cc}`);
    } else if (place.kind === 'admin1') {
      if (place.admin1) role(true, `a:${place.admin1}`);
      area(place.admin1 ? 'x' : 'r', AREA_KM.admin1!, true);
    } else if (place.kind === 'region') area('r', AREA_KM.region!, true);
    else if (place.kind === 'admin2') area('d', AREA_KM.admin2!, true);
    // As a place an area may hold (a country is held by none).
    if (place.kind === 'country') return keys;
    if (cc) role(false, `c:${cc}`);
    if (place.admin1) role(false, `a:${place.admin1}`);
    else area('x', AREA_KM.admin1!, false);
    area('r', AREA_KM.region!, false);
    area('d', AREA_KM.admin2!, false);
    return keys;
  };
  // Events share their places: the keys of each place are made once.
  const placeId = (p: EventPlace) => `${p.placeId}|${p.lat}|${p.lon}`;
  const own = new Map<string, string[]>();
  events.forEach((e, at) => {
    for (const p of e.places) {
      const id = placeId(p);
      let keys = own.get(id);
      if (!keys) own.set(id, (keys = [...new Set(placeKeys(p, false))]));
      for (const key of keys) add(key, at);
    }
  });
  const looked = new Map<string, number[][]>();
  const lookIn = (p: EventPlace) => {
    const id = placeId(p);
    let found = looked.get(id);
    if (!found) looked.set(id, (found = [...new Set(placeKeys(p, true))].map((key) => buckets.get(key)).filter((b): b is number[] => b !== undefined)));
    return found;
  };
  return { near: (e) => (e.places.length === 1 ? lookIn(e.places[0]) : [...new Set(e.places.flatMap(lookIn))]) };
}

/** The first index of the ascending `bucket` whose value is above `x`. */
function firstAfter(bucket: number[], x: number): number {
  let lo = 0;
  let hi = bucket.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (bucket[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function unitVector(lat: number, lon: number): [number, number, number] {
  const toRad = Math.PI / 180;
  const c = Math.cos(lat * toRad);
  return [c * Math.cos(lon * toRad), c * Math.sin(lon * toRad), Math.sin(lat * toRad)];
}

/** How the dates of two events relate: null when they cannot be one day. */
function dateRelation(a: ConflictEvent, b: ConflictEvent, rule: MergeRule): { score: number; reason: string } | null {
  if (!a.date || !b.date) return { score: 0, reason: 'a report gives no date' };
  if (AGGREGATE.has(a.datePrecision) || AGGREGATE.has(b.datePrecision)) return null;
  const days = Math.abs(dayOf(a.date) - dayOf(b.date));
  if (days > Math.max(a.datePrecision === 'day' ? rule.daySlack : rule.weekDays, b.datePrecision === 'day' ? rule.daySlack : rule.weekDays)) return null;
  if (a.datePrecision !== 'day' || b.datePrecision !== 'day') {
    // An approximate date that still lands within a day of the other's says a little for them.
    return days <= rule.daySlack ? { score: rule.sameDay / 4, reason: 'dates within a day, one approximate' } : { score: 0, reason: 'dates within their precision' };
  }
  return days === 0 ? { score: rule.sameDay, reason: 'same day' } : { score: rule.sameDay / 2, reason: 'a day apart' };
}

/** Day numbers of the dates met, parsed once (a merge of 100,000 articles compares millions of pairs). */
const DAYS = new Map<string, number>();

function dayOf(date: string): number {
  let day = DAYS.get(date);
  if (day === undefined) DAYS.set(date, (day = dayNumber(date)));
  return day;
}

/** How the places of two events relate: near, one containing the other, or not at all (null). */
function placeRelation(a: ConflictEvent, b: ConflictEvent, placeOf: MergeContext['placeOf'], rule: MergeRule): { score: number; reason: string } | null {
  // The first best pair of places; its reason is worded once, at the end.
  let best: { score: number; how: 'same' | 'near' | 'within'; pa: EventPlace; pb: EventPlace; km: number } | null = null;
  for (const pa of a.places) {
    for (const pb of b.places) {
      const half = pa.inferred || pb.inferred ? 0.5 : 1;
      const km = distanceKm(pa.lat, pa.lon, pb.lat, pb.lon);
      let score: number;
      let how: 'same' | 'near' | 'within';
      if (pa.placeId === pb.placeId || km <= rule.placeKm) {
        score = rule.samePlace * half;
        how = pa.placeId === pb.placeId ? 'same' : 'near';
      } else if (contains(placeOf(pa.placeId), placeOf(pb.placeId)) || contains(placeOf(pb.placeId), placeOf(pa.placeId))) {
        score = (rule.samePlace / 2) * half;
        how = 'within';
      } else continue;
      if (!best || score > best.score) best = { score, how, pa, pb, km };
    }
  }
  if (!best) return null;
  const { pa, pb } = best;
  const reason = best.how === 'same' ? `both at ${pa.name}` : best.how === 'near' ? `${pa.name} and ${pb.name} ${Math.round(best.km)} km apart` : `${pa.name} and ${pb.name}, one within the other`;
  return { score: best.score, reason };
}

/**
 * Whether `outer` (a country, an admin-1 unit, a region) contains `inner`: by the codes where
 * the gazetteer has them, else an area's point within AREA_KM of the place (Darfur, El Fasher).
 */
function contains(outer: Place | undefined, inner: Place | undefined): boolean {
  if (!outer || !inner || outer.id === inner.id) return false;
  const sameCountry = !outer.countryCode || !inner.countryCode || outer.countryCode === inner.countryCode;
  if (outer.kind === 'country') return !!outer.countryCode && outer.countryCode === inner.countryCode && inner.kind !== 'country';
  if (!sameCountry || !(outer.kind in AREA_KM) || inner.kind === 'country') return false;
  if (outer.kind === 'admin1' && outer.admin1 && inner.admin1) return outer.admin1 === inner.admin1 && inner.kind !== 'admin1';
  return distanceKm(outer.lat, outer.lon, inner.lat, inner.lon) <= AREA_KM[outer.kind]!;
}

/**
 * TF-IDF cosines of two events' sentences (their own and the retellings folded in) and of their
 * articles, the word weights taken over the articles being merged (zeros without texts or terms).
 * The words come from the texts (`textOf`) or, counted beforehand, from `termsOf` and
 * `sentenceTermsOf` (the ingest's cache); either way the same numbers. Vectors are made when a
 * pair first needs them and held as word ids and weights, so a corpus of 100,000 articles holds
 * a few bytes per word, not a map per article.
 */
export function textSimilarity(events: readonly ConflictEvent[], textOf: MergeContext['textOf'], terms?: Pick<MergeContext, 'termsOf' | 'sentenceTermsOf'>): (a: ConflictEvent, b: ConflictEvent) => TextSimilarity {
  const articleTerms = terms?.termsOf ?? (textOf ? (id: string) => termCounts(textOf(id)) : undefined);
  if (!articleTerms) return () => ({ sentences: 0, articles: 0 });
  const sentenceTerms = terms?.sentenceTermsOf ?? ((e: ConflictEvent) => {
    const text = textOf!(e.articleId);
    return termCounts([e.sentence, ...(e.alsoIn ?? [])].map((s) => text.slice(s.start, s.end)).join(' '));
  });
  const ids = [...new Set(events.map((e) => e.articleId))];
  const vocabulary = new Map<string, number>();
  const df: number[] = [];
  // Each article's words as ids and counts, in their order (its vector is made from them when needed).
  const counted = new Map<string, Int32Array>();
  for (const id of ids) {
    const pairs: number[] = [];
    for (const [w, n] of articleTerms(id)) {
      let k = vocabulary.get(w);
      if (k === undefined) vocabulary.set(w, (k = vocabulary.size));
      df[k] = (df[k] ?? 0) + 1;
      pairs.push(k, n);
    }
    counted.set(id, Int32Array.from(pairs));
  }
  // Smoothed so that a corpus of two still weighs a shared word above zero.
  const idf = (k: number) => Math.log((ids.length + 1) / (df[k] ?? 1));
  const vector = (c: Iterable<[string, number]>): Vector => {
    const words: number[] = [];
    const weights: number[] = [];
    let norm = 0;
    for (const [w, n] of c) {
      // A word no article has (a sentence's own lower-casing) weighs as one seen once.
      let k = vocabulary.get(w);
      if (k === undefined) vocabulary.set(w, (k = vocabulary.size));
      const x = (1 + Math.log(n)) * idf(k);
      words.push(k);
      weights.push(x);
      norm += x * x;
    }
    return { words: Int32Array.from(words), weights: Float64Array.from(weights), norm: Math.sqrt(norm) };
  };
  const articles = new Map<string, Vector>();
  const sentences = new Map<string, Vector>();
  const articleVector = (id: string) => {
    let v = articles.get(id);
    if (!v) {
      const pairs = counted.get(id)!;
      const words = new Int32Array(pairs.length / 2);
      const weights = new Float64Array(pairs.length / 2);
      let norm = 0;
      for (let k = 0; k < words.length; k++) {
        const x = (1 + Math.log(pairs[2 * k + 1])) * idf(pairs[2 * k]);
        words[k] = pairs[2 * k];
        weights[k] = x;
        norm += x * x;
      }
      articles.set(id, (v = { words, weights, norm: Math.sqrt(norm) }));
    }
    return v;
  };
  const sentenceVector = (e: ConflictEvent) => {
    let v = sentences.get(e.id);
    if (!v) sentences.set(e.id, (v = vector(sentenceTerms(e))));
    return v;
  };
  let dense = new Float64Array(vocabulary.size);
  const cosine = (x: Vector, y: Vector): number => {
    if (!x.norm || !y.norm) return 0;
    if (dense.length < vocabulary.size) dense = new Float64Array(vocabulary.size * 2);
    // y's weights laid out by word id, x's summed in x's order (as a lookup per word would).
    for (let k = 0; k < y.words.length; k++) dense[y.words[k]] = y.weights[k];
    let dot = 0;
    for (let k = 0; k < x.words.length; k++) dot += x.weights[k] * dense[x.words[k]];
    for (let k = 0; k < y.words.length; k++) dense[y.words[k]] = 0;
    return dot / (x.norm * y.norm);
  };
  return (a, b) => ({ sentences: cosine(sentenceVector(a), sentenceVector(b)), articles: cosine(articleVector(a.articleId), articleVector(b.articleId)) });
}

/** A TF-IDF vector: word ids and weights in the order the words were met, and its norm. */
type Vector = { words: Int32Array; weights: Float64Array; norm: number };

/** Words of four letters or more and numbers of two digits or more, lower case, counted (in the order met). */
export function termCounts(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const w of text.toLowerCase().match(/\p{L}[\p{L}'-]{3,}|\d{2,}/gu) ?? []) out.set(w, (out.get(w) ?? 0) + 1);
  return out;
}

function isState(actor: string): boolean {
  return /^(?:Military|Police) Forces of /.test(actor);
}

/** The lead report: the most precise place, then date, then the first id. */
function leadFirst(a: ConflictEvent, b: ConflictEvent): number {
  return a.geoPrecision - b.geoPrecision || Number(a.places.every((p) => p.inferred)) - Number(b.places.every((p) => p.inferred)) || compare(a.id, b.id);
}

function sourceOf(e: ConflictEvent, outletOf: MergeContext['outletOf']): EventSource {
  return {
    eventId: e.id,
    articleId: e.articleId,
    outlet: outletOf?.(e.articleId) ?? null,
    sentence: e.sentence,
    date: e.date,
    datePrecision: e.datePrecision,
    type: e.type,
    subType: e.subType,
    actors: e.actors,
    fatalities: e.fatalities,
    places: e.places.map((p) => p.name),
  };
}

/** The fields on which the reports differ, each value with the reports that give it. */
function claimsOf(members: ConflictEvent[]): EventClaim[] {
  const fields: Array<[EventClaim['field'], (e: ConflictEvent) => string | null]> = [
    ['fatalities', (e) => (e.fatalities === null ? null : String(e.fatalities))],
    ['date', (e) => e.date],
    ['subType', (e) => e.subType || null],
    ['actors', (e) => (e.actors.length ? e.actors.join('; ') : null)],
    ['place', (e) => e.places.map((p) => p.name).join('; ') || null],
  ];
  const claims: EventClaim[] = [];
  for (const [field, value] of fields) {
    const byValue = new Map<string, string[]>();
    for (const m of members) {
      const v = value(m);
      if (v !== null) byValue.set(v, [...(byValue.get(v) ?? []), m.id]);
    }
    if (byValue.size > 1) claims.push({ field, values: [...byValue].map(([v, eventIds]) => ({ value: v, eventIds })) });
  }
  return claims;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
