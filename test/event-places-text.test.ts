import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { destinationPoint, offsetBefore } from '../src/core/places/place-offsets.ts';
import { isDateline } from '../src/core/dates/wire-dateline.ts';
import { distanceKm } from '../src/core/common/geo.ts';
import { eventPoints } from '../src/core/layers/build-layers.ts';
import { processArticle, type PipelineResources } from '../src/core/process-article.ts';
import { loadResources } from '../scripts/lib/load-resources.ts';

describe('offsetBefore: distance and bearing before a place name', () => {
  it.each([
    ['an area nearly 40 miles northwest of Kismayo', 40 * 1.609344, 315],
    ['some 70 miles (110 kilometers) southeast of Aden', 70 * 1.609344, 135],
    ['a checkpoint 10km south-west of the town of Bannu', 10, 225],
    ['about 15 kilometres to the north of Goma', 15, 0],
    ['2.5 km east-northeast of Kidal', 2.5, 67.5],
  ])('%s', (text, km, bearing) => {
    const name = text.slice(text.lastIndexOf(' ') + 1);
    const o = offsetBefore(text, text.length - name.length);
    expect(o).not.toBeNull();
    expect(o!.km).toBeCloseTo(km, 6);
    expect(o!.bearing).toBe(bearing);
    expect(text.slice(o!.start, o!.end)).toBe(o!.text);
  });

  it.each([
    ['the 40 miles of road to Kismayo'],
    ['north of Kismayo'],
    ['troops moved 40 miles and then west of Kismayo'],
    ['5,000 km northwest of Kismayo'],
  ])('reads no offset in: %s', (text) => {
    expect(offsetBefore(text, text.length - 'Kismayo'.length)).toBeNull();
  });

  it('moves a point that far on that bearing', () => {
    const p = destinationPoint(0, 42, 100, 90);
    expect(p.lat).toBeCloseTo(0, 4);
    expect(distanceKm(0, 42, p.lat, p.lon)).toBeCloseTo(100, 0);
    const north = destinationPoint(10, 20, 111.2, 0);
    expect(north.lat).toBeCloseTo(11, 1);
    expect(north.lon).toBeCloseTo(20, 6);
  });
});

describe('isDateline', () => {
  it.each([
    ['PESHAWAR: A confrontation near the border', 'PESHAWAR', true],
    [' date 2024-09-09 PESHAWAR: A confrontation', 'PESHAWAR', true],
    ['DUBAI, United Arab Emirates — Suspected strikes', 'DUBAI', true],
    ['Beirut, May 14 (IANS) An Israeli drone strike', 'Beirut', true],
    ['JERUSALEM (AP) – A ship came under attack', 'JERUSALEM', true],
    ['Beirut, (APP - UrduPoint / Pakistan Point News - 9th Mar, 2025) Syrian security forces', 'Beirut', true],
    ['Gaza, the enclave of two million, was struck', 'Gaza', false],
    ['Troops in Gaza: a report', 'Gaza', false],
    // A dateline that names two places: each is the dateline's.
    [' date 2025-05-08 JAMMU/SRINAGAR, 7 May: At least 12 people', 'JAMMU', true],
    [' date 2025-05-08 JAMMU/SRINAGAR, 7 May: At least 12 people', 'SRINAGAR', true],
    // Far into a long line: no dateline (and no scan back to the line's start).
    [`${'word '.repeat(40)}PESHAWAR: A confrontation`, 'PESHAWAR', false],
  ])('%s', (text, name, expected) => {
    const start = text.indexOf(name);
    expect(isDateline(text, { start, end: start + name.length })).toBe(expected);
  });
});

