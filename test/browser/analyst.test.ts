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

/** A crowd around Ma'arrat Misrin on 10 Feb: 12 spots ~3 km apart, two events at each. */
const CROWD: ExtraEvent[] = Array.from({ length: 12 }, (_, i) => [0, 1].map((k) => ({
  eventId: `crowd#${i}-${k}`,
  placeName: `Crowd ${i}`,
  lon: 36.9 + (i % 4) * 0.03,
  lat: 35.5 + Math.floor(i / 4) * 0.03,
  date: '2020-02-10',
  fatalities: null,
}))).flat();

let browser: Browser;
let server: StaticServer;
const guard = new PageGuard();

beforeAll(async () => {
  const dist = await buildApp();
  server = await startStaticServer(dist, { mounts: appMounts(fixtureVariant([...THREE_PLACES, ...CROWD])) });
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

/** A badge as drawn: where (page px), how many it stands for, and whether it is a cluster. */
interface Badge {
  x: number;
  y: number;
  n: number;
  cluster: boolean;
  /** Radius drawn (px), as layer-specs sizes them. */
  r: number;
}

/** The cluster and spot badges rendered now. */
function badges(page: Page): Promise<Badge[]> {
  return page.evaluate(() => {
    const map = (window as unknown as { __map: import('maplibre-gl').Map }).__map;
    const r = map.getCanvas().getBoundingClientRect();
    const layers = ['app-cluster-badge', 'app-spot-badge'].filter((l) => map.getLayer(l));
    const seen = new Set<string>();
    const out: Badge[] = [];
    for (const f of map.queryRenderedFeatures({ layers })) {
      const cluster = !!f.properties.cluster;
      const id = cluster ? `c${f.properties.cluster_id}` : String(f.properties.key ?? JSON.stringify((f.geometry as GeoJSON.Point).coordinates));
      if (seen.has(id)) continue;
      seen.add(id);
      const p = map.project((f.geometry as GeoJSON.Point).coordinates as [number, number]);
      const n = Number(cluster ? f.properties.total : f.properties.count);
      const radius = !cluster ? 8 : n < 10 ? 10 : n < 100 ? 12 : n < 1000 ? 15 : 18;
      out.push({ x: r.left + p.x, y: r.top + p.y, n, cluster, r: radius });
    }
    return out;
  });
}

/** The smallest gap (px) between two badges' edges: negative when two overlap; Infinity with fewer than two. */
function closest(bs: Badge[]): number {
  let d = Infinity;
  for (let i = 0; i < bs.length; i++)
    for (let j = i + 1; j < bs.length; j++) d = Math.min(d, Math.hypot(bs[i].x - bs[j].x, bs[i].y - bs[j].y) - bs[i].r - bs[j].r);
  return d;
}

const zoomOf = (page: Page) => page.evaluate(() => (window as unknown as { __map: import('maplibre-gl').Map }).__map.getZoom());

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
    expect(allCount).toBe(7 + 1 + CROWD.length);
    await context.close();
  });
});

describe('clusters', () => {
  it('draws badges that never overlap, and a click on a cluster zooms in until its spots part', async () => {
    const { context, page } = await newPage();
    await openApp(page, server.url, 'd=2020-02-10&w=1&v=36.95,35.53,7');
    let now = await badges(page);
    // At zoom 7 the 12 spots lie within ~8 px: one cluster standing for all 24 events.
    expect(now.length).toBeGreaterThan(0);
    expect(now.reduce((n, b) => n + b.n, 0)).toBe(CROWD.length);
    expect(closest(now)).toBeGreaterThanOrEqual(0);
    for (let i = 0; i < 10 && now.some((b) => b.cluster); i++) {
      const c = now.find((b) => b.cluster)!;
      const before = await zoomOf(page);
      await page.mouse.click(c.x, c.y);
      await page.waitForFunction((z) => (window as unknown as { __map: import('maplibre-gl').Map }).__map.getZoom() > z, before);
      await page.waitForFunction(() => !(window as unknown as { __map: import('maplibre-gl').Map }).__map.isMoving());
      await idle(page);
      now = (await badges(page)).filter((b) => b.x > 0 && b.y > 0 && b.x < 1280 && b.y < 800);
      expect(closest(now)).toBeGreaterThanOrEqual(0);
    }
    // Parted: every spot its own badge of 2; a click on one lists its two events.
    expect(now.filter((b) => !b.cluster).length).toBe(now.length);
    expect(now.every((b) => b.n === 2)).toBe(true);
    await page.mouse.click(now[0].x, now[0].y);
    const spot = page.getByTestId('spot-list');
    await spot.waitFor();
    await expect(spot.locator('button.row').count()).resolves.toBe(2);
    await context.close();
  });
});
