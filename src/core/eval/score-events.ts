/**
 * Event evaluation: compare predicted events with hand-annotated ones (the shape of
 * `../shared/gold/seeds-gold.json`: per article, `events[]` with date, date_precision,
 * date_range, real_world_date, type, sub_event_type, place_lat/lon, sentence_start/end,
 * optional). A prediction matches a gold event of the same article whose sentence overlaps its
 * own; among several, the closest agreement (type, place, date), then the nearest sentence.
 * Matching is one to one. Optional gold events (aggregates, ongoing or historical ones) never
 * count as missed, and a prediction matching one is not spurious. Over the matched pairs:
 * date exact-match (within the gold precision, the real-world date accepted too), place within
 * `placeKm` of the gold place, type and sub-type agreement, and fatalities where the gold
 * gives a number. Pure: values in, figures out.
 */
import type { ConflictEvent, Span } from '../model.ts';
import { dayNumber, distanceKm } from '../common/geo.ts';

/** A gold event as annotated (extra fields are ignored). */
export interface GoldEvent {
  /** ISO date as the article's own words resolve it. */
  date: string | null;
  /** day, week, month or year. */
  date_precision?: string;
  /** First and last day the date may be (week/month precision). */
  date_range?: [string, string];
  /** What really happened when the article's own relative date is off. */
  real_world_date?: string;
  /** ACLED event type. */
  type: string;
  /** ACLED sub-event type(s), several joined with ';', notes in parentheses. */
  sub_event_type?: string;
  /** Canonical name of the place. */
  place?: string;
  /** The place's point. */
  place_lat?: number | null;
  place_lon?: number | null;
  /** The place's GeoNames id, when it has one: the same entity counts as the same place. */
  place_geonameid?: number | null;
  /** A finer point for a qualified place ("northwestern Syria"). */
  place_qualified_lat?: number | null;
  place_qualified_lon?: number | null;
  /** Number killed, when the text gives one. */
  fatalities?: number | null;
  /** The sentence the event is read from (offsets into the article text). */
  sentence_start: number;
  sentence_end: number;
  /** Aggregates, ongoing, historical or world-knowledge events: a system need not find them. */
  optional?: boolean;
  /** ACLED geo precision of the gold place: 3 for a province, a region or a country. */
  geo_precision?: number;
}

/** Gold events keyed by article (file name or id); keys without an `events` array are skipped. */
export type GoldEvents = Record<string, { events?: GoldEvent[] } | unknown>;

export interface ScoreEventsOptions {
  /** Distance within which a predicted place counts as the gold place (default 25 km). */
  placeKm?: number;
  /** Article id of a gold key (default: the key without its file extension). */
  articleIdOf?: (key: string) => string;
  /**
   * Whether a predicted place is an area (a province, a region, a country, a sea) that holds the
   * point: an event the gold places at an area's point (geo precision 3) is placed right when it
   * is placed at that area, wherever each source puts the area's centre.
   */
  sameArea?: AreaTest;
}

/**
 * Whether the place with this id is an area holding the point (see ScoreEventsOptions.sameArea),
 * and of the gold's kind where the gold gives one: a province is not placed right at its country.
 */
export type AreaTest = (placeId: string, lat: number, lon: number, goldKind?: string) => boolean;

/** One gold event and the prediction matched to it (or not). */
export interface EventPair {
  /** Article id (the gold key without its extension). */
  articleId: string;
  /** Index of the gold event in its article's `events`. */
  goldIndex: number;
  /** Whether the gold event is optional. */
  optional: boolean;
  /** The prediction's id, null when missed. */
  predictedId: string | null;
  /** The predicted date is within the gold precision (or is the real-world date). */
  dateOk: boolean;
  /** Null when the gold event has no coordinates. */
  placeOk: boolean | null;
  /** Same ACLED event type. */
  typeOk: boolean;
  /** The predicted sub-type is one of the gold sub-types. */
  subTypeOk: boolean;
  /** Null when the gold gives no number. */
  fatalitiesOk: boolean | null;
  /** Distance (km) from the gold place to the nearest predicted place; null when either has none. */
  placeKm: number | null;
}

