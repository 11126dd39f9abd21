/**
 * Clauses and assertion: where in a sentence one event ends and the next begins, and whether a
 * trigger reports something that happened. News sentences pack several happenings ("Turkey shot
 * down two warplanes and struck the airport, as Syrian forces downed three drones") and wrap
 * many non-happenings in the same words ("threatened to launch an offensive", "could deploy
 * troops", "if any more soldiers are hurt", "denied any soldiers were killed"). The rules are
 * English grammar, not knowledge of any conflict:
 * - a clause ends at `;`, a dash, ", as/while/but/and …", "as the/its/<Name> …", "and" before an
 *   event verb, and after a leading subordinate clause ("Although …, ");
 * - a trigger is not asserted when, earlier in its clause, a modal or an intention/threat word
 *   (will, could, threatened, plans to, if, unless, likely…) or a negation (not, denied…) governs
 *   it, when it is an infinitive of purpose ("to retake", but "attempted to invade" is an
 *   attempt, which happened), a present progressive ("are fighting": ongoing, not an event), a
 *   participle used as an adjective ("the downed plane"), or inside "since …" (a time
 *   reference to an earlier event).
 */
import type { Span } from '../model.ts';
import { findTriggers, type TriggerMatch } from './event-types.ts';

const LEADING_SUBORDINATE = /^\s*(?:Although|Though|While|If|When|As|Because|Since|Despite|After|Before|Unless|Whereas|Once|Even though)\b[^,;]{3,200}?,\s*/;
const BOUNDARY = /;\s*|\s+[—–]\s+|,\s+(?=(?:as|while|whereas|but|although|though|because|and|or)\b)|\s+(?=(?:while|whereas|but)\s)|(?<!\b(?:such|well|so|just|as|same|seen))\s+(?=as\s+(?:the|its|their|his|her|[A-Z]))/g;

/**
 * The last item of a list of names after ", and": one to four capitalised words, perhaps its
 * region and a day ("and Cirebon in West Java on Saturday"), then a comma, a full stop or the end.
 */
const LIST_END_RE = /^(?:and|or)\s+(?:the\s+)?\p{Lu}[\p{L}'’-]*(?:\s+(?:al-|el-)?\p{Lu}[\p{L}'’-]*){0,3}(?:\s+in\s+(?:the\s+)?\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,2})?(?:\s+on\s+\p{Lu}[\p{L}]*)?\s*(?:[,.;]|$)/u;

