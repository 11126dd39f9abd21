import { describe, expect, it } from 'vitest';
import { wireDateline, yearFor } from '../src/core/dates/wire-dateline.ts';
import { findPublication } from '../src/core/dates/find-dates.ts';
import { cleanArticle } from '../src/core/text/clean-article.ts';

const first = (text: string) => wireDateline(text, { start: 0, end: text.indexOf('\n') < 0 ? text.length : text.indexOf('\n') });
const publicationOf = (text: string) => findPublication(cleanArticle({ id: 'w', text, meta: {} }).article);

describe('wireDateline', () => {
  it.each([
    ['KHARTOUM, April 16, 2023 (Agency) - Fighting raged for a second day.', { month: 4, day: 16, year: 2023, outlet: 'Agency', dateText: 'April 16, 2023' }],
    ['NYALA, Sudan, Oct. 27 (Reuters) - The paramilitary forces said.', { month: 10, day: 27, year: null, outlet: 'Reuters', dateText: 'Oct. 27' }],
    ['Khartoum, Oct 29 (NationPress) The Sudanese government announced on Wednesday.', { month: 10, day: 29, year: null, outlet: 'NationPress', dateText: 'Oct 29' }],
    ['Mogadishu, 12 March 2024 (Xinhua) -- A car bomb exploded.', { month: 3, day: 12, year: 2024, outlet: 'Xinhua', dateText: '12 March 2024' }],
    ['PORT-AU-PRINCE, Haiti, Oct 4 — Gang members opened fire.', { month: 10, day: 4, year: null, outlet: null, dateText: 'Oct 4' }],
    ['NEW DELHI, Nov. 17 (Reuters) - Police said.', { month: 11, day: 17, year: null, outlet: 'Reuters', dateText: 'Nov. 17' }],
  ])('%s', (text, expected) => {
    const found = first(text);
    expect(found && { month: found.month, day: found.day, year: found.year, outlet: found.outlet, dateText: found.dateText }).toEqual(expected);
    expect(text.slice(found!.span.start, found!.span.end)).toMatch(/^[\p{L}]/u);
  });

  it.each([
    'KYIV, Ukraine (AP) — Russia launched a barrage of drones.',
    'On March 1, 2020, rebels attacked the town.',
    'In the town of Sake, March 3 - a date written in prose, not a dateline, with too many words before it.',
    'Fighting continued on Oct. 27 - the third day.',
  ])('reads no dateline in %s', (text) => {
    expect(first(text)).toBeNull();
  });

  it('takes the next year when the day falls before the latest date named', () => {
    expect(yearFor(1, 5, { year: 2024, month: 12, day: 20 })).toBe(2025);
    expect(yearFor(10, 27, { year: 2023, month: 4, day: 1 })).toBe(2023);
    expect(yearFor(10, 27, null)).toBeNull();
  });
});

describe('publication date from a wire dateline', () => {
  it('reads a dated wire dateline as the day of publication', () => {
    const p = publicationOf('KHARTOUM, April 16, 2023 (Agency) - Fighting between the army and the RSF raged for a second day on Sunday.');
    expect([p.published, p.precision, p.source]).toEqual(['2023-04-16', 'day', 'dateline']);
  });

  it('gives a yearless dateline the year of the latest date in the text, approximately', () => {
    const p = publicationOf('NYALA, Sudan, Oct. 27 (Reuters) - Fighters attacked the city on Sunday.\n\nThe war broke out in April 2023 between the army and the RSF.');
    expect([p.published, p.precision, p.source]).toEqual(['2023-10-27', 'approximate', 'dateline']);
    expect(p.evidence).toContain('April 2023');
  });

  it('leaves the article undated, and says why, when no year is named anywhere', () => {
    const p = publicationOf('NYALA, Sudan, Oct. 27 (Reuters) - Fighters attacked the city on Sunday, residents said.');
    expect([p.published, p.precision, p.source]).toEqual([null, 'unknown', 'none']);
    expect(p.evidence).toMatch(/no year/);
  });
});

describe('publication date from the URL', () => {
  const withUrl = (url: string) => findPublication(cleanArticle({ id: 'u', text: 'Fighters attacked the town on Sunday.', meta: { url } }).article);
  it('reads the day most news sites write into their addresses', () => {
    expect(withUrl('https://example.com/world/2024/06/25/kenya-protests-parliament/')).toMatchObject({ published: '2024-06-25', precision: 'day', source: 'metadata' });
    expect(withUrl('https://example.com/news/haiti-gang-attack-2024-11-19')).toMatchObject({ published: '2024-11-19', precision: 'day' });
    expect(withUrl('https://example.com/2023/09/karabakh-ceasefire.html')).toMatchObject({ published: '2023-09-01', precision: 'month' });
  });
  it('reads no date from ids and page numbers', () => {
    expect(withUrl('https://example.com/page/4397').published).toBeNull();
    expect(withUrl('https://example.com/article/bda670c987c1').published).toBeNull();
    expect(withUrl('https://example.com/essaydetails.php?eid=79817&cid=522').published).toBeNull();
  });
});

describe('a page clock above the story', () => {
  it('yields to the date in the URL when the two disagree', () => {
    const text = 'July 20th, 2024\n\nRebels attack a ship in the Gulf of Aden\n\nBy Jon Gambrell, The Associated Press on January 17, 2024.\n\nA drone hit the ship on Wednesday.';
    const p = findPublication(cleanArticle({ id: 'c', text, meta: { url: 'https://example.com/news/world-news/2024/01/17/rebels-attack-ship/' } }).article);
    expect([p.published, p.source]).toEqual(['2024-01-17', 'metadata']);
    const alone = findPublication(cleanArticle({ id: 'c', text, meta: {} }).article);
    expect(alone.published).toBe('2024-07-20');
  });
});
