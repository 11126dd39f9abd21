/**
 * What the user sets is kept: the theme in this browser (localStorage), the list's "all dates"
 * and the layer switches in the link; a link's bad parameter says what was ignored instead of
 * showing nothing.
 */
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildApp, REPO_ROOT } from './lib/app-build.ts';
import { appMounts, openApp, visibleIds } from './lib/app-page.ts';
import { guardContext, guardPage, launchChromium, PageGuard } from './lib/chromium.ts';
import { startStaticServer, type StaticServer } from './lib/static-server.ts';

const FIXTURES = path.join(REPO_ROOT, 'test/fixtures/app');
let browser: Browser;
let server: StaticServer;
let context: BrowserContext;
let page: Page;
const guard = new PageGuard();

beforeAll(async () => {
  server = await startStaticServer(await buildApp(), { mounts: appMounts(FIXTURES) });
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' });
  await guardContext(context, guard);
  page = await context.newPage();
  guardPage(page, guard);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

beforeEach(() => guard.reset());
afterEach(() => {
  expect(guard.problems).toEqual([]);
});

const notes = () => page.evaluate(() => [...document.querySelectorAll('.problems li')].map((li) => li.textContent ?? ''));

describe('settings that are kept', () => {
  it('remembers the theme across loads', async () => {
    await openApp(page, server.url, 'd=2020-03-02');
    await page.getByRole('button', { name: 'Colour theme: auto' }).click();
    await page.getByRole('button', { name: 'Colour theme: light' }).click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await openApp(page, server.url, 'd=2020-03-02');
    await expect(page.getByRole('button', { name: 'Colour theme: dark' }).count()).resolves.toBe(1);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.getByRole('button', { name: 'Colour theme: dark' }).click();
    expect(await page.evaluate(() => localStorage.getItem('conflict-map:theme'))).toBeNull();
  });

  it('keeps “all dates” and the layer switches in the link', async () => {
    await openApp(page, server.url, 'd=2020-03-02');
    await page.getByLabel('all dates').check();
    await page.getByLabel('areas named').uncheck();
    await page.waitForFunction(() => location.hash.includes('all=1') && location.hash.includes('hide=areas'));
    const link = new URL(page.url()).hash.slice(1);
    await openApp(page, server.url, link);
    await expect(page.getByLabel('all dates').isChecked()).resolves.toBe(true);
    await expect(page.getByLabel('areas named').isChecked()).resolves.toBe(false);
    await expect(page.getByLabel('roads named').isChecked()).resolves.toBe(true);
    await expect(page.getByRole('heading', { name: /events, all dates/ }).count()).resolves.toBe(1);
  });

  it('says which type of a link it ignored, and shows the events instead of nothing', async () => {
    await openApp(page, server.url, 'd=2020-03-02&t=nonsense&hide=roads');
    expect(await notes()).toEqual([
      'Link: ignored hide=roads',
      'Link: ignored t=nonsense (no such event type in this data; showing all types)',
    ]);
    expect((await visibleIds(page)).length).toBe(6);
  });
});
