/**
 * Headless Debian Chromium for the browser benchmarks and render checks, driven by playwright-core
 * (never a downloaded browser). WebGL runs in software (SwiftShader), as on CI; the flags keep
 * Chromium from reaching for the network, which this machine does not have.
 */
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';

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