describe('where an event happened, in the words of wire reports', () => {
  let resources: PipelineResources;
  beforeAll(async () => {
    resources = await loadResources();
  });
  const run = (text: string, published = '2025-05-27') => processArticle({ id: 't', text, meta: { published } }, resources);

  it('draws "an area nearly 40 miles northwest of Kismayo" there, at precision 2, labelled as the text says', () => {
    const p = run('A U.S. air strike on Saturday targeted an area nearly 40 miles northwest of Kismayo, Somalia, where al-Shabab fighters were gathered.');
    const [event] = p.events;
    const [place] = event.places;
    expect(place.name).toBe('Kismayo');
    expect(place.offset).toMatchObject({ bearing: 315, text: '40 miles northwest of' });
    const kismayo = p.mentions.find((m) => m.surface === 'Kismayo')!.place!;
    expect(distanceKm(kismayo.lat, kismayo.lon, place.lat, place.lon)).toBeCloseTo(64.4, 0);
    expect(place.lat).toBeGreaterThan(kismayo.lat);
    expect(place.lon).toBeLessThan(kismayo.lon);
    expect(event.geoPrecision).toBe(2);
    expect(eventPoints(event)[0].properties.placeName).toBe('40 miles northwest of Kismayo');
  });

  it('measures a village the gazetteer lacks from the town the text measures it from', () => {
    const p = run('Gunmen attacked the village of Qurdaba, 20 km north of Maiduguri, on Monday, killing 12 people.');
    const [place] = p.events[0].places;
    expect(place.unresolvedName).toBe('Qurdaba');
    expect(place.name).toBe('Maiduguri');
    const maiduguri = p.mentions.find((m) => m.surface === 'Maiduguri')!.place!;
    expect(place.lat - maiduguri.lat).toBeCloseTo(20 / 111.2, 2);
    expect(eventPoints(p.events[0])[0].properties.placeName).toBe('Qurdaba (20 km north of Maiduguri)');
  });

  it('does not place an event at the dateline when the sentence says where it happened', () => {
    const p = run('PESHAWAR: Security forces clashed with militants in Bannu on Monday, killing six of them.');
    expect(p.events.map((e) => e.places.map((x) => x.name))).toEqual([['Bannu']]);
    const alone = run('KHARTOUM (Reuters) - Drones struck a market on Monday, killing 12 civilians.');
    expect(alone.events.map((e) => e.places.map((x) => x.name))).toEqual([['Khartoum']]);
  });

  it('reads people killed as violence, unless an accident or a disaster killed them', () => {
    const killed = run('As many as five people were killed in Jiribam on Saturday morning.', '2024-09-07');
    expect(killed.events).toHaveLength(1);
    expect(killed.events[0].fatalities).toBe(5);
    expect(run('As many as five people were killed in a bus crash in Jiribam on Saturday morning.', '2024-09-07').events).toEqual([]);
    expect(run('Floods killed five people in Jiribam on Saturday.', '2024-09-07').events).toEqual([]);
  });

  it('folds a retelling that cites other media, and the rest of the dead, into the incident', () => {
    const p = run('A military jet dropped bombs on the village of Qurdaba in Sagaing Region on Tuesday afternoon. Other local media reported the air strikes, saying nine people had been killed.', '2023-06-28');
    expect(p.events).toHaveLength(1);
    expect(p.events[0].alsoIn).toHaveLength(1);
  });

  it('keeps the dead told in the next sentence with the incident, as one more telling of it', () => {
    const p = run('As many as five people were killed in Jiribam on Saturday morning. One person was shot dead in his sleep while four others were killed in the gunfight that followed.', '2024-09-07');
    expect(p.events).toHaveLength(1);
    expect(p.events[0].alsoIn?.map((s) => p.article.text.slice(s.start, s.start + 10))).toEqual(['One person']);
    // One and four are the five already told, not five more.
    expect(p.events[0].fatalities).toBe(5);
  });

  it('places an incident told without a place at the town of its story, not the whole province', () => {
    const text = [
      'Suicide bombers struck a wedding in Gwoza town, Borno State, on Saturday, killing 18 people.',
      'Officials said the death toll could rise.',
      'While mourners gathered, another bomber detonated explosives at the burial ground, killing one person.',
    ].join('\n\n');
    const p = run(text, '2024-06-29');
    const burial = p.events.find((e) => p.article.text.slice(e.sentence.start, e.sentence.end).startsWith('While'))!;
    expect(burial.places.map((x) => [x.name, x.inferred])).toEqual([['Gwoza', true]]);
    expect(burial.geoPrecision).toBe(2);
  });

  it('reads a district spelt another way than the gazetteer ("Noshki" for Nushki) in the country the article is about', () => {
    const p = run('Gunmen attacked a construction site in the Albat area of Noshki district in Balochistan, Pakistan, on Sunday, and kidnapped four labourers. Trucks were set ablaze in the Albath area.', '2025-05-06');
    const noshki = p.mentions.find((m) => m.surface === 'Noshki');
    expect(noshki?.place?.name).toBe('Nushki');
    // "Albat" and "Albath" are one name spelt twice: they do not vouch for a namesake in Ukraine.
    expect(p.mentions.filter((m) => /^Albath?$/.test(m.surface)).map((m) => m.place?.countryCode ?? null)).toEqual([]);
    expect(p.events[0].places.map((x) => [x.name, x.unresolvedName])).toContainEqual(['Nushki', 'Albat']);
  });

  it('makes one event per place of a list of towns, as ACLED codes them, and one for a town and its province', () => {
    const p = run('Clashes broke out in Shahba, Izra and Jasim on Sunday, involving mortar fire.', '2025-07-20');
    expect(p.events.map((e) => e.places.map((x) => x.name))).toEqual([['Shahbā'], ['Izra‘'], ['Jāsim']]);
    expect(new Set(p.events.map((e) => e.id)).size).toBe(3);
    const one = run('Clashes broke out in Gwoza, Borno State, on Sunday.', '2024-06-30');
    expect(one.events.map((e) => e.places.map((x) => x.name))).toEqual([['Gwoza']]);
    // A toll told for the whole list is shared out evenly, the remainder to the first named, as
    // ACLED divides a toll it cannot place; "one each" is every place's.
    const toll = run('Clashes in Shahba and Izra killed 13 fighters on Sunday.', '2025-07-20');
    expect(toll.events.map((e) => [e.places.map((x) => x.name), e.fatalities])).toEqual([[['Shahbā'], 7], [['Izra‘'], 6]]);
    const each = run('One each has been killed in Lahore, Faisalabad and Quetta on Tuesday.', '2023-05-10');
    expect(each.events.map((e) => [e.places.map((x) => x.name), e.fatalities])).toEqual([[['Lahore'], 1], [['Faisalabad'], 1], [['Quetta'], 1]]);
  });

  it('places a clause that names only the dateline where the rest of its sentence says, and dates it by its own action', () => {
    const text = 'JAMMU/SRINAGAR, 7 May: At least 12 people, including four children, were killed as the Pakistan Army resorted to heavy artillery and mortar shelling on forward villages along the Line of Control (LoC) in Jammu and Kashmir on Wednesday, officials said.\n\nHours earlier, Indian forces carried out missile attacks on nine targets in Pakistan to avenge the April 22 terror attack in Pahalgam.';
    const p = run(text, '2025-05-08');
    const [first, second] = p.events;
    expect([first.type, first.subType, first.fatalities, first.places.map((x) => x.name), first.date]).toEqual(['Explosions/Remote violence', 'Shelling/artillery/missile attack', 12, ['Jammu and Kashmir'], '2025-05-07']);
    // "the April 22 terror attack" dates another event, not these missile attacks.
    expect(second.date).not.toBe('2025-04-22');
  });

  it('makes one event per place of coordinated targets, and reads no possessive as a place', () => {
    const p = run("After the arrest on Tuesday, his supporters stormed the army headquarters in Rawalpindi and the corps commander's residence in Lahore.", '2023-05-10');
    expect(p.events.map((e) => e.places.map((x) => x.name))).toEqual([['Rawalpindi'], ['Lahore']]);
    // The report itself (test/corpus/reports/pakistan-07.txt): its list walk read "Corps Commander’s" as a place.
    const report = run(readFileSync(new URL('./corpus/reports/pakistan-07.txt', import.meta.url), 'utf8'), '2023-05-10');
    expect([...report.mentions, ...report.unresolved].map((m) => m.surface).filter((x) => /Commander/.test(x))).toEqual([]);
  });

  it('places neither at a sea for its coast nor at a dateline abroad', () => {
    const text = 'Beirut, (APP) Syrian security forces deployed heavily in the Alawite heartland on the Mediterranean coast on Saturday, after a war monitor reported that government forces killed nearly 750 civilians.\n\nThe Observatory reported that 745 civilians were killed in the coastal provinces of Latakia and Tartus.';
    const [first] = run(text, '2025-03-09').events;
    expect(first.places.map((p) => p.name)).not.toContain('Mediterranean Sea');
    expect(first.places.map((p) => p.name)).not.toContain('Beirut');
    // A dateline in the story's own country stays the event's place when the sentence names none.
    const home = run('PESHAWAR: A confrontation between security forces and militants on Monday resulted in the deaths of eight soldiers.', '2024-09-09').events;
    expect(home[0].places.map((p) => p.name)).toEqual(['Peshawar']);
  });

  it('keeps two clauses apart that tell each its own action at its own place', () => {
    const p = run("In West Java's Bandung city, demonstrators torched another parliament building Friday, while in Surabaya, Indonesia's second-largest city, protesters stormed regional police headquarters.", '2025-08-30');
    expect(p.events.map((e) => [e.type, e.places.map((x) => x.name)])).toEqual([['Riots', ['Bandung']], ['Riots', ['Surabaya']]]);
    // One place told twice is one event.
    const same = run('Rebels attacked Kharkiv on Friday, and shelled Kharkiv again at night.', '2024-05-31');
    expect(same.events).toHaveLength(1);
  });

  it('reads "took the town of", "demonstrated" and a drone attack whose verb comes after its place', () => {
    const took = run('M23 rebels took the city of Goma on Monday.', '2025-01-28');
    expect(took.events.map((e) => [e.type, e.subType, e.places.map((x) => x.name)])).toEqual([['Battles', 'Non-state actor overtakes territory', ['Goma']]]);
    expect(run('The talks took place in Goma on Monday.', '2025-01-28').events).toEqual([]);
    const demo = run('Thousands of people in Bogota demonstrated against economic reforms on Tuesday.', '2019-11-27');
    expect(demo.events.map((e) => [e.type, e.subType])).toEqual([['Protests', 'Peaceful protest']]);
    const drone = run('A Russian drone attack on the southern Ukrainian region of Odesa injured five people, its governor said on Wednesday.', '2024-10-09');
    expect(drone.events.map((e) => [e.type, e.subType])).toEqual([['Explosions/Remote violence', 'Air/drone strike']]);
  });

  it('reads a list of places through their regions, appositives and a second preposition', () => {
    const regions = run('Protesters set fire to parliament buildings in Pekalongan in Central Java, and Cirebon in West Java on Saturday.', '2025-08-30');
    expect(regions.events.map((e) => e.places.map((x) => x.name))).toEqual([['Pekalongan'], ['Cirebon']]);
    const second = run('Masked demonstrators clashed with security forces in Bogota and in the city of Neiva on Tuesday.', '2019-11-27');
    expect(second.events.map((e) => e.places.map((x) => x.name))).toEqual([['Bogotá'], ['Neiva']]);
    // "X in Y" is a place in its region, not a list of two, even when the gazetteer does not put X in Y.
    expect(run('Shelling killed five civilians in Saraqib in Aleppo province on Thursday.', '2020-02-28').events).toHaveLength(1);
    // From one place to another is a road, not a list: one event.
    const road = run('Rebels shelled villages on the road from Aleppo to Idlib on Sunday.', '2020-02-10');
    expect(road.events.map((e) => e.places.map((x) => x.name))).toEqual([['Aleppo', 'Idlib']]);
  });

  it('makes an event for a town of a list that the gazetteer lacks, drawn near its neighbour under its own name', () => {
    const p = run('Syrian troops fought Druze fighters in Suwayda province on Sunday. Clashes also broke out in Rima Hazem, Areeqa, and Shahba, involving mortar fire.', '2025-07-20');
    const listed = p.events.filter((e) => e.trigger === 'Clashes');
    expect(listed.map((e) => e.places.map((x) => x.unresolvedName ?? x.placeId))).toEqual([['Rima Hazem'], ['geonames:5174'], ['geonames:164626']]);
    expect(listed[0].places[0].placeId).toBe('geonames:5174');
  });

  it('keeps an action told without place, date or toll when it goes on with the story of the sentence before', () => {
    const story = run("Azerbaijan's armed forces on Tuesday launched an offensive in Nagorno-Karabakh. The Azerbaijani forces hit military targets with artillery and drones.", '2023-09-19');
    expect(story.events.map((e) => [e.type, e.places.map((x) => x.name), e.date])).toEqual([
      ['Battles', ['Nagorno-Karabakh'], '2023-09-19'],
      ['Explosions/Remote violence', ['Nagorno-Karabakh'], '2023-09-19'],
    ]);
    // On its own, or after a paragraph break, it is a statement, not a report.
    expect(run('The Azerbaijani forces hit military targets with artillery and drones.', '2023-09-19').events).toEqual([]);
  });

  it('reads clashes "between A and B" that "occurred near" a town as happening there', () => {
    const p = run('The clashes between Fano fighters and the Ethiopian army occurred near Debre Tabor on Tuesday, a doctor said.', '2023-08-02');
    expect(p.events.map((e) => [e.type, e.places.map((x) => x.name)])).toEqual([['Battles', ['Debre Tabor']]]);
  });

  it('types "hit Kharkiv with missiles" by the weapon, and folds the retelling into the missile strike', () => {
    const p = run('Russian troops launched a missile attack on Kharkiv on Friday, killing four people. Earlier reports said that Russian forces hit Kharkiv with S-300 missiles on Friday.', '2024-05-31');
    expect(p.events.map((e) => [e.type, e.subType, e.alsoIn?.length ?? 0])).toEqual([['Explosions/Remote violence', 'Shelling/artillery/missile attack', 1]]);
  });

  it('reads a suicide bombing retold as "detonated an IED" as one incident, coded a suicide bomb', () => {
    const p = run('Many people lost their lives in Gwoza, a town in Borno State, after a woman detonated an IED at a wedding on Saturday. Police said six people were killed in the suicide attack in Gwoza.', '2024-06-29');
    expect(p.events.map((e) => [e.subType, e.places.map((x) => x.name)])).toEqual([['Suicide bomb', ['Gwoza']]]);
  });

  it('folds "the attack on" a suburb into the attack on the city it lies by, not one 300 km away', () => {
    const near = run('Gangs launched a fresh attack on Port-au-Prince early Tuesday, targeting an upscale community. The attack on Pétionville was led by the Viv Ansanm group.', '2024-11-19');
    expect(near.events).toHaveLength(1);
    const far = run('Gangs launched a fresh attack on Port-au-Prince early Tuesday. The attack on Cap-Haïtien was led by another group.', '2024-11-19');
    expect(far.events).toHaveLength(2);
  });

  it('folds retellings: "another" wounded is a person, the same toll points back, landmarks beside the place are no new place', () => {
    const lead = 'Israeli settlers attacked the village of Jit in the occupied West Bank on Thursday, killing a man.';
    const retold = [
      'The ministry said one person was killed and another was critically injured by settlers from the village of Jit.',
      'The settlers went on a rampage and shot at the villagers, killing a man and critically injuring another.',
      'Witnesses said a large group of settlers attacked Jit, on the main road between the cities of Nablus and Qalqilya.',
    ];
    for (const r of retold) expect(run(`${lead} ${r}`, '2024-08-16').events.map((e) => e.alsoIn?.length ?? 0)).toEqual([1]);
    // The action named as known adds to it, whatever else the sentence names or says.
    const strike = 'Israeli jets bombed the camp near El Fasher on Sunday, killing ten people.';
    expect(run(`${strike} The bombardment also destroyed homes and forced the displaced to flee toward the towns west of El Fasher.`, '2024-12-02').events).toHaveLength(1);
    const ship = 'A ship in the Gulf of Aden came under attack on Wednesday from a drone.';
    expect(run(`${ship} The attack happened some 70 miles southeast of Aden, said the maritime agency that oversees the Middle East.`, '2024-01-17').events).toHaveLength(1);
    expect(run(`${lead} The U.N. had previously said that settlers killed a man in Jit.`, '2024-08-16').events).toHaveLength(1);
    const shelled = 'Russian forces shelled an apartment building in Kharkiv on Friday, killing at least one person.';
    expect(run(`${shelled} Russian forces shelled an apartment building in Kharkiv, Ukraine's second largest city, killing at least one person.`, '2024-05-31').events).toHaveLength(1);
    expect(run(`${shelled} A second strike hit the same district of Kharkiv, killing two.`, '2024-05-31').events).toHaveLength(2);
    expect(run(`${shelled} At least two children were among the injured in the midnight strike.`, '2024-05-31').events).toHaveLength(1);
    const gang = 'A gang attack last week on the town of Pont-Sonde in the Artibonite region of Haiti killed at least 115 people, an official said on Wednesday.';
    expect(run(`${gang} The U.N. had previously said that at least 70 people were killed last week when the gang invaded the town of Pont-Sonde in the Artibonite region.`, '2024-10-09').events).toHaveLength(1);
    const near = run('More than 100 Israeli settlers, some wearing masks, have attacked a Palestinian village near the city of Qalqilya in the occupied West Bank, burning cars and killing at least one person, authorities said. ' +
      'The Palestinian Health Ministry said on Thursday that one Palestinian was killed and another critically wounded by armed Israeli settlers in the village of Jit, the latest in a series of attacks in the West Bank.', '2024-08-16');
    expect(near.events.map((e) => [e.places.map((x) => x.name), e.geoPrecision, e.alsoIn?.length])).toEqual([[['Jīt'], 1, 1]]);
    // Another incident, told as one: kept apart.
    expect(run(`${lead} In another attack, settlers killed a man in Burin near Nablus.`, '2024-08-16').events).toHaveLength(2);
  });
});

