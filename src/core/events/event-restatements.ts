/**
 * One incident, one event. News tells an incident several times: a lead ("At least a dozen
 * soldiers have been killed … in western Niger"), its details two paragraphs on ("… in the
 * Tillaberi region town of Kandadji when hundreds of jihadis attacked them on Thursday"), and
 * its restatements ("The attack on Pétionville was led by …", "ten people had been killed in the
 * strike"). ACLED codes one event per type, place and day, so a later sentence's event folds into
 * an earlier one of the article when all of these hold:
 * - the same day, or one of the two has no date of its own (it took the publication date) and
 *   the other's day falls in the week before;
 * - the same type and sub-type, or one of the two tells only deaths (its type came from no action);
 * - places that agree: each of the later's places is, holds or lies in one of the earlier's
 *   (Kandadji in Niger), or it names one of the earlier's places and others only within
 *   LANDMARK_KM of it, or the earlier was near a place ("a village near Qalqilya") and the
 *   later's lie within LANDMARK_KM of it, or the earlier had only an inferred place; a later telling with no
 *   place of its own must point back: deaths alone, "the attack", "Monday's strike", or the same toll;
 * - and nothing marks it as another incident ("another attack", "separately", "in a related
 *   incident", "also", "meanwhile", "elsewhere").
 * The kept event takes the finer place, the dated day, the named action's type and the first
 * stated toll, and lists the folded sentences in `alsoIn`. A telling is matched with the
 * RESTATEMENT_REACH latest kept events only (so cost is linear in the events). Pure.
 */
import type { ConflictEvent, EventPlace, Place } from '../model.ts';
import { within } from '../places/joint-nearness.ts';
import { dayNumber, distanceKm } from '../common/geo.ts';

/**
 * Words that open a new incident rather than retell one ("also" too, unless it only adds a
 * telling: "a resident also said"; "another" too, unless it is a person: "one was killed and
 * another critically injured").
 */
const TELLERS = String.raw`(?:local\s+|international\s+|news\s+|state\s+)?(?:media|outlets?|sources|reports?|officials?|witnesses|agencies|news|accounts|statements?)`;
/** Verbs of telling: "had previously said" is an earlier telling, not an earlier incident. */
const TELLING = String.raw`(?:said|says|reported|announced|stated|confirmed|told)`;
const ANOTHER_RE = new RegExp(
  String.raw`\b(?:another(?!\s+(?:was|were|is|has|had|person|man|woman|boy|girl|child|civilian|one|critically|seriously|severely|badly|injured|wounded|hurt|\d)\b|\s*[,.;:”"’)]|\s*$)|other(?!\s+(?:${TELLERS}|\d|one|two|three|four|five|six|seven|eight|nine|ten|dozens?|victims|dead|wounded)\b)|separate(?:ly)?|second(?![-\s](?:largest|biggest|most|city|highest|lowest|in command)\b)|also(?!\s+(?:said|says|told|reported|reports|confirmed|added|stated|noted|claimed|quoted|cited)\b)|in a related|meanwhile|elsewhere|in addition|a day (?:earlier|later)|earlier(?!\s+(?:${TELLERS}|${TELLING})\b)|later|again|respon(?:ded|se)|retaliat\w*|previous(?:ly)?(?!\s+(?:${TELLERS}|${TELLING})\b))\b`,
  'i',
);

/**
 * How many kept events back a later telling is looked for: the cost stays linear in an article of
 * thousands of events. The evaluation corpora (LGL, GeoVirus, the reports, the sample: 897
 * articles) fold at most 18 kept events back, from at most 25.
 */
export const RESTATEMENT_REACH = 64;

/** What the fold needs to know of each event beside the event itself. */
export interface RestatementFacts {
  /** The event tells only deaths: its type was inferred, not named by an action. */
  casualtyOnly: boolean;
  /** Its action is one side's ("attacked", "an attack"): its type was read from the victims, not named. */
  oneSided?: boolean;
  /** The text of its sentence (for the cues of a new incident). */
  sentenceText: string;
  /** Its action is named as a known one: "the attack", "this strike", "Monday's bombing". */
  definite: boolean;
}

