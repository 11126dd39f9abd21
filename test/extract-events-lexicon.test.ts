import { describe, expect, it } from 'vitest';
import { countFatalities, parseNumber } from '../src/core/events/fatalities.ts';
import { CASUALTY_RULE, casualtyType, crowdClashType, findTriggers, oneSidedType, TRIGGERS } from '../src/core/events/event-types.ts';
import { isAggregate, notAsserted, nounHappens, splitClauses } from '../src/core/events/event-clauses.ts';
import { countryNamer, findActors } from '../src/core/events/actors.ts';
import { article, mention, PLACES as P } from './fixtures/events/build.ts';

describe('countFatalities', () => {
  it.each([
    ['Events came to a zenith when at least eight Turkish soldiers acting illegally in Idlib were killed and at least another dozen wounded.', 8],
    ['Of these, 36 were killed on Thursday in an air strike.', 36],
    ['Within a few hours fifty Syrian soldiers or members of militias had been killed while Turkey lost only two soldiers.', 52],
    ['Turkey responded by killing at least 70 Syrian Army soldiers.', 70],
    ['Twenty-one civilians were killed in the market.', 21],
    ['The blast killed 1,250 people, officials said.', 1250],
    ['A hundred and five fighters died in the siege.', 105],
    ['The death toll rose to 43.', 43],
    ['the attack saw the death of tens of jihadists and two Turkish soldiers', 2],
    ['Israeli settlers attacked a village, killing a man and burning homes.', 1],
    ['A protester was killed and another injured in police firing.', 1],
    ['An attack resulted in the death of an FC official and injuries to three others.', 1],
    ['At least 24 people were killed and a child was injured.', 24],
    ['The death toll in a brutal gang attack last week on a small town has risen to at least 115, an official said.', 115],
    ['A resident of a Belgorod Region village died after a drone attack, the governor said.', 1],
    ['A Palestinian was killed yesterday evening by settlers.', 1],
    ['At least 12 people, including four children, were killed and 57 others injured.', 12],
    ['Five people, most of them women, were killed in the raid.', 5],
    ['Two police officials reported three deaths during the demonstrations.', 3],
    ['Fighting in which one U.N. peacekeeper was killed and another injured.', 1],
    // None killed, said outright, is ACLED's 0, not "no figure".
    ['An Israeli official was quoted as saying nobody was killed.', 0],
    ['No casualties were reported, the governor said.', 0],
  ])('%s → %i', (text, n) => expect(countFatalities(text)).toBe(n));

  it.each([
    ['Dozens were killed in the fighting.'],
    ['At least a dozen soldiers were wounded by the shelling.'],
    ['The army denied that any soldiers were killed.'],
    ['In 1974 the island was invaded and the population killed in the war is unknown.'],
    ['Turkey has 7.000 soldiers and 70 tanks in Syria.'],
    ['A man and his son were wounded, and the driver who fled died of a heart attack.'],
    ['Officials did not say whether there were casualties.'],
  ])('no number in: %s', (text) => expect(countFatalities(text)).toBeNull());

  it('parses number words and rejects years', () => {
    expect([parseNumber('fifty'), parseNumber('thirty-six'), parseNumber('a dozen'), parseNumber('2019'), parseNumber('2,019')]).toEqual([50, 36, 12, null, 2019]);
  });
});

