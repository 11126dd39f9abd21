import { describe, expect, it } from 'vitest';
import { extractEvents } from '../src/core/events/extract-events.ts';
import { findTemporalExpressions } from '../src/core/dates/find-temporal.ts';
import type { CleanedArticle, ConflictEvent, Mention, Publication } from '../src/core/model.ts';
import { article, mention, PLACES as P, published } from './fixtures/events/build.ts';

/** Run the event stage on a text with the given mentions (built from the article). */
function run(text: string, pub: string | null, mentions: (a: CleanedArticle) => Mention[] = () => []): { events: ConflictEvent[]; a: CleanedArticle; publication: Publication } {
  const a = article(text);
  const publication = published(pub);
  const temporal = findTemporalExpressions(a, publication);
  return { events: extractEvents({ article: a, publication, temporal, mentions: mentions(a) }), a, publication };
}

describe('extractEvents: what is not an event', () => {
  it.each([
    ['a threat', 'Erdogan threatened to launch an offensive in Idlib on Monday.'],
    ['a possibility', 'Russia could deploy troops to Idlib if needed.'],
    ['a conditional', 'If Syrian forces attack Idlib again, Turkey will strike back.'],
    ['a question', 'Will Turkish jets bomb Idlib on Monday?'],
    ['a denial', 'Ankara denied that its jets bombed Idlib on Monday.'],
    ['a forecast', 'Analysts expect fighting in Idlib to resume next week.'],
    ['a purpose', 'Turkey sent envoys to Moscow on Monday to stop the shelling of Idlib.'],
    ['a topic, not a report', "Tensions rose over the army's latest offensive in Idlib."],
    ['an ongoing state', 'The rebels are fighting in Idlib.'],
  ])('%s', (_, text) => {
    const { events } = run(text, '2020-02-20', (a) => (a.text.includes('Idlib') ? [mention(a, 'Idlib', 'literal', P.Idlib)] : []));
    expect(events).toEqual([]);
  });

  it('a generic statement with no place, date or toll is not reported as an event', () => {
    expect(run('Russia claims that it has only bombed terrorists.', '2015-12-08').events).toEqual([]);
  });

  it('never reads events from boilerplate', () => {
    const text = 'Airstrikes hit Saraqib on Monday.\n\nAirstrikes hit Aleppo on Tuesday.';
    const a = article(text);
    const cut = text.indexOf('Airstrikes hit Aleppo');
    const withAd: CleanedArticle = { ...a, boilerplate: [{ start: cut, end: text.length, kind: 'advertisement' }] };
    const publication = published('2020-02-20');
    const mentions = [mention(a, 'Saraqib', 'literal', P.Saraqib), mention(a, 'Aleppo', 'literal', P.Aleppo)];
    const events = extractEvents({ article: withAd, publication, temporal: findTemporalExpressions(withAd, publication), mentions });
    expect(events.map((e) => e.places[0]?.name)).toEqual(['Saraqib']);
  });
});

