/**
 * The app in headless Chromium, on the hand-checkable fixture data (test/fixtures/app): it loads
 * offline without errors, draws the markers the data says, steps by keyboard exactly as the data
 * says, opens the reader with the sentence highlighted, restores a link, and renders hostile
 * article text as text. One browser for the file; each case opens a fresh page load.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Feature, Point } from 'geojson';
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EventFeatureProperties } from '../../src/core/model.ts';
import { buildApp, REPO_ROOT } from './lib/app-build.ts';
import { appMounts, clickLngLat, highlightedText, idle, openApp, renderedEventIds, visibleIds } from './lib/app-page.ts';
import { guardContext, guardPage } from './lib/chromium.ts';
import { startStaticServer, type StaticServer } from './lib/static-server.ts';
import { appSuite } from './lib/app-suite.ts';

const FIXTURES = path.join(REPO_ROOT, 'test/fixtures/app');
const events: Array<Feature<Point, EventFeatureProperties>> = JSON.parse(readFileSync(path.join(FIXTURES, 'events.geojson'), 'utf8')).features;
const byPlace = (name: string, dateText?: string) =>
  events.find((f) => f.properties.placeName === name && (!dateText || f.properties.dateText === dateText))!;

/** The fixture's answer, computed here without the app's code: features whose date range meets the window. */
function expectedVisible(cursorIso: string, windowDays: number): string[] {
  const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
  const cursor = day(cursorIso);
  return events
    .filter((f) => {
      const p = f.properties;
      if (p.date === null) return false;
      const d = new Date(`${p.date}T00:00:00Z`);
      const end = p.datePrecision === 'month' ? Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0) / 86_400_000 : p.day;
      return p.day <= cursor && end >= cursor - windowDays + 1;
    })
    .map((f) => f.properties.id)
    .sort();
}

let browser: Browser;
let server: StaticServer;
let page: Page;
const suite = appSuite(FIXTURES, { context: { reducedMotion: 'reduce' } });
beforeAll(() => ({ browser, server, page } = suite));
const guard = suite.guard;

