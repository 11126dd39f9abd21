/**
 * The path a new user takes (issue #4, "Done when"): after `npm start` (which makes the sample
 * corpus's layers with `npm run data`), open the app, pan to Idlib, step the slider to
 * 2020-02-27, click the event of the 36 Turkish soldiers and read its sentence highlighted.
 * Runs on the Vite dev server over `public/` exactly as `npm start` serves it; skipped only when
 * `public/data/events.geojson` has not been made yet.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { FeatureCollection, Point } from 'geojson';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticlesFile, EventFeatureProperties } from '../../src/core/model.ts';
import { REPO_ROOT } from './lib/app-build.ts';
import { clickLngLat, highlightedText, idle } from './lib/app-page.ts';
import { guardContext, guardPage, launchChromium, PageGuard } from './lib/chromium.ts';
import { startDevServer, type DevServer } from './lib/dev-server.ts';

const DATA = path.join(REPO_ROOT, 'public/data');
const hasData = existsSync(path.join(DATA, 'events.geojson')) && existsSync(path.join(DATA, 'articles.json'));
const TARGET_DAY = '2020-02-27';

describe.skipIf(!hasData)('a new user, on the sample corpus', () => {
  let browser: Browser;
  let server: DevServer;
  const guard = new PageGuard();

  beforeAll(async () => {
    server = await startDevServer();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('pans to Idlib, steps to 2020-02-27, clicks the 36 soldiers and reads the sentence', async () => {
    const events: FeatureCollection<Point, EventFeatureProperties> = JSON.parse(readFileSync(path.join(DATA, 'events.geojson'), 'utf8'));
    const articles: ArticlesFile = JSON.parse(readFileSync(path.join(DATA, 'articles.json'), 'utf8'));
    const sentenceOf = (p: EventFeatureProperties) =>
      articles.articles.find((a) => a.id === p.articleId)!.text.slice(p.sentenceStart, p.sentenceEnd);
    // The event as the pipeline wrote it: dated 27 Feb 2020, its sentence naming the 36 killed.
    const soldiers = events.features.find((f) => f.properties.date === TARGET_DAY && /\b36\b/.test(sentenceOf(f.properties)));
    expect(soldiers, 'the pipeline should find the event of the 36 Turkish soldiers on 2020-02-27').toBeDefined();
    const [lon, lat] = soldiers!.geometry.coordinates;

    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await guardContext(context, guard);
    const page = await context.newPage();
    guardPage(page, guard);
    await page.goto(server.url);
    await page.waitForFunction(() => (window as unknown as { __app?: { ready: boolean } }).__app?.ready === true, null, { timeout: 90_000 });
    await idle(page);

    // Pan: drag Idlib to the middle of the map, then zoom in with the map's own button.
    const drag = await page.evaluate(
      ([lon, lat]) => {
        const map = (window as unknown as { __map: import('maplibre-gl').Map }).__map;
        const r = map.getCanvas().getBoundingClientRect();
        const p = map.project([lon, lat]);
        return { from: { x: r.left + p.x, y: r.top + p.y }, to: { x: r.left + r.width / 2, y: r.top + r.height / 2 } };
      },
      [lon, lat],
    );
    await page.mouse.move(drag.from.x, drag.from.y);
    await page.mouse.down();
    await page.mouse.move(drag.to.x, drag.to.y, { steps: 12 });
    await page.mouse.up();
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await idle(page);
    const centre = await page.evaluate(() => (window as unknown as { __map: import('maplibre-gl').Map }).__map.getCenter());
    expect(Math.abs(centre.lng - lon)).toBeLessThan(0.5);
    expect(Math.abs(centre.lat - lat)).toBeLessThan(0.5);

    // Step the slider by keyboard to the day.
    const slider = page.getByRole('slider', { name: 'Date' });
    await slider.focus();
    const dayNow = () => page.evaluate(() => (window as unknown as { __app: { day: string } }).__app.day);
    for (let i = 0; i < 400 && (await dayNow()) !== TARGET_DAY; i++) {
      await page.keyboard.press((await dayNow()) > TARGET_DAY ? 'ArrowLeft' : 'ArrowRight');
    }
    expect(await dayNow()).toBe(TARGET_DAY);
    await idle(page);
    await expect(page.getByTestId('current-date').textContent()).resolves.toBe('27 Feb 2020');

    // Click the event; several events at one spot are listed first.
    await clickLngLat(page, lon, lat);
    const reader = page.getByTestId('reader');
    const spot = page.getByTestId('spot-list');
    await reader.or(spot).first().waitFor();
    if (await spot.isVisible()) await spot.getByRole('button', { name: /\b36\b/ }).first().click();
    await reader.waitFor();
    expect(await highlightedText(page)).toBe(sentenceOf(soldiers!.properties));
    expect(await highlightedText(page)).toMatch(/36 were killed on Thursday/);
    // The sentence is scrolled into view in the reader.
    const visible = await page.evaluate(() => {
      const el = document.querySelector('[data-testid="reader"] .highlight')!.getBoundingClientRect();
      return el.top >= 0 && el.bottom <= window.innerHeight;
    });
    expect(visible).toBe(true);
    expect(guard.problems).toEqual([]);
    await context.close();
  });
});