/** A share: hits out of a total, and the rate (0 when the total is 0). */
export interface Rate {
  /** How many were right. */
  hits: number;
  /** Out of how many. */
  total: number;
  /** hits / total. */
  rate: number;
}

/** Counts for one article. */
export interface ArticleEventScore {
  /** Article id (the gold key without its extension). */
  articleId: string;
  /** Gold events, optional ones included. */
  gold: number;
  /** Non-optional gold events. */
  goldCore: number;
  /** Predicted events. */
  predicted: number;
  /** Non-optional gold events matched. */
  found: number;
  /** Non-optional gold events not matched. */
  missed: number;
  /** Optional gold events matched. */
  optionalFound: number;
  /** Predictions matching no gold event. */
  spurious: number;
  /** Their ids. */
  spuriousIds: string[];
}

/** The result of `scoreEvents`; the rates are over matched pairs (core + optional). */
export interface EventScore {
  /** Per article, in the gold file's order. */
  articles: ArticleEventScore[];
  /** Non-optional gold events. */
  goldCore: number;
  /** Predicted events in articles the gold covers. */
  predicted: number;
  /** Non-optional gold events matched. */
  found: number;
  /** Non-optional gold events not matched. */
  missed: number;
  /** Optional gold events matched. */
  optionalFound: number;
  /** Predictions matching no gold event. */
  spurious: number;
  /** found / goldCore. */
  recall: number;
  /** (predicted - spurious) / predicted. */
  precision: number;
  /** Matched pairs whose date is right within the gold precision. */
  dateExact: Rate;
  /** Matched pairs (with a gold point) with a predicted place within `placeKm`. */
  placeWithin: Rate;
  /** Matched pairs of the same ACLED type. */
  typeAgreement: Rate;
  /** Matched pairs whose sub-type is among the gold's. */
  subTypeAgreement: Rate;
  /** Matched pairs (with a gold number) with the same fatalities. */
  fatalities: Rate;
  /** Every gold event with its match. */
  pairs: EventPair[];
}

/** Score predicted events against gold events. */
export function scoreEvents(gold: GoldEvents, predicted: ConflictEvent[], opts: ScoreEventsOptions = {}): EventScore {
  const placeKm = opts.placeKm ?? 25;
  const idOf = opts.articleIdOf ?? stripExt;
  const byArticle = new Map<string, ConflictEvent[]>();
  for (const e of predicted) byArticle.set(stripExt(e.articleId), [...(byArticle.get(stripExt(e.articleId)) ?? []), e]);
  const articles: ArticleEventScore[] = [];
  const pairs: EventPair[] = [];
  for (const [key, value] of Object.entries(gold)) {
    const events = (value as { events?: GoldEvent[] })?.events;
    if (key.startsWith('_') || !Array.isArray(events)) continue;
    const articleId = idOf(key);
    const preds = byArticle.get(stripExt(articleId)) ?? [];
    const judged = events.map((g) => preds.map((p) => (overlaps(g, p) ? judge(g, p, placeKm, opts.sameArea) : null)));
    // Greedy one-to-one assignment: the gold event of the prediction's own sentence before one of
    // a sentence it folded in as a retelling (the prediction claims to be the former), then best
    // agreement, core gold before optional, nearest sentence.
    const options: Array<{ gi: number; pi: number; own: boolean; score: number; dist: number }> = [];
    judged.forEach((row, gi) => row.forEach((j, pi) => {
      if (j) options.push({ gi, pi, own: ownSentence(events[gi], preds[pi]), score: Number(j.typeOk) * 4 + Number(j.placeOk ?? false) * 2 + Number(j.dateOk) + (events[gi].optional ? 0 : 0.5), dist: Math.abs(events[gi].sentence_start - preds[pi].sentence.start) });
    }));
    options.sort((a, b) => Number(b.own) - Number(a.own) || b.score - a.score || a.dist - b.dist || a.gi - b.gi || a.pi - b.pi);
    const goldTaken = new Map<number, number>();
    const predTaken = new Set<number>();
    for (const o of options) {
      if (goldTaken.has(o.gi) || predTaken.has(o.pi)) continue;
      goldTaken.set(o.gi, o.pi);
      predTaken.add(o.pi);
    }
    events.forEach((g, gi) => {
      const pi = goldTaken.get(gi);
      const j = pi === undefined ? null : judged[gi][pi];
      pairs.push({ articleId, goldIndex: gi, optional: !!g.optional, predictedId: pi === undefined ? null : preds[pi].id, dateOk: j?.dateOk ?? false, placeOk: j ? j.placeOk : null, typeOk: j?.typeOk ?? false, subTypeOk: j?.subTypeOk ?? false, fatalitiesOk: j ? j.fatalitiesOk : null, placeKm: j ? j.km : null });
    });
    const core = events.filter((g) => !g.optional).length;
    const found = events.filter((g, gi) => !g.optional && goldTaken.has(gi)).length;
    const spuriousIds = preds.filter((_, pi) => !predTaken.has(pi)).map((p) => p.id);
    articles.push({ articleId, gold: events.length, goldCore: core, predicted: preds.length, found, missed: core - found, optionalFound: events.filter((g, gi) => g.optional && goldTaken.has(gi)).length, spurious: spuriousIds.length, spuriousIds });
  }
  // Predictions for articles the gold does not cover are not scored.
  const matched = pairs.filter((p) => p.predictedId !== null);
  const sum = (f: (a: ArticleEventScore) => number) => articles.reduce((n, a) => n + f(a), 0);
  const goldCore = sum((a) => a.goldCore);
  const found = sum((a) => a.found);
  const predictedCount = sum((a) => a.predicted);
  const spurious = sum((a) => a.spurious);
  return {
    articles,
    goldCore,
    predicted: predictedCount,
    found,
    missed: goldCore - found,
    optionalFound: sum((a) => a.optionalFound),
    spurious,
    recall: goldCore ? found / goldCore : 0,
    precision: predictedCount ? (predictedCount - spurious) / predictedCount : 0,
    dateExact: rate(matched.map((p) => p.dateOk)),
    placeWithin: rate(matched.filter((p) => p.placeOk !== null).map((p) => p.placeOk!)),
    typeAgreement: rate(matched.map((p) => p.typeOk)),
    subTypeAgreement: rate(matched.map((p) => p.subTypeOk)),
    fatalities: rate(matched.filter((p) => p.fatalitiesOk !== null).map((p) => p.fatalitiesOk!)),
    pairs,
  };
}