describe('extractEvents: type, date, place', () => {
  it('reads type, fatalities, actors and place of a shelling in another war', () => {
    const { events } = run('Russian forces shelled Kharkiv on Tuesday, killing three civilians.', '2022-03-10', (a) => [
      mention(a, 'Russian', 'adjectival', P.Russia),
      mention(a, 'Kharkiv', 'literal', P.Kharkiv),
    ]);
    expect(events).toHaveLength(1);
    const [e] = events;
    expect([e.type, e.subType]).toEqual(['Explosions/Remote violence', 'Shelling/artillery/missile attack']);
    expect([e.date, e.datePrecision, e.dateText]).toEqual(['2022-03-08', 'day', 'on Tuesday']);
    expect(e.fatalities).toBe(3);
    expect(e.actors).toEqual(['Military Forces of Russia', 'Civilians (Ukraine)']);
    expect(e.places.map((p) => [p.name, p.inferred])).toEqual([['Kharkiv', false]]);
    expect(e.geoPrecision).toBe(1);
  });

  it('dates an event told with no day of its own by the day it was told, when that is before publication', () => {
    const text = 'The ministry said on Thursday that one man was killed by gunmen in Kharkiv.';
    const mentions = (a: CleanedArticle) => [mention(a, 'Kharkiv', 'literal', P.Kharkiv)];
    // Published on Saturday: the killing was told on Thursday, so it happened by then.
    const [told] = run(text, '2024-08-17', mentions).events;
    expect([told.date, told.datePrecision, told.dateText]).toEqual(['2024-08-15', 'approximate', 'on Thursday']);
    // Told on the day of publication: the publication date stands, as before.
    const [sameDay] = run(text, '2024-08-15', mentions).events;
    expect([sameDay.date, sameDay.datePrecision, sameDay.dateText]).toEqual(['2024-08-15', 'day', '']);
    // A day of its own wins over the day of the telling.
    const [own] = run('The ministry said on Thursday that gunmen killed one man in Kharkiv on Tuesday.', '2024-08-17', mentions).events;
    expect([own.date, own.dateText]).toEqual(['2024-08-13', 'on Tuesday']);
  });

  it('keeps a day after a publication date that is only a lower bound read from the text', () => {
    const text = 'On Sunday, August 25, gunmen killed ten people in Kharkiv.';
    const a = article(text);
    const mentions = [mention(a, 'Kharkiv', 'literal', P.Kharkiv)];
    // "In June 2021" was the latest full date: the article was published on or after it, and the
    // weekday puts the yearless day in 2024.
    const bound: Publication = { published: '2021-06-01', precision: 'month', source: 'content', evidence: 'test' };
    const [e] = extractEvents({ article: a, publication: bound, temporal: findTemporalExpressions(a, bound), mentions });
    expect([e.date, e.dateText]).toEqual(['2024-08-25', 'On Sunday, August 25']);
    // The same day named in full: after a lower bound it stands; after a publication day from
    // metadata it is ahead of the article, never the day something happened.
    const full = article('Gunmen killed ten people in Kharkiv on August 25, 2021.');
    const dateOf = (publication: Publication) => extractEvents({ article: full, publication, temporal: findTemporalExpressions(full, publication), mentions: [mention(full, 'Kharkiv', 'literal', P.Kharkiv)] })[0].date;
    expect(dateOf(bound)).toBe('2021-08-25');
    expect(dateOf(published('2021-06-01'))).toBe('2021-06-01');
  });

  it('reads deaths told with a protest\'s policing as excessive force, and arrests at a protest as its policing', () => {
    const [killed] = run('Two persons were killed as police in Kharkiv fired tear gas to disperse protesters on Monday.', '2025-09-08', (a) => [mention(a, 'Kharkiv', 'literal', P.Kharkiv)]).events;
    expect([killed.type, killed.subType, killed.fatalities]).toEqual(['Protests', 'Excessive force against protesters', 2]);
    const policed = run('Police fired tear gas and arrested dozens of people in Kharkiv on Saturday.', '2025-06-29', (a) => [mention(a, 'Kharkiv', 'literal', P.Kharkiv)]).events;
    expect(policed.map((e) => [e.type, e.subType])).toEqual([['Protests', 'Protest with intervention']]);
    // Arrests with no protest told beside them stay arrests.
    const arrests = run('Police arrested dozens of people in Kharkiv on Saturday.', '2025-06-29', (a) => [mention(a, 'Kharkiv', 'literal', P.Kharkiv)]).events;
    expect(arrests.map((e) => e.subType)).toEqual(['Arrests']);
  });

  it('dates an event by the day its own sentence tells it before a day of the sentence before', () => {
    const text = 'The offensive began on Monday in Kharkiv.\nThe fighters said Sunday they had captured Kharkiv.';
    const a = article(text);
    const pub = published('2021-08-10');
    const temporal = findTemporalExpressions(a, pub);
    const events = extractEvents({ article: a, publication: pub, temporal, mentions: [mention(a, 'Kharkiv', 'literal', P.Kharkiv), mention(a, 'Kharkiv', 'literal', P.Kharkiv, 1)] });
    expect(events.find((e) => e.sentence.start > 0)?.date).toBe('2021-08-08');
  });

  it('names both national armies of a battle between two states', () => {
    const { events } = run('Ethiopian troops clashed with Eritrean soldiers near Humera on Friday.', '2020-11-20', (a) => [
      mention(a, 'Ethiopian', 'adjectival', P.Ethiopia),
      mention(a, 'Eritrean', 'adjectival', P.Eritrea),
      mention(a, 'Humera', 'literal', P.Humera),
    ]);
    expect(events.map((e) => [e.type, e.actors, e.places[0].name, e.geoPrecision, e.date])).toEqual([
      ['Battles', ['Military Forces of Ethiopia', 'Military Forces of Eritrea'], 'Humera', 2, '2020-11-20'],
    ]);
  });

  it('knows named groups and who takes territory', () => {
    const { events } = run('The Rapid Support Forces captured the town of Wad Madani on December 18.', '2023-12-20', (a) => [mention(a, 'Wad Madani', 'literal', P.WadMadani)]);
    expect(events.map((e) => [e.type, e.subType, e.actors, e.date])).toEqual([['Battles', 'Non-state actor overtakes territory', ['Rapid Support Forces'], '2023-12-18']]);
  });

  it('types abductions, protests and their sub-types', () => {
    const abduction = run('Boko Haram fighters abducted 20 students in Kankara last week.', '2020-12-16', (a) => [mention(a, 'Kankara', 'literal', P.Kankara)]).events;
    expect(abduction.map((e) => [e.type, e.subType, e.actors[0], e.date, e.datePrecision])).toEqual([['Violence against civilians', 'Abduction/forced disappearance', 'Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad', '2020-12-07', 'week']]);
    const protest = run('Police fired tear gas at protesters in Nairobi on Tuesday.', '2023-07-13', (a) => [mention(a, 'Nairobi', 'literal', P.Nairobi)]).events;
    expect(protest.map((e) => [e.type, e.subType, e.date])).toEqual([['Protests', 'Protest with intervention', '2023-07-11']]);
  });

  it('an adjective names an actor, a metonym a government: neither is the place', () => {
    const { events } = run('Moscow said the Russian air force bombed positions in Saraqib on Monday.', '2020-02-20', (a) => [
      mention(a, 'Moscow', 'metonymic', P.Moscow),
      mention(a, 'Russian', 'adjectival', P.Russia),
      mention(a, 'Saraqib', 'literal', P.Saraqib),
    ]);
    expect(events.map((e) => [e.places.map((p) => p.name), e.actors, e.subType])).toEqual([[['Saraqib'], ['Military Forces of Russia'], 'Air/drone strike']]);
  });

  it('splits a sentence into its events, with suffixed ids', () => {
    const text = 'Also Sunday, Turkey shot down two Syrian warplanes and struck Aleppo airport, as Syrian forces downed three Turkish drones.';
    const { events } = run(text, '2020-03-02', (a) => [
      mention(a, 'Turkey', 'metonymic', P.Turkey),
      mention(a, 'Syrian', 'adjectival', P.Syria),
      mention(a, 'Aleppo', 'literal', P.Aleppo),
      mention(a, 'Syrian', 'adjectival', P.Syria, 1),
      mention(a, 'Turkish', 'adjectival', P.Turkey),
    ]);
    expect(events.map((e) => [e.id, e.type, e.date, e.places.map((p) => p.name)])).toEqual([
      ['test#0', 'Battles', '2020-03-01', []],
      ['test#0-2', 'Explosions/Remote violence', '2020-03-01', ['Aleppo']],
      ['test#0-3', 'Battles', '2020-03-01', []],
    ]);
  });

  it('falls back to the main theatre, marked inferred, at precision 3', () => {
    const text = 'Fighting in Idlib has displaced thousands. Idlib is the last rebel stronghold.\n\nOn Monday, Turkish jets shot down two warplanes.';
    const { events } = run(text, '2020-03-04', (a) => [
      mention(a, 'Idlib', 'literal', P.Idlib),
      mention(a, 'Idlib', 'literal', P.Idlib, 1),
      mention(a, 'Turkish', 'adjectival', P.Turkey),
    ]);
    const shot = events.find((e) => e.trigger.includes('shot down'))!;
    expect(shot.places).toEqual([{ placeId: 'test:idlib-governorate', name: 'Idlib Governorate', lat: 35.76667, lon: 36.66667, inferred: true }]);
    expect([shot.geoPrecision, shot.date]).toEqual([3, '2020-03-02']);
  });

  it('takes the date of the previous sentence of the paragraph, else the publication date', () => {
    const text = 'On Sunday, rebels stormed Saraqib. Government forces retook Saraqib, killing 12 fighters.\n\nAirstrikes have been concentrated in Aleppo.';
    const { events } = run(text, '2020-02-06', (a) => [
      mention(a, 'Saraqib', 'literal', P.Saraqib),
      mention(a, 'Saraqib', 'literal', P.Saraqib, 1),
      mention(a, 'Aleppo', 'literal', P.Aleppo),
    ]);
    expect(events.map((e) => [e.date, e.dateText, e.fatalities])).toEqual([
      ['2020-02-02', 'On Sunday', null],
      ['2020-02-02', 'On Sunday', 12],
      ['2020-02-06', '', null],
    ]);
  });

  it('keeps an event whose date cannot be resolved, marked null', () => {
    const { events } = run('On Thursday, Turkish artillery shelled Saraqib.', null, (a) => [mention(a, 'Saraqib', 'literal', P.Saraqib)]);
    expect(events.map((e) => [e.date, e.datePrecision, e.dateText])).toEqual([[null, 'unknown', 'On Thursday']]);
  });

  it('keeps an event whose place cannot be resolved, with no places', () => {
    const { events } = run('On Thursday, 36 soldiers were killed in an air strike.', '2020-03-02');
    expect(events.map((e) => [e.places, e.fatalities, e.date])).toEqual([[[], 36, '2020-02-27']]);
  });

  it('adds the passive toll of the next sentence to the event it follows', () => {
    const text = 'On Thursday, Turkish artillery shelled army positions in Saraqib.\n\nWithin a few hours fifty soldiers had been killed while Turkey lost only two soldiers.';
    const { events } = run(text, '2020-02-21', (a) => [mention(a, 'Saraqib', 'literal', P.Saraqib), mention(a, 'Turkey', 'metonymic', P.Turkey)]);
    expect(events.map((e) => [e.type, e.fatalities])).toEqual([['Explosions/Remote violence', 52]]);
  });

  it('resolves "the city" to the last city named', () => {
    const text = 'Rebels hold parts of Aleppo. Regime forces launched an offensive on the city in mid-October.';
    const { events } = run(text, '2015-12-08', (a) => [mention(a, 'Aleppo', 'literal', P.Aleppo)]);
    expect(events.map((e) => [e.places.map((p) => p.name), e.date, e.datePrecision, e.actors])).toEqual([[['Aleppo'], '2015-10-15', 'week', ['Military Forces of Syria']]]);
  });

  it('does not mutate its input', () => {
    const a = article('On Sunday, rebels stormed Saraqib, killing 12 soldiers.');
    const publication = published('2020-02-06');
    const temporal = findTemporalExpressions(a, publication);
    const mentions = [mention(a, 'Saraqib', 'literal', P.Saraqib)];
    const before = JSON.stringify({ a, publication, temporal, mentions });
    extractEvents({ article: a, publication, temporal, mentions });
    expect(JSON.stringify({ a, publication, temporal, mentions })).toBe(before);
  });
});

