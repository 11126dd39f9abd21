/**
 * Closed word lists the recogniser reasons with: words that are never place names, words that
 * announce a person or an organisation, and words that say what role a place name plays.
 * They are English function words and titles, not names from any corpus: a list that only
 * made sense for one conflict would be a defect.
 */
import type { PlaceKind } from '../model.ts';

const words = (s: string): ReadonlySet<string> => new Set(s.trim().split(/\s+/));

/** Weekdays, months and other calendar words that gazetteers also hold as village names. */
export const CALENDAR_WORDS = words(`
  monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
  january february march april may june july august september october november december
  jan feb mar apr jun jul aug sep sept oct nov dec
  christmas easter ramadan eid today tonight yesterday tomorrow`);

/** Words that, just before a capitalised name, make it a person's name. */
export const PERSON_TITLES = words(`
  mr mrs ms miss dr prof sir dame lord lady president vice premier chancellor minister secretary
  senator sen rep representative congressman congresswoman governor gov mayor judge justice
  king queen prince princess sheikh sheik emir sultan ayatollah imam pope cardinal bishop rev
  reverend father sister brother general gen lt lieutenant col colonel maj major capt captain
  sgt sergeant cpl corporal pvt private adm admiral commander cmdr officer detective det
  spokesman spokeswoman spokesperson chief ambassador envoy deputy coach actor actress singer`);

/** Head words that make a capitalised phrase an organisation, facility or event, not a place. */
export const ORGANISATION_WORDS = words(`
  university college school academy institute institution hospital clinic center centre
  museum library stadium arena theatre theater church mosque cathedral temple synagogue
  company corporation corp inc ltd llc co group holdings bank fund trust foundation
  association federation union council committee commission board agency authority bureau
  department ministry office service services administration government party front movement
  brotherhood army navy corps force forces police guard militia brigade battalion regiment
  times post herald tribune journal gazette news daily weekly press review magazine radio
  television tv network channel report research monitor observer paper newspaper tabloid
  website broadcaster outlet
  club team league cup championship championships games open tournament festival conference
  summit award awards prize hotel restaurant mall market airlines airways railway railroad
  court prison jail station studio studios records project program programme initiative
  fire`);

/** Words after a place name that say what kind of place it is ("Idlib Province", "M4 highway"). */
export const KIND_WORDS: ReadonlyMap<string, PlaceKind> = new Map([
  ['province', 'admin1'],
  ['governorate', 'admin1'],
  ['state', 'admin1'],
  ['oblast', 'admin1'],
  ['region', 'region'],
  ['county', 'admin2'],
  ['parish', 'admin2'],
  ['district', 'admin2'],
  ['countryside', 'region'],
  ['city', 'city'],
  ['town', 'town'],
  ['village', 'village'],
  ['highway', 'road'],
  ['motorway', 'road'],
  ['road', 'road'],
  ['river', 'water'],
  ['lake', 'water'],
  ['sea', 'water'],
  ['mountains', 'region'],
  ['mountain', 'region'],
  ['valley', 'region'],
  ['airport', 'site'],
  ['airbase', 'site'],
  ['base', 'site'],
]);

/** Capitalised words that may open a place name without being part of it ("Northern Syria"). */
export const QUALIFIERS = words(`
  north south east west northern southern eastern western central northeast northwest southeast
  southwest northeastern northwestern southeastern southwestern upper lower greater inner outer
  downtown rural coastal mainland`);

/** Lower-case words that may sit inside a multi-word place name. */
export const NAME_CONNECTORS = words(`
  of de del della di da do dos das du des la le les el al an ar as ash at ad az ud ul bin ibn au aux en sous
  upon on sur am im y the and e i`);

/** Prepositions and verbs before a place name that make it a location (literal). */
export const LOCATIVE_BEFORE = words(`
  in into at near nearby across throughout inside outside within around towards toward through
  from to via along over under beyond off entering entered enter reached reach captured
  capture stormed storm seized seize retook recaptured shelled bombed struck hit attacked
  besieged surrounding surrounded outskirts north south east west province city town village
  part parts areas area border borders`);

