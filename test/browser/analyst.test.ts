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

/** One article from 2015: on a time line of the whole span, Feb–Mar 2020 would be a sliver. */
const OLD: ExtraEvent[] = [{ eventId: 'old#0', placeName: 'Old Aleppo', lon: 37.16, lat: 36.2, date: '2015-06-01', fatalities: null }];

let browser: Browser;
let server: StaticServer;
const guard = new PageGuard();

beforeAll(async () => {
  const dist = await buildApp();
  server = await startStaticServer(dist, { mounts: appMounts(fixtureVariant([...THREE_PLACES, ...CROWD, ...OLD])) });
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

const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
const dayNow = (page: Page) => page.evaluate(() => (window as unknown as { __app: { day: string } }).__app.day);
const hashOf = (page: Page) => page.evaluate(() => decodeURIComponent(location.hash));

/** Whether the element lies wholly inside the viewport. */
async function onScreen(page: Page, selector: string): Promise<boolean> {
  const box = await page.locator(selector).first().boundingBox();
  const vp = page.viewportSize()!;
  return !!box && box.y >= 0 && box.x >= 0 && box.y + box.height <= vp.height + 0.5 && box.x + box.width <= vp.width + 0.5;
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
    expect(allCount).toBe(7 + 1 + CROWD.length + OLD.length);
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

describe('the time line', () => {
  // The overview spans the data: the 2015 event to the last day of 2 March 2020.
  const MIN = dayOf('2015-06-01');
  const MAX = dayOf('2020-03-02');

  it('first shows where the events are, brushes a stretch kept in the link, and shows all on request', async () => {
    const { context, page } = await newPage();
    await openApp(page, server.url);
    const slider = page.getByRole('slider', { name: 'Date' });
    const shown = async () => [Number(await slider.getAttribute('aria-valuemin')), Number(await slider.getAttribute('aria-valuemax'))];
    const [from, to] = await shown();
    expect(from).toBeGreaterThanOrEqual(dayOf('2020-01-01'));
    expect(to).toBe(MAX);
    expect(await dayNow(page)).toBe('2020-03-02');
    // Brush 15 Feb – 1 Mar on the overview.
    const box = (await page.getByTestId('time-overview').boundingBox())!;
    const x = (iso: string) => box.x + ((dayOf(iso) - MIN + 0.5) / (MAX - MIN + 1)) * box.width;
    await page.mouse.move(x('2020-02-15'), box.y + 8);
    await page.mouse.down();
    await page.mouse.move(x('2020-03-01'), box.y + 8, { steps: 5 });
    await page.mouse.up();
    const [bFrom, bTo] = await shown();
    expect(Math.abs(bFrom - dayOf('2020-02-15'))).toBeLessThanOrEqual(3);
    expect(Math.abs(bTo - dayOf('2020-03-01'))).toBeLessThanOrEqual(3);
    await page.waitForFunction(() => location.hash.includes('r='));
    const link = (await hashOf(page)).slice(1);
    // The link reopens the same stretch.
    await openApp(page, server.url, link);
    expect(await shown()).toEqual([bFrom, bTo]);
    await page.getByRole('button', { name: 'All', exact: true }).click();
    expect(await shown()).toEqual([MIN, MAX]);
    await page.waitForFunction(() => location.hash.includes('r=all'));
    await context.close();
  });

  it('plays over the empty years, and steps one day at a time with buttons', async () => {
    const { context, page } = await newPage();
    await openApp(page, server.url, 'd=2015-06-01&w=1&r=all');
    await page.getByRole('button', { name: 'On one step' }).click();
    expect(await dayNow(page)).toBe('2015-06-02');
    await page.getByRole('button', { name: 'Back one step' }).click();
    expect(await dayNow(page)).toBe('2015-06-01');
    // At 2 steps a second, day by day, 2015 to 2020 would take 14 minutes; empty days are skipped.
    await page.getByRole('button', { name: 'Play' }).click();
    await page.waitForFunction(() => (window as unknown as { __app: { day: string } }).__app.day >= '2020-02-01', null, { timeout: 5000 });
    await context.close();
  });
});

describe('on a phone', () => {
  it('keeps the map and what is selected on screen: a spot, the reader, a place flown to', async () => {
    const { context, page } = await newPage(390, 844, true);
    await openApp(page, server.url, 'd=2020-02-27&w=1&v=36.63,35.83,9');
    const p = await page.evaluate(() => {
      const map = (window as unknown as { __map: import('maplibre-gl').Map }).__map;
      const r = map.getCanvas().getBoundingClientRect();
      const q = map.project([36.63, 35.83]);
      return { x: r.left + q.x, y: r.top + q.y };
    });
    await page.touchscreen.tap(p.x, p.y);
    await page.getByTestId('spot-list').waitFor();
    expect(await onScreen(page, '#spot-title')).toBe(true);
    expect(await onScreen(page, '.map-area')).toBe(true);
    await page.getByTestId('spot-list').getByRole('button', { name: /Thirty-three/ }).tap();
    await page.getByTestId('reader').waitFor();
    expect(await onScreen(page, '[data-testid="reader"] .highlight')).toBe(true);
    expect(await onScreen(page, '.map-area')).toBe(true);
    // A place in the text flies the map, which is on screen, and the text keeps its place.
    const saraqib = page.getByTestId('reader').getByRole('button', { name: 'Saraqib' });
    await saraqib.scrollIntoViewIfNeeded();
    await saraqib.tap();
    await page.waitForFunction(() => {
      const c = (window as unknown as { __map: import('maplibre-gl').Map }).__map.getCenter();
      return Math.abs(c.lng - 36.8006) < 0.01 && Math.abs(c.lat - 35.8644) < 0.01;
    });
    expect(await onScreen(page, '.map-area')).toBe(true);
    expect(await onScreen(page, '[data-testid="reader"] [data-selected], [data-testid="reader"] .highlight')).toBe(true);
    const box = (await saraqib.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(844);
    await context.close();
  });
});
