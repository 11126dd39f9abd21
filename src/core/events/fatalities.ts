/**
 * Fatalities: how many people a clause says were killed, from digits or number words ("eight
 * Turkish soldiers … were killed", "36 were killed", "fifty Syrian soldiers … had been killed
 * while Turkey lost only two soldiers" = 52, "killing at least 70", "the death of two
 * soldiers"). Vague quantities ("dozens", "tens of", "hundreds") give no number, as ACLED
 * records no figure it cannot source; the wounded are not counted. Pure.
 */

const UNITS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };

const UNIT_RE = Object.keys(UNITS).join('|');
const TENS_RE = Object.keys(TENS).join('|');
/** A number: digits (1,500 or 1.500 style thousands), words up to the hundreds, or "a dozen". */
const NUM = `(?:\\d{1,3}(?:[,.]\\d{3})+|\\d+|(?:a|one|${UNIT_RE})\\s+hundred(?:\\s+(?:and\\s+)?(?:${TENS_RE}|${UNIT_RE})(?:[-\\s](?:${UNIT_RE}))?)?|(?:${TENS_RE})(?:[-\\s](?:${UNIT_RE}))?|${UNIT_RE}|a\\s+dozen|dozen)`;
const QUAL = `(?:(?:at\\s+least|some|about|around|nearly|almost|more\\s+than|over|up\\s+to|only|another|as\\s+many\\s+as|roughly|approximately|no\\s+fewer\\s+than|no\\s+less\\s+than|not\\s+less\\s+than|a\\s+total\\s+of|a\\s+further|an\\s+estimated)\\s+)?`;
const KILLED = `(?:killed|dead|died|slain|perished|lost\\s+their\\s+lives|shot\\s+dead|gunned\\s+down|massacred|executed)`;
const VICTIMS = `(?:soldiers|troops|men|lives|fighters|servicemen|personnel|people|civilians|members|militants|rebels|jihadists|officers|policemen)`;

/** Patterns, each with one capture group for the number. */
const PATTERNS: RegExp[] = [
  // "eight Turkish soldiers acting illegally in Idlib were killed", "36 were killed", "fifty … had been killed",
  // "12 people, including four children, were killed"
  new RegExp(`\\b${QUAL}(${NUM})\\b(?![%.,]?\\d)(?!\\s*(?:%|percent|per cent|years?|km|kilomet|miles|tanks|vehicles))(?:\\s+(?!(?:killed|dead|died|wounded|injured)\\b)[\\w'’-]+){0,9}?(?:\\s*,\\s*(?:including|among\\s+them|among\\s+whom|most\\s+of\\s+them|mostly|many\\s+of\\s+them)\\b[^,.;:]{1,60},)?\\s+(?:(?:were|was|have\\s+been|had\\s+been|has\\s+been|are|got|been)\\s+)?(?:\\w+ly\\s+)?${KILLED}\\b`, 'gi'),
  // "killing at least 70 Syrian Army soldiers", "killed 12 people"
  new RegExp(`\\b(?:killing|killed|kills|kill)\\s+${QUAL}(${NUM})\\b(?!\\s*(?:%|percent|years?))`, 'gi'),
  // "lost only two soldiers"
  new RegExp(`\\blost\\s+${QUAL}(${NUM})\\s+(?:[\\w-]+\\s+){0,2}?${VICTIMS}\\b`, 'gi'),
  // "death toll rose to 40", "the death toll in a gang attack last week on a small town has risen to at least 115"
  new RegExp(`\\bdeath\\s+toll\\s+(?:[\\w-]+\\s+){0,3}?(?:to|of|at)\\s+${QUAL}(${NUM})\\b`, 'gi'),
  new RegExp(`\\bdeath\\s+toll\\b[^.;:]{0,120}?\\b(?:risen|rose|climbed|jumped|increased|reached|stands\\s+at|stood\\s+at|passed|surpassed)\\s+(?:to\\s+)?${QUAL}(${NUM})\\b`, 'gi'),
  // "the loss of at least 23 lives", "claimed the lives of 12 people", "left 12 people dead" (the first pattern), "12 bodies were recovered"
  new RegExp(`\\bloss\\s+of\\s+${QUAL}(${NUM})\\s+(?:[\\w-]+\\s+)?lives\\b`, 'gi'),
  new RegExp(`\\b(?:claimed|took|cost|costing|claiming|taking)\\s+the\\s+lives\\s+of\\s+${QUAL}(${NUM})\\b`, 'gi'),
  new RegExp(`\\b${QUAL}(${NUM})\\s+(?:[\\w-]+\\s+)?(?:bodies|corpses)\\b`, 'gi'),
  // "reported three deaths during the demonstrations", "five confirmed deaths"
  new RegExp(`\\b${QUAL}(${NUM})\\s+(?:(?:confirmed|reported|more|further|new|civilian)\\s+)?deaths\\b`, 'gi'),
];
/** One person named by a singular noun: "killing a man", "a protester was killed", "the death of an FC official". */
const ONE_PERSON = `(?:man|woman|boy|girl|child|baby|person|civilian|soldier|member|fighter|militant|officer|policeman|policewoman|protester|demonstrator|resident|villager|official|commander|journalist|worker|driver|farmer|student|teenager|guard|passenger|doctor|nurse|priest|imam|monk|leader|peacekeeper|trooper|serviceman|paramedic|rescuer|volunteer)`;
const ONE_PATTERNS: RegExp[] = [
  new RegExp(`\\b(?:killing|killed|kills|kill)\\s+(?:a|an|one)\\s+(?:[\\w'’-]+\\s+){0,3}?${ONE_PERSON}\\b`, 'gi'),
  new RegExp(`\\b(?:a|an|one)\\s+(?:[\\w'’.-]+\\s+){0,3}?${ONE_PERSON}\\s+(?:was|has\\s+been|had\\s+been|got)\\s+(?:\\w+ly\\s+)?(?:killed|shot dead|slain)\\b`, 'gi'),
  new RegExp(`\\bdeath\\s+of\\s+(?:a|an|one)\\s+(?:[\\w'’-]+\\s+){0,3}?${ONE_PERSON}\\b`, 'gi'),
  // "A resident of a Belgorod Region village died after a drone attack"
  new RegExp(`\\b(?:a|an|one)\\s+(?:[\\w'’-]+\\s+){0,3}?${ONE_PERSON}\\b(?:\\s+(?:of|from|in|at|near|on)\\b(?:\\s+(?!(?:and|or|but|who|while|was|were)\\b)[\\w'’-]+){1,5}?)?\\s+(?:died|was\\s+killed)\\b`, 'gi'),
  // "A Palestinian was killed", "An Israeli man was shot dead": one person named by a demonym (case matters).
  /\b(?:A|An|One)\s+[A-Z][a-z]+(?:ian|ean|an|i|ese|ish)\s+(?:(?:man|woman|boy|girl|child|teenager)\s+)?(?:was|has\s+been|had\s+been)\s+(?:\w+ly\s+)?(?:killed|shot\s+dead|slain)\b/g,
];

