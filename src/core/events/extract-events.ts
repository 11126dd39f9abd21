/**
 * Event extraction: the sentences that report something that happened at a place, each turned
 * into a dated, placed, typed ConflictEvent tied to its sentence. Steps, per content sentence:
 * 1. split it into clauses and keep the asserted triggers of each (event-clauses.ts,
 *    event-types.ts): threats, forecasts, conditionals, negations and questions are not events;
 * 2. one candidate per clause; neighbouring clauses of one type are one event ("shelled … while
 *    the air force bombed …"), and a troop movement or border closure beside violence is part of
 *    the violence;
 * 3. a sentence that only adds passive casualties to the event just before it ("Within a few
 *    hours fifty soldiers had been killed") adds its dead to that event instead of making one;
 * 4. a candidate must be anchored (a named place, a date phrase or a death toll), else it is a
 *    generic statement ("Russia claims it has only bombed terrorists");
 * then per event: the date (a phrase in its sentence, else in the previous sentence of the
 * paragraph, else the date of the story it continues, else the publication date), the places
 * (literal mentions of its clauses, else the previous sentence's, else the main theatre,
 * inferred), actors and fatalities. An event whose date or place cannot be resolved is kept,
 * marked (`date: null`, `places: []`). Events inside boilerplate never exist. Pure.
 */
import type { AcledEventType, CleanedArticle, ConflictEvent, DatePrecision, GeoPrecision, Mention, Publication, Span, TemporalExpression } from '../model.ts';
import { dayNumber } from '../common/geo.ts';
import { casualtyType, crowdClashType, findTriggers, hasTrigger, oneSidedType, protestSubType, violentDeaths, weaponSubType, type TriggerMatch } from './event-types.ts';
import { isAggregate, isNarrativePast, nounHappens, notAsserted, originSpans, splitClauses } from './event-clauses.ts';
import { ANAPHOR_REACH, mainTheatre, placesIn, toEventPlace, type LocatedPlace } from './event-places.ts';
import { countryNamer, findActors } from './actors.ts';
import { countFatalities } from './fatalities.ts';
import { foldRestatements } from './event-restatements.ts';
import { lastBelow, overlapsAny, spansWithin } from '../common/span-index.ts';
import { LIST_GAP } from '../places/name-lists.ts';
import { isDateline } from '../dates/wire-dateline.ts';

/** What the event stage reads: the cleaned article, its dates and its resolved place mentions. */
export interface ExtractEventsInput {
  /** The cleaned article: text, boilerplate, content sentences. */
  article: CleanedArticle;
  /** Its publication date (the fallback date of an event). */
  publication: Publication;
  /** Its resolved date phrases. */
  temporal: TemporalExpression[];
  /** Its resolved place mentions (literal ones are event places; adjectival and metonymic ones name actors). */
  mentions: Mention[];
}

/** A clause-level candidate event of one sentence. */
interface Candidate {
  /** Clause spans (article offsets). */
  spans: Span[];
  /** The trigger that gave the type; first in `triggers`. */
  primary: TriggerMatch;
  /** Every asserted trigger (article offsets). */
  triggers: TriggerMatch[];
  type: AcledEventType;
  subType: string;
  violent: boolean;
  /** Only deaths, no weapon or action named. */
  casualtyOnly: boolean;
  /** Only deaths told from the victims' side ("were killed", "lost two soldiers"). */
  passiveCasualty: boolean;
}

interface Draft extends Candidate {
  sentence: number;
  /** Last sentence folded into this event (continuation sentences). */
  lastSentence: number;
  /** Extra sentence spans folded in, read for actors. */
  extraSpans: Span[];
  explicit: LocatedPlace[];
  fatalities: number | null;
}

