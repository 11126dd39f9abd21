/**
 * Where an event happened. The places of an event are the literal mentions in its clause(s): an
 * adjective ("the Russian air force") names an actor and a metonym ("Moscow said") a
 * government, so neither is a location. A definite description ("the city", "in the same
 * region") points back to the most recent literal place of a fitting kind. A country that
 * merely contains a finer place named beside it ("the Bayirbucak region of northwest Syria")
 * adds nothing and is dropped, and so does a province that holds a town named beside it. When the clause names no place, the caller falls back to the
 * article's main theatre: the most-mentioned literal admin-1, region or country (ties go to
 * the finer kind), marked as inferred.
 *
 * Geo precision follows ACLED: 1 for a town, village or city; 2 for an admin-2 area, a site, a
 * road, or part of a region ("northern Idlib", "near Azaz"); 3 for an admin-1, a region, a
 * country, or an inferred place.
 */
import type { EventPlace, GeoPrecision, Mention, Place, PlaceKind, Span } from '../model.ts';
import { within } from '../places/joint-nearness.ts';
import { destinationPoint, offsetBefore, type PlaceOffset } from '../places/place-offsets.ts';
import { isDateline } from '../dates/wire-dateline.ts';
import { LIST_GAP } from '../places/name-lists.ts';

/** A place of an event with its precision. */
export interface LocatedPlace {
  /** The gazetteer place. */
  place: Place;
  /** The mention it was read from (for a definite description: the mention it refers back to). */
  mention?: Span;
  /** ACLED geo precision of this place for this event. */
  precision: GeoPrecision;
  /** The name as written when the gazetteer lacks it: `place` is the known place it lies in or near. */
  unresolvedName?: string;
  /** "40 miles northwest of" the place: the event lies that far from it. */
  offset?: PlaceOffset;
}

