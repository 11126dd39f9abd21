/**
 * After ingesting another region, a basemap built for the old data says so: the app lists a
 * note naming `npm run data`, and none when the basemap covers the events.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, REPO_ROOT } from './lib/app-build.ts';
import { appMounts, openApp } from './lib/app-page.ts';
import { guardedPage, launchChromium, PageGuard } from './lib/chromium.ts';
import { startStaticServer } from './lib/static-server.ts';

const FIXTURES = path.join(REPO_ROOT, 'test/fixtures/app');
let browser: Browser;
let tmp: string;
/** A built-looking basemap whose detailed extent is northern Syria and around (as the sample's). */
let basemapDir: string;

beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'basemap-stale-'));
  basemapDir = path.join(tmp, 'basemap');
  cpSync(path.join(FIXTURES, 'basemap'), basemapDir, { recursive: true });
  const style = JSON.parse(readFileSync(path.join(basemapDir, 'style.json'), 'utf8'));
  style.metadata = { 'conflict-map:extent': [24, 28, 50, 44] };
  writeFileSync(path.join(basemapDir, 'style.json'), JSON.stringify(style));
  symlinkSync(path.join(REPO_ROOT, 'node_modules/tileserver-gl-styles/fonts'), path.join(basemapDir, 'fonts'));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  rmSync(tmp, { recursive: true, force: true });
});

async function notesFor(dataDir: string): Promise<string[]> {
  const server = await startStaticServer(await buildApp(), { mounts: appMounts(dataDir, { basemapDir }) });
  const guard = new PageGuard();
  const { context, page } = await guardedPage(browser, guard);
  try {
    await openApp(page, server.url, 'd=2020-03-02');
    expect(guard.problems).toEqual([]);
    return await page.evaluate(() => [...document.querySelectorAll('.problems li')].map((li) => li.textContent ?? ''));
  } finally {
    await context.close();
    await server.close();
  }
}

describe('a basemap built for other data', () => {
  it('says nothing when it covers the events', async () => {
    expect((await notesFor(FIXTURES)).filter((n) => n.includes('basemap'))).toEqual([]);
  });

  it('says it is stale and how to rebuild it when the events lie elsewhere', async () => {
    const moved = path.join(tmp, 'data');
    cpSync(FIXTURES, moved, { recursive: true, filter: (f) => !f.includes('basemap') });
    const events = JSON.parse(readFileSync(path.join(moved, 'events.geojson'), 'utf8'));
    for (const f of events.features) f.geometry.coordinates = [f.geometry.coordinates[0] - 120, f.geometry.coordinates[1]];
    writeFileSync(path.join(moved, 'events.geojson'), JSON.stringify(events));
    const notes = await notesFor(moved);
    expect(notes.find((n) => n.includes('basemap was built for other data'))).toMatch(/npm run data/);
  });
});