describe('extractEvents: one incident, one event', () => {
  it('folds a later detail into the lead it retells: the finer place, the dated day, the named action', () => {
    const text = 'At least a dozen soldiers have been killed in western Ukraine, the army said on Friday.\n\nThe soldiers were in Kharkiv when fighters attacked them on Thursday.';
    const { events } = run(text, '2024-05-31', (a) => [mention(a, 'Ukraine', 'literal', P.Ukraine), mention(a, 'Kharkiv', 'literal', P.Kharkiv)]);
    expect(events).toHaveLength(1);
    const [e] = events;
    expect([e.type, e.date, e.places.map((p) => p.name), e.fatalities]).toEqual(['Battles', '2024-05-30', ['Kharkiv'], 12]);
    expect(e.alsoIn?.map((s) => text.slice(s.start, s.end))).toEqual(['The soldiers were in Kharkiv when fighters attacked them on Thursday.']);
  });

  it('keeps another incident apart, and so two different actions at one place', () => {
    const another = 'Fighters stormed Saraqib on Sunday, killing five soldiers. In another attack, gunmen killed three soldiers.';
    expect(run(another, '2020-02-06', (a) => [mention(a, 'Saraqib', 'literal', P.Saraqib)]).events).toHaveLength(2);
    const twoActions = 'On Sunday, rebels stormed Saraqib. Government forces retook Saraqib.';
    expect(run(twoActions, '2020-02-06', (a) => [mention(a, 'Saraqib', 'literal', P.Saraqib), mention(a, 'Saraqib', 'literal', P.Saraqib, 1)]).events).toHaveLength(2);
  });

  it('keeps a strike at another place on the same day apart', () => {
    const text = 'A missile strike hit Kharkiv on Friday, killing three people. A drone strike hit Moscow on Friday.';
    const { events } = run(text, '2024-05-31', (a) => [mention(a, 'Kharkiv', 'literal', P.Kharkiv), mention(a, 'Moscow', 'literal', P.Moscow)]);
    expect(events.map((e) => e.places.map((p) => p.name))).toEqual([['Kharkiv'], ['Moscow']]);
  });
});

