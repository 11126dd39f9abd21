import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findDates, findPublication } from '../src/core/dates/find-dates.ts';
import { cleanedSeed, loadSeeds } from './fixtures/events/gold-seeds.ts';

const GOLDEN = new URL('./fixtures/dates/seeds.json', import.meta.url);

describe('dates of the sample corpus', () => {
  const seeds = loadSeeds();
  const byPrefix = (p: string) => seeds.find((s) => s.id.startsWith(p))!;

  it.each([
    ['000', '2020-02-06'],
    ['002', '2020-02-26'],
    ['003', '2020-03-02'],
  ])('bare text of %s is dated %s from its own dateline', (prefix, date) => {
    const article = cleanedSeed(byPrefix(prefix), false);
    const p = findPublication(article);
    expect([p.published, p.precision, p.source]).toEqual([date, 'day', 'dateline']);
    // Without the cleaner's boilerplate spans too: the dateline is still found in the text.
    expect(findPublication({ ...article, boilerplate: [] }).published).toBe(date);
  });

  it('bare text of 004 is never dated 2020 (its advertisement is about 2020)', () => {
    const article = cleanedSeed(byPrefix('004'), false);
    for (const p of [findPublication(article), findPublication({ ...article, boilerplate: article.boilerplate.filter((b) => b.kind !== 'advertisement') })]) {
      expect(p.published === null || p.published.startsWith('2015')).toBe(true);
    }
  });

  it('bare text of 001 (no dateline, no year) stays undated', () => {
    expect(findPublication(cleanedSeed(byPrefix('001'), false)).published).toBeNull();
  });

  // Phrase → date as the hand annotation resolves it (events and other dated mentions).
  it.each([
    ['000', 'Last week', '2020-01-27', 'week'],
    ['000', 'on Sunday', '2020-02-02', 'day'],
    ['000', 'on Monday', '2020-02-03', 'day'],
    ['000', 'January 28', '2020-01-28', 'day'],
    ['000', 'yesterday', '2020-02-05', 'day'],
    ['000', 'the end of February', '2020-02-29', 'day'],
    ['000', 'November 2018', '2018-11-01', 'month'],
    ['000', 'in 1974', '1974-01-01', 'year'],
    ['001', 'on Wednesday', '2020-02-19', 'day'],
    ['001', 'On Thursday', '2020-02-20', 'day'],
    ['002', 'Last Friday', '2020-02-21', 'day'],
    ['002', 'the end of the month', '2020-02-29', 'day'],
    ['003', 'March 1, 2020', '2020-03-01', 'day'],
    ['003', 'February', '2020-02-01', 'month'],
    ['003', 'on Thursday', '2020-02-27', 'day'],
    ['003', 'On Sunday', '2020-03-01', 'day'],
    ['004', 'two weeks ago', '2015-11-24', 'week'],
    ['004', 'mid-October', '2015-10-15', 'week'],
    ['004', 'last week', '2015-11-30', 'week'],
    ['004', 'late last month', '2015-11-25', 'week'],
  ])('%s: "%s" is %s (%s), as in the gold', (prefix, phrase, date, precision) => {
    const { temporal } = findDates(cleanedSeed(byPrefix(prefix), true));
    const hit = temporal.find((t) => t.text === phrase);
    expect(hit && [hit.date, hit.precision]).toEqual([date, precision]);
  });

  it('matches the golden output (UPDATE=1 rewrites it)', () => {
    const out = Object.fromEntries(seeds.map((seed) => {
      const bare = findDates(cleanedSeed(seed, false));
      const meta = findDates(cleanedSeed(seed, true));
      return [seed.id, {
        publicationBare: bare.publication,
        publicationWithMetadata: { ...meta.publication, evidence: meta.publication.evidence.slice(0, 80) },
        temporal: meta.temporal,
      }];
    }));
    const json = JSON.stringify(out, null, 1) + '\n';
    if (process.env.UPDATE === '1') fs.writeFileSync(GOLDEN, json);
    expect(JSON.parse(json)).toEqual(JSON.parse(fs.readFileSync(GOLDEN, 'utf8')));
  });
});
