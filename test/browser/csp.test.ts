/**
 * The built site's Content-Security-Policy: index.html (as `npm run build` makes it) carries a
 * policy that allows nothing from another origin and no inline script, and the app loads and
 * draws under it (MapLibre's worker, the styles, the glyphs, the data) with no violation. Two
 * controls show the check can fail: an inline script and a request to another host are refused.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, REPO_ROOT } from './lib/app-build.ts';
import { appMounts, openApp, renderedEventIds } from './lib/app-page.ts';
import { guardContext, guardPage, launchChromium, PageGuard } from './lib/chromium.ts';
import { startStaticServer, type StaticServer } from './lib/static-server.ts';

const FIXTURES = path.join(REPO_ROOT, 'test/fixtures/app');
let dist: string;
let server: StaticServer;
let browser: Browser;
const guard = new PageGuard();

beforeAll(async () => {
  dist = await buildApp();
  server = await startStaticServer(dist, { mounts: appMounts(FIXTURES) });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The policy of the built index.html, directive → sources. */
function builtPolicy(): Map<string, string[]> {
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html);
  expect(meta, 'index.html should carry a Content-Security-Policy meta tag').not.toBeNull();
  return new Map(meta![1].split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...sources]) => [name, sources]));
}

/** A guarded page that records every CSP violation into `window.__violations`. */
async function openGuarded(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
  await guardContext(context, guard);
  await context.addInitScript(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const page = await context.newPage();
  guardPage(page, guard);
  return page;
}

const violations = (page: Page) => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);

describe('the built site under its Content-Security-Policy', () => {
  it('allows only its own origin, and no inline script', () => {
    const policy = builtPolicy();
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    for (const [name, sources] of policy) {
      for (const source of sources) expect(`${name} ${source}`).toMatch(/ ('self'|'none'|'unsafe-inline'|data:|blob:)$/);
      if (name === 'script-src' || name === 'worker-src') expect(sources).not.toContain("'unsafe-inline'");
    }
    const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
    expect(html.match(/<script(?![^>]*\bsrc=)[^>]*>/g) ?? [], 'no inline script in index.html').toEqual([]);
  });

  it('loads and draws with no violation', async () => {
    guard.reset();
    const page = await openGuarded();
    await openApp(page, server.url);
    expect((await renderedEventIds(page)).length).toBeGreaterThan(0);
    expect(await violations(page)).toEqual([]);
    expect(guard.problems).toEqual([]);
    await page.context().close();
  });

  it('refuses an inline script and a request to another host', async () => {
    guard.reset();
    guard.allow(/Content Security Policy|Refused to/);
    const page = await openGuarded();
    await openApp(page, server.url);
    const ran = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.head.append(script);
      const fetched = await fetch('http://example.invalid/').then(() => true, () => false);
      return { inline: (window as unknown as { __inlineRan?: boolean }).__inlineRan === true, fetched };
    });
    expect(ran).toEqual({ inline: false, fetched: false });
    const seen = await violations(page);
    expect(seen.some((v) => v.startsWith('script-src'))).toBe(true);
    expect(seen.some((v) => v.startsWith('connect-src') && v.includes('example.invalid'))).toBe(true);
    await page.context().close();
  });
});
