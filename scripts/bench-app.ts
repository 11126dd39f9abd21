/**
 * App benchmark (`npm run bench`, part 3): load time and slider-step times in headless Chromium
 * (software WebGL), for 10k and 100k seeded synthetic events over Syria and Turkey on the offline
 * basemap. A step moves the slider by one position; its time runs from the change to the drawn
 * frame (MapLibre `idle`, then a GL finish). Compared: handing MapLibre only the window's
 * features (`setData`), all features with a layer filter on `day` (`setFilter`), and only the
 * features entering and leaving the window (`updateData`, MapLibre's GeoJSON diff), in the window
 * mode (30 days) and the cumulative mode (everything up to the cursor). Prints a table;
 * asserts nothing. Everything is served from 127.0.0.1; off-origin requests are counted.
 *
 * The app itself (Vite build of src/, its synthetic data, its test hook) is measured too, for its
 * step techniques (STEP_TECHNIQUES).
 *
 * Usage: tsx scripts/bench-app.ts [--sizes 10000,100000] [--steps 24] [--techniques setData,updateData] [--no-app] [--no-page] [--app-techniques diff,auto]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { buildBasemap } from './build-basemap.ts';
import { makeSyntheticData, writeSyntheticData } from './synthetic-data.ts';
import { launchChromium } from '../test/browser/lib/chromium.ts';
import { startStaticServer, type StaticServer } from '../test/browser/lib/static-server.ts';
import { makeBenchEvents } from './lib/bench-data.ts';
import { STEP_TECHNIQUES } from '../src/app/map/step-technique.ts';

/** Options of `benchApp`. */
export interface BenchAppOptions {
  /** Event counts to measure (default 10k and 100k). */
  sizes?: number[];
  /** Measured steps per run, after two unmeasured warm-up steps (default 24). */
  steps?: number;
  /** Window length in days (default 30). */
  span?: number;
  /** Basemap folder; default `public/basemap` when built, else one built for the synthetic data. */
  basemapDir?: string;
  /** Techniques to compare (default all three). */
  techniques?: Array<(typeof TECHNIQUES)[number]>;
  /** Also measure the app itself (built with Vite into a temp folder), when it is there (default true). */
  app?: boolean;
  /** Measure the bench page's techniques (default true; `--no-page` measures only the app). */
  page?: boolean;
  /** The app's step techniques to measure (default STEP_TECHNIQUES; `--app-techniques diff,auto`). */
  appTechniques?: readonly string[];
}

/** One measured configuration. */
export interface BenchRow {
  size: number;
  /** A bench-page technique, or `app:window` / `app:diff` / `app:filter` for the app's own step techniques. */
  technique: string;
  mode: 'window' | 'cumulative';
  loadMs: number;
  medianMs: number;
  p95Ms: number;
  /** Mean number of events shown per measured step. */
  meanShown: number;
}

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const TECHNIQUES = ['setData', 'setFilter', 'updateData'] as const;
const MODES = ['window', 'cumulative'] as const;
const WARM_UP = 2;

/** Runs the benchmark and prints its table; returns the rows too. */
export async function benchApp(options: BenchAppOptions = {}): Promise<BenchRow[]> {
  const sizes = options.sizes ?? [10_000, 100_000];
  const steps = options.steps ?? 24;
  const span = options.span ?? 30;
  const files: Record<string, string> = { '/bench.html': fs.readFileSync(path.join(HERE, 'lib/bench-page.html'), 'utf8') };
  for (const n of sizes) files[`/data/events-${n}.geojson`] = JSON.stringify(makeBenchEvents(n));
  const basemapDir = await basemapFor(options.basemapDir, files[`/data/events-${sizes[0]}.geojson`]);

  const server = await startStaticServer(null, { mounts: { '/node_modules/': path.join(ROOT, 'node_modules'), '/basemap/': basemapDir }, files });
  const browser = await launchChromium();
  const offOrigin: string[] = [];
  const rows: BenchRow[] = [];
  console.log(`app: headless Chromium, software WebGL, 1200×800, basemap ${path.relative(ROOT, basemapDir) || basemapDir}; ${steps} steps (+${WARM_UP} warm-up), ${span}-day window`);
  try {
    for (const size of options.page === false ? [] : sizes) {
      for (const technique of options.techniques ?? TECHNIQUES) {
        for (const mode of MODES) {
          const row = await run(browser, server, offOrigin, { size, technique, mode, steps, span });
          rows.push(row);
          console.log(formatRow(row));
        }
      }
    }
    if ((options.app ?? true) && fs.existsSync(path.join(ROOT, 'src/main.ts'))) {
      rows.push(...(await benchTheApp(browser, offOrigin, basemapDir, sizes, steps, options.appTechniques ?? STEP_TECHNIQUES)));
    }
  } finally {
    await browser.close();
    await server.close();
  }
  console.log(`app: ${offOrigin.length} requests left 127.0.0.1${offOrigin.length ? `: ${offOrigin.slice(0, 5).join(', ')}` : ''}`);
  return rows;
}

