/**
 * End to end: the sample corpus through `ingest` into a temporary folder, the layers checked
 * against their contract, the run repeated for byte-identical output, and a compact summary
 * compared with the golden file test/fixtures/ingest/sample-summary.json (UPDATE=1 rewrites it;
 * review the diff). Bad input goes through the same path and must be reported, not fatal.
 */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { valid } from 'geojson-validation';
import { ingest } from '../scripts/ingest.ts';
import type { ArticlesFile, EventFeatureProperties, RunReport } from '../src/core/model.ts';
import { dayNumber } from '../src/core/common/geo.ts';

const SUMMARY = 'test/fixtures/ingest/sample-summary.json';
let out: string;
let report: RunReport;
const read = (name: string) => JSON.parse(readFileSync(join(out, name), 'utf8'));

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'ingest-'));
  report = await ingest(['geodata/corpus'], out);
}, 300_000);

describe('ingest of the sample corpus', () => {
  it('writes every layer, valid GeoJSON, and reads all five articles', () => {
    expect(readdirSync(out).sort()).toEqual(['areas.geojson', 'articles.json', 'events.geojson', 'layout.json', 'mentions.geojson', 'report.json', 'routes.geojson']);
    for (const layer of ['areas', 'events', 'mentions', 'routes']) expect(valid(read(`${layer}.geojson`), true)).toEqual([]);
    expect(report).toMatchObject({ articlesRead: 5, articlesWritten: 5, skipped: [] });
  });

  it('keeps every span pointing at the words it came from', () => {
    const articles = read('articles.json') as ArticlesFile;
    for (const a of articles.articles) {
      for (const m of a.mentions) expect(a.text.slice(m.start, m.end)).toBe(m.surface);
      for (const e of a.events) expect(a.sentences.some((s) => s.start === e.sentence.start && s.end === e.sentence.end)).toBe(true);
      for (const b of a.boilerplate) for (const m of a.mentions) expect(m.end <= b.start || m.start >= b.end).toBe(true);
    }
    const text = readFileSync('geodata/corpus/000_6195148872940ec0.txt', 'utf8');
    expect(articles.articles.find((a) => a.id === '000_6195148872940ec0')?.text).toBe(text);
  });

  it('counts events, not reports: the Nayrab assault of 001 and 002 is one event with both sources', () => {
    const events = read('events.geojson').features as Array<{ properties: EventFeatureProperties }>;
    const ids = new Set(events.map((f) => f.properties.eventId));
    expect(report.distinctEvents).toBe(ids.size);
    expect(report.distinctEvents).toBe(report.events - 1);
    const nayrab = events.filter((f) => f.properties.placeId === 'curated:nayrab-idlib');
    expect(nayrab.map((f) => [f.properties.eventId, f.properties.sources, f.properties.sourceArticles])).toEqual([['001_ddce4be9aea2dc1d#2141', 2, '001_ddce4be9aea2dc1d; 002_3540fc130ab028ac']]);
    const merge = (read('articles.json') as ArticlesFile).merges!.find((m) => m.id === '001_ddce4be9aea2dc1d#2141')!;
    expect(merge.sources.map((s) => s.outlet)).toEqual(['Israel National News (Arutz Sheva)', 'Global Research']);
  });

  it('gives events an integer day that matches their ISO date', () => {
    const events = read('events.geojson').features as Array<{ properties: EventFeatureProperties }>;
    expect(events.length).toBeGreaterThan(5);
    for (const { properties: p } of events) expect(p.day).toBe(dayNumber(p.date));
  });

  it('draws the M4 as a line and the governorates named as locations as areas', () => {
    const routes = read('routes.geojson').features;
    expect(routes.map((f: { properties: { name: string } }) => f.properties.name).join()).toMatch(/M4/);
    expect(routes.every((f: { geometry: { type: string } }) => f.geometry.type === 'LineString')).toBe(true);
    const areas = read('areas.geojson').features;
    expect(areas.some((f: { properties: { name: string } }) => /Idlib/.test(f.properties.name))).toBe(true);
    expect(areas.every((f: { geometry: { type: string } }) => /Polygon/.test(f.geometry.type))).toBe(true);
  });

  it('never dates the 2015 article from its 2020 advertisement', () => {
    const articles = read('articles.json') as ArticlesFile;
    const a004 = articles.articles.find((a) => a.id.startsWith('004'))!;
    expect(a004.published?.startsWith('2020')).not.toBe(true);
    for (const e of a004.events) expect(e.date?.startsWith('2020')).not.toBe(true);
  });

  it('writes byte-identical files when run again on the same input', async () => {
    const again = mkdtempSync(join(tmpdir(), 'ingest-again-'));
    await ingest(['geodata/corpus'], again);
    for (const name of readdirSync(out)) expect(readFileSync(join(again, name), 'utf8')).toBe(readFileSync(join(out, name), 'utf8'));
  }, 300_000);

  it('matches the reviewed golden summary (UPDATE=1 rewrites it)', () => {
    const articles = read('articles.json') as ArticlesFile;
    const summary = articles.articles.map((a) => ({
      id: a.id,
      published: a.published,
      publishedPrecision: a.publishedPrecision,
      mentions: a.mentions.map((m) => `${m.surface} → ${m.placeId} (${m.role})`),
      events: a.events.map((e) => `${e.date} ${e.type} / ${e.subType} @ ${e.places.map((p) => p.name).join(', ')}; fatalities ${e.fatalities}`),
    }));
    if (process.env.UPDATE === '1' || !existsSync(SUMMARY)) writeFileSync(SUMMARY, `${JSON.stringify(summary, null, 1)}\n`);
    expect(summary).toEqual(JSON.parse(readFileSync(SUMMARY, 'utf8')));
  });
});

describe('ingest of bad input', () => {
  it('reports each bad file with its reason and still writes the good ones', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ingest-bad-'));
    const bad = await ingest(['test/fixtures/articles'], dir);
    const codes = new Set([...bad.skipped.map((s) => s.code), ...bad.problems.map((p) => p.code)]);
    for (const code of ['empty-file', 'binary-file', 'unknown-extension']) expect(codes).toContain(code);
    expect(bad.articlesWritten).toBeGreaterThan(3);
    const written = (JSON.parse(readFileSync(join(dir, 'articles.json'), 'utf8')) as ArticlesFile).articles.map((a) => a.id);
    // Every file is either written or reported.
    for (const file of readdirSync('test/fixtures/articles').filter((f) => /\.\w+$/.test(f))) {
      const id = file.replace(/\.\w+$/, '');
      const reported = [...bad.skipped, ...bad.problems].some((p) => (p as { file?: string }).file?.endsWith(file));
      expect(written.some((w) => w.startsWith(id)) || reported, file).toBe(true);
    }
  }, 300_000);
});