function judge(g: GoldEvent, p: ConflictEvent, placeKm: number, sameArea?: AreaTest) {
  let km: number | null = null;
  const points: Array<[number, number]> = [];
  if (isNum(g.place_lat) && isNum(g.place_lon)) points.push([g.place_lat, g.place_lon]);
  if (isNum(g.place_qualified_lat) && isNum(g.place_qualified_lon)) points.push([g.place_qualified_lat, g.place_qualified_lon]);
  for (const [lat, lon] of points) for (const pl of p.places) {
    const d = distanceKm(lat, lon, pl.lat, pl.lon);
    if (km === null || d < km) km = d;
  }
  // The same gazetteer entity is the same place, wherever each source puts an area's point.
  const sameEntity = (isNum(g.place_geonameid) && p.places.some((pl) => pl.placeId === `geonames:${g.place_geonameid}`)) ||
    (g.geo_precision === 3 && !!sameArea && points.some(([lat, lon]) => p.places.some((pl) => !pl.offset && sameArea(pl.placeId, lat, lon))));
  const goldSubs = (g.sub_event_type ?? '').split(';').map((s) => s.replace(/\(.*?\)/g, '').trim().toLowerCase()).filter(Boolean);
  return {
    dateOk: dateMatches(g, p.date),
    placeOk: points.length ? sameEntity || (km !== null && km <= placeKm) : null,
    km,
    typeOk: g.type === p.type,
    subTypeOk: goldSubs.includes(p.subType.toLowerCase()),
    fatalitiesOk: isNum(g.fatalities) ? g.fatalities === p.fatalities : null,
  };
}