/** Folds restatements into the events they restate; `places` looks a place up by id for containment. */
export function foldRestatements(events: ConflictEvent[], facts: RestatementFacts[], placeOf: (id: string) => Place | undefined): ConflictEvent[] {
  const kept: Array<{ event: ConflictEvent; casualtyOnly: boolean; oneSided: boolean; ownAlsoIn?: boolean }> = [];
  events.forEach((e, i) => {
    const f = facts[i];
    const target = opensAnotherIncident(f) ? undefined : latestRestated(e, f);
    if (!target) {
      kept.push({ event: { ...e }, casualtyOnly: f.casualtyOnly, oneSided: !!f.oneSided });
      return;
    }
    const into = target.event;
    // A fresh list on the first fold (the copy of the event shares its alsoIn), pushed to after: an incident told thousands of times costs no copy per telling.
    if (!target.ownAlsoIn) {
      into.alsoIn = [...(into.alsoIn ?? [])];
      target.ownAlsoIn = true;
    }
    into.alsoIn!.push(e.sentence, ...(e.alsoIn ?? []));
    if (target.casualtyOnly && !f.casualtyOnly) {
      into.type = e.type;
      into.subType = e.subType;
      target.casualtyOnly = false;
    } else if (e.subType === 'Suicide bomb' && into.type === e.type) into.subType = e.subType;
    if (!into.dateText && e.dateText) Object.assign(into, { date: e.date, datePrecision: e.datePrecision, dateText: e.dateText, dateSpan: e.dateSpan });
    // A retelling of another type ("This latest attack … came 48 hours after two communities in
    // Makurdi were attacked") may name other places than the incident's: it locates only an event of its own type.
    const sameType = into.type === e.type || target.casualtyOnly || f.casualtyOnly;
    // "… in the village of Jit" names the place "a village near Qalqilya" left unnamed.
    const named = into.geoPrecision === 2 && e.geoPrecision === 1 && nearPlaces(e.places, into.places);
    if (sameType && (finer(e.places, into.places, placeOf) || named)) Object.assign(into, { places: e.places, geoPrecision: e.geoPrecision });
    into.fatalities ??= e.fatalities;
    into.actors = [...new Set([...into.actors, ...e.actors])];
    // Each distinct trigger once: a text that retells one incident a thousand times has one event, not a thousand-part trigger.
    if (!into.trigger.split('; ').includes(e.trigger)) into.trigger = `${into.trigger}; ${e.trigger}`;
  });
  return kept.map((k) => k.event);

  /** The latest kept event that `e` restates, among the RESTATEMENT_REACH latest. */
  function latestRestated(e: ConflictEvent, f: RestatementFacts) {
    for (let j = kept.length - 1; j >= 0 && j >= kept.length - RESTATEMENT_REACH; j -= 1) {
      const k = kept[j];
      if (k.event.sentence.start !== e.sentence.start && restates(e, f, k.event, k.casualtyOnly, k.oneSided)) return k;
    }
    return undefined;
  }

  function restates(e: ConflictEvent, eFacts: RestatementFacts, f: ConflictEvent, fDeaths: boolean, fOneSided: boolean): boolean {
    const eDeaths = eFacts.casualtyOnly;
    if (!datesAgree(e, f)) return false;
    // "The attack on Pétionville" retells "a fresh attack on Port-au-Prince, targeting an upscale
    // community": one-sided attacks whose type each read from its own victims, the later named as known.
    const retold = eFacts.definite && !!eFacts.oneSided && fOneSided;
    // Two named actions of different kinds are two happenings ("stormed" the town, then "retook" it).
    // …unless the later names the action as known, in other words of the same type ("the midnight strike" for a missile attack).
    const sameAction = e.type === f.type && (sameKind(e.subType, f.subType) || eFacts.definite);
    if (!eDeaths && !fDeaths && !retold && !sameAction) return false;
    const own = e.places.filter((p) => !p.inferred);
    // Without a place of its own, only a telling that points back is the same incident: deaths
    // alone ("six people were killed"), the action named as known ("the attack"), or the same
    // toll ("… shot at the villagers, killing a man" after "settlers attacked a village, killing a man").
    if (!own.length) return eDeaths || eFacts.definite || (e.fatalities !== null && e.fatalities === f.fatalities);
    if (f.places.every((p) => p.inferred)) return true;
    if (own.every((p) => f.places.some((q) => related(p.placeId, q.placeId)))) return true;
    // "… attacked Jit, located on the main road between the cities of Nablus and Qalqilya": the
    // incident's own place, and others only as landmarks close by.
    const shared = own.filter((p) => f.places.some((q) => related(p.placeId, q.placeId)));
    if (shared.length && own.every((p) => shared.includes(p) || shared.some((q) => distanceKm(p.lat, p.lon, q.lat, q.lon) <= LANDMARK_KM))) return true;
    // "a Palestinian village near the city of Qalqilya" retold as "in the village of Jit": the place
    // near the town, named, within LANDMARK_KM of it.
    if (f.geoPrecision === 2 && nearPlaces(own, f.places)) return true;
    // "The attack on Pétionville …" after "a fresh attack on Port-au-Prince": the action named as
    // known points back to the incident nearby, in the same country.
    // It may name other places besides ("… southeast of Aden, said the maritime agency, an arm of
    // the navy that oversees the Middle East"): one of its own places near the incident's is enough.
    return eFacts.definite && (e.type === f.type || retold) && own.some((p) => f.places.some((q) => related(p.placeId, q.placeId) || near(p, q)));
  }

  function near(a: EventPlace, b: EventPlace): boolean {
    const p = placeOf(a.placeId);
    const q = placeOf(b.placeId);
    // A sea's point says little of where in it: "the Gulf of Aden" holds a ship 70 miles off Aden.
    const reach = p?.kind === 'water' || q?.kind === 'water' ? SEA_KM : DEFINITE_KM;
    return distanceKm(a.lat, a.lon, b.lat, b.lon) <= reach && (!p || !q || !p.countryCode || !q.countryCode || p.countryCode === q.countryCode);
  }

  function related(a: string, b: string): boolean {
    if (a === b) return true;
    const p = placeOf(a);
    const q = placeOf(b);
    return !!p && !!q && (holds(p, q) || holds(q, p));
  }
}