/** "the death(s) of tens of jihadists and two Turkish soldiers": every exact number in the list counts. */
const DEATHS_OF = /\bdeaths?\s+of\s+([^.;:]{0,120})/gi;
const LIST_NUM = new RegExp(`(?:^|\\band\\s+|,\\s*)${QUAL}(${NUM})\\s+(?:[\\w-]+\\s+){0,3}?${VICTIMS}\\b`, 'gi');

/** "No casualties were reported", "no one was killed": a clause that says none died (ACLED records 0). */
const NONE_KILLED = /\b(?:no\s+(?:casualties|deaths|fatalities|one\s+was\s+(?:killed|hurt|injured))|nobody\s+was\s+(?:killed|hurt|injured)|without\s+(?:casualties|causing\s+casualties)|there\s+were\s+no\s+(?:casualties|deaths|fatalities))\b/i;

/** Number of people killed according to a clause, or null when it gives no exact figure. */
export function countFatalities(text: string): number | null {
  const counted = countStated(text);
  return counted === null && NONE_KILLED.test(text) && !NOT_SAID_RE.test(text) ? 0 : counted;
}

/** "Officials did not say whether there were casualties": no figure, not none. */
const NOT_SAID_RE = /\b(?:whether|if)\s+(?:there\s+were\s+)?(?:any\s+)?(?:casualties|deaths)|\bno\s+(?:immediate\s+)?(?:word|report|information)\s+(?:on|of)\s+casualties\b/i;

function countStated(text: string): number | null {
  const taken: Array<[number, number]> = [];
  let total = 0;
  let found = false;
  const take = (start: number, end: number, value: number | null) => {
    if (value === null || taken.some(([s, e]) => start < e && s < end)) return;
    taken.push([start, end]);
    total += value;
    found = true;
  };
  for (const re of PATTERNS) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) {
      const at = m.index + m[0].indexOf(m[1]);
      take(at, at + m[1].length, parseNumber(m[1]));
    }
  }
  for (const re of ONE_PATTERNS) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) take(m.index, m.index + m[0].length, 1);
  }
  for (const m of text.matchAll(DEATHS_OF)) {
    const listStart = m.index + m[0].length - m[1].length;
    LIST_NUM.lastIndex = 0;
    for (const n of m[1].matchAll(LIST_NUM)) {
      const at = listStart + n.index + n[0].indexOf(n[1]);
      take(at, at + n[1].length, parseNumber(n[1]));
    }
  }
  return found ? total : null;
}

/** Parse a number phrase of `NUM`; null for a year-like figure (1900-2099 written without separators). */
export function parseNumber(phrase: string): number | null {
  const p = phrase.toLowerCase().replace(/\s+/g, ' ').trim();
  if (/^\d{1,3}(?:[,.]\d{3})+$/.test(p)) return Number(p.replace(/[,.]/g, ''));
  if (/^\d+$/.test(p)) {
    const n = Number(p);
    return p.length === 4 && n >= 1900 && n <= 2099 ? null : n;
  }
  if (p === 'a dozen' || p === 'dozen') return 12;
  let total = 0;
  const hundred = /^(a|one|\w+) hundred(?: and)? ?(.*)$/.exec(p);
  let rest = p;
  if (hundred) {
    total += (hundred[1] === 'a' ? 1 : UNITS[hundred[1]] ?? 0) * 100;
    rest = hundred[2];
  }
  for (const word of rest.split(/[-\s]+/).filter(Boolean)) total += TENS[word] ?? UNITS[word] ?? 0;
  return total || null;
}