describe('findTriggers and assertion', () => {
  const types = (text: string) => findTriggers(text).map((t) => [t.text, t.rule.type, t.rule.subType]);

  it('maps triggers to ACLED types and sub-types, the longer match first', () => {
    expect(types('the mortar attack on the posts')).toEqual([['mortar attack', 'Explosions/Remote violence', 'Shelling/artillery/missile attack']]);
    expect(types('killed in a Russian air force strike')[1]).toEqual(['air force strike', 'Explosions/Remote violence', 'Air/drone strike']);
    expect(types('a suicide bombing at the mosque')).toEqual([['suicide bombing', 'Explosions/Remote violence', 'Suicide bomb']]);
    expect(types('rebels seized the town')).toEqual([['seized', 'Battles', 'Non-state actor overtakes territory']]);
    expect(types('rebels took control of the town')).toEqual([['took control of', 'Battles', 'Non-state actor overtakes territory']]);
    expect(types('gunmen kidnapped a priest')).toEqual([['kidnapped', 'Violence against civilians', 'Abduction/forced disappearance']]);
    expect(types('the insurgents claimed control of Sheberghan')).toEqual([['claimed control of', 'Battles', 'Non-state actor overtakes territory']]);
    expect(types('authorities have jailed 172 people')).toEqual([['jailed', 'Strategic developments', 'Arrests']]);
    expect(types('Russia launched three ballistic missiles at Poltava')).toEqual([['launched three ballistic missiles', 'Explosions/Remote violence', 'Shelling/artillery/missile attack']]);
    expect(types("his PTI supporters stormed the army headquarters")[0]).toEqual(['his PTI supporters stormed', 'Riots', 'Violent demonstration']);
    expect(types("Khan's supporters torched the cantonment entrance")[0]).toEqual(["Khan's supporters torched", 'Riots', 'Violent demonstration']);
  });

  it('opens every alternative of every rule with \\b (findTriggers prefilters with one \\b-led pattern)', () => {
    const topLevel = (source: string) => {
      const alts: string[] = [];
      let depth = 0;
      let inClass = false;
      let from = 0;
      for (let i = 0; i < source.length; i++) {
        const c = source[i];
        if (c === '\\') i++;
        else if (inClass) inClass = c !== ']';
        else if (c === '[') inClass = true;
        else if (c === '(') depth++;
        else if (c === ')') depth--;
        else if (c === '|' && depth === 0) {
          alts.push(source.slice(from, i));
          from = i + 1;
        }
      }
      return [...alts, source.slice(from)];
    };
    for (const r of [...TRIGGERS, CASUALTY_RULE]) for (const alt of topLevel(r.pattern.source)) expect(alt.startsWith('\\b'), alt).toBe(true);
  });

  it('tells passive casualties from a new killing', () => {
    expect(findTriggers('two soldiers were killed').map((t) => t.passive)).toEqual([true]);
    expect(findTriggers('Turkey lost two soldiers').map((t) => t.passive)).toEqual([true]);
    expect(findTriggers('troops responded by killing 70 fighters').map((t) => t.passive)).toEqual([false]);
  });

  const why = (clause: string, word: string) => {
    const t = findTriggers(clause).find((m) => m.text === word)!;
    return notAsserted(clause.slice(0, t.start), t);
  };

  it.each([
    ['Erdogan threatened to launch an offensive', 'offensive', 'modal'],
    ['Russia could launch air strikes on the town', 'air strikes', 'modal'],
    ['if any more soldiers are killed', 'killed', 'modal'],
    ['the army denied that its jets bombed the town', 'bombed', 'negated'],
    ['since Turkish forces invaded Syria', 'invaded', 'since'],
    ['to besiege and eventually recapture the city', 'recapture', 'infinitive'],
    ['in an attempt to retake the city', 'retake', null],
    ['Turkey with its allies attempted to invade the town', 'invade', null],
    ['troops are invading the north', 'invading', 'progressive'],
    ['the downed plane', 'downed', 'adjective'],
    ['In May, troops stormed the village', 'stormed', null],
  ])('"%s" (%s): %s', (clause, word, reason) => {
    expect(why(clause, word)).toBe(reason);
  });

  it('splits clauses at "as", "while", a leading subordinate clause and a coordinated event verb', () => {
    const s = 'Also Sunday, Turkey shot down two warplanes and struck the airport, as Syrian forces downed three drones.';
    expect(splitClauses(s).map((c) => s.slice(c.start, c.end).trim())).toEqual(['Also Sunday, Turkey shot down two warplanes and', 'struck the airport,', 'as Syrian forces downed three drones.']);
    const t = 'Although there may be no war, Russia is taking revenge.';
    expect(splitClauses(t).map((c) => t.slice(c.start, c.end).trim())).toEqual(['Although there may be no war,', 'Russia is taking revenge.']);
  });
});

describe('findActors', () => {
  it('names state forces from adjectives and metonyms, skips -backed compounds, knows named groups', () => {
    const text = 'Turkey and Turkish-backed rebels shelled positions of the Syrian Army, while Houthi fighters and regime forces watched.';
    const a = article(text);
    const mentions = [mention(a, 'Turkey', 'metonymic', P.Turkey), mention(a, 'Turkish', 'adjectival', P.Turkey), mention(a, 'Syrian', 'adjectival', P.Syria)];
    const actors = findActors(text, 0, mentions, text.indexOf('shelled'), { countryName: countryNamer(mentions), eventCountry: 'Syria' });
    expect(actors).toEqual(['Military Forces of Turkey', 'Rebel groups (Syria)', 'Military Forces of Syria', 'Ansar Allah']);
  });

  it("uses ACLED's country names over a gazetteer's", () => {
    const turkey = { ...P.Turkey, name: 'Türkiye' };
    const a = article('Turkish jets struck the airport.');
    const m = mention(a, 'Turkish', 'adjectival', turkey);
    expect(findActors(a.text, 0, [m], 14, { countryName: countryNamer([m]), eventCountry: null })).toEqual(['Military Forces of Turkey']);
  });
});