/** Whether a predicted date falls within the gold date's precision (or equals the real-world date). */
export function dateMatches(g: Pick<GoldEvent, 'date' | 'date_precision' | 'date_range' | 'real_world_date'>, date: string | null): boolean {
  if (!date) return false;
  if (g.real_world_date && date === g.real_world_date) return true;
  if (!g.date) return false;
  const d = dayNumber(date);
  if (g.date_range && g.date_precision !== 'day') return d >= dayNumber(g.date_range[0]) && d <= dayNumber(g.date_range[1]);
  switch (g.date_precision) {
    case 'week': return d >= dayNumber(g.date) - 3 && d <= dayNumber(g.date) + 6;
    case 'month': return date.slice(0, 7) === g.date.slice(0, 7);
    case 'year': return date.slice(0, 4) === g.date.slice(0, 4);
    default: return date === g.date;
  }
}

/** The gold sentence is the prediction's own (not a retelling folded into it). */
function ownSentence(g: GoldEvent, p: ConflictEvent): boolean {
  return g.sentence_start < p.sentence.end && p.sentence.start < g.sentence_end;
}

/** The gold sentence is one the prediction was read from (its own, or a retelling folded into it). */
function overlaps(g: GoldEvent, p: ConflictEvent): boolean {
  return [p.sentence, ...(p.alsoIn ?? [])].some((s) => g.sentence_start < s.end && s.start < g.sentence_end);
}

function rate(values: boolean[]): Rate {
  const hits = values.filter(Boolean).length;
  return { hits, total: values.length, rate: values.length ? hits / values.length : 0 };
}

function stripExt(id: string): string {
  return id.replace(/\.(?:txt|md|markdown|html?|json)$/i, '');
}

