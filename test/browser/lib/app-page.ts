/**
 * Driving the app in a page: serve it with a data set, open it at a state, wait until the map
 * has drawn, read what is rendered, click a place on the map. Shared by the browser tests.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { REPO_ROOT } from './app-build.ts';

/**
 * URL mounts for an app build: the data folder, and a basemap: `basemapDir` when given, else
 * public/basemap when built, else a background-only test style with the Noto glyphs; none with
 * `basemap: false`.
 */
export function appMounts(dataDir: string, options: { basemap?: boolean; basemapDir?: string } = {}): Record<string, string> {
  const mounts: Record<string, string> = { '/data/': dataDir };
  if (options.basemap === false) return mounts;
  const real = options.basemapDir ?? path.join(REPO_ROOT, 'public/basemap');
  if (existsSync(path.join(real, 'style.json'))) mounts['/basemap/'] = real;
  else {
    mounts['/basemap/fonts/'] = path.join(REPO_ROOT, 'node_modules/tileserver-gl-styles/fonts');
    mounts['/basemap/'] = path.join(REPO_ROOT, 'test/fixtures/app/basemap');
  }
  return mounts;
}

let loads = 0;

/**
 * Opens the app at `baseUrl` with a fragment (the app's link state) and waits until the data is
 * on the map and drawn. A unique query forces a real load even when only the fragment changes.
 */
export async function openApp(page: Page, baseUrl: string, fragment = '', query = ''): Promise<void> {
  const params = new URLSearchParams(query);
  params.set('load', String(++loads));
  await page.goto(`${baseUrl}?${params}${fragment ? `#${fragment}` : ''}`);
  await page.waitForFunction(() => (window as unknown as { __app?: { ready: boolean } }).__app?.ready === true, null, {
    timeout: 60_000,
  });
  await idle(page);
}

/** Waits until the map has drawn everything asked of it so far. */
export async function idle(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as { __app: { idle(): Promise<void> } }).__app.idle());
}

/** Ids of the event features MapLibre actually rendered in the viewport (sorted, unique). */
export async function renderedEventIds(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const map = (window as unknown as { __map: import('maplibre-gl').Map }).__map;
    const ids = map.queryRenderedFeatures({ layers: ['app-events'] }).map((f) => String(f.properties.id));
    return [...new Set(ids)].sort();
  });
}

/** The app's own list of visible feature ids (sorted). */
export async function visibleIds(page: Page): Promise<string[]> {
  const ids = await page.evaluate(() => (window as unknown as { __app: { visibleIds: string[] } }).__app.visibleIds);
  return ids.slice().sort();
}

/** Clicks the map at a longitude/latitude (which must be on screen). */
export async function clickLngLat(page: Page, lon: number, lat: number): Promise<void> {
  const { x, y } = await page.evaluate(
    ([lon, lat]) => {
      const map = (window as unknown as { __map: import('maplibre-gl').Map }).__map;
      const p = map.project([lon, lat]);
      const r = map.getCanvas().getBoundingClientRect();
      return { x: r.left + p.x, y: r.top + p.y };
    },
    [lon, lat],
  );
  await page.mouse.click(x, y);
}

/** The text of the highlighted sentence in the reader ('' when none). */
export async function highlightedText(page: Page): Promise<string> {
  return page.evaluate(() =>
    [...document.querySelectorAll('[data-testid="reader"] .highlight')].map((e) => e.textContent ?? '').join(''),
  );
}
