import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findDates, findPublication, findTemporalExpressions } from '../src/core/dates/find-dates.ts';
import type { ArticleMeta, BoilerplateSpan, CleanedArticle, DatePrecision } from '../src/core/model.ts';
import { cleanArticle } from '../src/core/text/clean-article.ts';

interface Case {
  name: string;
  published: string | null;
  publishedPrecision?: DatePrecision;
  sentence: string;
  expected: Array<{ text: string; date: string | null; precision: DatePrecision; endDate?: string }>;
}

const CASES: Case[] = JSON.parse(fs.readFileSync(new URL('./fixtures/dates/temporal-cases.json', import.meta.url), 'utf8'));

/** One sentence as a whole article, with no boilerplate. */
function oneSentence(text: string): CleanedArticle {
  return { id: 't', text, meta: {}, title: '', boilerplate: [], sentences: [{ start: 0, end: text.length, paragraph: 0 }] };
}

describe('findTemporalExpressions', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const publication = { published: c.published, precision: c.published ? c.publishedPrecision ?? 'day' : 'unknown', source: c.published ? 'metadata' : 'none', evidence: '' } as const;
    const found = findTemporalExpressions(oneSentence(c.sentence), publication);
    expect(found.map((t) => ({ text: t.text, date: t.date, precision: t.precision, ...(t.endDate ? { endDate: t.endDate } : {}) }))).toEqual(c.expected);
    for (const t of found) expect(c.sentence.slice(t.start, t.end)).toBe(t.text);
  });

  it('lets the weekday name the year of a yearless date: back from publication, or on from a lower bound', () => {
    const text = 'On Sunday, August 25, gunmen attacked the town.';
    const at = (publication: Parameters<typeof findTemporalExpressions>[1]) => findTemporalExpressions(oneSentence(text), publication)[0]?.date;
    // Published 2026-12-02: 25 August 2026 was a Tuesday; the latest Sunday 25 August before is in 2024.
    expect(at({ published: '2026-12-02', precision: 'day', source: 'metadata', evidence: '' })).toBe('2024-08-25');
    // Only known to be on or after June 2021 (the latest date the text names): the first such Sunday after is in 2024, not 2019.
    expect(at({ published: '2021-06-01', precision: 'month', source: 'content', evidence: '' })).toBe('2024-08-25');
    // Without a weekday the day is the most recent one before publication, as before.
    const plain = findTemporalExpressions(oneSentence('On August 25, gunmen attacked the town.'), { published: '2026-12-02', precision: 'day', source: 'metadata', evidence: '' });
    expect(plain[0]?.date).toBe('2026-08-25');
  });

  it('counts "the previous morning", "the next day", "two days later" from the day the story last named', () => {
    const text = 'On Sunday, August 25, a video circulated.\n\nThe previous morning, gunmen attacked the town. Two days later, the army retook it. The day after the attack, police came.';
    const a: CleanedArticle = { ...oneSentence(text), sentences: [{ start: 0, end: 41, paragraph: 0 }, { start: 43, end: 90, paragraph: 1 }, { start: 91, end: 126, paragraph: 1 }, { start: 127, end: text.length, paragraph: 1 }] };
    const found = findTemporalExpressions(a, { published: '2024-08-28', precision: 'day', source: 'metadata', evidence: '' });
    // "The day after the attack" counts from an event, not a named day: left out.
    expect(found.map((t) => [t.text, t.date, t.precision])).toEqual([
      ['On Sunday, August 25', '2024-08-25', 'day'],
      ['The previous morning', '2024-08-24', 'day'],
      ['Two days later', '2024-08-26', 'day'],
    ]);
    for (const t of found) expect(text.slice(t.start, t.end)).toBe(t.text);
    // With no day named before it, "the next day" stays undated, as before.
    expect(findTemporalExpressions(oneSentence('The next day, troops entered the town.'), { published: '2024-08-28', precision: 'day', source: 'metadata', evidence: '' })).toEqual([]);
  });

  it('reads "yesterday" with a time of day against publication, not against chrono\'s own reference', () => {
    const text = 'The incident occurred at around 11 pm yesterday when security forces fired. He died yesterday at 3:30 am.';
    const found = findTemporalExpressions(oneSentence(text), { published: '2024-11-18', precision: 'day', source: 'metadata', evidence: '' });
    expect(found.map((t) => [t.text, t.date])).toEqual([['11 pm yesterday', '2024-11-17'], ['yesterday at 3:30 am', '2024-11-17']]);
  });

  it('reads content sentences only', () => {
    const text = 'Copyright 2020, updated March 3, 2020.\n\nOn Thursday, troops entered the town.';
    const a: CleanedArticle = { ...oneSentence(text), sentences: [{ start: 40, end: text.length, paragraph: 1 }] };
    const found = findTemporalExpressions(a, { published: '2020-03-05', precision: 'day', source: 'metadata', evidence: '' });
    expect(found.map((t) => [t.text, t.date])).toEqual([['On Thursday', '2020-03-05']]);
  });
});

