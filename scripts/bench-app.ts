/**
 * App benchmark (`npm run bench`, part 3): slider-step and load times in headless Chromium
 * (software WebGL) at 10k, 100k and 1M seeded synthetic events over Syria and Turkey
 * (scripts/synthetic-data.ts; the page and the app read the same events) on the offline basemap.
 * A step moves the slider to the next cursor; its time runs from the change to the drawn frame
 * (MapLibre `idle`, then a GL finish). The bench page (lib/bench-page.html) measures the floor
 * (`repaint`: redraw, nothing changed), handing MapLibre only the window's features (`setData`),
 * only the features entering and leaving it (`updateData`), and all features with a layer filter
 * on `day` (`setFilter`); then the app itself (Vite build of src/, its data in the layout an
 * ingest writes for that size, its test hook), with its default step technique. Both modes: a
 * 30-day window stepped a day at a time, and everything so far stepped in equal jumps to the end.
 * Prints a row per run and one table at the end; asserts nothing. Everything is served from
 * 127.0.0.1; off-origin requests are counted.
 *
 * Usage: tsx scripts/bench-app.ts [--sizes 10000,100000,1000000] [--steps 24]
 *        [--techniques repaint,setData,updateData,setFilter] [--no-app] [--no-page] [--app-techniques grid,auto] */
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
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { EventFeatureProperties } from '../src/core/model.ts';
import { ACLED_TYPES } from '../src/app/lib/acled.ts';
import { DEFAULT_STEP_TECHNIQUE } from '../src/app/map/step-technique.ts';

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
  /** Measured steps (fewer than asked when STEP_BUDGET_MS ran out); 0 when the page crashed. */
  stepsDone: number;
  /** Why the row is short: 'crashed' (the tab ran out of memory) or 'budget'. */
  note?: 'crashed' | 'budget';
}

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const TECHNIQUES = ['repaint', 'setData', 'updateData', 'setFilter'] as const;
const MODES = ['window', 'cumulative'] as const;
const WARM_UP = 2;
/**
 * Steps stop after this long per configuration (the median of those measured is printed, marked
 * `*`): a page technique can take seconds a step at 1M events, and 24 of them ten minutes.
 */
const STEP_BUDGET_MS = 60_000;

