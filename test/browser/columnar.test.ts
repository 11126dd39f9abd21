/**
 * The columnar layout (scripts/lib/write-columnar.ts): the app fixture converted to events.bin,
 * the article index and chunks draws the same events, opens the reader on the source sentence
 * (its text fetched with its chunk), lists and searches; a corpus past AGGREGATE_FROM shown
 * events near the view draws grid counts; a damaged events.bin is reported, not drawn.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticlesFile } from '../../src/core/model.ts';
import { makeSyntheticData, writeSyntheticData } from '../../scripts/synthetic-data.ts';
import { writeColumnarLayout } from '../../scripts/lib/write-columnar.ts';
import { execFileSync } from 'node:child_process';
import { buildApp, REPO_ROOT } from './lib/app-build.ts';
import { appMounts, highlightedText, idle, openApp, renderedEventIds, visibleIds } from './lib/app-page.ts';
import { guardedPage, launchChromium, PageGuard } from './lib/chromium.ts';
import { FIXTURES } from './lib/fixture-variant.ts';
import { startStaticServer } from './lib/static-server.ts';

let browser: Browser;
let tmp: string;

beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'columnar-app-'));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  rmSync(tmp, { recursive: true, force: true });
});

/** Opens the app over `dataDir` with a guard; runs `body`; the guard must stay clean unless `allow`. */
async function withApp(dataDir: string, fragment: string, body: (page: import('playwright-core').Page) => Promise<void>, allow = false): Promise<void> {
  const server = await startStaticServer(await buildApp(), { mounts: appMounts(dataDir) });
  const guard = new PageGuard();
  const { context, page } = await guardedPage(browser, guard);
  try {
    await openApp(page, server.url, fragment);
    await body(page);
    if (!allow) expect(guard.problems).toEqual([]);
  } finally {
    await context.close();
    await server.close();
  }
}

/** The fixture in the columnar layout (GeoJSON events, mentions and articles.json removed). */
function columnarFixture(): string {
  const dir = path.join(tmp, 'fixture');
  cpSync(FIXTURES, dir, { recursive: true, filter: (src) => !src.includes(`${path.sep}basemap`) && !src.endsWith('.ts') });
  const read = (f: string) => JSON.parse(readFileSync(path.join(dir, f), 'utf8'));
  const articles = read('articles.json') as ArticlesFile;
  writeColumnarLayout(dir, { events: read('events.geojson').features, mentions: read('mentions.geojson').features, ...articles }, { force: true, chunkSize: 2 });
  for (const f of ['events.geojson', 'mentions.geojson', 'articles.json']) rmSync(path.join(dir, f));
  return dir;
}

describe('the columnar layout', () => {
  it('draws, reads, lists and searches as the GeoJSON files do', async () => {
    const fixtureEvents = JSON.parse(readFileSync(path.join(FIXTURES, 'events.geojson'), 'utf8')).features as Array<{ properties: { id: string; placeName: string; date: string | null } }>;
    let expected: string[] = [];
    await withApp(FIXTURES, 'd=2020-03-02&w=30', async (page) => {
      expected = await visibleIds(page);
    });
    expect(expected.length).toBeGreaterThan(1);
    const dir = columnarFixture();
    const saraqib = fixtureEvents.find((f) => f.properties.placeName === 'Saraqib')!;
    await withApp(dir, `d=2020-03-02&w=30&sel=e:${saraqib.properties.id}`, async (page) => {
      expect(await visibleIds(page)).toEqual(expected);
      expect(await renderedEventIds(page)).toEqual(expected);
      // The reader fetched the article's chunk and highlights the event's sentence.
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="reader"] .highlight').length > 0);
      expect(await highlightedText(page)).toMatch(/Saraqib/);
      await page.keyboard.press('Escape');
      await page.getByLabel('Search events by place or words').fill('saraqib');
      await page.waitForFunction(() => (window as unknown as { __app: { visibleCount: number } }).__app.visibleCount === 1);
      await idle(page);
      await expect(page.locator('[aria-label="Events"] ol > li button.row').count()).resolves.toBe(1);
    });
  });

  it('exports the same rows as the GeoJSON files, from the app and with npm run export', async () => {
    const dir = columnarFixture();
    // The context must accept downloads: a page of its own here.
    const server = await startStaticServer(await buildApp(), { mounts: appMounts(dir) });
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    const page = await context.newPage();
    try {
      await openApp(page, server.url, 'd=2020-03-02&w=7');
      const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('group', { name: 'Export' }).getByRole('button', { name: 'CSV', exact: true }).click()]);
      const csv = readFileSync((await d.path())!, 'utf8');
      // The notes hold the event's sentence: its article's chunk was fetched for the export.
      expect(csv).toContain('Thirty-three Turkish soldiers were killed on Thursday in an air strike in Idlib.');
      expect(csv.trimEnd().split('\r\n')).toHaveLength(1 + (await visibleIds(page)).length);
    } finally {
      await context.close();
      await server.close();
    }
    const run = (data: string) =>
      execFileSync(path.join(REPO_ROOT, 'node_modules/.bin/tsx'), ['scripts/export.ts', '--data', data, '--format', 'csv'], { cwd: REPO_ROOT, encoding: 'utf8' })
        .trimEnd()
        .split('\r\n')
        .sort();
    expect(run(dir)).toEqual(run(FIXTURES));
  });

  it('draws grid counts past 5,000 shown events near the view, and lists the window from the index', async () => {
    const dir = path.join(tmp, 'synthetic');
    writeSyntheticData(dir, makeSyntheticData({ events: 30_000 }));
    expect(JSON.parse(readFileSync(path.join(dir, 'layout.json'), 'utf8')).layout).toBe('columnar');
    await withApp(dir, 'd=2020-12-31&w=all', async (page) => {
      const state = await page.evaluate(() => {
        const w = window as unknown as { __app: { visibleCount: number }; __map: import('maplibre-gl').Map };
        const cells = w.__map.queryRenderedFeatures({ layers: ['app-spot-badge', 'app-cluster-badge'] });
        return { shown: w.__app.visibleCount, cells: cells.length, markers: w.__map.queryRenderedFeatures({ layers: ['app-events'] }).length };
      });
      expect(state.shown).toBeGreaterThan(5_000);
      expect(state.cells).toBeGreaterThan(0);
      expect(state.markers).toBe(0);
      await expect(page.locator('[aria-label="Events"] ol > li button.row').count()).resolves.toBe(100);
      // A 30-day window is small again: markers, no cells.
      await page.evaluate(() => (window as unknown as { __app: { setDay(d: string): void } }).__app.setDay('2020-06-30'));
      await page.getByRole('combobox', { name: 'Show' }).selectOption('window');
      await idle(page);
      expect((await renderedEventIds(page)).length).toBeGreaterThan(0);
    });
  });

  it('says what is wrong with a damaged events.bin', async () => {
    const dir = columnarFixture();
    const bytes = readFileSync(path.join(dir, 'events.bin'));
    writeFileSync(path.join(dir, 'events.bin'), bytes.subarray(0, bytes.length >> 1));
    const server = await startStaticServer(await buildApp(), { mounts: appMounts(dir) });
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    try {
      await page.goto(server.url);
      await page.waitForFunction(() => document.body.textContent?.includes('events.bin cannot be read'), null, { timeout: 30_000 });
      expect(await page.evaluate(() => document.body.textContent)).toMatch(/events\.bin cannot be read: events\.bin is truncated/);
    } finally {
      await context.close();
      await server.close();
    }
  });
});
