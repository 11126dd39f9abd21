/**
 * What the user sets is kept: the theme in this browser (localStorage), the list's "all dates"
 * and the layer switches in the link; a link's bad parameter says what was ignored instead of
 * showing nothing.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './lib/app-build.ts';
import { openApp, visibleIds } from './lib/app-page.ts';
import type { StaticServer } from './lib/static-server.ts';
import { appSuite } from './lib/app-suite.ts';

const FIXTURES = path.join(REPO_ROOT, 'test/fixtures/app');
let server: StaticServer;
let page: Page;
const suite = appSuite(FIXTURES, { context: { colorScheme: 'light' } });
beforeAll(() => ({ server, page } = suite));

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