/** Runs the benchmark and prints its table; returns the rows too. */
export async function benchApp(options: BenchAppOptions = {}): Promise<BenchRow[]> {
  const sizes = options.sizes ?? [10_000, 100_000, 1_000_000];
  const steps = options.steps ?? 24;
  const span = options.span ?? 30;
  const tmp = path.join(os.tmpdir(), 'conflict-map-bench');
  fs.mkdirSync(tmp, { recursive: true });
  const basemapDir = await basemapFor(options.basemapDir);
  const dist = options.app === false ? null : buildApp(tmp);
  const browser = await launchChromium();
  const offOrigin: string[] = [];
  const rows: BenchRow[] = [];
  console.log(`app: headless Chromium, software WebGL, 1200×800, basemap ${path.relative(ROOT, basemapDir) || basemapDir}; ${steps} steps (+${WARM_UP} warm-up), ${span}-day window; page and app on the same synthetic events (scripts/synthetic-data.ts)`);
  try {
    for (const size of sizes) {
      // One data set per size, for the page (slim GeoJSON) and the app (its own layout, as an ingest writes it).
      const dataDir = path.join(tmp, `data-${size}`);
      const appDir = path.join(dataDir, 'app');
      fs.rmSync(dataDir, { recursive: true, force: true });
      const events = (() => {
        const data = makeSyntheticData({ events: size });
        writeSyntheticData(appDir, data);
        return benchEvents(data.events.features);
      })();
      fs.writeFileSync(path.join(dataDir, `events-${size}.geojson`), JSON.stringify(events));
      const first = events.features[0].properties.day;
      const last = events.features[events.features.length - 1].properties.day;
      const bytes = fs.readdirSync(appDir).reduce((n, f) => n + (fs.statSync(path.join(appDir, f)).isFile() ? fs.statSync(path.join(appDir, f)).size : 0), 0);
      console.log(`app: ${size.toLocaleString('en')} events: app data ${(bytes / 1e6).toFixed(1)} MB (${fs.existsSync(path.join(appDir, 'events.bin')) ? `events.bin ${(fs.statSync(path.join(appDir, 'events.bin')).size / 1e6).toFixed(1)} MB` : 'GeoJSON'}), page GeoJSON ${(fs.statSync(path.join(dataDir, `events-${size}.geojson`)).size / 1e6).toFixed(1)} MB`);
      if (options.page !== false) {
        const files = { '/bench.html': fs.readFileSync(path.join(HERE, 'lib/bench-page.html'), 'utf8') };
        const server = await startStaticServer(null, { mounts: { '/node_modules/': path.join(ROOT, 'node_modules'), '/basemap/': basemapDir, '/data/': dataDir }, files });
        try {
          for (const technique of options.techniques ?? TECHNIQUES) {
            for (const mode of MODES) {
              const row = await run(browser, server, offOrigin, { size, technique, mode, steps, span });
              rows.push(row);
              console.log(formatRow(row));
            }
          }
        } finally {
          await server.close();
        }
      }
      if (dist) rows.push(...(await benchTheApp(browser, offOrigin, dist, basemapDir, appDir, { size, steps, span, first, last }, options.appTechniques ?? [DEFAULT_STEP_TECHNIQUE])));
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  } finally {
    await browser.close();
  }
  console.log(`app: ${offOrigin.length} requests left 127.0.0.1${offOrigin.length ? `: ${offOrigin.slice(0, 5).join(', ')}` : ''}`);
  printTable(rows, sizes);
  return rows;
}

/** The synthetic events as the page reads them: dated, sorted by day, type as an index, fatalities 0 when unknown. */
function benchEvents(features: Array<Feature<Point, EventFeatureProperties>>): FeatureCollection<Point, { day: number; type: number; fatalities: number }> {
  const dated = features.filter((f) => f.properties.day !== -1).sort((a, b) => a.properties.day - b.properties.day);
  return {
    type: 'FeatureCollection',
    features: dated.map((f) => ({
      type: 'Feature',
      properties: { day: f.properties.day, type: Math.max(0, (ACLED_TYPES as readonly string[]).indexOf(f.properties.type)), fatalities: f.properties.fatalities ?? 0 },
      geometry: f.geometry,
    })),
  };
}

/** The table: one row per technique (page, then app), a column per size and mode, median ms per step; then load times. */
function printTable(rows: BenchRow[], sizes: number[]): void {
  const label = (n: number) => (n >= 1e6 ? `${n / 1e6}M` : `${n / 1000}k`);
  const names = [...new Set(rows.map((r) => r.technique))];
  const head = ['technique', ...sizes.flatMap((n) => [`${label(n)} window`, `${label(n)} cumul.`]), ...sizes.map((n) => `${label(n)} load`)];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  for (const name of names) {
    const cell = (size: number, mode: BenchRow['mode']) => rows.find((r) => r.technique === name && r.size === size && r.mode === mode);
    const steps = sizes.flatMap((n) =>
      MODES.map((m) => cell(n, m)).map((r) => (!r ? '—' : r.note === 'crashed' ? 'crashed' : `${fmt(r.medianMs).trim()} / ${fmt(r.p95Ms).trim()}${r.note === 'budget' ? `*${r.stepsDone}` : ''}`)),
    );
    const loads = sizes.map((n) => {
      const r = cell(n, 'window');
      return r && Number.isFinite(r.loadMs) ? `${fmt(r.loadMs).trim()}` : '—';
    });
    lines.push(`| ${name} | ${[...steps, ...loads].join(' | ')} |`);
  }
  console.log(`\napp: slider step, median / p95 ms (from the change to the drawn frame; *k: only k steps within ${STEP_BUDGET_MS / 1000} s); load ms (page: script start to first frame; app: navigation to first frame with data)`);
  console.log(lines.join('\n'));
}

function buildApp(tmp: string): string | null {
  const dist = path.join(tmp, 'app-dist');
  try {
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', dist, '--emptyOutDir', '--logLevel', 'error'], { cwd: ROOT, stdio: 'pipe' });
    return dist;
  } catch (e) {
    console.log(`app: the app itself not measured: vite build failed (${String((e as { stderr?: Buffer }).stderr ?? e).slice(0, 200)})`);
    return null;
  }
}

async function run(
  browser: Browser,
  server: StaticServer,
  offOrigin: string[],
  c: { size: number; technique: BenchRow['technique']; mode: BenchRow['mode']; steps: number; span: number },
): Promise<BenchRow> {
  const { context, page, errors } = await benchPage(browser, server.url, offOrigin);
  try {
    await page.goto(`${server.url}bench.html?n=${c.size}&technique=${c.technique}&mode=${c.mode}&span=${c.span}`);
    await page.waitForFunction(() => (window as unknown as { __bench?: { ready: boolean } }).__bench?.ready === true, null, { timeout: 180_000 });
    const { loadMs, first, last } = await page.evaluate(() => (window as unknown as { __bench: { loadMs: number; first: number; last: number } }).__bench);
    const cursors = stepCursors(c.mode, first, last, c.span, c.steps + WARM_UP);
    const times: number[] = [];
    let shown = 0;
    const started = Date.now();
    let note: BenchRow['note'];
    try {
      for (const [i, cursor] of cursors.entries()) {
        if (Date.now() - started > STEP_BUDGET_MS && times.length >= 3) {
          note = 'budget';
          break;
        }
        const r = await page.evaluate((d) => (window as unknown as { __bench: { step(d: number): Promise<{ ms: number; shown: number }> } }).__bench.step(d), cursor);
        if (i < WARM_UP) continue;
        times.push(r.ms);
        shown += r.shown;
      }
    } catch (e) {
      if (!/crash|closed/i.test(String(e))) throw e;
      note = 'crashed';
    }
    if (errors.length) console.warn(`  page errors: ${errors.slice(0, 3).join('; ')}`);
    const measured = note === 'crashed' ? [] : times;
    return { ...c, loadMs, medianMs: measured.length ? quantile(measured, 0.5) : NaN, p95Ms: measured.length ? quantile(measured, 0.95) : NaN, meanShown: shown / Math.max(1, times.length), stepsDone: measured.length, note };
  } catch (e) {
    if (!/crash|closed/i.test(String(e))) throw e;
    return { ...c, loadMs: NaN, medianMs: NaN, p95Ms: NaN, meanShown: 0, stepsDone: 0, note: 'crashed' };
  } finally {
    await context.close();
  }
}

/**
 * The app itself (built once with Vite) on the same events, in the layout an ingest writes for
 * their number, moved through its test hook (`window.__app.setDay`, then `idle()` and a GL
 * finish) to the same cursors as the page, for each of the given step techniques
 * (`?step=…`, default: the app's default) and both modes (`#w=all` is cumulative).
 */
async function benchTheApp(
  browser: Browser,
  offOrigin: string[],
  dist: string,
  basemapDir: string,
  dataDir: string,
  c: { size: number; steps: number; span: number; first: number; last: number },
  techniques: readonly string[],
): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const server = await startStaticServer(dist, { mounts: { '/data/': dataDir, '/basemap/': basemapDir } });
  try {
    for (const technique of techniques) {
      for (const mode of MODES) {
        const { context, page, errors } = await benchPage(browser, server.url, offOrigin);
        try {
          const cursors = stepCursors(mode, c.first, c.last, c.span, c.steps + WARM_UP);
          const start = new Date((c.first + c.span - 1) * 86_400_000).toISOString().slice(0, 10);
          const started = Date.now();
          await page.goto(`${server.url}index.html?step=${technique.replace(/:/, '&')}#d=${start}&w=${mode === 'cumulative' ? 'all' : c.span}`);
          await page.waitForFunction(() => (window as unknown as { __app?: { ready: boolean } }).__app?.ready === true, null, { timeout: 180_000 });
          await page.evaluate(() => (window as unknown as { __app: { idle(): Promise<void> } }).__app.idle());
          const loadMs = Date.now() - started;
          const times: number[] = [];
          let shown = 0;
          for (const [i, cursor] of cursors.entries()) {
            const r = await page.evaluate(async (day) => {
              const w = window as unknown as { __app: { setDay(d: number): void; idle(): Promise<void>; visibleCount: number }; __map: { getCanvas(): HTMLCanvasElement } };
              const t0 = performance.now();
              w.__app.setDay(day);
              await w.__app.idle();
              const canvas = w.__map.getCanvas();
              (canvas.getContext('webgl2') ?? canvas.getContext('webgl'))?.finish();
              return { ms: performance.now() - t0, shown: w.__app.visibleCount };
            }, cursor);
            if (i < WARM_UP) continue;
            times.push(r.ms);
            shown += r.shown;
          }
          if (errors.length) console.warn(`  page errors: ${errors.slice(0, 3).join('; ')}`);
          const row: BenchRow = { size: c.size, technique: `app:${technique}`, mode, loadMs, medianMs: quantile(times, 0.5), p95Ms: quantile(times, 0.95), meanShown: shown / times.length, stepsDone: times.length };
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
  return rows;
}

/** Window mode: consecutive one-day steps. Cumulative: equal jumps to the end, so the set grows to everything. */
/** A fresh page of the same size for each configuration; requests off the server's origin are noted, page errors gathered. */
async function benchPage(browser: Browser, origin: string, offOrigin: string[]) {
  const context = await browser.newContext({ viewport: { width: 1200, height: 800 } });
  context.on('request', (r) => {
    if (!r.url().startsWith(origin) && !/^(blob|data):/.test(r.url())) offOrigin.push(r.url());
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, errors };
}

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
async function basemapFor(dir: string | undefined): Promise<string> {
  if (dir) return path.resolve(dir);
  const shipped = path.join(ROOT, 'public/basemap');
  if (fs.existsSync(path.join(shipped, 'style.json'))) return shipped;
  const tmp = path.join(os.tmpdir(), 'conflict-map-bench');
  fs.mkdirSync(path.join(tmp, 'data'), { recursive: true });
  fs.writeFileSync(path.join(tmp, 'data/events.geojson'), JSON.stringify(makeSyntheticData({ events: 1000 }).events));
  await buildBasemap({ dataDir: path.join(tmp, 'data'), outDir: path.join(tmp, 'basemap') });
  return path.join(tmp, 'basemap');
}

function formatRow(r: BenchRow): string {
  if (r.note === 'crashed') return `app: ${r.size / 1000}k ${r.technique} ${r.mode}: the page crashed (out of memory)`;
  const n = r.size >= 1000 ? `${r.size / 1000}k` : String(r.size);
  return `app: ${n.padStart(5)} ${r.technique.padEnd(10)} ${r.mode.padEnd(10)} load ${fmt(r.loadMs)} ms  step median ${fmt(r.medianMs)} / p95 ${fmt(r.p95Ms)} ms  (${Math.round(r.meanShown)} shown${r.note === 'budget' ? `; ${r.stepsDone} steps in the ${STEP_BUDGET_MS / 1000} s budget` : ''})`;
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