/** Words after a possessive place name that keep it literal ("Turkey's south", "Syria's border"). */
export const LITERAL_AFTER_POSSESSIVE = words(`
  north south east west northern southern eastern western northwest northeast southwest
  southeast border borders territory territories soil coast coastline capital city cities
  province provinces region regions airspace waters side mountains countryside countryside
  villages towns outskirts interior heartland`);

/** Words after a place name that make it an agent: the place stands for its government. */
export const AGENT_AFTER = words(`
  said says say claimed claims claim warned warns warn stated states announced announces
  denied denies deny accused accuses accuse demanded demands demand threatened threatens
  agreed agrees agree insisted insists insist responded responds respond rejected rejects
  reject condemned condemns condemn urged urges urge called calls wants want wanted wishes
  hopes hoped believes believed sees saw considers considered knows knew understands
  expects expected appears appeared seems seemed refused refuses refuse failed fails
  launched launches sent sends send deployed deploys backed backs supports supported support
  opposes opposed oppose blamed blames blame vowed vows pledged pledges promised promises
  decided decides ordered orders recognized recognised recognizes recognises signed signs
  imposed imposes sanctioned sanctions retaliated retaliates responded acknowledged admitted
  confirmed confirms is was has had have will would could should must can cannot may might did does
  do continues continued remains remained used uses intends intended plans planned tried tries
  attempted needs needed is`);

/** Nouns after a name that make it a demonym used as a noun modifier or actor, not a place. */
export const PLURAL_PEOPLE_SUFFIX = /(?:ians|ans|ese|ish|is|ers|ites|ots|ards)$/u;

/**
 * Peoples that live across several states: the word names the people, not the country that
 * shares the name ("Syrian Turkmen", "Iraqi Kurds"), unless the article names that country.
 */
export const ETHNONYMS = words(`
  turkmen turkmens kurd kurds kurdish arab arabs arabic tatar tatars tartar tartars berber berbers
  pashtun pashtuns baloch baluch uyghur uyghurs uighur uighurs circassian circassians druze
  roma basque basques tamil tamils hausa yoruba igbo fulani tuareg hazara hazaras jewish jews
  alawite alawites rohingya kuki kukis meitei meiteis`);

/**
 * Armed groups and movements whose names gazetteers also hold as a place's alternate name
 * ("Hamas" for Hamm in Germany, "Hezbollah" for a village): in the news they are the group.
 */
export const GROUP_NAMES = words(`
  hamas hezbollah hizbollah hizballah taliban houthi houthis wagner hts isis isil daesh
  shabaab al-shabaab`);

/**
 * Generic words that close a street, road or natural feature's name and belong to it ("Darby
 * Street", "Kanawha River", "Santa Clara Valley"): news corpora annotate the whole phrase.
 */
export const STREET_WORDS = words(`
  street st drive dr road rd avenue ave lane ln boulevard blvd parkway pkwy trail pike highway
  hwy turnpike expressway freeway bypass creek river lake pond reservoir bay island islands
  park valley canyon mountain mountains`);

/** Words that open a numbered road's name ("Highway 61", "Route 9", "Interstate 75", "US-24"). */
export const ROAD_WORDS = words(`highway hwy route rte interstate road us i sr`);

/** The state's own bodies: after a demonym ("Syrian Army", "Turkish forces") they keep it adjectival. */
export const STATE_BODIES = words(`
  army navy forces force military government ministry police guard troops marines regime
  administration parliament embassy consulate president prime foreign defence defense
  security intelligence air coast border`);

/** Words before a capital that make it the city, not its government ("in Moscow", "officials in Ankara"). */
export const CAPITAL_LITERAL_BEFORE = words(`
  in at into near nearby inside outside within around across throughout via outskirts streets
  visit visited visiting visits arrived arriving reached reach north south east west downtown`);

/** Verbs and nouns of motion before "to"/"from" that make the place a destination ("flew to Moscow"). */
export const MOTION_BEFORE = words(`
  flew fly flying travel travelled traveled traveling travelling trip trips visit visits went go
  going came come coming returned return returning moved move moving drove driven sent back
  flight flights journey road way headed heading arrived fled`);

/** What stands between the names of a list of places: "A, B and C", "A, B, and C", "A and B". */
export const LIST_GAP = /^(?:\s*,\s*(?:and\s+)?|\s+and\s+)$/;