const KIND_PRECISION: Record<PlaceKind, GeoPrecision> = {
  village: 1, town: 1, city: 1,
  admin2: 2, site: 2, road: 2,
  admin1: 3, region: 3, country: 3, continent: 3, water: 3,
};
/** Words before a name that make it a part of it or its surroundings: "northern Idlib", "near Azaz". */
const PART_OF = /\b(?:(?:north|south|east|west|northern|southern|eastern|western|north-?east(?:ern)?|north-?west(?:ern)?|south-?east(?:ern)?|south-?west(?:ern)?|central|upper|lower|rural|countryside of|parts? of|areas? of)\s+(?:the\s+)?|(?:near|outside|close to|around|outskirts of)\s+(?:the\s+)?(?:[\w-]+\s+)?(?:(?:town|city|village|district)\s+of\s+)?)$/i;
/** Anaphoric place descriptions and the kinds they can refer to. */
const ANAPHORA = /\b(?:the\s+same\s+(region|area|town|city|village|province|district|place)|the\s+(city|town|village|province|governorate|island|district))\b(?!\s+of\b)(?!['’]s\b)/gi;
const ANAPHOR_KINDS: Record<string, PlaceKind[] | null> = {
  region: null, area: null, place: null, island: null,
  town: ['town', 'village', 'city'], city: ['city', 'town'], village: ['village', 'town'],
  province: ['admin1', 'region'], governorate: ['admin1'], district: ['admin2', 'admin1', 'region'],
};
/** Words after a sea's name that make it the land along it. */
const COAST_AFTER = /^\s+(?:coast|coastline|coasts|shore|shores|seaboard|littoral|coastal)\b/i;
/** How far (characters) after an unknown name the known place it is measured from may stand ("Kandadji, 10 km south of Ayorou"). */
const OFFSET_REACH = 60;
/** How many sentences back a definite description may reach for its referent. */
export const ANAPHOR_REACH = 6;
/** Coarser kinds that a finer place of the same country makes redundant. */
const CONTAINER_KINDS = new Set<PlaceKind>(['country', 'continent']);

/** Precision of one mention's place, from its kind and the words before it. */
export function mentionPrecision(text: string, mention: Mention): GeoPrecision {
  const kind = mention.place?.kind ?? 'region';
  const base = KIND_PRECISION[kind] ?? 3;
  const part = PART_OF.test(text.slice(Math.max(0, mention.start - 30), mention.start));
  if (!part) return base;
  if (kind === 'country' || kind === 'continent') return 3;
  return 2;
}

/**
 * Places named in the given spans (the event's clauses): literal mentions, then definite
 * descriptions resolved backwards. `literal` is every literal, resolved mention of the
 * article in text order; `sentences` the content sentences (for the reach of anaphora).
 */
export function placesIn(text: string, spans: Span[], literal: Mention[], sentences: Span[], unknown: Mention[] = []): LocatedPlace[] {
  const inSpans = (s: Span) => spans.some((c) => s.start >= c.start && s.end <= c.end);
  const found: Array<LocatedPlace & { at: number }> = [];
  for (const m of literal) {
    if (!inSpans(m)) continue;
    // "the Alawite heartland on the Mediterranean coast": the land along a sea, not the sea's middle.
    if (m.place!.kind === 'water' && COAST_AFTER.test(text.slice(m.end, m.end + 20))) continue;
    const offset = offsetBefore(text, m.start);
    // "Otradnoye near Belgorod", its only reading a namesake far away: drawn near Belgorod, named as written.
    const drawnNear = m.near?.id === m.place!.id;
    found.push({ place: m.place!, mention: { start: m.start, end: m.end }, precision: offset || drawnNear ? 2 : mentionPrecision(text, m), at: m.start, ...(offset ? { offset } : {}), ...(drawnNear ? { unresolvedName: m.surface } : {}) });
  }
  // "the village of Joubas", unknown to the gazetteer: drawn at the place it lies in or near, never finer than "near a town".
  for (const m of unknown) {
    if (!inSpans(m)) continue;
    // "Kandadji, 10 km south of Ayorou": the distance and bearing from the known place, when the text gives them.
    const anchor = literal.find((l) => l.place!.id === m.near!.id && l.start > m.end && l.start - m.end <= OFFSET_REACH);
    const offset = anchor ? offsetBefore(text, anchor.start) : null;
    const precision = offset || KIND_PRECISION[m.near!.kind] === 1 ? 2 : 3;
    found.push({ place: m.near!, mention: { start: m.start, end: m.end }, precision, at: m.start, unresolvedName: m.surface, ...(offset && offset.start >= m.end ? { offset } : {}) });
  }
  for (const span of spans) {
    ANAPHORA.lastIndex = 0;
    for (const a of text.slice(span.start, span.end).matchAll(ANAPHORA)) {
      const at = span.start + a.index;
      const kinds = ANAPHOR_KINDS[(a[1] ?? a[2]).toLowerCase()];
      const reach = sentences[Math.max(0, sentenceIndexAt(sentences, at) - ANAPHOR_REACH)]?.start ?? 0;
      const ref = [...literal].reverse().find((m) => m.end <= at && m.start >= reach && (!kinds || kinds.includes(m.place!.kind)));
      if (ref) found.push({ place: ref.place!, mention: { start: ref.start, end: ref.end }, precision: Math.max(2, mentionPrecision(text, ref)) as GeoPrecision, at });
    }
  }
  found.sort((a, b) => a.at - b.at);
  const unique: LocatedPlace[] = [];
  for (const f of found) {
    // "Rima Hazem, Areeqa, and Shahba": a name the gazetteer lacks listed beside the town it is drawn near is a place of its own.
    const siblings = (u: LocatedPlace) => !!u.mention && !!f.mention && !!(u.unresolvedName || f.unresolvedName) && listed(text, u.mention, f.mention);
    const same = unique.find((u) => u.place.id === f.place.id && !siblings(u));
    if (!same) {
      unique.push({ place: f.place, mention: f.mention, precision: f.precision, ...(f.unresolvedName ? { unresolvedName: f.unresolvedName } : {}), ...(f.offset ? { offset: f.offset } : {}) });
    } else if (same.unresolvedName || f.unresolvedName) {
      // "Zamzam camp near El Fasher": the event is at the camp, near the town, not in the town.
      if (!same.unresolvedName) Object.assign(same, { mention: f.mention, unresolvedName: f.unresolvedName });
      same.precision = Math.max(same.precision, f.precision) as GeoPrecision;
      if (f.offset && !same.offset) same.offset = f.offset;
    } else {
      same.precision = Math.min(same.precision, f.precision) as GeoPrecision;
      if (f.offset && !same.offset) same.offset = f.offset;
    }
    if (same?.offset) same.precision = 2;
  }
  // "PESHAWAR: A confrontation … near the Kurram district": the dateline says where the reporter
  // files from; the event is where the sentence says, when it says ("JAMMU/SRINAGAR, 7 May: … in
  // Jammu and Kashmir": the state, not the two cities it holds).
  const told = unique.filter((u) => !(u.mention && isDateline(text, u.mention)));
  const named = told.length ? told : unique;
  // "the Bayirbucak region of northwest Syria": the country adds nothing to a finer place inside
  // it; "Gwoza, a town in Borno State": nor does the state.
  return named.filter((u) => !named.some((o) => o !== u && contains(u.place, o.place)));
}

/** Whether two mentions are neighbours in a list of names ("A, B and C"). */
function listed(text: string, a: Span, b: Span): boolean {
  const [first, second] = a.start < b.start ? [a, b] : [b, a];
  return LIST_GAP.test(text.slice(first.end, second.start));
}

/** Whether `outer` is a country or admin-1 unit that holds the finer place `inner`. */
function contains(outer: Place, inner: Place): boolean {
  if (CONTAINER_KINDS.has(outer.kind)) return !CONTAINER_KINDS.has(inner.kind) && inner.countryCode !== '' && inner.countryCode === outer.countryCode;
  return outer.kind === 'admin1' && inner.kind !== 'admin1' && within(outer, inner);
}

/** The article's main theatre: the most-mentioned literal admin-1, region or country; ties go to the finer kind, then the first named. */
export function mainTheatre(literal: Mention[]): Place | null {
  const rank: Partial<Record<PlaceKind, number>> = { admin1: 0, region: 0, country: 1 };
  const counts = new Map<string, { place: Place; n: number; first: number }>();
  for (const m of literal) {
    if (rank[m.place!.kind] === undefined) continue;
    const c = counts.get(m.place!.id) ?? { place: m.place!, n: 0, first: m.start };
    c.n++;
    counts.set(m.place!.id, c);
  }
  const best = [...counts.values()].sort((a, b) => b.n - a.n || rank[a.place.kind]! - rank[b.place.kind]! || a.first - b.first)[0];
  return best?.place ?? null;
}

/** An event place record from a located place. */
export function toEventPlace(p: LocatedPlace, inferred: boolean): EventPlace {
  const out: EventPlace = { placeId: p.place.id, name: p.place.name, lat: p.place.lat, lon: p.place.lon, inferred };
  if (p.mention && !inferred) out.mention = { start: p.mention.start, end: p.mention.end };
  if (p.unresolvedName && !inferred) out.unresolvedName = p.unresolvedName;
  if (p.offset && !inferred) {
    Object.assign(out, destinationPoint(p.place.lat, p.place.lon, p.offset.km, p.offset.bearing));
    out.offset = { km: Math.round(p.offset.km * 10) / 10, bearing: p.offset.bearing, text: p.offset.text };
  }
  return out;
}

function sentenceIndexAt(sentences: Span[], at: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sentences[mid].start <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
