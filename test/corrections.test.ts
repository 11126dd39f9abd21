/**
 * Corrections that persist: a corpus of two small reports of one shelling (SANA says five
 * killed, DW eight) in a village the gazetteer does not know ("Behun", which is Balyun), run
 * through `ingest` with a corrections.json beside it. Every kind of correction, re-applied on
 * every run; invalid ones listed in report.json, never a crash.
 */
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../scripts/ingest.ts';
import type { ArticlesFile, EventFeatureProperties, RunReport } from '../src/core/model.ts';
import { parseCorrections } from '../src/core/events/corrections.ts';

const SANA = `---
title: Shelling kills civilians in Idlib countryside
outlet: SANA
published: 2020-02-28
---
Shelling killed five civilians in Behun in Idlib province on Thursday, a local official said.
`;
const DW = `---
title: Air strike in Idlib kills civilians
outlet: DW
published: 2020-02-28
---
An air strike killed eight civilians in the village of Behun in Idlib province on Thursday, rescuers said.

Turkish troops clashed with Syrian forces near Saraqib on Thursday.
`;
const BALYUN = { name: 'Balyun', lat: 35.716, lon: 36.53, country: 'SY' };

let corpus: string;
const run = async (corrections: unknown[] | string | null) => {
  const file = join(corpus, 'corrections.json');
  if (corrections !== null) writeFileSync(file, typeof corrections === 'string' ? corrections : JSON.stringify({ corrections }));
  const out = mkdtempSync(join(tmpdir(), 'corrections-out-'));
  const report: RunReport = await ingest([corpus], out);
  const articles = JSON.parse(readFileSync(join(out, 'articles.json'), 'utf8')) as ArticlesFile;
  const events = (JSON.parse(readFileSync(join(out, 'events.geojson'), 'utf8')).features as Array<{ properties: EventFeatureProperties }>).map((f) => f.properties);
  return { report, articles, events, all: articles.articles.flatMap((a) => a.events) };
};

beforeAll(() => {
  corpus = mkdtempSync(join(tmpdir(), 'corrections-corpus-'));
  mkdirSync(corpus, { recursive: true });
  writeFileSync(join(corpus, 'a-sana.md'), SANA);
  writeFileSync(join(corpus, 'b-dw.md'), DW);
});

describe('corrections.json beside the corpus', () => {
  it('an alias places the name, merges the two reports and keeps both figures', async () => {
    const before = await run(null);
    expect(before.all.flatMap((e) => e.places.map((p) => p.name))).not.toContain('Balyun');
    const { report, articles, events } = await run([{ kind: 'alias', name: 'Behun', place: BALYUN }]);
    expect(report).toMatchObject({ corrections: 1, problems: [] });
    const strike = events.filter((e) => e.placeName === 'Balyun');
    expect(strike).toHaveLength(1);
    expect(strike[0]).toMatchObject({ sources: 2, sourceArticles: 'a-sana; b-dw', fatalities: 5 });
    const merge = articles.merges!.find((m) => m.id === strike[0].eventId)!;
    expect(merge.sources.map((s) => [s.outlet, s.fatalities])).toEqual([['SANA', 5], ['DW', 8]]);
    expect(merge.claims.find((c) => c.field === 'fatalities')?.values.map((v) => v.value)).toEqual(['5', '8']);
    expect(report.distinctEvents).toBe(report.events - 1);
  });

  it('a corrected mention sets the place of its events, and of the same name in other articles', async () => {
    const first = await run([]);
    const dw = first.articles.articles.find((a) => a.id === 'b-dw')!;
    const start = dw.text.indexOf('Saraqib');
    const { report, all, articles } = await run([{ kind: 'mention', article: 'b-dw', start, end: start + 7, surface: 'Saraqib', placeId: 'curated:nayrab-idlib' }]);
    expect(report.problems).toEqual([]);
    expect(all.find((e) => e.id === `b-dw#${dw.text.indexOf('Turkish')}`)?.places.map((p) => p.placeId)).toEqual(['curated:nayrab-idlib']);
    expect(articles.articles.find((a) => a.id === 'b-dw')!.mentions.find((m) => m.start === start)?.placeId).toBe('curated:nayrab-idlib');
  });

  it('not-event, event (date and type), same-event and separate are applied on every run', async () => {
    const first = await run([{ kind: 'alias', name: 'Behun', place: BALYUN }]);
    const ids = first.all.map((e) => e.id).sort();
    expect(ids).toEqual(['a-sana#0', 'b-dw#0', expect.stringMatching(/^b-dw#\d+$/)]);
    const clash = ids[2];
    const corrections = [
      { kind: 'alias', name: 'Behun', place: BALYUN },
      { kind: 'separate', events: ['a-sana#0', 'b-dw#0'] },
      { kind: 'event', event: 'b-dw#0', date: '2020-02-26', type: 'Battles', subType: 'Armed clash' },
      { kind: 'not-event', event: clash },
    ];
    for (let k = 0; k < 2; k++) {
      const { all, events, report } = await run(corrections);
      expect(report.problems).toEqual([]);
      expect(all.map((e) => e.id).sort()).toEqual(['a-sana#0', 'b-dw#0']);
      expect(all.find((e) => e.id === 'b-dw#0')).toMatchObject({ date: '2020-02-26', datePrecision: 'day', type: 'Battles', subType: 'Armed clash' });
      expect(new Set(events.map((e) => e.eventId)).size).toBe(2);
      expect(events.every((e) => e.sources === 1)).toBe(true);
    }
    const joined = await run([{ kind: 'same-event', events: ['a-sana#0', clash] }]);
    expect(joined.articles.merges?.find((m) => m.sources.some((s) => s.eventId === clash))).toMatchObject({ corrected: true });
  });

  it('lists invalid and unmatched corrections in report.json and applies the rest', async () => {
    const { report, events } = await run([
      { kind: 'alias', name: 'Behun' },
      { kind: 'teleport', event: 'a-sana#0' },
      { kind: 'event', event: 'a-sana#0', type: 'Skirmish' },
      { kind: 'not-event', event: 'nowhere#1' },
      { kind: 'alias', name: 'Behun', place: BALYUN },
    ]);
    expect(report.problems.map((p) => [p.code, p.message])).toEqual([
      ['correction-invalid', 'Correction 1: gives neither `placeId` nor `place`; it was not applied.'],
      ['correction-invalid', "Correction 2: `kind` 'teleport' is not one of alias, mention, not-event, same-event, separate, event; it was not applied."],
      ['correction-invalid', "Correction 3: `type` 'Skirmish' is not an ACLED event type; it was not applied."],
      ['correction-unmatched', 'A not-event correction matches nothing (no event nowhere#1); it was not applied.'],
    ]);
    expect(events.some((e) => e.placeName === 'Balyun')).toBe(true);
    const broken = await run('{ "corrections": [ ');
    expect(broken.report.problems.map((p) => p.code)).toEqual(['corrections-invalid']);
    expect(broken.report.articlesWritten).toBe(2);
  });
});

describe('parseCorrections', () => {
  it('takes a bare list as well as { corrections }, and says when there is neither', () => {
    expect(parseCorrections([{ kind: 'not-event', event: 'a#0' }]).corrections).toHaveLength(1);
    expect(parseCorrections({ nothing: true }).problems.map((p) => p.code)).toEqual(['corrections-invalid']);
  });
});
