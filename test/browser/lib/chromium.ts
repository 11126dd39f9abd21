/**
 * Headless Debian Chromium through playwright-core (never a downloaded browser), for the browser
 * tests, the screenshot script and the app benchmark: software WebGL (SwiftShader, as on CI) and
 * no background traffic, as this machine has no network. Plus a guard that records what a page
 * must never do: log a console error, throw, open a dialog, or ask anything of a host other than
 * localhost (such requests are aborted, so a test fails instead of hanging offline).
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Where Debian puts Chromium; override with CHROMIUM_PATH. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The flags every run uses: software WebGL, no background traffic. */
export const CHROMIUM_ARGS = [
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Starts headless Chromium. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/** What guarded pages did wrong, as readable lines. */
export class PageGuard {
  #seen: string[] = [];
  #allowed: RegExp[] = [];

  record(problem: string): void {
    this.#seen.push(problem);
  }

  /** Ignores problems matching `pattern` (for a test that provokes a known, harmless one). */
  allow(pattern: RegExp): void {
    this.#allowed.push(pattern);
  }

  /** Problems recorded since the last `reset()`, less the allowed ones. */
  get problems(): string[] {
    return this.#seen.filter((p) => !this.#allowed.some((a) => a.test(p)));
  }

  reset(): void {
    this.#seen = [];
    this.#allowed = [];
  }
}

const LOCAL = /^(127\.0\.0\.1|localhost|\[::1\])$/;

/** Aborts and records every request of `context` to a host other than localhost. */
export async function guardContext(context: BrowserContext, guard: PageGuard): Promise<void> {
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (/^(https?|wss?):$/.test(url.protocol) && !LOCAL.test(url.hostname)) {
      guard.record(`request to another host: ${url.href}`);
      return route.abort();
    }
    return route.continue();
  });
}

/** Records console errors, uncaught exceptions and dialogs of `page`. */
export function guardPage(page: Page, guard: PageGuard): void {
  page.on('console', (msg) => {
    if (msg.type() === 'error') guard.record(`console error: ${msg.text()} (${msg.location().url})`);
  });
  page.on('pageerror', (err) => guard.record(`page error: ${err.message}`));
  page.on('dialog', (dialog) => {
    guard.record(`dialog opened: ${dialog.type()} ${dialog.message()}`);
    void dialog.dismiss();
  });
}

/** A new context and page of `browser`, both guarded by `guard`. */
export async function guardedPage(browser: Browser, guard: PageGuard, viewport = { width: 1280, height: 800 }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport });
  await guardContext(context, guard);
  const page = await context.newPage();
  guardPage(page, guard);
  return { context, page };
}
