import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findDates } from '../src/core/dates/find-dates.ts';
import { extractEvents } from '../src/core/events/extract-events.ts';
import { scoreEvents } from '../src/core/eval/score-events.ts';
import type { ConflictEvent } from '../src/core/model.ts';
import { cleanedSeed, goldMentions, loadGold, loadSeeds } from './fixtures/events/gold-seeds.ts';

const GOLDEN = new URL('./fixtures/events/seeds.json', import.meta.url);
/** The two seeds without a dateline get their (approximate) date as metadata; the others are read as bare text. */
const WITH_METADATA = /^(?:001|004)_/;

describe('events of the sample corpus, from gold place mentions', () => {
  const events: ConflictEvent[] = [];
  for (const seed of loadSeeds()) {
    const article = cleanedSeed(seed, WITH_METADATA.test(seed.id));
    const { publication, temporal } = findDates(article);
    events.push(...extractEvents({ article, publication, temporal, mentions: goldMentions(seed, article) }));
  }
  const score = scoreEvents(loadGold(), events);

  it('finds every non-optional gold event with the gold date, a place within 25 km and the gold type', () => {
    const core = score.pairs.filter((p) => !p.optional);
    expect(core.length).toBe(11);
    for (const p of core) expect({ gold: `${p.articleId}[${p.goldIndex}]`, found: p.predictedId !== null, date: p.dateOk, place: p.placeOk, type: p.typeOk }).toEqual({ gold: `${p.articleId}[${p.goldIndex}]`, found: true, date: true, place: true, type: true });
  });

  it('reports at most one event per article that the gold does not explain', () => {
    for (const a of score.articles) expect({ article: a.articleId, spurious: a.spurious <= 1 }).toEqual({ article: a.articleId, spurious: true });
  });

  it('carries the eight (000) and the 36 (003) Turkish soldiers killed', () => {
    const at = (id: string, sentenceStart: number) => events.find((e) => e.articleId.startsWith(id) && e.sentence.start === sentenceStart);
    expect(at('000', 3444)?.fatalities).toBe(8);
    expect(at('003', 386)?.fatalities).toBe(36);
    expect(at('003', 386)?.actors).toContain('Military Forces of Russia');
  });

  it('matches the golden output (UPDATE=1 rewrites it)', () => {
    const json = JSON.stringify({ score: { ...score, pairs: undefined }, events }, null, 1) + '\n';
    if (process.env.UPDATE === '1') fs.writeFileSync(GOLDEN, json);
    expect(JSON.parse(json)).toEqual(JSON.parse(fs.readFileSync(GOLDEN, 'utf8')));
  });
});