describe('the type of one side\'s attack and of deaths comes from the weapon, else the victims', () => {
  it.each([
    ['An aerial assault targeting a village killed at least 10 civilians.', 'Explosions/Remote violence', 'Air/drone strike'],
    ['Gunmen attacked a village, killing a man and burning homes.', 'Violence against civilians', 'Attack'],
    ['Fighters attacked an army base, killing two soldiers.', 'Battles', 'Armed clash'],
    ['At least 22 people were killed in an explosion at the railway station.', 'Explosions/Remote violence', 'Remote explosive/landmine/IED'],
    ['Eight soldiers were killed by shelling.', 'Explosions/Remote violence', 'Shelling/artillery/missile attack'],
    ['Militants stormed the wedding and killed six guests.', 'Violence against civilians', 'Attack'],
    // The killers are not the dead; settlers, herdsmen and gangs attacking people are one-sided violence.
    ['No fewer than 100 persons were killed by gunmen who invaded two communities.', 'Violence against civilians', 'Attack'],
    ['A Palestinian was killed by Israeli settlers in the town.', 'Violence against civilians', 'Attack'],
    ['The death toll in a gang attack on a small town has risen to 115.', 'Violence against civilians', 'Attack'],
    ['Settlers clashed with soldiers and two soldiers were killed.', 'Battles', 'Armed clash'],
    ['Gunmen attacked a checkpoint, killing two police officers.', 'Battles', 'Armed clash'],
    // Lethal force against a crowd: the protest met with excessive force, by ACLED's codebook.
    ['A protester was killed and another injured in an alleged police firing.', 'Protests', 'Excessive force against protesters'],
    ['Two demonstrators were shot dead when soldiers opened fire.', 'Protests', 'Excessive force against protesters'],
    // Protesters killed by no state force named: violence against civilians, as before.
    ['Gunmen killed two protesters in the town.', 'Violence against civilians', 'Attack'],
  ])('%s → %s', (clause, type, subType) => {
    expect(casualtyType(clause)).toEqual({ type, subType });
  });

  it('reads a crowd\'s arson and storming as a riot, and deaths beside it as part of it', () => {
    expect(findTriggers('Protesters set fire to a regional parliament building.').map((t) => [t.rule.type, t.rule.subType])).toContainEqual(['Riots', 'Violent demonstration']);
    expect(findTriggers('His supporters stormed the army headquarters.').map((t) => [t.rule.type, t.rule.subType])).toContainEqual(['Riots', 'Violent demonstration']);
    const casualty = { type: 'Violence against civilians', subType: 'Attack' } as const;
    expect(crowdClashType(casualty, 'At least three people were killed after protesters set fire to a parliament building.')).toEqual({ type: 'Riots', subType: 'Violent demonstration' });
    expect(crowdClashType(casualty, 'A mob lynched two men accused of theft.')).toEqual({ type: 'Riots', subType: 'Mob violence' });
    // Gunmen burning homes are no crowd.
    expect(crowdClashType(casualty, 'Gunmen set fire to homes, killing three villagers.')).toEqual(casualty);
  });

  it('reads a clash with a crowd on one side as a riot, and leaves other clashes battles', () => {
    const clash = { type: 'Battles', subType: 'Armed clash' } as const;
    expect(crowdClashType(clash, 'A protester was killed in firing during a clash between security forces and a mob.')).toEqual({ type: 'Riots', subType: 'Violent demonstration' });
    expect(crowdClashType(clash, 'Protesters clashed with riot police outside parliament.')).toEqual({ type: 'Riots', subType: 'Violent demonstration' });
    expect(crowdClashType(clash, 'Soldiers clashed with rebels near the town.')).toEqual(clash);
    const strike = { type: 'Explosions/Remote violence', subType: 'Air/drone strike' } as const;
    expect(crowdClashType(strike, 'A drone struck a crowd of mourners.')).toEqual(strike);
  });

  it('reads "no fewer than" as a count, not a negation', () => {
    const t = findTriggers('No fewer than 100 persons were killed by gunmen.').find((x) => x.text === 'killed')!;
    expect(notAsserted('No fewer than 100 persons were ', t)).toBeNull();
    expect(countFatalities('No fewer than 100 persons were killed by gunmen.')).toBe(100);
  });

  it('keeps the last name of a list in its clause', () => {
    const s = 'Clashes broke out in Rima Hazem, Areeqa, and Shahba, involving mortar fire.';
    expect(splitClauses(s).map((c) => s.slice(c.start, c.end))).toEqual([s]);
  });
});

