/**
 * Corrections: what a person said about a corpus, applied on every ingest so it persists.
 *
 * A corrections file (`corrections.json` beside the articles, or `--corrections FILE`) holds
 * `{ "corrections": [ … ] }`, each entry one of:
 *   { "kind": "alias", "name": "Behun", "place": { "name": "Balyun", "lat": 35.76, "lon": 36.52, "country": "SY" } }
 *   { "kind": "mention", "article": "001_x", "start": 2190, "end": 2196, "surface": "Nairab", "placeId": "curated:nayrab-idlib" }
 *   { "kind": "not-event", "event": "001_x#2141" }
 *   { "kind": "same-event", "events": ["001_x#2141", "002_y#1510"] }
 *   { "kind": "separate", "events": ["003_z#10", "003_w#400"] }
 *   { "kind": "event", "event": "002_y#1510", "date": "2020-02-20", "datePrecision": "day", "type": "Battles", "subType": "Armed clash" }
 * A place is a gazetteer id (`placeId`) or a point (`place`). Every entry may carry a `note`.
 *
 * Places bias geocoding of the same name across the corpus: an alias is the name's only
 * gazetteer candidate for this corpus, and a corrected mention's place is put first among its
 * name's candidates everywhere else (`correctedGazetteer`). The mention itself is set, and the
 * article's events read again with it (`applyCorrections`). Invalid entries and entries that
 * match nothing are problems (warnings, listed in report.json), never exceptions. Pure.
 */
import type { AcledEventType, Candidate, ConflictEvent, DatePrecision, Mention, Place, PlaceKind, ProcessedArticle, Problem } from '../model.ts';
import type { Gazetteer } from '../places/gazetteer.ts';
import type { MergeContext } from './merge-events.ts';
import { normalizeName } from '../places/normalize-name.ts';
import { geoPrecisionOf } from '../places/resolve-places.ts';
import { extractEvents } from './extract-events.ts';

/** A place as a correction gives it: a gazetteer id, or a named point. */
export type CorrectionPlace = { placeId: string } | { place: { name: string; lat: number; lon: number; country?: string; kind?: PlaceKind } };

/** One correction (see the module comment for the file's shape). */
export type Correction = { note?: string } & (
  | ({ kind: 'alias'; name: string } & CorrectionPlace)
  | ({ kind: 'mention'; article: string; start: number; end: number; surface?: string } & CorrectionPlace)
  | { kind: 'not-event'; event: string }
  | { kind: 'same-event'; events: string[] }
  | { kind: 'separate'; events: string[] }
  | { kind: 'event'; event: string; date?: string; datePrecision?: DatePrecision; type?: AcledEventType; subType?: string }
);

export const CORRECTION_KINDS = ['alias', 'mention', 'not-event', 'same-event', 'separate', 'event'] as const;
const TYPES: readonly AcledEventType[] = ['Battles', 'Explosions/Remote violence', 'Violence against civilians', 'Protests', 'Riots', 'Strategic developments'];
const PRECISIONS: readonly DatePrecision[] = ['day', 'week', 'month', 'year', 'approximate'];
const KINDS: readonly PlaceKind[] = ['continent', 'country', 'admin1', 'admin2', 'city', 'town', 'village', 'region', 'road', 'water', 'site'];

