/**
 * Issue 9, points 6–9, in headless Chromium: one event is one row and one count (its places
 * listed inside it), the time line fits the data, clusters read and expand at every zoom, and on
 * a phone whatever is selected comes into view beside the reader. Data: the fixture plus the
 * events each case needs (see lib/fixture-variant.ts).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from './lib/app-build.ts';
import { appMounts, idle, openApp } from './lib/app-page.ts';
import { guardContext, guardPage, launchChromium, PageGuard } from './lib/chromium.ts';
import { fixtureVariant, type ExtraEvent } from './lib/fixture-variant.ts';
import { startStaticServer, type StaticServer } from './lib/static-server.ts';

/** One sentence naming three places: one event, three features. */
const THREE_PLACES: ExtraEvent[] = [
  { eventId: 'three#0', placeName: 'Ariha', lon: 36.61, lat: 35.81, date: '2020-03-02', fatalities: 5 },
  { eventId: 'three#0', placeName: 'Maarrat al-Numan', lon: 36.67, lat: 35.64, date: '2020-03-02', fatalities: 5 },
  { eventId: 'three#0', placeName: 'Kafr Nabl', lon: 36.56, lat: 35.61, date: '2020-03-02', fatalities: 5 },
];

let browser: Browser;
let server: StaticServer;
const guard = new PageGuard();

beforeAll(async () => {
  const dist = await buildApp();
  server = await startStaticServer(dist, { mounts: appMounts(fixtureVariant(THREE_PLACES)) });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

beforeEach(() => guard.reset());
afterEach(() => {
  expect(guard.problems).toEqual([]);
});

async function newPage(width = 1280, height = 800, touch = false): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width, height }, reducedMotion: 'reduce', hasTouch: touch, isMobile: touch });
  await guardContext(context, guard);
  const page = await context.newPage();
  guardPage(page, guard);
  return { context, page };
}

const number = (text: string | null) => Number(/([\d,]+)/.exec(text ?? '')![1].replace(/,/g, ''));

describe('one event, one row, one count', () => {
  it('lists an event naming three places as one row, counted once, with the window’s fatalities', async () => {
    const { context, page } = await newPage();
    await openApp(page, server.url, 'd=2020-03-02');
    const rows = page.locator('[aria-label="Events"] ol.rows > li button.row');
    // The window 25 Feb – 2 Mar: the two Idlib strikes, Saraqib, the February M4 clashes, Ankara,
    // Istanbul and the three-place event: 7 events at 9 places.
    await expect(rows.count()).resolves.toBe(7);
    const three = rows.filter({ hasText: 'Ariha' });
    await expect(three.count()).resolves.toBe(1);
    await expect(three.locator('.place').textContent()).resolves.toBe('Ariha, Maarrat al-Numan, Kafr Nabl');
    // The list's count, the time line's count and the rows agree.
    const listCount = await page.getByTestId('list-count').textContent();
    expect(number(listCount)).toBe(7);
    expect(listCount).toContain('in the time window');
    await expect(page.getByTestId('visible-count').textContent()).resolves.toMatch(/^\s*7\s+events\s+at 9 places\s*$/);
    // Fatalities of the window: 33 (the strike) + 14 (the M4) + 5 (the three-place event, once).
    await expect(page.getByTestId('window-killed').textContent()).resolves.toContain('52 killed');
    expect(listCount).toContain('52 killed');
    // All dates: the same rule, 7 dated events of the fixture and the added one (the undated one is listed apart).
    await page.getByLabel('all dates').check();
    const allCount = number(await page.getByTestId('list-count').textContent());
    await expect(rows.count()).resolves.toBe(allCount);
    expect(allCount).toBe(7 + 1);
    await context.close();
  });
});
