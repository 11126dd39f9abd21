/**
 * The trigger lexicon: the words that report a conflict event, each mapped to ACLED's event type
 * and sub-type (ACLED Codebook, 2023, sections 2-3: https://acleddata.com/acleddatanew/wp-content/uploads/dlm_uploads/2023/06/ACLED_Codebook_2023.pdf).
 * The lexicon is about war reporting in English in general, not about one conflict: nothing
 * here names a place, an actor or a weapon system of the sample articles.
 *
 * A trigger has a grammatical form, because the form decides when it reports a happening:
 * - `verb`: "shelled", "stormed", "shot down": an event unless negated, hedged or future;
 * - `noun`: "air strikes", "clashes", "offensive": only with a verb that makes it happen
 *   ("carried out air strikes", "clashes erupted", "killed in an air strike") or a date of its
 *   own ("air strikes … on March 1"); "the army's offensive" alone is a topic, not a report;
 * - `casualty`: "were killed", "lost two soldiers", "killing 70": deaths, whose type comes from
 *   the rest of the clause (a weapon named, civilians as victims) or defaults to an armed clash.
 */
import type { AcledEventType, Span } from '../model.ts';

export type TriggerForm = 'verb' | 'noun' | 'casualty';

/** One entry of the lexicon. */
export interface TriggerRule {
  /** Matched case-insensitively; alternatives are whole words. */
  pattern: RegExp;
  /** Grammatical form: decides when the trigger reports a happening (see the module comment). */
  form: TriggerForm;
  /** ACLED event type. */
  type: AcledEventType;
  /** ACLED sub-event type. */
  subType: string;
  /** Violence (battles, remote violence, attacks on civilians, riots): wins over strategic developments in a clause. */
  violent: boolean;
  /** Only an event when the sentence names armed forces ("troops entered", "jets struck"), not "the disease struck". */
  needsForces?: boolean;
  /** Only an event when territory is taken: a place or a word like town, base, control follows ("seized the town", not "seized 3,000 kilos"). */
  needsTerritory?: boolean;
  /**
   * One side's action ("attacked", "stormed", "an ambush"), not a fight between two: its type
   * comes from the clause, as for deaths (`casualtyType`): the weapon, else the victims.
   */
  oneSided?: boolean;
  /**
   * A move into territory ("an incursion into a dozen towns and villages", "invaded the
   * communities"): violence against civilians only when people are killed, else a battle.
   */
  territorial?: boolean;
  /** A verb that names no weapon ("struck", "hit"): the weapon the clause names decides the sub-type ("hit Kharkiv with S-300 missiles"). */
  weaponDecides?: boolean;
}

/** A trigger found in a text, with offsets relative to that text. */
export interface TriggerMatch extends Span {
  /** The lexicon entry it matched. */
  rule: TriggerRule;
  /** The words as written. */
  text: string;
  /** For casualty triggers: the victims are the grammatical subject ("were killed", "lost two soldiers"), no new actor acts. */
  passive: boolean;
}

const ERV: AcledEventType = 'Explosions/Remote violence';
const SD: AcledEventType = 'Strategic developments';
const AIR = 'Air/drone strike';
const SHELL = 'Shelling/artillery/missile attack';
const CLASH = 'Armed clash';

const rule = (pattern: RegExp, form: TriggerForm, type: AcledEventType, subType: string, extra: Partial<TriggerRule> = {}): TriggerRule => ({
  pattern: new RegExp(pattern.source, 'gi'),
  form,
  type,
  subType,
  violent: type !== SD && type !== 'Protests',
  ...extra,
});