/** Reads a corrections file's parsed JSON: the valid entries, and a problem for each invalid one. */
export function parseCorrections(json: unknown, file?: string): { corrections: Correction[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const entries = Array.isArray(json) ? json : (json as { corrections?: unknown })?.corrections;
  if (!Array.isArray(entries)) {
    return { corrections: [], problems: [{ code: 'corrections-invalid', severity: 'warning', file, message: 'The corrections file holds no `corrections` list; no correction was applied.' }] };
  }
  const corrections: Correction[] = [];
  entries.forEach((entry, k) => {
    const why = invalidity(entry);
    if (why) problems.push({ code: 'correction-invalid', severity: 'warning', file, message: `Correction ${k + 1}: ${why}; it was not applied.` });
    else corrections.push(entry as Correction);
  });
  return { corrections, problems };
}

/** Why an entry is not a correction, or null when it is one. */
function invalidity(e: unknown): string | null {
  if (typeof e !== 'object' || e === null) return 'not an object';
  const c = e as Record<string, unknown>;
  const str = (k: string) => typeof c[k] === 'string' && (c[k] as string).trim() !== '';
  const placeProblem = () => {
    if (str('placeId')) return null;
    const p = c.place as Record<string, unknown> | undefined;
    if (!p || typeof p !== 'object') return 'gives neither `placeId` nor `place`';
    if (typeof p.name !== 'string' || !p.name.trim()) return '`place.name` is missing';
    if (!isNum(p.lat) || !isNum(p.lon) || Math.abs(p.lat) > 90 || Math.abs(p.lon) > 180) return '`place.lat`/`place.lon` are not a point on the globe';
    if (p.kind !== undefined && !KINDS.includes(p.kind as PlaceKind)) return `\`place.kind\` '${String(p.kind)}' is not a place kind`;
    return null;
  };
  switch (c.kind) {
    case 'alias':
      return !str('name') ? '`name` is missing' : placeProblem();
    case 'mention':
      if (!str('article')) return '`article` is missing';
      if (!Number.isInteger(c.start) || !Number.isInteger(c.end) || (c.start as number) < 0 || (c.end as number) <= (c.start as number)) return '`start`/`end` are not a span';
      return placeProblem();
    case 'not-event':
      return str('event') ? null : '`event` is missing';
    case 'same-event':
    case 'separate':
      return Array.isArray(c.events) && c.events.length >= 2 && c.events.every((x) => typeof x === 'string') ? null : '`events` needs two event ids or more';
    case 'event':
      if (!str('event')) return '`event` is missing';
      if (c.date !== undefined && (typeof c.date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(c.date))) return '`date` is not YYYY-MM-DD';
      if (c.datePrecision !== undefined && !PRECISIONS.includes(c.datePrecision as DatePrecision)) return `\`datePrecision\` '${String(c.datePrecision)}' is not a precision`;
      if (c.type !== undefined && !TYPES.includes(c.type as AcledEventType)) return `\`type\` '${String(c.type)}' is not an ACLED event type`;
      if (c.date === undefined && c.datePrecision === undefined && c.type === undefined && c.subType === undefined) return 'changes nothing (give `date`, `datePrecision`, `type` or `subType`)';
      return null;
    default:
      return `\`kind\` '${String(c.kind)}' is not one of ${CORRECTION_KINDS.join(', ')}`;
  }
}

/** The place a correction names: the gazetteer's, or a point of the corrections' own. */
export function correctionPlace(c: CorrectionPlace, gazetteer: Pick<Gazetteer, 'get'>): Place | null {
  if ('placeId' in c && c.placeId) return gazetteer.get(c.placeId) ?? null;
  const p = (c as { place: { name: string; lat: number; lon: number; country?: string; kind?: PlaceKind } }).place;
  return {
    id: `correction:${slug(p.name)}@${p.lat.toFixed(4)},${p.lon.toFixed(4)}`,
    name: p.name,
    kind: p.kind ?? 'village',
    lat: p.lat,
    lon: p.lon,
    countryCode: (p.country ?? '').toUpperCase(),
    population: 0,
    featureCode: 'PPL',
    source: 'curated',
    sourceNote: 'a correction of this corpus',
  };
}

/**
 * The gazetteer as this corpus's corrections see it: an alias's name has its place as the only
 * candidate; a corrected mention's name has its place first. The rest is the gazetteer's own.
 */
export function correctedGazetteer(gazetteer: Gazetteer, corrections: readonly Correction[]): Gazetteer {
  const only = new Map<string, Candidate>();
  const first = new Map<string, Candidate>();
  for (const c of corrections) {
    if (c.kind !== 'alias' && !(c.kind === 'mention' && c.surface)) continue;
    const place = correctionPlace(c, gazetteer);
    if (!place) continue;
    const key = normalizeName(c.kind === 'alias' ? c.name : c.surface!);
    (c.kind === 'alias' ? only : first).set(key, Object.freeze({ place, match: 'exact' }) as Candidate);
  }
  if (only.size === 0 && first.size === 0) return gazetteer;
  const byId = new Map([...only.values(), ...first.values()].map((c) => [c.place.id, c.place]));
  // A view over the gazetteer, not a copy: every other method is the gazetteer's own.
  const view = Object.create(gazetteer) as Gazetteer;
  const candidatesOf = (key: string): readonly Candidate[] => {
    const alias = only.get(key);
    if (alias) return [alias];
    const own = gazetteer.candidatesOf(key);
    const top = first.get(key);
    return top ? [top, ...own.filter((c) => c.place.id !== top.place.id)] : own;
  };
  Object.assign(view, {
    candidatesOf,
    lookupKey: (key: string) => [...candidatesOf(key)],
    lookup: (surface: string) => [...candidatesOf(normalizeName(surface))],
    hasKey: (key: string) => only.has(key) || first.has(key) || gazetteer.hasKey(key),
    get: (id: string) => byId.get(id) ?? gazetteer.get(id),
  });
  return view;
}

/** What `applyCorrections` gives: the corrected articles, the merge's constraints, the problems. */
export interface CorrectedArticles {
  processed: ProcessedArticle[];
  /** Pairs of event ids a `same-event` correction joins. */
  join: Array<[string, string]>;
  /** Pairs of event ids a `separate` correction keeps apart. */
  separate: Array<[string, string]>;
  problems: Problem[];
}

/** Applies mention, event and not-event corrections to processed articles (inputs unchanged). */
export function applyCorrections(processed: readonly ProcessedArticle[], corrections: readonly Correction[], gazetteer: Pick<Gazetteer, 'get'>): CorrectedArticles {
  const problems: Problem[] = [];
  const unmatched = (c: Correction, what: string) => problems.push({ code: 'correction-unmatched', severity: 'warning', message: `A ${c.kind} correction matches nothing (${what}); it was not applied.` });
  const byArticle = new Map(processed.map((p) => [p.article.id, p]));
  const out = new Map(byArticle);
  for (const c of corrections) {
    if (c.kind !== 'mention') continue;
    const p = out.get(c.article);
    const place = correctionPlace(c, gazetteer);
    if (!p) { unmatched(c, `no article ${c.article}`); continue; }
    if (!place) { unmatched(c, `no place ${(c as { placeId?: string }).placeId}`); continue; }
    out.set(c.article, withMentionPlace(p, c, place) ?? (unmatched(c, `no place name at ${c.start}–${c.end} of ${c.article}`), p));
  }
  const eventIds = new Set([...out.values()].flatMap((p) => p.events.map((e) => e.id)));
  const drop = new Set<string>();
  const edits = new Map<string, Partial<ConflictEvent>>();
  const join: Array<[string, string]> = [];
  const separate: Array<[string, string]> = [];
  for (const c of corrections) {
    if (c.kind === 'not-event') {
      if (eventIds.has(c.event)) drop.add(c.event);
      else unmatched(c, `no event ${c.event}`);
    } else if (c.kind === 'event') {
      if (!eventIds.has(c.event)) { unmatched(c, `no event ${c.event}`); continue; }
      const edit: Partial<ConflictEvent> = { ...edits.get(c.event) };
      if (c.date) Object.assign(edit, { date: c.date, datePrecision: c.datePrecision ?? 'day', dateText: 'a correction' });
      else if (c.datePrecision) edit.datePrecision = c.datePrecision;
      if (c.type) edit.type = c.type;
      if (c.subType !== undefined) edit.subType = c.subType;
      edits.set(c.event, edit);
    } else if (c.kind === 'same-event' || c.kind === 'separate') {
      const missing = c.events.filter((id) => !eventIds.has(id));
      if (missing.length) { unmatched(c, `no event ${missing.join(', ')}`); continue; }
      for (let i = 0; i < c.events.length; i++) for (let j = i + 1; j < c.events.length; j++) (c.kind === 'same-event' ? join : separate).push([c.events[i], c.events[j]]);
    }
  }
  const corrected = [...out.values()].map((p) => {
    if (!p.events.some((e) => drop.has(e.id) || edits.has(e.id))) return p;
    return { ...p, events: p.events.filter((e) => !drop.has(e.id)).map((e) => (edits.has(e.id) ? { ...e, ...edits.get(e.id) } : e)) };
  });
  return { processed: corrected, join, separate, problems };
}

/** The article with one mention's place set (a name left unplaced becomes a mention) and its events read again; null when no name is there. */
function withMentionPlace(p: ProcessedArticle, c: { start: number; end: number }, place: Place): ProcessedArticle | null {
  const at = (m: { start: number; end: number }) => m.start === c.start && m.end === c.end;
  const existing = p.mentions.find(at);
  const sentence = p.article.sentences.findIndex((s) => s.start <= c.start && c.end <= s.end);
  const text = p.article.text.slice(c.start, c.end);
  if (!existing && (sentence < 0 || !text.trim())) return null;
  const mention: Mention = existing
    ? { ...existing, place, geoPrecision: geoPrecisionOf(place.kind), confidence: 1 }
    : { articleId: p.article.id, start: c.start, end: c.end, surface: text, role: 'literal', place, confidence: 1, geoPrecision: geoPrecisionOf(place.kind), sentence };
  const mentions = [...p.mentions.filter((m) => !at(m)), mention].sort((a, b) => a.start - b.start);
  const events = extractEvents({ article: p.article, publication: p.publication, temporal: p.temporal, mentions });
  return { ...p, mentions, unresolved: p.unresolved.filter((u) => !at(u)), events };
}

/** The merge's context for a run: places from the mentions (corrected ones included) and the gazetteer, outlets from the articles. */
export function mergeContext(processed: readonly ProcessedArticle[], gazetteer: Pick<Gazetteer, 'get'>, corrected?: Pick<CorrectedArticles, 'join' | 'separate'>): MergeContext {
  const places = new Map<string, Place>();
  for (const p of processed) for (const m of p.mentions) if (m.place) places.set(m.place.id, m.place);
  const outlets = new Map(processed.map((p) => [p.article.id, p.article.meta.outlet ?? null]));
  const texts = new Map(processed.map((p) => [p.article.id, p.article.text]));
  return {
    textOf: (id) => texts.get(id) ?? '',
    placeOf: (id) => places.get(id) ?? gazetteer.get(id),
    outletOf: (id) => outlets.get(id) ?? null,
    join: corrected?.join,
    separate: corrected?.separate,
  };
}

function slug(s: string): string {
  return normalizeName(s).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'place';
}

function isNum(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}