describe('extractEvents: history and one sentence, one incident', () => {
  it('keeps how a war began, told in apposition, out of the story', () => {
    const text = 'The war in Sudan, launched after the RSF raided Khartoum and killed about 1,200 people, has also displaced 10 million people.';
    expect(run(text, '2024-08-16', (a) => [mention(a, 'Sudan', 'literal', P.Sudan), mention(a, 'Khartoum', 'literal', P.Sudan)]).events).toEqual([]);
    // An event told in the sentence's own clause stands.
    const now = run('Drone strikes on Wad Madani killed 12 people on Monday, the war having been launched after talks failed.', '2024-08-16', (a) => [mention(a, 'Wad Madani', 'literal', P.WadMadani)]).events;
    expect(now.map((e) => e.fatalities)).toEqual([12]);
  });

  it('keeps history out: a year alone, or a day long past told without a place of its own', () => {
    const year = run('More than half a million people have been killed in the war that erupted after protests in 2011.', '2024-11-29');
    expect(year.events).toEqual([]);
    const past = run('Saraqib was shelled again on Friday. On March 3, 2023, rebels stormed the base.', '2024-11-29', (a) => [mention(a, 'Saraqib', 'literal', P.Saraqib)]);
    expect(past.events.map((e) => e.date)).toEqual(['2024-11-29']);
    const placed = run('On March 3, 2023, rebels stormed Saraqib.', '2024-11-29', (a) => [mention(a, 'Saraqib', 'literal', P.Saraqib)]);
    expect(placed.events.map((e) => [e.date, e.places.map((p) => p.name)])).toEqual([['2023-03-03', ['Saraqib']]]);
  });

  it('reads "stormed the venue and detonated the IED" as one bombing', () => {
    const { events } = run('On Saturday the bomber stormed the wedding in Gwoza and detonated the IED, killing six people.', '2024-06-29', (a) => [mention(a, 'Gwoza', 'literal', P.Kankara)]);
    expect(events.map((e) => [e.type, e.fatalities])).toEqual([['Explosions/Remote violence', 6]]);
  });
});