/** An article with given metadata and boilerplate spans (found by their text). */
function withBoilerplate(text: string, meta: ArticleMeta, spans: Array<[string, BoilerplateSpan['kind']]>): CleanedArticle {
  const cleaned = cleanArticle({ id: 'p', text, meta }).article;
  const boilerplate = spans.map(([s, kind]) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length, kind }));
  return { ...cleaned, boilerplate, sentences: cleaned.sentences.filter((s) => !boilerplate.some((b) => s.start < b.end && b.start < s.end)) };
}

describe('findPublication', () => {
  const body = 'Rebels stormed the town on Thursday. The fighting lasted all day.';

  it('reads a date written as one eight-digit segment of the URL, when it is a real day', () => {
    const at = (url: string) => findPublication(withBoilerplate(body, { url }, []));
    expect(at('https://www.btimesonline.com/articles/175332/20250830/at-least-three-dead.htm')).toMatchObject({ published: '2025-08-30', precision: 'day', source: 'metadata' });
    // Not a day: no date; an article number is no date either.
    expect(at('https://example.com/articles/20250231/story').published).toBeNull();
    expect(at('https://example.com/news/202508301234/story').published).toBeNull();
  });

  it('takes metadata first, with its precision and note', () => {
    const p = findPublication(withBoilerplate(`Published: March 9, 2021\n\n${body}`, { published: '2020-02-21', publishedPrecision: 'approximate', publishedNote: 'from the events' }, []));
    expect([p.published, p.precision, p.source]).toEqual(['2020-02-21', 'approximate', 'metadata']);
    expect(p.evidence).toContain('from the events');
  });

  it('reads a dateline the cleaner marked', () => {
    const text = `# Title\n\nBy A. Writer\n\nGlobal Research, February 06, 2020\n\n${body}`;
    const p = findPublication(withBoilerplate(text, {}, [['Global Research, February 06, 2020', 'dateline']]));
    expect([p.published, p.precision, p.source]).toEqual(['2020-02-06', 'day', 'dateline']);
    expect(text.slice(p.span!.start, p.span!.end)).toBe('February 06, 2020');
  });

  it('reads a labelled date and an unmarked dateline line near the top', () => {
    expect(findPublication(withBoilerplate(` date 2020-03-02 Smoke rises over the city on March 1, 2020.\n\n${body}`, {}, [])).published).toBe('2020-03-02');
    expect(findPublication(withBoilerplate(`Posted on: 12 May 2019\n\n${body}`, {}, [])).published).toBe('2019-05-12');
    expect(findPublication(withBoilerplate(`Kyiv Daily, 24 February 2022 | 10:15\n\n${body}`, {}, [])).published).toBe('2022-02-24');
  });

  it('reads a labelled date on a long line far from the top (chrono skips only lines that cannot hold one)', () => {
    const long = `${'Rebels and troops fought in the hills for a week. '.repeat(30)}`;
    const p = findPublication(withBoilerplate(`${long}\n\n*Published: March 8, 2021, after ${long}\n\n${body}`, {}, []));
    expect([p.published, p.source]).toEqual(['2021-03-08', 'dateline']);
  });

  it('does not take a first sentence that opens with a date for a dateline', () => {
    const p = findPublication(withBoilerplate(`On March 1, 2020, rebels attacked.\n\n${body}`, {}, []));
    expect([p.published, p.precision, p.source]).toEqual(['2020-03-01', 'approximate', 'content']);
  });

  it('prefers the publication over an update', () => {
    const p = findPublication(withBoilerplate(`Updated: March 9, 2021\nPublished: March 8, 2021\n\n${body}`, {}, []));
    expect(p.published).toBe('2021-03-08');
  });

  it('infers an approximate date from the latest explicit date of the content', () => {
    const p = findPublication(withBoilerplate(`${body} Talks on January 3, 2019 failed, and a truce of February 14, 2019 collapsed.`, {}, []));
    expect([p.published, p.precision, p.source]).toEqual(['2019-02-14', 'approximate', 'content']);
    expect(p.evidence).toContain('February 14, 2019');
  });

  it('never takes a date from other boilerplate (an advertisement, a footer)', () => {
    const ad = 'Fund Up 20% In 2020: returns of January 5, 2021 beat the index.';
    const footer = 'Copyright March 2, 2020, All rights reserved.';
    const p = findPublication(withBoilerplate(`${body}\n\n${ad}\n\n${footer}`, {}, [[ad, 'advertisement'], [footer, 'copyright']]));
    expect(p).toEqual({ published: null, precision: 'unknown', source: 'none', evidence: 'no date in metadata, dateline, URL or content' });
  });

  it('leaves an article without dates undated, never today', () => {
    const { publication, temporal } = findDates(withBoilerplate(body, {}, []));
    expect(publication.published).toBeNull();
    expect(temporal.map((t) => [t.text, t.date])).toEqual([['on Thursday', null]]);
  });
});