async function run(
  browser: Browser,
  server: StaticServer,
  offOrigin: string[],
  c: { size: number; technique: BenchRow['technique']; mode: BenchRow['mode']; steps: number; span: number },
): Promise<BenchRow> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 800 } });
  context.on('request', (r) => {
    if (!r.url().startsWith(server.url) && !/^(blob|data):/.test(r.url())) offOrigin.push(r.url());
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await page.goto(`${server.url}bench.html?n=${c.size}&technique=${c.technique}&mode=${c.mode}&span=${c.span}`);
    await page.waitForFunction(() => (window as unknown as { __bench?: { ready: boolean } }).__bench?.ready === true, null, { timeout: 180_000 });
    const { loadMs, first, last } = await page.evaluate(() => (window as unknown as { __bench: { loadMs: number; first: number; last: number } }).__bench);
    const cursors = stepCursors(c.mode, first, last, c.span, c.steps + WARM_UP);
    const times: number[] = [];
    let shown = 0;
    for (const [i, cursor] of cursors.entries()) {
      const r = await page.evaluate((d) => (window as unknown as { __bench: { step(d: number): Promise<{ ms: number; shown: number }> } }).__bench.step(d), cursor);
      if (i < WARM_UP) continue;
      times.push(r.ms);
      shown += r.shown;
    }
    if (errors.length) console.warn(`  page errors: ${errors.slice(0, 3).join('; ')}`);
    return { ...c, loadMs, medianMs: quantile(times, 0.5), p95Ms: quantile(times, 0.95), meanShown: shown / times.length };
  } finally {
    await context.close();
  }
}

/**
 * The app itself: built once with Vite, fed `makeSyntheticData` events, stepped through its test
 * hook (`window.__app.step(1)`, then `idle()` and a GL finish), for each of its step techniques
 * (`?step=window|diff|filter|auto`, STEP_TECHNIQUES) and both modes (`#w=all` is cumulative; there a step is one day too).
 */