/** The lexicon. Where two entries overlap in a text, the longer match wins. */
export const TRIGGERS: TriggerRule[] = [
  // Explosions/Remote violence
  rule(/\b(?:air|aerial|drone|kamikaze drone|suicide drone|UAV|air[- ]force|helicopter|gunship|warplane|jet|fighter jet)\s+(?:strikes?|raids?|attacks?|assaults?|bombardments?|bombings?)\b|\bairstrikes?\b|\bair raids?\b|\bbombing(?:s| campaigns?| raids?)?\b|\bbombardments?\b|\bbarrel bombs?\b/, 'noun', ERV, AIR),
  rule(/\b(?:bombed|bombarded|dropped\s+(?:[\w-]+\s+){0,2}?(?:bombs|barrel bombs|explosives))\b/, 'verb', ERV, AIR),
  rule(/\b(?:struck|hit)\b/, 'verb', ERV, AIR, { needsForces: true, weaponDecides: true }),
  // A strike on its own is an air or drone strike; a labour or hunger strike is none.
  rule(/\b(?<!\b(?:general|hunger|labou?r|workers['’]?|nationwide|national|teachers['’]?|doctors['’]?|transport|rail|sit-down)\s)strikes?\b(?!\s+(?:action|by\s+(?:workers|teachers|doctors|unions?)))/, 'noun', ERV, AIR),
  rule(/\b(?:shelling|artillery\s+(?:fire|strikes?|attacks?|barrages?|shells?)|mortar\s+(?:attacks?|fire|shells?|rounds?|strikes?)|(?:missile|rocket|ballistic missile|cruise missile)\s+(?:strikes?|attacks?|barrages?|fire|salvos?)|rocket\s+fire|barrages?)\b/, 'noun', ERV, SHELL),
  rule(/\b(?:shelled|fired\s+(?:rockets|missiles|mortars?|mortar rounds|shells|artillery)|launched\s+(?:[\w-]+\s+){0,3}?(?:rockets|missiles))\b/, 'verb', ERV, SHELL),
  rule(/\b(?:pounded|pounding|pound)\b/, 'verb', ERV, SHELL, { needsForces: true }),
  // The weapon as the subject: "a missile hit a school", "drones struck the depot", "shells landed".
  rule(/\b(?:missiles?|rockets?|shells?|projectiles?|mortars?)\s+(?:\w+\s+){0,2}?(?:hit|struck|slammed into|landed|fell|exploded)\b/, 'verb', ERV, SHELL),
  rule(/\b(?:drones?|UAVs?|warplanes?|jets|helicopters?)\s+(?:\w+\s+){0,2}?(?:hit|slammed into|targeted)\b/, 'verb', ERV, AIR),
  rule(/\bsuicide\s+(?:bomb(?:ing|ings|er|ers|s)?|attacks?|blasts?)\b/, 'noun', ERV, 'Suicide bomb'),
  rule(/\bblew\s+(?:himself|herself|themselves)\s+up\b/, 'verb', ERV, 'Suicide bomb'),
  rule(/\b(?:IEDs?|improvised explosive devices?|explosive devices?|roadside bombs?|car bomb(?:s|ings?)?|landmines?|land mines?|bomb\s+(?:blasts?|explosions?|attacks?)|bombs?\s+(?:exploded|went off))\b/, 'noun', ERV, 'Remote explosive/landmine/IED'),
  rule(/\bdetonated\b/, 'verb', ERV, 'Remote explosive/landmine/IED'),
  rule(/\bgrenade(?:s|\s+attacks?)?\b/, 'noun', ERV, 'Grenade'),
  rule(/\bchemical\s+(?:weapons?\s+)?attacks?\b|\b(?:sarin|chlorine|mustard)(?:\s+gas)?\s+attacks?\b/, 'noun', ERV, 'Chemical weapon'),
  // Battles
  rule(/\b(?:clash(?:es)?|fighting|gun\s?battles?|gun-?fights?|firefights?|shoot-?outs?|exchanges? of (?:gun)?fire|battles?|skirmish(?:es)?|(?:counter-?)?offensives?|shooting down|downing)\b/, 'noun', 'Battles', CLASH),
  // A security operation is reported as one when it was carried out ("an intelligence-based operation was conducted").
  rule(/\b(?:(?:military|security|army|intelligence-based|counter-?terror(?:ism)?|counter-?insurgency|clearance|sanitisation|sanitization|cordon-and-search|search)\s+operations?|IBOs?)\b/, 'noun', 'Battles', CLASH),
  rule(/\b(?:ambush(?:es)?|assaults?|(?<!\b(?:heart|panic|anxiety|asthma|cyber)\s)attacks?)\b/, 'noun', 'Battles', CLASH, { oneSided: true }),
  rule(/\b(?:invasion|incursions?)\b/, 'noun', 'Battles', CLASH, { oneSided: true, territorial: true }),
  rule(/\b(?:clashed|fought|repelled|repulsed|shot down|downed)\b/, 'verb', 'Battles', CLASH),
  rule(/\b(?:stormed|ambushed|attacked|assaulted|raided|machine-gunned|opened\s+fire(?:\s+(?:on|at))?|shot\s+at)\b/, 'verb', 'Battles', CLASH, { oneSided: true }),
  rule(/\b(?:invaded|invade|invading)\b/, 'verb', 'Battles', CLASH, { oneSided: true, territorial: true }),
  rule(/\b(?:captured|seized|overran|overrun|wrested|wresting|took(?=\s+(?:the\s+)?(?:[\w-]+\s+)?(?:town|city|village|outpost|base|airport|district|capital|stronghold)s?\b)|took\s+(?:full\s+)?control\s+of|(?:claimed|seized|gained|assumed|wrested|won)\s+(?:full\s+)?control\s+(?:of|over)|taken\s+(?:full\s+)?control\s+of|took over|(?:gained|taken|took|seized|captured)\s+(?:[\w-]+\s+){0,4}?ground)\b/, 'verb', 'Battles', 'Non-state actor overtakes territory', { needsTerritory: true }),
  rule(/\b(?:recaptured|retook|retake|retaking|regained|reclaimed|recapture)\b/, 'verb', 'Battles', 'Government regains territory', { needsTerritory: true }),
  // Violence against civilians
  rule(/\b(?:massacred|executed|beheaded|decapitated|lynched|stabbed|hacked(?:\s+to\s+death)?|tortured|mutilated|(?:burned|burnt)\s+alive)\b/, 'verb', 'Violence against civilians', 'Attack'),
  rule(/\b(?:massacres?|executions?)\b/, 'noun', 'Violence against civilians', 'Attack'),
  // Not as an adjective: "the bodies of abducted men", "the kidnapped students" (told before, not now).
  rule(/\b(?<!\b(?:of|the|an?|their|his|her|its|those|these|some|all|[0-9]+|two|three|four|five|six|seven|eight|nine|ten)\s+)(?:abducted|kidnapped)\b/, 'verb', 'Violence against civilians', 'Abduction/forced disappearance'),
  rule(/\b(?:abductions?|kidnappings?)\b/, 'noun', 'Violence against civilians', 'Abduction/forced disappearance'),
  rule(/\b(?:raped|sexually assaulted)\b/, 'verb', 'Violence against civilians', 'Sexual violence'),
  // Protests and riots
  rule(/\b(?:protested|demonstrated|rallied|took to the streets|marched|staged\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}?(?:protests?|demonstrations?|rall(?:y|ies)|sit-ins?|marches|walkouts?))\b/, 'verb', 'Protests', 'Peaceful protest'),
  rule(/\b(?:(?:fired|used)\s+tear\s?gas|dispersed\s+(?:the\s+)?(?:protesters|demonstrators|crowds?|protests?|rall(?:y|ies)))\b/, 'verb', 'Protests', 'Protest with intervention'),
  rule(/\b(?:protests?|demonstrations?|rall(?:y|ies)|sit-ins?)\b/, 'noun', 'Protests', 'Peaceful protest'),
  // A crowd's own violence: "protesters torched the building", "his supporters stormed the army headquarters".
  rule(/\b(?:protesters|protestors|demonstrators|rioters|mobs?|crowds?|(?:(?:his|her|their|party|opposition)\s+(?:[\w-]+\s+)?|[a-z][\w-]*['’]s\s+)supporters|youths)\s+(?:[\w'’-]+\s+){0,3}?(?:torched|set fire to|set\s+(?:[\w-]+\s+){0,3}?(?:ablaze|on fire)|stormed|vandali[sz]ed|ransacked|burned|burnt|damaged|smashed)\b/, 'verb', 'Riots', 'Violent demonstration'),
  rule(/\b(?:rioted|looted|(?:threw|hurled|pelted\s+(?:[\w-]+\s+){0,3}?with)\s+(?:stones|rocks|petrol bombs|molotov cocktails)|(?:burned|burnt|burning)\s+tyres|stoned)\b/, 'verb', 'Riots', 'Violent demonstration'),
  // Riot police, riot gear, anti-riot units are the response, not a riot.
  rule(/\b(?:(?<!\banti-)riots?(?!\s+(?:police|policemen|gear|shields?|control|squads?|units?|officers?|troops|forces|act))|rioting|mob\s+(?:attacks?|violence))\b/, 'noun', 'Riots', 'Violent demonstration'),
  // Strategic developments
  rule(/\b(?:entered|(?:moved|rolled|crossed|advanced|pushed|swept)\s+(?:[\w-]+\s+){0,3}?into)\b/, 'verb', SD, 'Other', { needsForces: true }),
  rule(/\b(?:deployed|sent\s+(?:troops|reinforcements|soldiers))\b/, 'verb', SD, 'Other', { needsForces: true }),
  rule(/\b(?:withdrew|pulled out|retreated)\b/, 'verb', SD, 'Non-violent transfer of territory', { needsForces: true }),
  rule(/\bclosed\s+(?:down\s+)?(?:(?:all|the|its|their)\s+)?(?:[\w-]+\s+)?(?:borders?|border crossings?|crossings?)\b/, 'verb', SD, 'Other'),
  rule(/\b(?:fled|were displaced|been displaced|forced\s+to\s+flee|drove\s+(?:[\w-]+\s+){1,3}from\s+their\s+homes|forced\s+(?:[\w-]+\s+){0,3}from\s+their\s+homes|uprooted)\b/, 'verb', SD, 'Other'),
  rule(/\b(?:arrested|detained|rounded up|jailed)\b/, 'verb', SD, 'Arrests'),
  rule(/\b(?:signed\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?(?:agreement|ceasefire|truce|deal|accord)|agreed\s+(?:on|to)\s+(?:[\w-]+\s+){0,4}?(?:ceasefire|truce|deal|accord|agreement|prisoner exchange|swap))\b/, 'verb', SD, 'Agreement'),
  rule(/\b(?:established|set up|built)\s+(?:an?\s+|new\s+)?(?:military\s+)?(?:base|headquarters|outposts?)\b/, 'verb', SD, 'Headquarters or base established'),
  rule(/\b(?:torched|set fire to|set\s+(?:[\w-]+\s+){0,3}?(?:ablaze|on fire)|burned down|destroyed|demolished|razed)\b/, 'verb', SD, 'Looting/property destruction', { needsForces: true }),
  rule(/\b(?:intercepted|defused)\b/, 'verb', SD, 'Disrupted weapons use'),
];

/** Deaths: their type is decided by the clause (see `casualtyType`). */
export const CASUALTY_RULE: TriggerRule = rule(/\bkill(?:ed|ing|s)?\b|\bslain\b|\bshot dead\b|\bgunned down\b|\bloss of\s+(?:[\w,]+\s+){0,3}lives\b|\bdied\b|\bdead\b|\bdeaths?\s+(?=of\b|toll\b)|\bdeath toll\b|\blost\b(?=\s+(?:[\w-]+\s+){0,2}(?:soldiers|troops|men|lives|fighters|servicemen|personnel))/, 'casualty', 'Battles', CLASH);
const PASSIVE_BEFORE = /\b(?:were|was|been|be|are|is|got|get)\s+(?:\w+ly\s+|all\s+|also\s+)?$/i;

const ALL_RULES = [...TRIGGERS, CASUALTY_RULE];
/**
 * Any rule's pattern: most clauses have no trigger at all, and one scan tells so (each rule's
 * own scan costs about as much). Every alternative of every rule opens with \b, so the \b can
 * lead the whole, which irregexp scans several times faster (test/extract-events-lexicon.test.ts
 * checks the openings).
 */
const ANY_TRIGGER_RE = new RegExp(`\\b(?:${ALL_RULES.map((r) => r.pattern.source).join('|')})`, 'i');

/**
 * Whether any rule matches in a text. A clause of a sentence without a trigger has none either:
 * clauses start after a space or a `;`, so a `\b` at their start is one in the sentence, and
 * the rules' lookarounds see less of a clause than of its sentence, never more.
 */
export function hasTrigger(text: string): boolean {
  return ANY_TRIGGER_RE.test(text);
}

/** All triggers in a text, longest first where they overlap, in text order. */
export function findTriggers(text: string): TriggerMatch[] {
  const found: TriggerMatch[] = [];
  if (!hasTrigger(text)) return found;
  for (const r of ALL_RULES) {
    // An exec loop rather than matchAll, which clones the pattern on every call; no pattern matches the empty string.
    r.pattern.lastIndex = 0;
    for (let m = r.pattern.exec(text); m; m = r.pattern.exec(text)) {
      const word = m[0].trim();
      let passive = false;
      if (r === CASUALTY_RULE) {
        const before = text.slice(0, m.index);
        passive = !/^kill(?:ing|s)?$/i.test(word) && (!/^killed$/i.test(word) || PASSIVE_BEFORE.test(before) || /^\s+(?:in|by|on|during|when|as|after|while|and)\b/i.test(text.slice(m.index + m[0].length)));
      }
      found.push({ start: m.index, end: m.index + word.length, text: word, rule: r, passive });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const out: TriggerMatch[] = [];
  for (const t of found) {
    const last = out[out.length - 1];
    if (last && t.start < last.end) continue;
    out.push(t);
  }
  return out;
}

const CIVILIANS_RE = /\b(?:civilians?|residents|villagers|children|women|worshippers|students|families|refugees|protesters|demonstrators|passers-by|journalists|aid workers)\b/i;
const COMBATANT_WORDS = 'soldiers|troops|forces|army|fighters|militants|rebels|jihadists|insurgents|militias?|servicemen|personnel|gunmen|police(?:men)?|officers';
const COMBATANTS_RE = new RegExp(`\\b(?:${COMBATANT_WORDS})\\b`, 'i');

/** Signs that deaths were violent: armed people, weapons, attacks. Without them "died" is illness or accident. */
const VIOLENCE_RE = /\b(?:shot|shooting|gunmen|gunfire|gunshots?|armed|attack\w*|bomb\w*|blasts?|explosions?|stabb\w*|ambush\w*|raids?|(?:air\s?|drone\s)?strikes?|shell\w*|clash\w*|fighting|war|violence|massacre\w*|executed|wounds)\b/i;

/** The type of one side's action from its clause: a move into territory that kills nobody is a battle (see `territorial`). */
export function oneSidedType(rule: TriggerRule, clause: string): { type: AcledEventType; subType: string } {
  return rule.territorial && !KILLED_RE.test(clause) && !weaponSubType(clause) ? rule : casualtyType(clause);
}

/** Being killed, not dying: someone did it, unless the clause names an accident or a disaster. */
const KILLED_RE = /\b(?:killed|killing|slain|gunned down|shot dead|murdered|hacked to death|burnt to death|burned to death)\b/i;
const ACCIDENT_RE = /\b(?:accidents?|crash\w*|collisions?|collided|derail\w*|capsiz\w*|sank|drown\w*|floods?|flooding|landslides?|mudslides?|earthquakes?|quakes?|storms?|cyclones?|hurricanes?|typhoons?|tornado\w*|lightning|avalanches?|heat\s?waves?|stampedes?|epidemic|outbreak|cholera|disease|virus|illness|overdoses?|electrocuted|collapse\w*|wildfires?|(?:house|building|factory)\s+fires?|gas\s+leak)\b/i;

/**
 * Whether deaths told without a weapon were violent: combatants among the dead or the doers,
 * violence named, or people killed (not died) with no accident or disaster named ("five people
 * were killed in Jiribam district on Saturday").
 */
export function violentDeaths(clause: string): boolean {
  return COMBATANTS_RE.test(clause) || VIOLENCE_RE.test(clause) || (KILLED_RE.test(clause) && !ACCIDENT_RE.test(clause));
}

/** Weapons named as the means, in the order they decide the sub-type (ACLED: the means, not the victims, make remote violence). */
const WEAPONS: Array<[RegExp, string]> = [
  [/\bsuicide\s+(?:bomb\w*|attack\w*|vest|car|vehicle|drone)|\bsuicide[- ]bomber/i, 'Suicide bomb'],
  [/\b(?:drones?|UAVs?|air\s?strikes?|air raids?|warplanes?|fighter jets?|jets|aircraft|helicopters?|gunships?|aerial|bombs? dropped|bombed)\b/i, AIR],
  [/\b(?:shell(?:s|ing|ed)?|artillery|mortars?|rockets?|missiles?|howitzers?|Grad|Katyusha|projectiles?|barrages?)\b/i, SHELL],
  [/\bgrenades?\b/i, 'Grenade'],
  [/\b(?:IEDs?|explosive devices?|roadside bombs?|car bombs?|landmines?|land mines?|mines?\s+(?:exploded|blast)|bombs?|explosions?|blasts?|explosives)\b/i, 'Remote explosive/landmine/IED'],
];

/** The remote weapon a clause names as the means of an attack or of deaths, or null. */
export function weaponSubType(clause: string): string | null {
  for (const [re, subType] of WEAPONS) if (re.test(clause)) return subType;
  return null;
}

/** Unarmed people and the places where they are: victims that make an attack violence against civilians. */
const CIVILIAN_TARGETS_RE = /\b(?:civilians?|residents|villagers?|villages?|children|women|men|a (?:man|woman|boy|girl)|worshippers|mourners|students|families|refugees|displaced|protesters?|demonstrators?|passers-by|passengers|shoppers|farmers|herders|traders|patients|journalists|aid workers|monks?|priests?|homes|houses|markets?|mosques?|church(?:es)?|schools?|hospitals?|funerals?|weddings?|communit(?:y|ies)|(?:displacement|refugee|IDP) camps?|persons|people)\b/i;
/**
 * Armed people who are not a fighting force and whose attacks ACLED codes as violence against
 * civilians when no combatant dies and no fight is told: settlers, herdsmen, gangs, mobs
 * ("a Palestinian was killed by Israeli settlers", "a gang attack on a small town").
 */
const CIVILIAN_ATTACKERS_RE = /\b(?:settlers|herdsmen|herder militias?|gangs?|gang members|gangsters|mobs?|vigilantes)\b/i;
/** Combatants as the dead: "soldiers were killed", "two fighters died", "killing two police officers" (not "militants … killed" or "killed by gunmen": the killers). */
const COMBATANT_DEAD_RE = new RegExp(
  `(?:${COMBATANT_WORDS})\\b(?:\\s+[\\w'’-]+){0,4}?\\s+(?:(?:were|was|had been|have been|has been|been)\\s+(?:\\w+ly\\s+)?(?:killed|slain)|dead|died)|\\b(?:killed|killing|kills|kill)\\s+(?:(?!by\\b)[\\w'’-]+\\s+){0,4}?(?:${COMBATANT_WORDS})\\b`,
  'i',
);

/**
 * Type of a casualty-only clause or a bare "attack": a remote weapon named makes it remote
 * violence; unarmed victims (civilians, villagers, a market, a funeral), with no combatant
 * among the dead and no fight between armed sides, make it violence against civilians;
 * otherwise an armed clash.
 */
export function casualtyType(clause: string): { type: AcledEventType; subType: string } {
  const weapon = weaponSubType(clause);
  if (weapon) return { type: ERV, subType: weapon };
  // "A protester was killed … in police firing": ACLED codes lethal force against protesters as
  // a protest met with excessive force, not as a clash.
  if (PROTESTERS_RE.test(clause) && STATE_FORCE_RE.test(clause)) return { type: 'Protests', subType: 'Excessive force against protesters' };
  if ((CIVILIAN_TARGETS_RE.test(clause) || CIVILIAN_ATTACKERS_RE.test(clause)) && !COMBATANT_DEAD_RE.test(clause) && !/\b(?:clash\w*|fighting|gun\s?battles?|firefights?|exchange of fire)\b/i.test(clause)) return { type: 'Violence against civilians', subType: 'Attack' };
  return { type: 'Battles', subType: CLASH };
}

const PROTESTERS_RE = /\b(?:protesters?|protestors?|demonstrators?)\b/i;
/** The state's forces, or what they do to a crowd. */
const STATE_FORCE_RE = /\b(?:police(?:men)?|security (?:forces|personnel|officers)|soldiers|troops|army|riot police|(?:police|security) firing|fired (?:on|at|into)|opened fire)\b/i;

/** A crowd as one side of a fight: "a clash between security forces and a mob", "protesters clashed with police". */
const CROWD_SIDE_RE = /\b(?:mobs?|rioters|protesters|protestors|demonstrators|crowds?)\b/i;

/**
 * A clash with a crowd on one side is a riot, not a battle (ACLED: demonstrators who fight the
 * police or vandalise make a violent demonstration); other types stand.
 */
export function crowdClashType(typed: { type: AcledEventType; subType: string }, clause: string): { type: AcledEventType; subType: string } {
  if (typed.type === 'Battles' && typed.subType === CLASH && CROWD_SIDE_RE.test(clause)) return { type: 'Riots', subType: 'Violent demonstration' };
  // "Three people were killed after protesters set fire to a parliament building": the crowd's
  // own violence (arson, storming, stones) makes the deaths part of a riot, not of an attack.
  if ((typed.type === 'Battles' || typed.type === 'Violence against civilians') && CROWD_VIOLENCE_RE.test(clause)) {
    const demonstrators = DEMONSTRATORS_RE.test(clause);
    if (demonstrators || /\bmobs?\b/i.test(clause)) return { type: 'Riots', subType: demonstrators ? 'Violent demonstration' : 'Mob violence' };
  }
  return typed;
}

const DEMONSTRATORS_RE = /\b(?:protesters|protestors|demonstrators|rioters)\b/i;
/** What a crowd does when it riots. */
const CROWD_VIOLENCE_RE = /\b(?:set\s+(?:fire\s+to|ablaze|on\s+fire)|torch(?:ed|ing)|burn(?:ed|t|ing)\s+(?:down\s+)?(?:the\s+|a\s+|an\s+)?(?:\w+\s+){0,2}(?:buildings?|offices?|cars?|vehicles?|homes?|houses?|stations?|shops?|tyres|tires)|storm(?:ed|ing)|vandali[sz](?:ed|ing)|ransack(?:ed|ing)|loot(?:ed|ing)|pelt(?:ed|ing)|(?:threw|hurled|throwing|hurling)\s+(?:stones|rocks|petrol bombs|molotov)|lynch(?:ed|ing))\b/i;

/** Protest sub-type by what the clause says of the response. */
export function protestSubType(clause: string): string {
  if (/\b(?:(?:fired|opened fire)\s+(?:on|at)|shot|killed|killing)\b/i.test(clause)) return 'Excessive force against protesters';
  if (/\b(?:tear\s?gas|dispersed|water cannons?|rubber bullets|arrested|detained|beat|beaten)\b/i.test(clause)) return 'Protest with intervention';
  return 'Peaceful protest';
}