/** Split a sentence into clauses; offsets relative to the sentence. */
export function splitClauses(sentence: string): Span[] {
  const cuts = new Set<number>([0, sentence.length]);
  const lead = LEADING_SUBORDINATE.exec(sentence);
  if (lead) cuts.add(lead[0].length);
  for (const m of sentence.matchAll(BOUNDARY)) {
    const at = m.index + m[0].length;
    // "in Rima Hazem, Areeqa, and Shahba, …": the last item of a list of names, not a new clause.
    if (m[0].startsWith(',') && LIST_END_RE.test(sentence.slice(at))) continue;
    cuts.add(at);
  }
  // "…shot down two warplanes and struck the airport": a coordinated event verb starts a clause.
  for (const m of sentence.matchAll(/\s+and\s+(?=\S)/g)) {
    const at = m.index + m[0].length;
    const next = findTriggers(sentence.slice(at, at + 60))[0];
    if (next && next.start === 0 && next.rule.form !== 'noun') cuts.add(at);
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const out: Span[] = [];
  for (let i = 0; i < sorted.length - 1; i++) if (sorted[i + 1] > sorted[i]) out.push({ start: sorted[i], end: sorted[i + 1] });
  return out;
}

const MODAL_RE = /\b(?:will|would|could|might|should|must|can|cannot|shall|won't|wouldn't|couldn't|going to|threat(?:en(?:s|ed|ing)?|s)?|plan(?:s|ned|ning)?\s+to|intend(?:s|ed|ing)?|vow(?:s|ed)?|promis(?:e|es|ed)|pledg(?:e|es|ed)|prepared\s+to|ready\s+to|expect(?:s|ed)?\s+to|likely|unlikely|if|unless|whether|want(?:s|ed)?\s+to|wish(?:es|ed)?\s+to|hop(?:e|es|ed)\s+to|seek(?:s|ing)?\s+to|sought\s+to|aim(?:s|ed)?\s+(?:to|at)|demand(?:s|ed)?|call(?:s|ed)?\s+for|urg(?:e|es|ed)|warn(?:s|ed|ing)?|risk\s+of|fears?\s+of|danger\s+of|prospect\s+of|possib(?:le|ly|ility)|potential(?:ly)?|imminent|would-be|in order to|so that|with the aim of|(?:goals?|aims?|objectives?|intentions?|ambitions?)\b(?:\s+\S+){0,3}?\s+to)\b/i;
/** "may" is a modal only in lower case: "In May, troops…" is a month. */
const MAY_RE = /\bmay\b/;
/** "no fewer than 100", "not less than 12": a count, not a negation. */
const NEGATION_RE = /\b(?:not|never|no|denied|deny|denies|denying|ruled?\s+out|without)\b(?!\s+only\b)(?!\s+(?:fewer|less|more)\s+than\b)|n't\b/i;
/** "to retake", "to besiege and eventually recapture": an infinitive, possibly coordinated. */
const INFINITIVE_RE = /\bto\s+(?:\w+ly\s+)?(?:[\w-]+\s+(?:and|or)\s+(?:\w+ly\s+)?)?$/i;
const ATTEMPT_RE = /\b(?:attempt(?:s|ed|ing)?|tr(?:y|ied|ies|ying)|managed|failed|continued|continues|began|begun|started|kept\s+on)\s+to\s+(?:\w+ly\s+)?(?:[\w-]+\s+(?:and|or)\s+(?:\w+ly\s+)?)?$/i;
/** A noun as the object of an infinitive: "to stop the shelling", "to prevent further air strikes". */
const NOUN_OF_INFINITIVE_RE = /\bto\s+(?!(?:the|a|an|its|their|his|her|this|that|these|those|be)\b)\w+\s+(?:(?:the|a|an|its|their|any|further|more)\s+)?(?:[\w-]+\s+){0,2}$/i;
const NOUN_OF_ATTEMPT_RE = /\b(?:attempt(?:s|ed|ing)?|tr(?:y|ied|ies|ying))\s+to\s+\w+\s+(?:\S+\s+){0,3}$/i;
const PROGRESSIVE_RE = /\b(?:is|are|am|'re|'s)\s+(?:(?:\w+ly|still|now|also)\s+)?$/i;
const DETERMINER_RE = /\b(?:the|a|an|its|their|his|her|our|this|that)\s+$/i;
const SINCE_RE = /\bsince\b/i;

/** Why a trigger is not asserted, or null when it reports something that happened. */
export function notAsserted(clauseBefore: string, trigger: TriggerMatch): string | null {
  if (MODAL_RE.test(clauseBefore) || MAY_RE.test(clauseBefore)) return 'modal';
  if (NEGATION_RE.test(clauseBefore)) return 'negated';
  if (SINCE_RE.test(clauseBefore)) return 'since';
  if (trigger.rule.form === 'noun' && NOUN_OF_INFINITIVE_RE.test(clauseBefore) && !NOUN_OF_ATTEMPT_RE.test(clauseBefore)) return 'infinitive';
  if (trigger.rule.form !== 'noun') {
    if (INFINITIVE_RE.test(clauseBefore) && !ATTEMPT_RE.test(clauseBefore)) return 'infinitive';
    if (/ing$/i.test(trigger.text) && PROGRESSIVE_RE.test(clauseBefore)) return 'progressive';
    if (/ed$/i.test(trigger.text) && DETERMINER_RE.test(clauseBefore)) return 'adjective';
  }
  return null;
}

/**
 * A tally over time, not one happening: "has killed more than 14,000 people since the siege
 * began", "the fighting has killed at least 40,000 people", "most of Gaza's population have fled",
 * "the war … has also displaced 1.9 million", "since 7 October", "so far this year", "over the past three months", "tens of thousands killed". ACLED
 * codes events, not totals; the total stays in the text.
 */
const AGGREGATE_RE = /\b(?:(?:most|much|half|all)\s+of\s+(?:[\w'’-]+\s+){0,3}?population|displaced\s+(?:multiple|several|many)\s+times|(?:the|this|that|its)\s+(?:[\w-]+\s+){0,2}?(?:war|fighting|conflict|violence|insurgency|campaign|siege|crisis|offensive)\b[^.;]{0,60}?\bha(?:s|ve)\s+(?:so\s+far\s+|now\s+|already\s+|also\s+)?(?:killed|left|claimed|displaced|uprooted)|so far|to date|in total|altogether|(?:over|in|during|within) the (?:past|last|previous) (?:\w+ )?(?:days|weeks|months|years|decades?)|since (?:(?:a|an) \w+ in (?:19|20)\d\d|(?:the )?(?:start|beginning|outbreak|war|conflict|siege|fighting|invasion|coup|uprising|crisis|insurgency)\b|it (?:began|started|erupted)|then|(?:early |late |mid-?)?(?:January|February|March|April|May|June|July|August|September|October|November|December)?\s*(?:19|20)\d\d|(?:the )?\d{1,2}(?:st|nd|rd|th)? (?:of )?(?:January|February|March|April|May|June|July|August|September|October|November|December)|(?:January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}(?:st|nd|rd|th)?)|this year|(?:in|during|over) (?:that|the) same period|throughout the (?:war|conflict|year)|(?:tens|hundreds) of thousands(?: of (?:people|civilians))?\s+(?:have been |had been |were )?(?:killed|dead|died))\b/i;

/**
 * How a war began, told in apposition: "The Israeli war in Gaza, launched after Hamas raided
 * southern Israel and killed about 1,200 people, has also displaced …". The span runs from the
 * war to the sentence's own verb ("has also displaced") or its end.
 */
const ORIGIN_RE = /\b(?:war|conflict|offensive|campaign|fighting|invasion|crisis|insurgency|uprising)\b[^.;,]{0,40},\s*(?:which\s+(?:was\s+)?)?(?:launched|started|began|erupted|broke out|sparked|triggered)\s+(?:after|when|by|following)\b[^;]*?(?=,\s+(?:has|have|had|is|are|was|were|continues|remains)\b|[.;]|$)/gi;

/** The spans of a sentence (offsets relative to it) that tell how a war began: background, never an event of the story. */
export function originSpans(sentence: string): Span[] {
  ORIGIN_RE.lastIndex = 0;
  return [...sentence.matchAll(ORIGIN_RE)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** Whether a clause tells a tally over time rather than one event (see AGGREGATE_RE). */
export function isAggregate(clause: string): boolean {
  return AGGREGATE_RE.test(clause);
}

/** Verbs that make a nominal trigger happen when they come before it: "carried out air strikes", "killed in clashes". */
const LIGHT_VERB_BEFORE = /\b(?:carried out|carrying out|carries out|resorted to|resorting to|conducted|conducting|launched|launching|staged|mounted|continued|continues|intensified|stepped up|resumed|unleashed|came under|come under|coming under|hit by|struck by|targeted by)\s+(?:\S+\s+){0,4}$|\b(?:killed|died|wounded|injured|hurt|shot)\b(?:\s+\S+){0,8}\s+$/i;
/** Finite verbs that make a nominal trigger their subject: "clashes erupted", "air strikes have been concentrated". */
const VERB_AFTER = /^(?:(?:\s+\S+){0,3}?|\s+(?:at|in|on|near|outside)(?:\s+\S+){1,7}?)\s+(?:was|were|has|have|had|killed|hit|struck|targeted|erupted|broke out|took place|occurred|happened|raged|flared(?: up)?|left|destroyed|damaged|intensified|resumed|continued|began|started|wounded|injured|claimed)\b|^\s+between\s+(?:\S+\s+){1,10}?(?:erupted|broke out|took place|occurred|happened|raged|flared|killed|left|continued|resumed|began|started)\b|^\s+by\s+(?:\S+\s+){1,6}?(?:killed|hit|struck|targeted|destroyed|damaged|wounded|left)\b/i;
/** How far (characters) a date may be from a nominal trigger and still be its own ("air strikes … on March 1"). */
const DATED_NOUN_CHARS = 60;

/**
 * Whether a nominal trigger reports a happening: a light verb before it, a finite verb after it
 * (it is the subject), or a date phrase right beside it in the clause.
 */
export function nounHappens(clause: string, trigger: TriggerMatch, datePhrases: Span[]): boolean {
  const before = clause.slice(0, trigger.start);
  const after = clause.slice(trigger.end);
  if (LIGHT_VERB_BEFORE.test(before) || VERB_AFTER.test(after)) return true;
  // Its own date: after it ("air strikes … on March 1"), or right before it ("Monday's air strikes").
  return datePhrases.some((d) => d.start >= 0 && d.end <= clause.length && (
    (d.start >= trigger.end && d.start - trigger.end <= DATED_NOUN_CHARS) ||
    (d.end <= trigger.start && /^(?:['’]s)?\s+(?:[\w-]+\s+){0,2}$/.test(clause.slice(d.end, trigger.start)))));
}

/**
 * Whether a trigger is told in the narrative past ("stormed", "were killed", "clashes erupted")
 * rather than the perfect or present ("has stepped up", "air strikes have been concentrated",
 * "is bombing"): only the narrative past continues the day of the story before it.
 */
export function isNarrativePast(before: string, trigger: TriggerMatch, after: string): boolean {
  const present = /\b(?:has|have|is|are|am)\b|['’](?:ve|re)\b/i;
  const lastWords = before.split(/\s+/).slice(-4).join(' ');
  if (present.test(lastWords)) return false;
  if (trigger.rule.form === 'noun') return !present.test(after.split(/\s+/).slice(0, 4).join(' '));
  return true;
}
