/**
 * One browser test file's setup, shared: the built app served over the fixture data, one
 * Chromium with one guarded context and page (every page error, failed request and request
 * off 127.0.0.1 is a problem), closed after the file; the guard is reset before each case and
 * must hold no problem after it.
 */
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { buildApp } from './app-build.ts';
import { appMounts } from './app-page.ts';
import { guardContext, guardPage, launchChromium, PageGuard } from './chromium.ts';
import { startStaticServer, type StaticServer } from './static-server.ts';

/** What a test file uses; the fields are set once the suite's `beforeAll` has run. */
export interface AppSuite {
  browser: Browser;
  server: StaticServer;
  context: BrowserContext;
  page: Page;
  guard: PageGuard;
}

/** Registers the hooks of an app test file over `fixtures` (a data folder) and returns its handles. */
export function appSuite(fixtures: string, options: { context?: BrowserContextOptions; permissions?: string[] } = {}): AppSuite {
  const suite = { guard: new PageGuard() } as AppSuite;
  beforeAll(async () => {
    suite.server = await startStaticServer(await buildApp(), { mounts: appMounts(fixtures) });
    suite.browser = await launchChromium();
    suite.context = await suite.browser.newContext({ viewport: { width: 1280, height: 800 }, ...options.context });
    if (options.permissions) await suite.context.grantPermissions(options.permissions, { origin: suite.server.url });
    await guardContext(suite.context, suite.guard);
    suite.page = await suite.context.newPage();
    guardPage(suite.page, suite.guard);
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.close();
  });
  beforeEach(() => suite.guard.reset());
  afterEach(() => {
    expect(suite.guard.problems).toEqual([]);
  });
  return suite;
}