/** Armed (or violent) people and their machines: what troop movements, strikes and destruction need to be events. */
const FORCES_RE = /\b(?:troops|soldiers|forces|army|military|tanks|units|convoys?|reinforcements|militias?|fighters|rebels|jihadists|militants|insurgents|gunmen|police|armou?red vehicles|warplanes|jets|aircraft|drones|artillery|air force|navy|rioters|mob|settlers)\b/i;
/** What taking territory takes: "seized the town", "captured the airport", "took control of". */
const TERRITORY_RE = /^\s+(?:(?:the|a|an|their|its|two|three|several|key|strategic|nearby|rebel-held|government-held)\s+)*(?:[\w-]+\s+)?(?:towns?|city|cities|villages?|areas?|region|district|province|base|airport|airbase|hills?|heights|positions?|territory|control|checkpoints?|neighbou?rhoods?|road|highway|crossings?|outposts?|posts?|garrison|capital|port|bridge|ground|headquarters|HQ|command|barracks|camps?)\b/i;
/** A definite or possessive determiner before an event noun: "the attack", "this strike", "Monday's deadly bombing". */
const DEFINITE_BEFORE = /\b(?:the|this|that|(?:mon|tues|wednes|thurs|fri|satur|sun|yester|to)day['’]s)\s+(?:[\w-]+\s+){0,2}$/i;
/** A verb of telling right before a date phrase: "said on Friday", "announced Monday", "told AFP on Sunday". */
const REPORTING_BEFORE = /\b(?:said|says|announced|reported|stated|confirmed|added|claimed|told\s+(?:[\w-]+\s+){1,3}?|(?:said|wrote|posted)\s+in\s+a\s+statement|in\s+a\s+statement)\s*(?:late\s+|early\s+)?$/i;
const PRECISION_RANK: Record<DatePrecision, number> = { day: 0, week: 1, month: 2, year: 3, approximate: 4, unknown: 5 };
/** Days before publication past which a dated happening told without a place of its own is background. */
const HISTORY_DAYS = 90;
/** How many sentences back an undated past-tense event may take the date of the story it continues. */
const STORY_REACH = 3;
/**
 * The places of a clause when they are a list ("in Rima Hazem, Areeqa and Shahba", "in Bogota and
 * in the city of Neiva", "in West Nusa Tenggara, Pekalongan in Central Java, and Cirebon"), each
 * its own event, as ACLED codes one event per place; null for a single place, a place and its
 * region ("Gwoza, Borno State"), a country, or places not told as one list ("from Aleppo to
 * Idlib"). A region named with a member ("in Central Java"), its appositive (", the capital of
 * Jawzjan province,") and a parenthesis ("(south)") are part of the member, not a break.
 */
function listedPlaces(text: string, places: LocatedPlace[], named: Span[]): LocatedPlace[] | null {
  // A name the gazetteer lacks, drawn near its neighbour ("Rima Hazem" by Areeqa), is a member too.
  if (places.length < 2 || places.some((p) => !p.mention || p.offset || (p.unresolvedName ? p.precision !== 2 : NOT_LISTED.has(p.place.kind)))) return null;
  const sorted = [...places].sort((a, b) => a.mention!.start - b.mention!.start);
  for (let k = 1; k < sorted.length; k += 1) {
    const from = sorted[k - 1].mention!.end;
    const to = sorted[k].mention!.start;
    // Other names in the gap (the members' regions) stand as one placeholder word.
    let gap = '';
    let at = from;
    for (const m of named) {
      if (m.start < from || m.end > to) continue;
      gap += `${text.slice(at, m.start)}\u00a7`;
      at = m.end;
    }
    gap += text.slice(at, to);
    const bare = gap.replace(MEMBER_DETAIL, '');
    if (!LIST_GAP.test(bare) && !EVENT_LIST_GAP.test(bare)) return null;
  }
  return sorted;
}

/**
 * A toll told for a list of places, shared out: "one each" is every place's; a total is divided
 * evenly, the remainder to the first named, as ACLED divides a toll it cannot place.
 */
function splitToll(total: number | null, places: number, clause: string): Array<number | null> {
  if (total === null) return new Array(places).fill(null);
  if (/\beach\b/i.test(clause)) return new Array(places).fill(total);
  const share = Math.floor(total / places);
  return Array.from({ length: places }, (_, j) => share + (j < total % places ? 1 : 0));
}

/** Kinds that are never one member of a list of event places: a country is where all of them are. */
const NOT_LISTED = new Set(['country', 'continent']);
/** A member's own detail inside a list: its region ("in Central Java"), an appositive, a parenthesis. */
const MEMBER_DETAIL = /\s*\([^()]{1,40}\)|\s+(?:in|of)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}\u00a7(?:\s+(?:province|state|region|district|county|governorate|oblast))?(?=\s*(?:,|and\b|as well as\b|$))|\s*,\s*(?:the|a|an)\s+(?:[\w'’-]+\s+){0,4}(?:of|in)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}\u00a7(?:\s+(?:province|state|region|district|county|governorate|oblast))?(?=\s*,)/giu;
/**
 * Joins of a list of places beside LIST_GAP's: "and in the city of", "as well as", "and even";
 * and coordinated targets each at its own place ("stormed the army headquarters in Rawalpindi and
 * the corps commander's residence in Lahore").
 */
const EVENT_LIST_GAP = /^(?:\s*,\s*(?:(?:and|as well as|and also|and even|or)\s+)?|\s+(?:and|as well as|and also|and even|or)\s+)(?:(?:in|at|on)\s+)?(?:the\s+(?:city|town|village|cities|towns|villages|province|region|district)\s+of\s+)?$|^\s*,?\s+and\s+(?:(?:the|a|an)\s+)?(?:[\w'’-]+\s+){1,4}?(?:in|at)\s+$/i;

/** An event noun a date is the attribute of: "the April 22 terror attack", "Monday's strike". */
const ATTRIBUTIVE_EVENT = /^(?:['’]s)?\s+(?:[\w-]+\s+){0,2}?(attacks?|strikes?|air\s?strikes?|bombings?|massacres?|assaults?|offensive|raids?|ambush|explosions?|blasts?|killings?)\b/i;

/** The coarsest precision of a place an undated-place event may take from its story: a town or part of one. */
const STORY_PLACE_PRECISION = 2;
/** How far after an attack noun its description ("by … on …") is read for actors. */
const DESCRIPTION_CHARS = 80;

/** Extract the events of one article, in text order. */
export function extractEvents(input: ExtractEventsInput): ConflictEvent[] {
  const { article, publication, mentions } = input;
  const { text } = article;
  const inBoilerplate = overlapsAny(article.boilerplate);
  const sentences = article.sentences.filter((s) => !inBoilerplate(s));
  const literal = mentions.filter((m) => m.role === 'literal' && m.place && !inBoilerplate(m)).sort((a, b) => a.start - b.start);
  // Places the gazetteer lacks, named by a settlement phrase and placed near a known one.
  const unknown = mentions.filter((m) => m.role === 'literal' && !m.place && m.near && !inBoilerplate(m));
  const unknownIn = spansWithin(unknown);
  // The countries of the places the story names outside its dateline. A dateline in a country the
  // story names nowhere else, when it names others ("Beirut, (APP) Syrian security forces deployed …
  // on the Mediterranean coast"), says where the reporter files from: the event takes the story's
  // place instead.
  const elsewhere = new Set(literal.filter((m) => !isDateline(text, m)).map((m) => m.place!.countryCode));
  const onlyDateline = (found: LocatedPlace[]) => found.length > 0 && found.every((p) => p.mention && isDateline(text, p.mention));
  const abroad = (found: LocatedPlace[]) => elsewhere.size > 0 && found.every((p) => !elsewhere.has(p.place.countryCode));
  const theatre = mainTheatre(literal);
  const countryName = countryNamer(mentions);
  const pubDay = publication.published ? dayNumber(publication.published) : null;
  // Dates ahead of publication are deadlines and plans, never the date of something that happened;
  // a publication day read from the text's latest full date is only a lower bound ("Sunday, August
  // 25" in an article whose one year is "June 2021" is 2024's).
  const ahead = (t: TemporalExpression) => pubDay !== null && publication.source !== 'content' && !!t.date && dayNumber(t.date) > pubDay;
  const temporal = input.temporal.filter((t) => !ahead(t) && !inBoilerplate(t));
  const datesIn = spansWithin(temporal);
  // Look-ups by position, so that a long article costs each sentence its neighbourhood, not the whole text.
  const mentionsIn = spansWithin(mentions);
  const literalIn = spansWithin(literal);
  const literalStarts = literal.map((m) => m.start);
  const placeOf = new Map<string, Mention['place']>();
  for (const m of mentions) if (m.place && !placeOf.has(m.place.id)) placeOf.set(m.place.id, m.place);
  // "the army said on Friday": the day of the telling, not of the happening.
  const telling = new Set(temporal.filter((t) => REPORTING_BEFORE.test(text.slice(Math.max(0, t.start - 40), t.start))));
  const eventDatesIn = (s: Span) => datesIn(s).filter((t) => !telling.has(t));

  const drafts: Draft[] = [];
  const titleKey = comparable(article.title);
  sentences.forEach((s, i) => {
    const sText = text.slice(s.start, s.end);
    // Questions report nothing; a headline (the title, unpunctuated) restates the story its body tells.
    // (The cheap punctuation test first: most sentences end with a full stop and are never compared.)
    if (/\?["”’)*_]*$/.test(sText.trim()) || (titleKey && !/[.!]["”’)*_]*$/.test(sText.trim()) && comparable(sText) === titleKey)) return;
    const dates = datesIn(s);
    const cands = candidatesOf(sText, s.start, dates);
    if (!cands.length) return;
    // The literal mentions placesIn can reach: inside the sentence, or up to ANAPHOR_REACH sentences back ("the town").
    const reach = literal.slice(lastBelow(literalStarts, sentences[Math.max(0, i - ANAPHOR_REACH)].start), lastBelow(literalStarts, s.end));
    // A clause whose only place is the dateline ("JAMMU/SRINAGAR, 7 May: At least 12 people were
    // killed …"): the place the rest of its sentence names ("… in Jammu and Kashmir") is a better one.
    const places = cands.map((c) => {
      const own = placesIn(text, c.spans, reach, sentences, unknownIn(s));
      if (!onlyDateline(own)) return own;
      const whole = placesIn(text, [{ start: s.start, end: s.end }], reach, sentences, unknownIn(s));
      return onlyDateline(whole) && abroad(whole) ? [] : whole;
    });
    const last = drafts[drafts.length - 1];
    if (last && last.lastSentence === i - 1 && !dates.length && cands.every((c) => c.passiveCasualty) && places.every((p) => !p.length)) {
      const dead = countFatalities(sText);
      // "Five people were killed … One was shot dead in his sleep while four others were killed":
      // a breakdown of the toll already told, not more dead.
      if (dead !== null && dead !== last.fatalities) last.fatalities = (last.fatalities ?? 0) + dead;
      last.extraSpans.push({ start: s.start, end: s.end });
      for (const d of drafts) if (d.lastSentence === i - 1) d.lastSentence = i;
      return;
    }
    const continuesStory = (c: Candidate) => {
      if (!last || last.lastSentence !== i - 1 || sentences[i - 1].paragraph !== s.paragraph || !c.violent) return false;
      const span = c.spans.find((sp) => c.primary.start >= sp.start && c.primary.end <= sp.end) ?? c.spans[0];
      return isNarrativePast(text.slice(span.start, c.primary.start), c.primary, text.slice(c.primary.end, span.end));
    };
    cands.forEach((c, k) => {
      const fatalities = cands.length === 1 ? countFatalities(sText) : sumNullable(c.spans.map((sp) => countFatalities(text.slice(sp.start, sp.end))));
      // A generic statement, not a report; unless it goes on with the story the sentence before
      // told ("… launched an operation in Nagorno-Karabakh. The forces hit military targets with artillery.").
      if (!places[k].length && !dates.length && fatalities === null && !continuesStory(c)) return;
      // "Clashes broke out in Rima Hazem, Areeqa and Shahba": ACLED codes one event per place.
      const each = listedPlaces(text, places[k], mentionsIn(s));
      if (each) {
        const tolls = splitToll(fatalities, each.length, c.spans.map((sp) => text.slice(sp.start, sp.end)).join(' '));
        each.forEach((p, j) => drafts.push({ ...c, sentence: i, lastSentence: i, extraSpans: [], explicit: [p], fatalities: tolls[j] }));
      } else drafts.push({ ...c, sentence: i, lastSentence: i, extraSpans: [], explicit: places[k], fatalities });
    });
  });

  const explicitAt = new Map<number, Draft>();
  for (const d of drafts) if (d.explicit.length && !explicitAt.has(d.sentence)) explicitAt.set(d.sentence, d);
  const events: ConflictEvent[] = [];
  const perSentence = new Map<number, number>();
  drafts.forEach((d, n) => {
    const s = sentences[d.sentence];
    const trigger = d.primary;
    const { date, precision, dateText, dateSpan } = eventDate(d, n);
    const { places, geoPrecision } = eventPlaces(d);
    const country = places[0] ? countryOf(places[0].placeId) : theatre ? countryName(theatre.countryCode) ?? theatre.name : null;
    const ctx = { countryName, eventCountry: country };
    let actors = unique(d.spans.flatMap((sp) => findActors(text.slice(sp.start, sp.end), sp.start, mentionsIn(sp), trigger.start, ctx)));
    if (!actors.length) actors = findActors(text.slice(s.start, s.end), s.start, mentionsIn(s), trigger.start, ctx);
    actors = unique([...actors, ...d.extraSpans.flatMap((sp) => findActors(text.slice(sp.start, sp.end), sp.start, mentionsIn(sp), sp.end, ctx))]);
    const k = (perSentence.get(s.start) ?? 0) + 1;
    perSentence.set(s.start, k);
    const event: ConflictEvent = {
      id: `${article.id}#${s.start}${k > 1 ? `-${k}` : ''}`,
      articleId: article.id,
      sentence: { start: s.start, end: s.end },
      date,
      datePrecision: precision,
      dateText,
      type: d.type,
      subType: territorySubType(d.subType, actors, country),
      actors,
      fatalities: d.fatalities,
      places,
      geoPrecision,
      trigger: d.triggers.map((t) => t.text).join(', '),
    };
    if (dateSpan) event.dateSpan = dateSpan;
    // "One person was shot dead while four others were killed": the sentences that only add the dead tell this incident too.
    if (d.extraSpans.length) event.alsoIn = d.extraSpans.map((sp) => ({ start: sp.start, end: sp.end }));
    events.push(event);
  });
  // History is no event of the story: a year alone ("the war that erupted in 2011"), or a day long
  // before publication told without a place of its own (it would take a place from elsewhere).
  const current = drafts.map((d, n) => !isHistory(events[n], d));
  const keptEvents = events.filter((_, n) => current[n]);
  const keptDrafts = drafts.filter((_, n) => current[n]);
  refineCasualtyTypes(keptEvents, keptDrafts);
  const facts = keptDrafts.map((d) => ({
    casualtyOnly: d.casualtyOnly,
    oneSided: !!d.primary.rule.oneSided,
    sentenceText: text.slice(sentences[d.sentence].start, sentences[d.sentence].end),
    definite: d.primary.rule.form === 'noun' && DEFINITE_BEFORE.test(text.slice(Math.max(sentences[d.sentence].start, d.primary.start - 40), d.primary.start)),
  }));
  return foldRestatements(keptEvents, facts, (id) => placeOf.get(id) ?? undefined);

  function candidatesOf(sText: string, base: number, dates: TemporalExpression[]): Candidate[] {
    const perClause: Candidate[] = [];
    if (!hasTrigger(sText)) return perClause; // most sentences: no trigger in any of their clauses
    const origins = originSpans(sText);
    for (const c of splitClauses(sText)) {
      const cText = sText.slice(c.start, c.end);
      const cBase = base + c.start;
      const dateSpans = dates.map((d) => ({ start: d.start - cBase, end: d.end - cBase }));
      const aggregate = isAggregate(cText);
      const accepted = findTriggers(cText).filter((t) => {
        if (aggregate && (t.rule.violent || t.rule.subType === 'Other')) return false; // a tally of deaths or of the displaced
        if (origins.some((o) => c.start + t.start >= o.start && c.start + t.end <= o.end)) return false; // how the war began
        if (notAsserted(cText.slice(0, t.start), t)) return false;
        if (t.rule.form === 'noun' && !nounHappens(cText, t, dateSpans)) return false;
        if (t.rule.needsTerritory && !takesTerritory(cText.slice(t.end), cBase + t.end)) return false;
        return !t.rule.needsForces || FORCES_RE.test(sText);
      });
      const specific = accepted.filter((t) => t.rule.form !== 'casualty');
      if (!accepted.length || (!specific.length && !violentDeaths(cText))) continue;
      // Violence first; deaths outrank a movement or a displacement told beside them.
      const primary = specific.find((t) => t.rule.violent) ?? accepted.find((t) => t.rule.form === 'casualty') ?? specific[0];
      // "Two were killed as police fired tear gas to disperse protesters": deaths told with a protest's
      // policing are that protest met with excessive force.
      const policedProtest = primary.rule.form === 'casualty' && accepted.some((t) => t.rule.type === 'Protests');
      const typed = policedProtest
        ? { type: 'Protests' as const, subType: 'Excessive force against protesters' }
        : crowdClashType(primary.rule.form === 'casualty' ? casualtyType(cText) : primary.rule.oneSided ? oneSidedType(primary.rule, cText) : primary.rule, cText);
      const { type } = typed;
      const subType = type === 'Protests' ? protestSubType(cText) : primary.rule.weaponDecides ? weaponSubType(cText) ?? typed.subType : typed.subType;
      const shift = (t: TriggerMatch): TriggerMatch => ({ ...t, start: t.start + cBase, end: t.end + cBase });
      perClause.push({
        spans: [{ start: cBase, end: base + c.end }],
        primary: shift(primary),
        triggers: [primary, ...accepted.filter((t) => t !== primary)].map(shift),
        type,
        subType,
        violent: primary.rule.violent,
        casualtyOnly: !specific.length,
        passiveCasualty: !specific.length && accepted.every((t) => t.passive),
      });
    }
    // Neighbouring clauses of one type, or deaths beside the attack that caused them, are one event.
    const merged: Candidate[] = [];
    for (const c of perClause) {
      const last = merged[merged.length - 1];
      // "demonstrators torched a building in Bandung, while in Surabaya protesters stormed …": one
      // event per place, as ACLED codes them, when each clause tells its own action at its own place.
      const apart = last && !last.casualtyOnly && !c.casualtyOnly && placesApart(last.spans, c.spans);
      if (last && !apart && (last.type === c.type || last.casualtyOnly || c.casualtyOnly)) {
        const keep = last.casualtyOnly && !c.casualtyOnly ? c : last;
        const other = keep === c ? last : c;
        merged[merged.length - 1] = { ...keep, spans: [...last.spans, ...c.spans], triggers: [...keep.triggers, ...other.triggers], casualtyOnly: last.casualtyOnly && c.casualtyOnly, passiveCasualty: last.passiveCasualty && c.passiveCasualty };
      } else merged.push(c);
    }
    // "Police fired tear gas and arrested dozens of people": arrests at a protest are that protest's
    // policing (ACLED: a protest with intervention), not an event of their own.
    const protest = merged.find((c) => c.type === 'Protests' || c.type === 'Riots');
    const arrests = protest ? merged.filter((c) => c.subType === 'Arrests') : [];
    if (arrests.length) {
      protest!.spans = [...protest!.spans, ...arrests.flatMap((c) => c.spans)].sort((a, b) => a.start - b.start);
      if (protest!.subType === 'Peaceful protest') protest!.subType = 'Protest with intervention';
      merged.splice(0, merged.length, ...merged.filter((m) => !arrests.includes(m)));
    }
    // A movement, closure or displacement told beside violence is part of that violence.
    if (!merged.some((c) => c.violent)) return merged;
    let out = merged.filter((c) => c.violent);
    const foldInto = (c: Candidate, into: Candidate[]) => {
      const target = into.reduce((a, b) => (Math.abs(b.spans[0].start - c.spans[0].start) < Math.abs(a.spans[0].start - c.spans[0].start) ? b : a));
      target.spans = [...target.spans, ...c.spans].sort((a, b) => a.start - b.start);
    };
    for (const c of merged.filter((m) => !m.violent)) foldInto(c, out);
    // "she stormed the venue and detonated the IED": one side's assault beside a bombing, a strike
    // or shelling in one sentence is that remote violence, not an event of its own.
    const specific = out.filter((c) => c.type === 'Explosions/Remote violence');
    const assaults = out.filter((c) => c.type !== 'Explosions/Remote violence' && c.primary.rule.oneSided);
    if (specific.length && assaults.length) {
      for (const c of assaults) foldInto(c, specific);
      out = out.filter((c) => !assaults.includes(c));
    }
    return out;
  }

  /** Whether two clauses each name a literal place and share none. */
  function placesApart(a: Span[], b: Span[]): boolean {
    const ids = (spans: Span[]) => new Set(spans.flatMap((sp) => literalIn(sp).map((m) => m.place!.id)));
    const x = ids(a);
    const y = ids(b);
    return x.size > 0 && y.size > 0 && ![...x].some((id) => y.has(id));
  }

  /** Territory follows a capture verb: a territory word, or a place named right after it. */
  function takesTerritory(after: string, at: number): boolean {
    if (/^\s*(?:control|ground)\b/i.test(after) || TERRITORY_RE.test(after)) return true;
    const k = lastBelow(literalStarts, at);
    return k < literal.length && literal[k].start - at <= 25;
  }

  function eventDate(d: Draft, n: number): { date: string | null; precision: DatePrecision; dateText: string; dateSpan?: Span } {
    const s = sentences[d.sentence];
    const at = d.primary.start;
    // "to avenge the April 22 terror attack": a day that dates another event named after it is not this one's.
    const own = eventDatesIn(s).filter((t) => !datesAnotherEvent(t, d));
    const inClause = own.filter((t) => d.spans.some((sp) => t.start >= sp.start && t.end <= sp.end));
    let pick = best(inClause.length ? inClause : own, at);
    // "The ministry said on Thursday that one Palestinian was killed", "The fighters said Sunday they
    // had captured …": no day of its own, but it happened by the day its own sentence tells it,
    // which is closer than a day another sentence names or a later publication day.
    const told = pick ? null : best(datesIn(s).filter((t) => telling.has(t) && t.date && t.precision === 'day' && (pubDay === null || dayNumber(t.date) < pubDay)), at);
    if (told) return { date: told.date, precision: 'approximate', dateText: told.text, dateSpan: { start: told.start, end: told.end } };
    const prev = sentences[d.sentence - 1];
    if (!pick && prev && prev.paragraph === s.paragraph) {
      // The day of the event the sentence before tells, if it told one; else its last day.
      // Events are in text order: only the few just before this one can be the previous sentence's.
      let before: ConflictEvent | undefined;
      for (let k = n - 1; k >= 0 && events[k].sentence.start >= prev.start; k--) if (events[k].sentence.start === prev.start && events[k].dateText && events[k].date) before = events[k];
      if (before) return { date: before.date, precision: before.datePrecision, dateText: before.dateText, dateSpan: before.dateSpan };
      pick = best(eventDatesIn(prev).filter((t) => !datesAnotherEvent(t, null)), prev.end);
    }
    if (pick) return { date: pick.date, precision: pick.date ? pick.precision : 'unknown', dateText: pick.text, dateSpan: { start: pick.start, end: pick.end } };
    // The story it continues: an undated past-tense event right after a dated one happened that day.
    const trigger = d.primary;
    const span = d.spans.find((sp) => trigger.start >= sp.start && trigger.end <= sp.end) ?? d.spans[0];
    // Arrests come after the story's day ("Two suspects were arrested in Villanueva"), not on it.
    const past = d.subType !== 'Arrests' && isNarrativePast(text.slice(span.start, trigger.start), trigger, text.slice(trigger.end, span.end));
    for (let k = n - 1; past && k >= 0 && drafts[k].lastSentence >= d.sentence - STORY_REACH; k--) {
      const story = events[k];
      if (story.dateText && story.date) return { date: story.date, precision: story.datePrecision, dateText: story.dateText, dateSpan: story.dateSpan };
    }
    return { date: publication.published, precision: publication.published ? publication.precision : 'unknown', dateText: '' };
  }

  /** Whether a date is an attribute of an event noun right after it ("the April 22 attack", "Monday's strike") that is not `d`'s own action. */
  function datesAnotherEvent(t: TemporalExpression, d: Draft | null): boolean {
    const m = ATTRIBUTIVE_EVENT.exec(text.slice(t.end, t.end + 40));
    if (!m) return false;
    const nounAt = t.end + m[0].length - m[1].length;
    return !d || d.primary.start !== nounAt;
  }

  function eventPlaces(d: Draft): { places: ConflictEvent['places']; geoPrecision: GeoPrecision } {
    if (d.explicit.length) return { places: d.explicit.map((p) => toEventPlace(p, false)), geoPrecision: Math.min(...d.explicit.map((p) => p.precision)) as GeoPrecision };
    const s = sentences[d.sentence];
    const prevDraft = explicitAt.get(d.sentence - 1);
    if (prevDraft && sentences[d.sentence - 1].paragraph === s.paragraph) {
      return { places: prevDraft.explicit.map((p) => toEventPlace(p, true)), geoPrecision: Math.min(...prevDraft.explicit.map((p) => p.precision)) as GeoPrecision };
    }
    // "While trying to bury the dead, another bomber detonated an IED at the burial ground": the
    // story's town, told a few sentences before, is a better guess than the whole theatre.
    const story = storyPlaces(d);
    if (story) return { places: story.map((p) => toEventPlace(p, true)), geoPrecision: Math.max(2, ...story.map((p) => p.precision)) as GeoPrecision };
    if (theatre) return { places: [toEventPlace({ place: theatre, precision: 3 }, true)], geoPrecision: 3 };
    return { places: [], geoPrecision: 3 };
  }

  /**
   * The places of the latest event with places of its own in the ANAPHOR_REACH sentences before,
   * when they are towns or sites inside the article's theatre (a region or country would add
   * nothing to the theatre itself).
   */
  function storyPlaces(d: Draft): LocatedPlace[] | null {
    for (let k = d.sentence - 1; k >= 0 && k >= d.sentence - ANAPHOR_REACH; k -= 1) {
      const before = explicitAt.get(k);
      if (!before) continue;
      const fine = before.explicit.every((p) => STORY_PLACE_PRECISION >= p.precision && (!theatre || p.place.countryCode === theatre.countryCode));
      return fine ? before.explicit : null;
    }
    return null;
  }

  function isHistory(e: ConflictEvent, d: Draft): boolean {
    const s = sentences[d.sentence];
    if (pubDay === null || !e.date || !e.dateSpan || e.dateSpan.start < s.start || e.dateSpan.end > s.end) return false;
    if (e.datePrecision === 'year') return true;
    return pubDay - dayNumber(e.date) > HISTORY_DAYS && !d.explicit.length;
  }

  function countryOf(placeId: string): string | null {
    const place = placeOf.get(placeId);
    return place ? countryName(place.countryCode) ?? (place.kind === 'country' ? place.name : null) : null;
  }

  /**
   * An event told only as deaths ("eight soldiers were killed by the Syrian Army") takes its
   * weapon from a definite description of an attack by the same actors elsewhere in the
   * article ("the mortar attack by Assad regime forces on Turkish observation posts"), when
   * exactly one such description exists.
   */
  function refineCasualtyTypes(evs: ConflictEvent[], ds: Draft[]): void {
    if (!ds.some((d) => d.casualtyOnly)) return;
    const described: Array<{ type: AcledEventType; subType: string; text: string; actors: string[]; sentence: number }> = [];
    const theatreCtx = { countryName, eventCountry: theatre ? countryName(theatre.countryCode) ?? theatre.name : null };
    sentences.forEach((s, i) => {
      const sText = text.slice(s.start, s.end);
      for (const t of findTriggers(sText)) {
        if (t.rule.form !== 'noun' || !t.rule.violent || !/\bthe\s+(?:(?!to\b)[\w-]+\s+){0,2}$/i.test(sText.slice(0, t.start))) continue;
        // The description's own actors: "the mortar attack by <doer> on <target>".
        const phrase = sText.slice(t.start, t.end + DESCRIPTION_CHARS).split(/[;:"“”]|,\s/)[0];
        described.push({ type: t.rule.type, subType: t.rule.subType, text: t.text, actors: findActors(phrase, s.start + t.start, mentionsIn({ start: s.start + t.start, end: s.start + t.start + phrase.length }), s.start + t.start, theatreCtx), sentence: i });
      }
    });
    evs.forEach((e, n) => {
      if (!ds[n].casualtyOnly) return;
      const fits = described.filter((x) => x.sentence !== ds[n].sentence && x.actors.some((a) => e.actors.includes(a)));
      const kinds = unique(fits.map((x) => `${x.type}|${x.subType}`));
      if (kinds.length !== 1) return;
      e.type = fits[0].type;
      e.subType = fits[0].subType;
      e.trigger += ` (the ${fits[0].text}, elsewhere in the article)`;
    });
  }
}

/** The expression to date an event by: the most precise, then the nearest to `at`. */
function best(exprs: TemporalExpression[], at: number): TemporalExpression | null {
  if (!exprs.length) return null;
  return [...exprs].sort((a, b) => Number(b.date !== null) - Number(a.date !== null) || PRECISION_RANK[a.precision] - PRECISION_RANK[b.precision] || Math.abs(a.start - at) - Math.abs(b.start - at))[0];
}

/** Territorial sub-types depend on who took the ground: the state's own forces regain it, others overtake it. */
function territorySubType(subType: string, actors: string[], country: string | null): string {
  if (subType !== 'Non-state actor overtakes territory' && subType !== 'Government regains territory') return subType;
  const doer = actors[0] ?? '';
  if (country && doer === `Military Forces of ${country}`) return 'Government regains territory';
  if (doer.startsWith('Military Forces of')) return 'Armed clash';
  return subType === 'Government regains territory' && !doer ? subType : 'Non-state actor overtakes territory';
}

function comparable(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

function sumNullable(values: Array<number | null>): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length ? known.reduce((a, b) => a + b, 0) : null;
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}


