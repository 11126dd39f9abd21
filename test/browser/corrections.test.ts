/**
 * A correction made in the app survives a full re-ingest, in headless Chromium: two reports of
 * one strike (SANA five killed, DW eight) are ingested into a temporary folder; the reader
 * shows them as one event with both sources and both figures; "Correct this" saves a date
 * correction through the dev server's handler (scripts/lib/corrections-endpoint.ts) into the
 * corpus's corrections.json; the corpus is ingested again from scratch and the app shows the
 * corrected date.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventFeatureProperties } from '../../src/core/model.ts';
import { ingest } from '../../scripts/ingest.ts';
import { saveCorrection } from '../../scripts/lib/corrections-endpoint.ts';
import { buildApp, REPO_ROOT } from './lib/app-build.ts';
import { appMounts, openApp } from './lib/app-page.ts';
import { guardPage, launchChromium, PageGuard } from './lib/chromium.ts';
import { startStaticServer, type StaticServer } from './lib/static-server.ts';

const report = (outlet: string, sentence: string, more = '') => `---\ntitle: ${outlet} on Idlib\noutlet: ${outlet}\npublished: 2020-02-28\n---\n${sentence}\n${more}`;
const corpus = mkdtempSync(path.join(tmpdir(), 'app-corrections-corpus-'));
const data = mkdtempSync(path.join(REPO_ROOT, '.cache', 'app-corrections-data-'));
const events = () => (JSON.parse(readFileSync(path.join(data, 'events.geojson'), 'utf8')).features as Array<{ properties: EventFeatureProperties }>).map((f) => f.properties);

let browser: Browser;
let server: StaticServer;
let page: Page;
const guard = new PageGuard();

beforeAll(async () => {
  writeFileSync(path.join(corpus, 'a-sana.md'), report('SANA', 'Shelling killed five civilians in Behun in Idlib province on Thursday, a local official said.'));
  writeFileSync(path.join(corpus, 'b-dw.md'), report('DW', 'An air strike killed eight civilians in the village of Behun in Idlib province on Thursday, rescuers said.'));
  writeFileSync(path.join(corpus, 'corrections.json'), JSON.stringify({ corrections: [{ kind: 'alias', name: 'Behun', place: { name: 'Balyun', lat: 35.716, lon: 36.53, country: 'SY' } }] }));
  await ingest([corpus], data);
  server = await startStaticServer(await buildApp(), { mounts: appMounts(data) });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
  guardPage(page, guard);
  // The dev server's handler, run here against the same files (the static server has no POST).
  await page.route('**/__corrections', async (route) => {
    const r = saveCorrection(route.request().postData() ?? '', REPO_ROOT, path.relative(REPO_ROOT, data));
    await route.fulfill({ status: r.status, contentType: 'application/json', body: JSON.stringify(r.body) });
  });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(data, { recursive: true, force: true });
  rmSync(corpus, { recursive: true, force: true });
});

describe('a correction made in the reader', () => {
  it('is saved beside the corpus and survives a full re-ingest', async () => {
    const strike = events().find((e) => e.placeName === 'Balyun')!;
    expect(strike).toMatchObject({ sources: 2, fatalities: 5, date: '2020-02-27' });
    await openApp(page, server.url, `d=2020-02-27&sel=e:${strike.id}`);
    const sources = page.getByTestId('event-sources');
    await expect(sources.locator('.count').textContent()).resolves.toBe('2 reports: SANA, DW');
    await expect(sources.getByTestId('claim').first().textContent()).resolves.toMatch(/Fatalities: 5 \(SANA\) · 8 \(DW\)/);
    await expect(sources.textContent()).resolves.toContain('The map shows the lowest figure stated (ACLED).');

    const form = page.getByTestId('correct-event');
    await form.locator('summary').click();
    await form.getByTestId('correction-kind').selectOption('event');
    await form.getByTestId('correction-date').fill('2020-02-26');
    await expect(form.getByTestId('correction-entry').textContent()).resolves.toBe(JSON.stringify({ kind: 'event', event: strike.eventId, date: '2020-02-26', datePrecision: 'day' }));
    await form.getByTestId('correction-save').click();
    await form.locator('.note').filter({ hasText: 'Saved to' }).waitFor();
    const saved = JSON.parse(readFileSync(path.join(corpus, 'corrections.json'), 'utf8')).corrections;
    expect(saved.map((c: { kind: string }) => c.kind)).toEqual(['alias', 'event']);

    await ingest([corpus], data);
    const again = events().find((e) => e.placeName === 'Balyun')!;
    expect(again).toMatchObject({ id: strike.id, date: '2020-02-26', sources: 2 });
    await openApp(page, server.url, `d=2020-02-26&sel=e:${strike.id}`);
    await expect(page.getByTestId('event-card').textContent()).resolves.toContain('a correction');
    expect(guard.problems).toEqual([]);
  });
});