describe('the map app on fixture data', () => {
  it('loads with no request off localhost, no console error, and draws the markers', async () => {
    await openApp(page, server.url, 'd=2020-03-02');
    const expected = expectedVisible('2020-03-02', 7);
    expect(expected.length).toBe(6);
    expect(await renderedEventIds(page)).toEqual(expected);
    expect(server.requests.filter((r) => r.status !== 200)).toEqual([]);
    await expect(page.getByTestId('visible-count').textContent()).resolves.toMatch(/^\s*6\s+events\s*$/);
  });

  it('steps by keyboard and shows exactly the events the data dates to each window', async () => {
    await openApp(page, server.url, 'd=2020-03-02&w=2');
    await page.getByRole('slider', { name: 'Date' }).focus();
    for (let i = 1; i <= 12; i++) {
      await page.keyboard.press('ArrowLeft');
      await idle(page);
      const day = await page.evaluate(() => (window as unknown as { __app: { day: string } }).__app.day);
      expect(day).toBe(new Date(Date.UTC(2020, 2, 2 - i)).toISOString().slice(0, 10));
      const expected = expectedVisible(day, 2);
      expect(await visibleIds(page)).toEqual(expected);
      expect(await renderedEventIds(page)).toEqual(expected);
    }
    // PageDown: the previous day on which an event starts (from 19 Feb: the 1 Feb month event).
    await page.keyboard.press('PageDown');
    await idle(page);
    expect(await page.evaluate(() => (window as unknown as { __app: { day: string } }).__app.day)).toBe('2020-02-01');
    await page.keyboard.press('End');
    await idle(page);
    expect(await renderedEventIds(page)).toEqual(expectedVisible('2020-03-02', 2));
  });

  it('opens the reader with the sentence highlighted when a marker is clicked', async () => {
    await openApp(page, server.url, 'd=2020-02-26&w=1');
    const saraqib = byPlace('Saraqib');
    await clickLngLat(page, ...(saraqib.geometry.coordinates as [number, number]));
    await page.getByTestId('reader').waitFor();
    expect(await highlightedText(page)).toBe('On Wednesday, Syrian government forces took the town of Saraqib.');
    await expect(page.getByTestId('event-card').textContent()).resolves.toContain('Government regains territory');
  });

  it('lists several events at one spot, each readable', async () => {
    // Zoomed in, so that only the two events at Idlib's point are under the click.
    await openApp(page, server.url, 'd=2020-02-27&w=1&v=36.63,35.83,9');
    const strike = byPlace('Idlib Governorate', 'on Thursday');
    await clickLngLat(page, ...(strike.geometry.coordinates as [number, number]));
    const spot = page.getByTestId('spot-list');
    await spot.waitFor();
    await expect(spot.getByRole('button').filter({ hasText: '33 killed' }).count()).resolves.toBe(1);
    await expect(spot.locator('button.row').count()).resolves.toBe(2);
    await spot.getByRole('button', { name: /Thirty-three/ }).click();
    expect(await highlightedText(page)).toBe('Thirty-three Turkish soldiers were killed on Thursday in an air strike in Idlib.');
    await expect(page.getByTestId('event-card').textContent()).resolves.toContain('33');
    // A mention in the text flies the map to its place.
    await page.getByTestId('reader').getByRole('button', { name: 'Saraqib' }).click();
    await page.waitForFunction(() => {
      const c = (window as unknown as { __map: import('maplibre-gl').Map }).__map.getCenter();
      return Math.abs(c.lng - 36.8006) < 0.01 && Math.abs(c.lat - 35.8644) < 0.01;
    });
  });

  it('restores date, window, step, filters, selection and view from a link', async () => {
    const shelling = byPlace('Idlib Governorate', 'the same day');
    const link = new URLSearchParams({ d: '2020-02-27', u: 'week', w: '3', t: 'explosions', q: 'artillery' });
    link.set('sel', `e:${shelling.properties.id}`);
    link.set('v', '36.7,35.9,8.5');
    await openApp(page, server.url, link.toString());
    const state = await page.evaluate(() => {
      const w = window as unknown as { __app: { day: string; visibleIds: string[] }; __map: import('maplibre-gl').Map };
      return { day: w.__app.day, ids: w.__app.visibleIds, zoom: w.__map.getZoom(), center: w.__map.getCenter() };
    });
    expect(state.day).toBe('2020-02-27');
    expect(state.ids).toEqual([shelling.properties.id]);
    expect(state.zoom).toBeCloseTo(8.5, 1);
    expect(state.center.lng).toBeCloseTo(36.7, 2);
    expect(await highlightedText(page)).toBe('Turkish artillery shelled Syrian government positions in Idlib the same day.');
    await expect(page.getByLabel('Window length in days').inputValue()).resolves.toBe('3');
    await page.getByTestId('reader').getByRole('button', { name: /Events/ }).click();
    await expect(page.getByLabel('Search events by place or words').inputValue()).resolves.toBe('artillery');
    await expect(page.getByRole('button', { name: 'Battle' }).getAttribute('aria-pressed')).resolves.toBe('false');
    // And the app keeps the link current: a step by week lands a week earlier.
    await page.getByRole('slider', { name: 'Date' }).focus();
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(() => location.hash.includes('d=2020-02-20'));
  });

  it('renders hostile article text as text and runs nothing', async () => {
    const hostile = events.find((f) => f.properties.articleId === 'hostile-markup')!;
    await openApp(page, server.url, new URLSearchParams({ d: '2020-02-20', sel: `e:${hostile.properties.id}` }).toString());
    const reader = page.getByTestId('reader');
    await reader.waitFor();
    const text = await reader.textContent();
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).toContain('<img src=x onerror="window.__pwned=1">');
    expect(text).toContain('<b onmouseover="window.__pwned=1">Hostile Outlet</b>');
    await expect(page.locator('[data-testid="reader"] script, [data-testid="reader"] img, [data-testid="reader"] b').count()).resolves.toBe(0);
    await expect(reader.getByRole('link', { name: 'source' }).count()).resolves.toBe(0);
    await page.mouse.move(10, 10);
    await reader.hover();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await highlightedText(page)).toBe('Shelling hit eastern Aleppo on Thursday, witnesses said.');
  });

  it('filters map and list together by search', async () => {
    await openApp(page, server.url, 'd=2020-03-02&w=30');
    await page.getByLabel('Search events by place or words').fill('saraqib');
    await page.waitForFunction(() => (window as unknown as { __app: { visibleCount: number } }).__app.visibleCount === 1);
    await idle(page);
    expect(await renderedEventIds(page)).toEqual([byPlace('Saraqib').properties.id]);
    await expect(page.locator('[aria-label="Events"] ol > li button.row').count()).resolves.toBe(1);
  });

  it('draws the same window with the setFilter technique', async () => {
    await openApp(page, server.url, 'd=2020-02-27&w=2', 'step=filter');
    expect(await page.evaluate(() => (window as unknown as { __app: { technique: string } }).__app.technique)).toBe('filter');
    expect(await renderedEventIds(page)).toEqual(expectedVisible('2020-02-27', 2));
    await page.evaluate(() => (window as unknown as { __app: { step(n: number): void } }).__app.step(-2));
    await idle(page);
    expect(await renderedEventIds(page)).toEqual(expectedVisible('2020-02-25', 2));
  });

  it('draws the same events with the auto technique in both modes, switching between diff and filter', async () => {
    // autoFrom=0: auto filters in the cumulative mode even on the small fixture.
    await openApp(page, server.url, 'd=2020-02-27&w=2', 'step=auto&autoFrom=0');
    expect(await page.evaluate(() => (window as unknown as { __app: { technique: string } }).__app.technique)).toBe('auto');
    const mode = page.getByRole('combobox', { name: 'Show' });
    const expectDrawn = async (cumulative: boolean) => {
      await idle(page);
      const drawn = await renderedEventIds(page);
      expect(drawn).toEqual(await visibleIds(page));
      // The cumulative mode filters the layer (all events in the source); the window mode sends diffs, unfiltered.
      const filtered = await page.evaluate(() => !!(window as unknown as { __map: import('maplibre-gl').Map }).__map.getFilter('app-events'));
      expect(filtered).toBe(cumulative);
      if (!cumulative) expect(drawn).toEqual(expectedVisible(await page.evaluate(() => (window as unknown as { __app: { day: string } }).__app.day), 2));
      return drawn;
    };
    await expectDrawn(false);
    await mode.selectOption('cumulative');
    const all = await expectDrawn(true);
    expect(all).toEqual(expectedVisible('2020-02-27', 100_000));
    await page.evaluate(() => (window as unknown as { __app: { step(n: number): void } }).__app.step(-2));
    expect(await expectDrawn(true)).toEqual(expectedVisible('2020-02-25', 100_000));
    await mode.selectOption('window');
    await expectDrawn(false);
    await page.evaluate(() => (window as unknown as { __app: { step(n: number): void } }).__app.step(3));
    await expectDrawn(false);
    await mode.selectOption('cumulative');
    expect(await expectDrawn(true)).toEqual(expectedVisible('2020-02-28', 100_000));
  });

  it('lists undated events and articles apart', async () => {
    await openApp(page, server.url, 'd=2020-03-02');
    const undated = page.getByTestId('undated');
    await expect(undated.locator('summary').textContent()).resolves.toMatch(/1\s+event, 1\s+article/);
    await undated.locator('summary').click();
    await undated.getByRole('button', { name: /Convoy attacked near Azaz/ }).click();
    await expect(page.getByTestId('article-text').textContent()).resolves.toContain('attacked near Azaz');
  });
});

describe('the map app without a basemap, on a phone, in dark mode', () => {
  it('falls back to a plain background, fits the width and still draws', async () => {
    const bare = await startStaticServer(await buildApp(), { mounts: appMounts(FIXTURES, { basemap: false }) });
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, colorScheme: 'dark', isMobile: true, hasTouch: true });
    await guardContext(phone, guard);
    const p = await phone.newPage();
    guardPage(p, guard);
    guard.allow(/404 \(Not Found\)/);
    try {
      await openApp(p, bare.url, 'd=2020-03-02');
      expect(await renderedEventIds(p)).toEqual(expectedVisible('2020-03-02', 7));
      expect(await p.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
      expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      expect(await p.evaluate(() => (window as unknown as { __app: { problems: string[] } }).__app.problems)).toContain('no-basemap');
      expect(bare.requests.filter((r) => r.status === 404).map((r) => r.path)).toEqual(['/basemap/style.json']);
    } finally {
      await phone.close();
      await bare.close();
    }
  });
});