async function benchTheApp(browser: Browser, offOrigin: string[], basemapDir: string, sizes: number[], steps: number, techniques: readonly string[]): Promise<BenchRow[]> {
  const tmp = path.join(os.tmpdir(), 'conflict-map-bench');
  const dist = path.join(tmp, 'app-dist');
  try {
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', dist, '--emptyOutDir', '--logLevel', 'error'], { cwd: ROOT, stdio: 'pipe' });
  } catch (e) {
    console.log(`app: the app itself not measured: vite build failed (${String((e as { stderr?: Buffer }).stderr ?? e).slice(0, 200)})`);
    return [];
  }
  const rows: BenchRow[] = [];
  for (const size of sizes) {
    const dataDir = path.join(tmp, `app-data-${size}`);
    writeSyntheticData(dataDir, makeSyntheticData({ events: size }));
    const server = await startStaticServer(dist, { mounts: { '/data/': dataDir, '/basemap/': basemapDir } });
    try {
      for (const technique of techniques) {
        for (const mode of MODES) {
          const context = await browser.newContext({ viewport: { width: 1200, height: 800 } });
          context.on('request', (r) => {
            if (!r.url().startsWith(server.url) && !/^(blob|data):/.test(r.url())) offOrigin.push(r.url());
          });
          const page = await context.newPage();
          try {
            const started = Date.now();
            // Mid-range cursor (the synthetic span is 2019-2020), so that steps forward change what is shown.
            await page.goto(`${server.url}index.html?step=${technique}#d=2020-01-01${mode === 'cumulative' ? '&w=all' : ''}`);
            await page.waitForFunction(() => (window as unknown as { __app?: { ready: boolean } }).__app?.ready === true, null, { timeout: 180_000 });
            await page.evaluate(() => (window as unknown as { __app: { idle(): Promise<void> } }).__app.idle());
            const loadMs = Date.now() - started;
            const times: number[] = [];
            let shown = 0;
            for (let i = 0; i < steps + WARM_UP; i++) {
              const r = await page.evaluate(async () => {
                const w = window as unknown as { __app: { step(n: number): void; idle(): Promise<void>; visibleCount: number }; __map: { getCanvas(): HTMLCanvasElement } };
                const t0 = performance.now();
                w.__app.step(1);
                await w.__app.idle();
                const canvas = w.__map.getCanvas();
                (canvas.getContext('webgl2') ?? canvas.getContext('webgl'))?.finish();
                return { ms: performance.now() - t0, shown: w.__app.visibleCount };
              });
              if (i < WARM_UP) continue;
              times.push(r.ms);
              shown += r.shown;
            }
            const row: BenchRow = { size, technique: `app:${technique}`, mode, loadMs, medianMs: quantile(times, 0.5), p95Ms: quantile(times, 0.95), meanShown: shown / times.length };
            rows.push(row);
            console.log(formatRow(row));
          } finally {
            await context.close();
          }
        }
      }
    } finally {
      await server.close();
    }
  }
  return rows;
}

/** Window mode: consecutive one-day steps. Cumulative: equal jumps to the end, so the set grows to everything. */
function stepCursors(mode: BenchRow['mode'], first: number, last: number, span: number, count: number): number[] {
  const start = first + span - 1;
  if (mode === 'window') return Array.from({ length: count }, (_, i) => start + 1 + i);
  return Array.from({ length: count }, (_, i) => Math.round(start + ((last - start) * (i + 1)) / count));
}

/** Nearest-rank quantile. */
function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/** The shipped basemap when built, else one built (once, into the temp folder) for the synthetic data. */
async function basemapFor(dir: string | undefined, events: string): Promise<string> {
  if (dir) return path.resolve(dir);
  const shipped = path.join(ROOT, 'public/basemap');
  if (fs.existsSync(path.join(shipped, 'style.json'))) return shipped;
  const tmp = path.join(os.tmpdir(), 'conflict-map-bench');
  fs.mkdirSync(path.join(tmp, 'data'), { recursive: true });
  fs.writeFileSync(path.join(tmp, 'data/events.geojson'), events);
  await buildBasemap({ dataDir: path.join(tmp, 'data'), outDir: path.join(tmp, 'basemap') });
  return path.join(tmp, 'basemap');
}

function formatRow(r: BenchRow): string {
  const n = r.size >= 1000 ? `${r.size / 1000}k` : String(r.size);
  return `app: ${n.padStart(5)} ${r.technique.padEnd(10)} ${r.mode.padEnd(10)} load ${fmt(r.loadMs)} ms  step median ${fmt(r.medianMs)} / p95 ${fmt(r.p95Ms)} ms  (${Math.round(r.meanShown)} shown)`;
}

function fmt(ms: number): string {
  return Math.round(ms).toLocaleString('en-US').padStart(6);
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const sizes = arg('--sizes')?.split(',').map(Number);
  const steps = arg('--steps') ? Number(arg('--steps')) : undefined;
  const techniques = arg('--techniques')?.split(',') as BenchAppOptions['techniques'];
  const appTechniques = arg('--app-techniques')?.split(',');
  await benchApp({ sizes, steps, techniques, appTechniques, app: !process.argv.includes('--no-app'), page: !process.argv.includes('--no-page') });
}