function isNum(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/** The figures the issue tracker asks of an events corpus (main events = non-optional gold). */
export interface EventFigures {
  /** Main events found with the right date and a place within `placeKm`. */
  mainRecall: Rate;
  /** Main events matched at all (their sentence overlapped by a prediction). */
  mainMatched: Rate;
  /** Matched main events whose date is right. */
  date: Rate;
  /** Matched main events (with a gold point) placed within `placeKm` or at the gold's entity. */
  place: Rate;
  /** Matched main events of the gold ACLED type. */
  type: Rate;
  /** Matched main events whose gold states a number, with that number. */
  fatalities: Rate;
  /** Predictions that match no gold event, main or optional, out of all predictions. */
  unexplained: Rate;
}

/** The figures from a score. */
export function eventFigures(score: EventScore): EventFigures {
  const main = score.pairs.filter((p) => !p.optional);
  const matched = main.filter((p) => p.predictedId !== null);
  return {
    mainRecall: rate(main.map((p) => p.predictedId !== null && p.dateOk && p.placeOk !== false)),
    mainMatched: rate(main.map((p) => p.predictedId !== null)),
    date: rate(matched.map((p) => p.dateOk)),
    place: rate(matched.filter((p) => p.placeOk !== null).map((p) => p.placeOk!)),
    type: rate(matched.map((p) => p.typeOk)),
    fatalities: rate(matched.filter((p) => p.fatalitiesOk !== null).map((p) => p.fatalitiesOk!)),
    unexplained: { hits: score.spurious, total: score.predicted, rate: score.predicted ? score.spurious / score.predicted : 0 },
  };
}

/** A gold place mention (literal ones are scored). */
export interface GoldToponymPoint extends Span {
  lat: number | null;
  lon: number | null;
  literal?: boolean;
  /** GeoNames id, when the annotation gives one. */
  geonameid?: number | null;
  /** What it is: city, village, admin1, region, country, water… */
  kind?: string;
}

/**
 * Literal gold places found (a predicted mention overlapping the span) and placed within `km` of
 * the gold point, or at the same GeoNames entity (a country's or a province's point differs from
 * one source to the next by more than any fixed radius).
 */
export function literalPlacesWithin(gold: GoldToponymPoint[], predicted: Array<Span & { lat: number; lon: number; placeId?: string }>, km: number, sameArea?: AreaTest): Rate {
  const scored = gold.filter((t) => t.literal && isNum(t.lat) && isNum(t.lon));
  // The area test decides which gold kinds are areas: a town's point is never "in" an area.
  const area = (t: GoldToponymPoint, m: { placeId?: string }) => !!sameArea && !!m.placeId && !!t.kind && sameArea(m.placeId, t.lat!, t.lon!, t.kind);
  return rate(scored.map((t) => predicted.some((m) => m.start < t.end && t.start < m.end && ((isNum(t.geonameid) && m.placeId === `geonames:${t.geonameid}`) || distanceKm(t.lat!, t.lon!, m.lat, m.lon) <= km || area(t, m)))));
}

/** Merge quality, pairwise, over predictions matched to gold events (see `scoreMerges`). */
export interface MergeScore {
  /** Pairs of matched predictions whose gold events share a cluster, and were merged. */
  truePositives: number;
  /** Pairs merged whose gold events are not one cluster. */
  falsePositives: number;
  /** Pairs of one cluster left apart. */
  falseNegatives: number;
  /** tp / (tp + fp); 1 when nothing was merged. */
  precision: number;
  /** tp / (tp + fn); 1 when no pair should be. */
  recall: number;
  /** The wrong pairs, `merged a + b` / `apart a + b` with their cluster. */
  errors: string[];
}

/**
 * Pairwise merge precision and recall against the gold `cluster` annotation: two predictions
 * matched to gold events of one cluster should be in one merged event, any other two should not.
 * Judged on matched predictions only, so the merge is scored on its own, not on extraction.
 * `mergedIdOf` gives the merged event a prediction ended in (its own id when not merged);
 * `acrossArticlesOnly` leaves out pairs of one article; `keepPair` keeps only the pairs whose
 * articles it accepts (the pairs of one part of a split).
 */
export function scoreMerges(gold: GoldEvents, pairs: EventPair[], mergedIdOf: (eventId: string) => string, opts: Pick<ScoreEventsOptions, 'articleIdOf'> & { acrossArticlesOnly?: boolean; keepPair?: (articleA: string, articleB: string) => boolean } = {}): MergeScore {
  const idOf = opts.articleIdOf ?? stripExt;
  const goldOf = new Map<string, Array<GoldEvent & { cluster?: string }>>();
  for (const [key, value] of Object.entries(gold)) {
    const events = (value as { events?: GoldEvent[] })?.events;
    if (!key.startsWith('_') && Array.isArray(events)) goldOf.set(idOf(key), events);
  }
  const matched = pairs.filter((p) => p.predictedId !== null).map((p) => ({ id: p.predictedId!, articleId: p.articleId, cluster: goldOf.get(p.articleId)?.[p.goldIndex]?.cluster ?? `${p.articleId}/${p.goldIndex}` }));
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const errors: string[] = [];
  for (let i = 0; i < matched.length; i++) {
    for (let j = i + 1; j < matched.length; j++) {
      const a = matched[i];
      const b = matched[j];
      if (opts.acrossArticlesOnly && a.articleId === b.articleId) continue;
      if (opts.keepPair && !opts.keepPair(a.articleId, b.articleId)) continue;
      const same = a.cluster === b.cluster;
      const merged = mergedIdOf(a.id) === mergedIdOf(b.id);
      if (same && merged) tp += 1;
      else if (merged) (fp += 1, errors.push(`merged ${a.id} + ${b.id} (${a.cluster} / ${b.cluster})`));
      else if (same) (fn += 1, errors.push(`apart ${a.id} + ${b.id} (${a.cluster})`));
    }
  }
  return { truePositives: tp, falsePositives: fp, falseNegatives: fn, precision: tp + fp ? tp / (tp + fp) : 1, recall: tp + fn ? tp / (tp + fn) : 1, errors };
}

/**
 * How many of the given articles share a gold `cluster` with another of them: the reports of
 * one event a merge over just those articles could join (the size of a part's merge test).
 */
export function reportsSharingCluster(gold: GoldEvents, articleIds: ReadonlySet<string>, articleIdOf: (key: string) => string = stripExt): number {
  const articlesOf = new Map<string, Set<string>>();
  for (const [key, value] of Object.entries(gold)) {
    const id = articleIdOf(key);
    if (key.startsWith('_') || !articleIds.has(id)) continue;
    for (const e of (value as { events?: Array<{ cluster?: string | null }> })?.events ?? []) {
      if (e.cluster) articlesOf.set(e.cluster, new Set([...(articlesOf.get(e.cluster) ?? []), id]));
    }
  }
  const sharing = new Set([...articlesOf.values()].filter((ids) => ids.size > 1).flatMap((ids) => [...ids]));
  return sharing.size;
}
