/**
 * The reader as a working analyst needs it, in headless Chromium on the fixture data: the
 * article's Markdown shown as formatted text (never as markup, never as live HTML), the place
 * names one Tab stop, Back and Escape close the reader and give focus back to what opened it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Feature, Point } from 'geojson';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EventFeatureProperties } from '../../src/core/model.ts';
import { REPO_ROOT } from './lib/app-build.ts';
import { highlightedText, openApp } from './lib/app-page.ts';
import type { StaticServer } from './lib/static-server.ts';
import { appSuite } from './lib/app-suite.ts';

const FIXTURES = path.join(REPO_ROOT, 'test/fixtures/app');
const events: Array<Feature<Point, EventFeatureProperties>> = JSON.parse(readFileSync(path.join(FIXTURES, 'events.geojson'), 'utf8')).features;
const saraqib = events.find((f) => f.properties.placeName === 'Saraqib')!;

let server: StaticServer;
let page: Page;
const suite = appSuite(FIXTURES, { context: { reducedMotion: 'reduce' } });
beforeAll(() => ({ server, page } = suite));

describe('the reader', () => {
  it('shows the article’s Markdown as formatted text, links inert, offsets kept', async () => {
    await openApp(page, server.url, `d=2020-02-26&sel=e:${saraqib.properties.id}`);
    const text = page.getByTestId('article-text');
    await text.waitFor();
    const shown = (await text.textContent())!;
    expect(shown).not.toMatch(/[#*[\]]|\]\(|<b>/);
    // The title line is a heading; bold, italic and the inline <b> are styled runs, not markup.
    await expect(text.locator('h3').textContent()).resolves.toBe('Turkish soldiers killed in Idlib air strike');
    await expect(text.locator('.md-strong').allTextContents()).resolves.toEqual(['Update:', 'misdated']);
    await expect(text.locator('.md-em').textContent()).resolves.toBe('earlier version');
    // Links are text with their target in the tooltip: no <a>, nothing to follow.
    await expect(text.locator('a, b, script, img').count()).resolves.toBe(0);
    const link = text.locator('.md-link').filter({ hasText: 'the correction' });
    await expect(link.getAttribute('title')).resolves.toBe('link (not followed): javascript:alert(1)');
    const before = page.url();
    await link.click();
    expect(page.url()).toBe(before);
    await expect(text.locator('.md-link').filter({ hasText: 'Jane Roe' }).count()).resolves.toBe(1);
    // Offsets are those of the text as given: the highlight and the mentions still sit on their words.
    expect(await highlightedText(page)).toBe('On Wednesday, Syrian government forces took the town of Saraqib.');
    await expect(page.getByTestId('reader').getByRole('button', { name: 'Saraqib' }).count()).resolves.toBe(1);
  });

  it('lists the event’s sentence without markup', async () => {
    await openApp(page, server.url, 'd=2020-03-02&w=60');
    const rows = await page.locator('[aria-label="Events"] button.row .sentence').allTextContents();
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r).not.toMatch(/\*\*|\]\(/);
  });

  it('makes the place names one Tab stop, moved through by arrow keys', async () => {
    await openApp(page, server.url, `d=2020-02-26&sel=e:${saraqib.properties.id}`);
    const text = page.getByTestId('article-text');
    await text.waitFor();
    expect(await text.locator('[data-mention]').count()).toBeGreaterThan(5);
    await expect(text.locator('[data-mention][tabindex="0"]').count()).resolves.toBe(1);
    // The stop is the first place in the highlighted sentence.
    const stop = text.locator('[data-mention][tabindex="0"]');
    await expect(stop.textContent()).resolves.toBe('Syrian');
    await stop.focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Saraqib');
    await expect(text.locator('[data-mention][tabindex="0"]').textContent()).resolves.toBe('Saraqib');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('[data-testid="article-text"]'))).toBe(false);
  });
});

describe('keyboard and history', () => {
  const active = () => page.evaluate(() => {
    const e = document.activeElement as HTMLElement | null;
    return { tag: e?.tagName ?? '', id: e?.dataset.eventId ?? null, label: e?.getAttribute('aria-label') ?? e?.textContent?.trim() ?? '' };
  });

  it('puts a skip link first and the date slider within the first few Tab stops', async () => {
    await openApp(page, server.url, 'd=2020-03-02');
    await page.keyboard.press('Tab');
    expect((await active()).label).toBe('Skip to the event list');
    let stops = 1;
    while ((await active()).label !== 'Date' && stops < 30) {
      await page.keyboard.press('Tab');
      stops++;
    }
    expect(stops).toBeLessThanOrEqual(4);
    // The skip link lands in the list.
    await page.keyboard.press('Shift+Tab');
    while ((await active()).label !== 'Skip to the event list') await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    expect((await active()).tag).toBe('BUTTON');
    expect(await page.evaluate(() => !!document.activeElement?.closest('aside.panel'))).toBe(true);
  });

  it('closes the reader with Escape and with Back, giving focus back to the row that opened it', async () => {
    await openApp(page, server.url, 'd=2020-02-26&w=1');
    const row = page.locator(`button.row[data-event-id="${saraqib.properties.id}"]`);
    await row.focus();
    const depth = await page.evaluate(() => history.length);
    await page.keyboard.press('Enter');
    await page.getByTestId('reader').waitFor();
    expect(await page.evaluate(() => history.length)).toBe(depth + 1);
    expect((await active()).tag).toBe('H2');
    await page.keyboard.press('Escape');
    await page.getByTestId('reader').waitFor({ state: 'detached' });
    expect((await active()).id).toBe(saraqib.properties.id);

    await page.keyboard.press('Enter');
    await page.getByTestId('reader').waitFor();
    // While reading, the date moves on; Back closes the reader and keeps the date.
    await page.evaluate(() => (window as unknown as { __app: { step(n: number): void } }).__app.step(1));
    await page.evaluate(() => history.back());
    await page.getByTestId('reader').waitFor({ state: 'detached' });
    expect(await page.evaluate(() => (window as unknown as { __app: { day: string } }).__app.day)).toBe('2020-02-27');
    expect(page.url()).toContain(server.url);
    await page.waitForFunction(() => !location.hash.includes('sel=') && location.hash.includes('d=2020-02-27'));
    await page.getByRole('slider', { name: 'Date' }).focus();
    await page.keyboard.press('ArrowLeft');
    await page.locator(`button.row[data-event-id="${saraqib.properties.id}"]`).click();
    await page.getByTestId('reader').waitFor();
    // The reader's own back button goes Back too: no entry left behind to reopen it.
    await page.getByTestId('reader').getByRole('button', { name: /Events/ }).click();
    await page.getByTestId('reader').waitFor({ state: 'detached' });
    expect((await active()).id).toBe(saraqib.properties.id);
    await page.evaluate(() => history.forward());
    await page.getByTestId('reader').waitFor();
  });
});