/**
 * Two tellings agree on the day when both give the same one, or one gives none of its own (it
 * took the publication date) and the other's falls within the week before.
 */
function datesAgree(a: ConflictEvent, b: ConflictEvent): boolean {
  if (a.dateText && b.dateText) return a.date === b.date;
  if (!a.dateText && !b.dateText) return true;
  const [dated, undated] = a.dateText ? [a, b] : [b, a];
  if (!dated.date || !undated.date) return !dated.date && !undated.date;
  const gap = dayNumber(undated.date) - dayNumber(dated.date);
  return gap >= 0 && gap <= UNDATED_REACH_DAYS;
}

/**
 * Whether a telling's words open another incident (ANOTHER_RE); "The bombardment also destroyed
 * homes": an action named as known adds to it, "also" or not.
 */
function opensAnotherIncident(f: RestatementFacts): boolean {
  const cue = ANOTHER_RE.exec(f.sentenceText);
  if (!cue) return false;
  if (!f.definite || !/^also$/i.test(cue[0])) return true;
  return ANOTHER_RE.test(f.sentenceText.slice(cue.index + cue[0].length));
}

/** Whether each of the named places `a` lies within LANDMARK_KM of one of `b`. */
function nearPlaces(a: EventPlace[], b: EventPlace[]): boolean {
  const own = a.filter((p) => !p.inferred);
  return own.length > 0 && own.every((p) => b.some((q) => distanceKm(p.lat, p.lon, q.lat, q.lon) <= LANDMARK_KM));
}

/** How far (km) from the incident's place a later telling may name landmarks ("between the cities of Nablus and Qalqilya"). */
const LANDMARK_KM = 30;

/** How far apart (km) the places of an incident and of a later "the attack" that points back to it may be. */
const DEFINITE_KM = 200;
/** …when one of them is a sea or a gulf. */
const SEA_KM = 500;

/**
 * Sub-types of one incident told in other words: a suicide bomber's blast is also "an IED
 * detonated" (ACLED codes the suicide bomb).
 */
const SAME_KIND = [new Set(['Suicide bomb', 'Remote explosive/landmine/IED'])];

function sameKind(a: string, b: string): boolean {
  return a === b || SAME_KIND.some((k) => k.has(a) && k.has(b));
}

/** How many days before an undated telling (dated by its publication) a dated one may be and still be the same incident. */
const UNDATED_REACH_DAYS = 7;

/** Whether `outer` holds `inner`: its country, or the admin-1 unit it lies in. */
function holds(outer: Place, inner: Place): boolean {
  if (outer.kind === 'country') return inner.kind !== 'country' && inner.countryCode !== '' && inner.countryCode === outer.countryCode;
  return within(outer, inner) && outer.kind === 'admin1';
}

/** Kinds a distance and bearing from a town locate better than. */
const COARSE_KINDS = new Set(['water', 'region', 'country', 'continent', 'admin1']);

/** Whether the places `a` locate the event better than `b`: named where `b` was inferred, or inside `b`. */
function finer(a: EventPlace[], b: EventPlace[], placeOf: (id: string) => Place | undefined): boolean {
  const own = a.filter((p) => !p.inferred);
  if (!own.length) return false;
  if (b.every((p) => p.inferred)) return true;
  // "some 70 miles southeast of Aden" locates better than "the Gulf of Aden".
  if (own.every((p) => p.offset) && b.every((q) => !q.offset && COARSE_KINDS.has(placeOf(q.placeId)?.kind ?? 'region'))) return true;
  return own.every((p) => b.some((q) => {
    const inner = placeOf(p.placeId);
    const outer = placeOf(q.placeId);
    return !!inner && !!outer && inner.id !== outer.id && holds(outer, inner);
  }));
}
