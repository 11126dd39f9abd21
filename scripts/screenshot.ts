/**
 * The README screenshot: builds the app, serves it with `public/data` (and `public/basemap` when
 * built) on 127.0.0.1, opens it in headless Chromium at the deadliest dated event with the reader
 * open, and writes `docs/screenshot.png`. Nothing is fetched from outside localhost.
 *
 * Usage: tsx scripts/screenshot.ts [--out docs/screenshot.png] [--width 1440] [--height 900]
 *        [--dark] [--data public/data] [--basemap public/basemap] [--fragment 'd=2020-02-27&sel=e:…']
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { FeatureCollection, Point } from 'geojson';
import type { EventFeatureProperties } from '../src/core/model.ts';
import { buildApp, REPO_ROOT } from '../test/browser/lib/app-build.ts';
import { appMounts, openApp } from '../test/browser/lib/app-page.ts';
import { guardContext, guardPage, launchChromium, PageGuard } from '../test/browser/lib/chromium.ts';
import { startStaticServer } from '../test/browser/lib/static-server.ts';
import { parseArgs } from './lib/args.ts';

const args = parseArgs(process.argv.slice(2), { flags: ['dark'], options: ['out', 'width', 'height', 'data', 'basemap', 'fragment'] });
const out = path.resolve(REPO_ROOT, args.options.out ?? 'docs/screenshot.png');
const dataDir = path.resolve(REPO_ROOT, args.options.data ?? 'public/data');
if (!existsSync(path.join(dataDir, 'events.geojson'))) {
  process.stderr.write(`screenshot: no ${path.relative(REPO_ROOT, dataDir)}/events.geojson; run \`npm run data\` first\n`);
  process.exit(1);
}

/** The deadliest dated event (ties: the latest), opened in the reader on its day. */
function defaultFragment(): string {
  const fc: FeatureCollection<Point, EventFeatureProperties> = JSON.parse(readFileSync(path.join(dataDir, 'events.geojson'), 'utf8'));
  const dated = fc.features.filter((f) => f.properties.date);
  if (!dated.length) return '';
  const pick = dated.reduce((a, b) =>
    (b.properties.fatalities ?? -1) > (a.properties.fatalities ?? -1) ||
    ((b.properties.fatalities ?? -1) === (a.properties.fatalities ?? -1) && b.properties.day > a.properties.day)
      ? b
      : a,
  );
  return new URLSearchParams({ d: pick.properties.date!, sel: `e:${pick.properties.id}` }).toString();
}

const basemapDir = path.resolve(REPO_ROOT, args.options.basemap ?? 'public/basemap');
if (!existsSync(path.join(basemapDir, 'style.json'))) {
  process.stderr.write(`screenshot: no basemap in ${path.relative(REPO_ROOT, basemapDir)} (npm run data): the map will have no countries\n`);
}

const dist = await buildApp();
const server = await startStaticServer(dist, { mounts: appMounts(dataDir, { basemapDir }) });
const browser = await launchChromium();
try {
  const guard = new PageGuard();
  const context = await browser.newContext({
    viewport: { width: Number(args.options.width ?? 1440), height: Number(args.options.height ?? 900) },
    colorScheme: args.flags.dark ? 'dark' : 'light',
    deviceScaleFactor: 1,
  });
  await guardContext(context, guard);
  const page = await context.newPage();
  guardPage(page, guard);
  await openApp(page, server.url, args.options.fragment ?? defaultFragment());
  await page.waitForTimeout(300); // let the reader's scroll settle
  mkdirSync(path.dirname(out), { recursive: true });
  await page.screenshot({ path: out });
  if (guard.problems.length) process.stderr.write(`screenshot: the page reported problems:\n${guard.problems.join('\n')}\n`);
  process.stdout.write(`wrote ${path.relative(REPO_ROOT, out)}\n`);
} finally {
  await browser.close();
  await server.close();
}
