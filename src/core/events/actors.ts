/**
 * Actors, named the way ACLED names them. The rules are data-driven and not tied to a conflict:
 * - a country adjective or demonym followed by a military noun ("Turkish troops", "Syrian Army
 *   positions", "the Russian air force") is `Military Forces of <Country>`, the country taken
 *   from the mention's resolved place; police nouns give `Police Forces of <Country>`, civilian
 *   nouns `Civilians (<Country>)`, rebel nouns `Rebel groups (<Country>)`;
 * - a country standing for its state as the doer ("Turkey shot down …") is its military;
 * - "regime/government forces" are the military of the country where the event is;
 * - named armed groups come from a small curated table, each entry with its source.
 * "Turkish-backed jihadists" are not Turkish forces: "-backed/-led/-allied" compounds are skipped.
 */
import type { Mention } from '../model.ts';

/** What actor naming needs to know about the article. */
export interface ActorContext {
  /** English name of a country by ISO code, as the article's own country mentions spell it. */
  countryName(code: string): string | null;
  /** Name of the country where the event is (its place, else the article's theatre), for "regime forces". */
  eventCountry: string | null;
}

/**
 * Named armed groups, as ACLED's actor lists spell them (ACLED data export, actor1/actor2
 * fields; aliases from each group's Wikipedia article). Acronyms are matched case-sensitively.
 */