describe('more forms of war reporting', () => {
  const first = (text: string) => findTriggers(text).map((t) => [t.text, t.rule.type, t.rule.subType])[0];
  it.each([
    ['A military jet dropped three bombs on the village.', 'Explosions/Remote violence', 'Air/drone strike'],
    ['A suicide bomber blew himself up outside the restaurant.', 'Explosions/Remote violence', 'Suicide bomb'],
    ['Its forces pounded the positions on Wednesday.', 'Explosions/Remote violence', 'Shelling/artillery/missile attack'],
    ['Rebels advanced on Sunday into the centre of the city.', 'Strategic developments', 'Other'],
    ['The separatists agreed to the terms of a ceasefire.', 'Strategic developments', 'Agreement'],
    ['Gunmen opened fire on worshippers.', 'Battles', 'Armed clash'],
    ['Police opened fire as the crowd grew.', 'Battles', 'Armed clash'],
    ['Militiamen stabbed two farmers near the market.', 'Violence against civilians', 'Attack'],
    ['Some of the suspects were decapitated by the crowd.', 'Violence against civilians', 'Attack'],
    ['Thousands marched through the capital on Saturday.', 'Protests', 'Peaceful protest'],
    ['Students staged a sit-in outside the ministry.', 'Protests', 'Peaceful protest'],
    ['Youths threw stones at police and burned tyres.', 'Riots', 'Violent demonstration'],
    ['Gunmen set the houses ablaze.', 'Strategic developments', 'Looting/property destruction'],
    ['A gunfight broke out at the checkpoint.', 'Battles', 'Armed clash'],
    ['A shootout between police and militants left two dead.', 'Battles', 'Armed clash'],
    ['An intelligence-based operation was conducted by the forces near the border.', 'Battles', 'Armed clash'],
  ])('%s', (text, type, subType) => expect(first(text)?.slice(1)).toEqual([type, subType]));

  it.each([
    ['The minister staged a comeback in the polls.'],
    ['They marveled at the march of progress.'],
    ['Riot police pushed the crowd back from the building.'],
    ['Anti-riot units stood by.'],
    ['The town mourned after the discovery of the bodies of three abducted men.'],
  ])('reads no trigger in: %s', (text) => expect(findTriggers(text)).toEqual([]));

  it('still reads riots, and abductions told as they happen', () => {
    expect(first('Rioting spread to the port.')?.[1]).toBe('Riots');
    expect(first('Gunmen abducted three men from the village.')?.[2]).toBe('Abduction/forced disappearance');
  });

  it('reads a nominal trigger as the subject of a verb past a place phrase', () => {
    const s = 'A suicide bombing at the Quetta railway station has wreaked havoc!';
    const t = findTriggers(s).find((x) => x.text === 'suicide bombing')!;
    expect(nounHappens(s, t, [])).toBe(true);
    const topic = 'Suicide bombings in crowded places are a tactic the group favours.';
    expect(nounHappens(topic, findTriggers(topic)[0], [])).toBe(false);
  });

  it('reads a continued action as one that happened ("continued to pound")', () => {
    const t = findTriggers('Its forces had continued to pound the town.').find((x) => x.text === 'pound')!;
    expect(notAsserted('Its forces had continued to ', t)).toBeNull();
  });
});

describe('a move into territory', () => {
  const typeOf = (clause: string) => {
    const t = findTriggers(clause).find((x) => x.rule.territorial)!;
    return oneSidedType(t.rule, clause).type;
  };
  it('is a battle unless it kills', () => {
    expect(typeOf('Rebels launched an incursion on Wednesday into a dozen towns and villages.')).toBe('Battles');
    expect(typeOf('Gunmen who invaded two communities killed 100 villagers.')).toBe('Violence against civilians');
  });
});

describe('tallies over time are not events', () => {
  it.each([
    ['The Israelis have killed at least 632 Palestinians in the West Bank since 7 October', true],
    ['bringing the toll to 633 since October 7', true],
    ['has killed more than 14,000 people since the siege began', true],
    ['The fighting has killed at least 40,000 people, according to the World Health Organization', true],
    ['The war in Gaza has so far killed 37,900 Palestinians', true],
    ['The strike has killed at least 12 people', false],
    ['Most of Gaza’s population of 2.3 million have fled their homes, with many displaced multiple times', true],
    ['Thousands fled their homes in the town on Monday', false],
    ['killed 273 fighters since Thursday', false],
    ['killed five people on 7 October', false],
  ])('%s → %s', (clause, aggregate) => {
    expect(isAggregate(clause)).toBe(aggregate);
  });
});