const NAMED_GROUPS: Array<{ re: RegExp; name: string }> = [
  { re: /\b(?:Hayat Tahrir al-Sham|Tahrir al-Sham|HTS)\b/, name: 'Hayat Tahrir al-Sham' }, // en.wikipedia.org/wiki/Hayat_Tahrir_al-Sham
  { re: /\bSyrian National Army\b/, name: 'Syrian National Army' }, // en.wikipedia.org/wiki/Syrian_National_Army
  { re: /\b(?:National Front for Liberation|NFL)\b/, name: 'National Front for Liberation' }, // en.wikipedia.org/wiki/National_Front_for_Liberation
  { re: /\b(?:Syrian Democratic Forces|SDF)\b/, name: 'SDF: Syrian Democratic Forces' }, // en.wikipedia.org/wiki/Syrian_Democratic_Forces
  { re: /\b(?:YPG|People's Protection Units)\b/, name: "YPG: People's Protection Units" }, // en.wikipedia.org/wiki/People%27s_Defense_Units
  { re: /\b(?:PKK|Kurdistan Workers'? Party)\b/, name: 'PKK: Kurdistan Workers Party' }, // en.wikipedia.org/wiki/Kurdistan_Workers%27_Party
  { re: /\b(?:Islamic State|ISIS|ISIL|Daesh|IS)\b(?!-)/, name: 'Islamic State' }, // en.wikipedia.org/wiki/Islamic_State
  { re: /\b(?:al-Nusra Front|Jabhat al-Nusra|Nusra Front)\b/i, name: 'Jabhat al Nusra' }, // en.wikipedia.org/wiki/Al-Nusra_Front
  { re: /\b(?:Hezbollah|Hizbullah|Hizballah)\b/, name: 'Hezbollah' }, // en.wikipedia.org/wiki/Hezbollah
  { re: /\bHamas\b/, name: 'Hamas Movement' }, // en.wikipedia.org/wiki/Hamas
  { re: /\bTaliban\b/, name: 'Taliban' }, // en.wikipedia.org/wiki/Taliban
  { re: /\b(?:al-Shabaab|Al Shabaab|al-Shabab)\b/i, name: 'Al Shabaab' }, // en.wikipedia.org/wiki/Al-Shabaab_(militant_group)
  { re: /\bBoko Haram\b/, name: 'Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad' }, // en.wikipedia.org/wiki/Boko_Haram
  { re: /\b(?:Houthis?|Ansar Allah)\b/, name: 'Ansar Allah' }, // en.wikipedia.org/wiki/Houthis
  { re: /\bWagner(?: Group)?\b/, name: 'Wagner Group' }, // en.wikipedia.org/wiki/Wagner_Group
  { re: /\b(?:Rapid Support Forces|RSF)\b/, name: 'Rapid Support Forces' }, // en.wikipedia.org/wiki/Rapid_Support_Forces
  { re: /\b(?:Al[- ]Qaeda|al-Qaida)\b/i, name: 'Al Qaeda' }, // en.wikipedia.org/wiki/Al-Qaeda
  { re: /\bM23\b/, name: 'M23: March 23 Movement' }, // en.wikipedia.org/wiki/March_23_Movement
];

const MILITARY = /^(?:'s|’s)?\s+(?:[\w-]+\s+){0,2}?(?:troops|soldiers|army|armed forces|forces|military|jets|warplanes|fighter jets|air ?force|aircraft|helicopters|artillery|navy|tanks|drones|air defen[cs]es?|special forces|marines|positions|observation posts|outposts|posts|bases?|convoys?|units|personnel|servicemen|government|regime|air ?strikes|strikes|bombing|bombers|shelling|missiles|rockets)\b/i;
const POLICE = /^(?:'s|’s)?\s+(?:[\w-]+\s+){0,1}?(?:police|policemen|security forces|gendarmerie)\b/i;
const CIVILIANS = /^(?:'s|’s)?\s+(?:[\w-]+\s+){0,1}?(?:civilians|residents|villagers|refugees|children|nationals|citizens|families)\b/i;
const REBELS = /^\s+(?:[\w-]+\s+){0,1}?(?:rebels|jihadists|militants|insurgents|opposition)\b/i;
const COMPOUND = /^[-‐](?:backed|led|supported|allied|made|based|trained|funded|sponsored|run)\b/i;
const GOVERNMENT_FORCES = /\b(?:regime|government|pro-government|pro-regime)\s+(?:forces|troops|soldiers|army|militias?)\b|\bpro-[A-Za-z][\w-]+\s+(?:forces|troops|coalition)\b/gi;
const BARE_REBELS = /\b(?:rebels?|jihadists?|militants?|insurgents?|opposition\s+(?:fighters|forces|groups)|armed\s+groups?)\b/gi;
const BARE_CIVILIANS = /\b(?:civilians?|residents|villagers)\b/gi;
const BARE_PROTESTERS = /\b(?:protesters|demonstrators)\b/gi;

/**
 * The actors of a clause (`text` starting at `offset` in the article), in order of appearance.
 * `triggerAt` is the trigger's article offset: a country named before it is the doer.
 */
export function findActors(text: string, offset: number, mentions: Mention[], triggerAt: number, ctx: ActorContext): string[] {
  const found: Array<{ at: number; name: string }> = [];
  for (const g of NAMED_GROUPS) {
    const m = g.re.exec(text);
    if (m) found.push({ at: m.index, name: g.name });
  }
  const end = offset + text.length;
  for (const mention of mentions) {
    if (mention.start < offset || mention.end > end || !mention.place || mention.place.kind !== 'country') continue;
    const country = ctx.countryName(mention.place.countryCode) ?? mention.place.name;
    const at = mention.start - offset;
    const after = text.slice(mention.end - offset, mention.end - offset + 60);
    const before = text.slice(Math.max(0, at - 5), at);
    if (COMPOUND.test(after) || /(?:pro|anti)-$/i.test(before)) continue;
    if (POLICE.test(after)) found.push({ at, name: `Police Forces of ${country}` });
    else if (MILITARY.test(after)) found.push({ at, name: `Military Forces of ${country}` });
    else if (CIVILIANS.test(after)) found.push({ at, name: `Civilians (${country})` });
    else if (REBELS.test(after)) found.push({ at, name: `Rebel groups (${country})` });
    else if (mention.start < triggerAt && (mention.role === 'metonymic' || /^[A-Z][a-z]+s$/.test(mention.surface))) {
      // "Turkey shot down …", "The Turks … stormed …": the state (or its people in arms) as the doer.
      found.push({ at, name: `Military Forces of ${country}` });
    }
  }
  const local = ctx.eventCountry;
  if (local) {
    for (const m of text.matchAll(GOVERNMENT_FORCES)) found.push({ at: m.index, name: `Military Forces of ${local}` });
    for (const m of text.matchAll(BARE_REBELS)) if (!precededByCountry(m.index)) found.push({ at: m.index, name: `Rebel groups (${local})` });
    for (const m of text.matchAll(BARE_CIVILIANS)) if (!precededByCountry(m.index)) found.push({ at: m.index, name: `Civilians (${local})` });
    for (const m of text.matchAll(BARE_PROTESTERS)) found.push({ at: m.index, name: `Protesters (${local})` });
  }
  found.sort((a, b) => a.at - b.at);
  return [...new Set(found.map((f) => f.name))];

  /** Whether a country adjective sits right before the noun at `at` ("Syrian rebels": already named with it). */
  function precededByCountry(at: number): boolean {
    return mentions.some((m) => m.place?.kind === 'country' && m.start >= offset && m.end - offset <= at && /^\s+(?:[a-z]+\s+)?$/.test(text.slice(m.end - offset, at)));
  }
}

/**
 * ACLED's spelling of country names where gazetteers differ (ACLED data export, `country`
 * field; e.g. "Turkey", not "Türkiye"). Codes are ISO 3166-1 alpha-2.
 */
const ACLED_COUNTRY_NAMES: Record<string, string> = {
  TR: 'Turkey', RU: 'Russia', SY: 'Syria', IR: 'Iran', US: 'United States', GB: 'United Kingdom',
  KP: 'North Korea', KR: 'South Korea', CD: 'Democratic Republic of Congo', CG: 'Republic of Congo',
  CI: 'Ivory Coast', CV: 'Cape Verde', CZ: 'Czech Republic', LA: 'Laos', MD: 'Moldova', MK: 'North Macedonia',
  MM: 'Myanmar', PS: 'Palestine', SZ: 'eSwatini', TL: 'East Timor', TZ: 'Tanzania', VE: 'Venezuela',
  VN: 'Vietnam', BO: 'Bolivia', SS: 'South Sudan', LY: 'Libya', UA: 'Ukraine',
};

/**
 * Country names by ISO code: ACLED's spelling where it has one, else as the article's own
 * country mentions name it, else the runtime's English region name.
 */
export function countryNamer(mentions: Mention[]): (code: string) => string | null {
  const names = new Map<string, string>();
  for (const m of mentions) if (m.place?.kind === 'country' && m.place.countryCode && !names.has(m.place.countryCode)) names.set(m.place.countryCode, m.place.name);
  const display = regionNames();
  return (code: string) => {
    if (!code) return null;
    const upper = code.toUpperCase();
    const known = ACLED_COUNTRY_NAMES[upper] ?? names.get(code);
    if (known) return known;
    try {
      return display?.of(upper) ?? null;
    } catch {
      return null;
    }
  };
}

/** The runtime's English region names, made once: building an Intl.DisplayNames costs more than naming a whole article's actors. */
let regionNamesMade = false;
let regionNamesCache: Intl.DisplayNames | null = null;
function regionNames(): Intl.DisplayNames | null {
  if (!regionNamesMade) {
    regionNamesMade = true;
    try {
      regionNamesCache = new Intl.DisplayNames(['en'], { type: 'region' });
    } catch {
      regionNamesCache = null;
    }
  }
  return regionNamesCache;
}
