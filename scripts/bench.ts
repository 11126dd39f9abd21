/**
 * `npm run bench`: prints figures, asserts nothing.
 *  1. gazetteer index: load time and heap, in a fresh process; and what a 50,000-feature
 *     GeoNames country dump (synthetic) adds to both;
 *  2. throughput on one core, articles of about 2,000 characters cut from the evaluation
 *     corpora (or the sample corpus when ../shared is absent): the geoparser alone (raw text →
 *     toponyms with coordinates: clean, toponyms, resolve) and the full pipeline (also dates
 *     and events), in articles/s and MB/s, then milliseconds per article for each stage;
 *  3. the app: load time and slider-step times in headless Chromium (scripts/bench-app.ts);
 *  4. hostile sizes: ingest (three fresh processes each, start-up included: median wall and CPU
 *     time, peak RSS) of a one-line file, of the hostile corpus's 50,000 lines, of one 1 MB line,
 *     of a pasted log of 100,000 lines and, as a stress figure, of 200,000 short place-dense
 *     lines; then the pipeline's CPU time (median of three, the size bound lifted) on 10k, 20k
 *     and 40k mention-dense lines ("Idlib." and place-dense prose), with the ratio per doubling
 *     (linear: 2.0).
 *  5. scale: ingest of a seeded corpus of 100,000 articles made from real news paragraphs
 *     (scripts/lib/scale-corpus.ts; `--articles N` for another size), in a temporary folder, with
 *     an empty cache: wall and CPU time, peak RSS (every worker thread included), the ingest's
 *     phases; then the same corpus with 100 articles added (only those processed and rendered,
 *     unchanged files not read), and again unchanged; then 5,000 articles with one job and two.
 * `--only gazetteer|geoparser|app|hostile|scale` runs one part.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { processArticle, type PipelineResources } from '../src/core/process-article.ts';
import { cleanArticle } from '../src/core/text/clean-article.ts';
import { findPublication, findTemporalExpressions } from '../src/core/dates/find-dates.ts';
import { findToponyms } from '../src/core/places/find-toponyms.ts';
import { resolvePlaces } from '../src/core/places/resolve-places.ts';
import { extractEvents } from '../src/core/events/extract-events.ts';
import type { RawArticle } from '../src/core/model.ts';
import { loadResources } from './lib/load-resources.ts';
import { parseArgs } from './lib/args.ts';
import { syntheticDumpLines } from './lib/synthetic-dump.ts';
import { mulberry32 } from '../src/core/common/seeded-random.ts';
import { makeScaleCorpus } from './lib/scale-corpus.ts';

/** Lines of the hostile-size cases: place names, prose and filler, short. */
const SHORT_LINES = ['Shelling hit Idlib on Monday.', 'Troops moved near Saraqib.', 'the quick fox', 'Aleppo', 'hello there', 'Talks in Ankara failed.', 'Residents fled to Turkey.'];
const DENSE_PROSE = ['Shelling hit Idlib on Monday, killing 3 civilians.', 'Turkish troops moved near Saraqib and Maarat al-Numan.', 'The market in Aleppo was quiet.', 'Reports from Damascus said talks in Ankara failed.', 'Residents fled toward the border with Turkey.'];

const args = parseArgs(process.argv.slice(2), { flags: [], options: ['only', 'articles'] });
const only = args.options.only;
const TARGET_CHARS = 2000;
const MIN_SECONDS = 3;
/** Timed passes over the bench articles, after a warm-up pass. */
const ROUNDS = 7;
/** Features of the synthetic GeoNames dump whose load cost the gazetteer part prints. */
const DUMP_FEATURES = 50_000;
/** Fresh-process loads per index for that figure (the median is printed). */
const LOAD_RUNS = 5;
/** Articles of the scale part's one-job-against-two figure. */
const JOBS_ARTICLES = 20_000;
/** Fresh processes per hostile ingest case, and timed runs per doubling size: the median is reported. */
const HOSTILE_RUNS = 3;

if (!only || only === 'gazetteer') {
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build-gazetteer.ts'], { stdio: 'inherit' }); // no-op when cached
  const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', 'scripts/lib/bench-gazetteer-load.ts'], { encoding: 'utf8' });
  const r = JSON.parse(out) as { loadMs: number; heapMB: number; places: number };
  console.log(`gazetteer: ${r.places} places, index load ${r.loadMs.toFixed(0)} ms, heap +${r.heapMB.toFixed(0)} MB (fresh process)`);
  benchDumpLoad();
}

/**
 * What an added GeoNames country costs at load: a synthetic 50,000-feature dump built into a
 * second cache (GAZETTEER_CACHE_DIR, in a temporary folder), then the median of LOAD_RUNS fresh
 * loads of each index, the default and the one with the dump, taken in turn.
 */
function benchDumpLoad(): void {
  const dir = mkdtempSync(join(tmpdir(), 'conflict-map-bench-'));
  try {
    const dump = join(dir, 'XX.txt');
    writeFileSync(dump, `${syntheticDumpLines(DUMP_FEATURES).join('\n')}\n`);
    const env = { ...process.env, GAZETTEER_CACHE_DIR: join(dir, 'gazetteer') };
    execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build-gazetteer.ts', '--geonames', dump], { env, stdio: ['ignore', 'ignore', 'ignore'] });
    // Base and dump loads alternate, so a neighbour's burst on the shared machine hits both alike.
    const once = (e: NodeJS.ProcessEnv) => JSON.parse(execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', 'scripts/lib/bench-gazetteer-load.ts'], { env: e, encoding: 'utf8' })) as { loadMs: number; cpuMs: number; heapMB: number; places: number };
    const pairs = Array.from({ length: LOAD_RUNS }, () => [once(process.env), once(env)] as const);
    const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const base = { loadMs: median(pairs.map(([b]) => b.loadMs)), cpuMs: median(pairs.map(([b]) => b.cpuMs)), heapMB: median(pairs.map(([b]) => b.heapMB)) };
    const withDump = { loadMs: median(pairs.map(([, d]) => d.loadMs)), cpuMs: median(pairs.map(([, d]) => d.cpuMs)), heapMB: median(pairs.map(([, d]) => d.heapMB)), places: pairs[0][1].places };
    console.log(
      `gazetteer + a ${DUMP_FEATURES.toLocaleString('en')}-feature GeoNames dump (synthetic): ${withDump.places} places, ` +
      `load ${withDump.loadMs.toFixed(0)} ms (+${(withDump.loadMs - base.loadMs).toFixed(0)}; CPU ${withDump.cpuMs.toFixed(0)} ms, +${(withDump.cpuMs - base.cpuMs).toFixed(0)}), heap +${withDump.heapMB.toFixed(0)} MB (+${(withDump.heapMB - base.heapMB).toFixed(0)}); ` +
      `medians of ${LOAD_RUNS} fresh processes each`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (!only || only === 'geoparser') {
  const resources = await loadResources();
  const articles = benchArticles();
  const geoparser = throughput(articles, (a) => geoparseOnly(a, resources));
  console.log(`geoparser: ${geoparser.summary} (geoparser alone: clean, toponyms, resolve)`);
  const full = throughput(articles, (a) => processArticle(a, resources));
  console.log(`pipeline: ${full.summary} (full pipeline: clean, dates, places, events)`);
  const stages = stageTimes(articles, resources);
  console.log(`stages (ms/article): ${Object.entries(stages).map(([k, v]) => `${k} ${v.toFixed(3)}`).join(', ')}`);
}

if (!only || only === 'app') {
  if (existsSync('scripts/bench-app.ts')) {
    const { benchApp } = await import('./bench-app.ts');
    await benchApp();
  } else console.log('app: scripts/bench-app.ts not present');
}

if (!only || only === 'hostile') {
  const dir = mkdtempSync(join(tmpdir(), 'bench-hostile-'));
  const lines = (n: number, of: (i: number) => string) => Array.from({ length: n }, (_, i) => of(i)).join('\n');
  let oneLine = '';
  for (let i = 0; oneLine.length < 1_000_000; i += 1) oneLine += `${DENSE_PROSE[i % DENSE_PROSE.length]} `;
  const cases: Array<[string, string]> = [
    ['a one-line file (start-up)', 'Shelling hit Idlib on Monday.'],
    ['the hostile corpus\'s many-lines.txt (50,000 lines)', manyLines(50_000)],
    ['one 1 MB line', oneLine],
    ['a pasted log (100,000 lines, a place every 10th)', pastedLog(100_000)],
    ['stress: 200,000 short lines, a place on most', lines(200_000, (i) => SHORT_LINES[i % SHORT_LINES.length])],
  ];
  for (const [name, text] of cases) {
    const input = join(dir, name.replace(/\W+/g, '-'));
    mkdirSync(input);
    writeFileSync(join(input, 'article.txt'), text);
    const runs = Array.from({ length: HOSTILE_RUNS }, () => {
      const started = performance.now();
      const out = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/lib/bench-ingest.ts', input, join(input, 'out')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
      return { ...(JSON.parse(out) as { wallMs: number; cpuMs: number; peakRssMB: number }), spawnMs: performance.now() - started };
    });
    const m = (key: 'spawnMs' | 'cpuMs' | 'peakRssMB') => median(runs.map((r) => r[key]));
    const range = (key: 'spawnMs' | 'cpuMs') => `${(Math.min(...runs.map((r) => r[key])) / 1000).toFixed(2)}–${(Math.max(...runs.map((r) => r[key])) / 1000).toFixed(2)}`;
    const report = JSON.parse(readFileSync(join(input, 'out', 'report.json'), 'utf8')) as { mentions: number; events: number; problems: Array<{ code: string }> };
    const truncated = report.problems.some((p) => p.code === 'article-truncated') ? ', truncated at the size bound' : '';
    console.log(
      `ingest ${name} (${(text.length / 1e6).toFixed(2)} MB${truncated}; ${report.mentions} mentions, ${report.events} events): ` +
        `median of ${HOSTILE_RUNS} ${(m('spawnMs') / 1000).toFixed(2)} s wall (${range('spawnMs')}), ${(m('cpuMs') / 1000).toFixed(2)} s CPU (${range('cpuMs')}), peak RSS ${Math.round(m('peakRssMB'))} MB (fresh process, start-up included)`,
    );
  }
  rmSync(dir, { recursive: true, force: true });
  const resources = await loadResources();
  for (const [name, line] of [['"Idlib."', (_: number) => 'Idlib.'], ['place-dense prose', (i: number) => DENSE_PROSE[i % DENSE_PROSE.length]]] as const) {
    // The size bound lifted: this measures the stages' own cost, not the bound's.
    const cost = [10_000, 20_000, 40_000].map((n) => {
      const article: RawArticle = { id: 'dense', text: lines(n, line), meta: {} };
      processArticle(article, resources, { maxChars: Infinity }); // warm-up
      return median(Array.from({ length: HOSTILE_RUNS }, () => {
        const cpu = process.cpuUsage();
        processArticle(article, resources, { maxChars: Infinity });
        const used = process.cpuUsage(cpu);
        return (used.user + used.system) / 1000;
      }));
    });
    console.log(`mention-dense ${name}, median of ${HOSTILE_RUNS}: 10k ${cost[0].toFixed(0)} ms, 20k ${cost[1].toFixed(0)} ms, 40k ${cost[2].toFixed(0)} ms CPU; per doubling ×${(cost[1] / cost[0]).toFixed(2)}, ×${(cost[2] / cost[1]).toFixed(2)}`);
  }
}

if (!only || only === 'scale') {
  const n = Number(args.options.articles ?? 100_000);
  const added = 100;
  const dir = mkdtempSync(join(tmpdir(), 'bench-scale-'));
  type Run = { wallMs: number; cpuMs: number; peakRssMB: number; timings: Record<string, number> };
  const ingestRun = (corpus: string, cache: string, jobs?: number): Run & { wall: number } => {
    const started = performance.now();
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/lib/bench-ingest.ts', corpus, join(dir, 'out'), ...(jobs ? [String(jobs)] : [])], { env: { ...process.env, INGEST_CACHE_DIR: cache }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 24 });
    return { ...(JSON.parse(out) as Run), wall: (performance.now() - started) / 1000 };
  };
  const phases = (r: Run) => Object.entries(r.timings).map(([k, ms]) => `${k} ${(ms / 1000).toFixed(1)} s`).join(', ');
  try {
    const corpus = join(dir, 'corpus');
    makeScaleCorpus(corpus, n, { evaluationCorpora: true });
    const cache = join(dir, 'cache');
    const run = (label: string) => {
      const r = ingestRun(corpus, cache);
      console.log(`scale: ${label}: ${r.wall.toFixed(1)} s wall, ${(r.cpuMs / 1000).toFixed(1)} s CPU, peak RSS ${Math.round(r.peakRssMB)} MB (fresh process, every thread; ${phases(r)})`);
      return r;
    };
    const cold = run(`ingest of ${n.toLocaleString('en')} articles, empty cache`);
    makeScaleCorpus(corpus, added, { first: n, evaluationCorpora: true });
    const grown = run(`${added} articles added to them (only those processed)`);
    const same = run('the same again, unchanged');
    const size = (readdirSync(join(dir, 'out'), { recursive: true }) as string[]).reduce((sum, f) => sum + (statSync(join(dir, 'out', f)).isFile() ? statSync(join(dir, 'out', f)).size : 0), 0);
    const report = JSON.parse(readFileSync(join(dir, 'out', 'report.json'), 'utf8')) as { articlesWritten: number; mentions: number; events: number; distinctEvents: number };
    console.log(`scale: output ${report.articlesWritten} articles, ${report.mentions} mentions, ${report.events} events (${report.distinctEvents} after the merge), ${(size / 1e6).toFixed(0)} MB`);

    // Workers: the same corpus of JOBS_ARTICLES, empty caches, one thread and two.
    const small = join(dir, 'jobs-corpus');
    makeScaleCorpus(small, Math.min(n, JOBS_ARTICLES), { seed: 2, evaluationCorpora: true });
    const one = ingestRun(small, join(dir, 'cache-1'), 1);
    const two = ingestRun(small, join(dir, 'cache-2'), 2);
    console.log(`scale: ${Math.min(n, JOBS_ARTICLES).toLocaleString('en')} articles, empty cache: 1 job ${one.wall.toFixed(1)} s, 2 jobs ${two.wall.toFixed(1)} s wall: ×${(one.wall / two.wall).toFixed(2)}`);
    console.log(`scale: summary: ${n.toLocaleString('en')} articles, ${cold.wall.toFixed(0)} s wall, ${(cold.cpuMs / 1000).toFixed(0)} s CPU, peak RSS ${Math.round(cold.peakRssMB)} MB; +${added} articles ${grown.wall.toFixed(1)} s (peak RSS ${Math.round(grown.peakRssMB)} MB); unchanged ${same.wall.toFixed(1)} s; 1 vs 2 jobs ×${(one.wall / two.wall).toFixed(2)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The hostile corpus's many-lines file (scripts/make-hostile-corpus.ts): the case that once took 436 s. */
function manyLines(n: number): string {
  const prose = ['Shelling hit Idlib on Monday, killing three civilians.', 'Turkish troops moved near Saraqib.', 'Talks in Ankara failed.', 'the market was quiet', 'Aleppo'];
  return Array.from({ length: n }, (_, i) => prose[i % prose.length]).join('\n');
}

/** A pasted server log, seeded: timestamps, levels, paths and figures; every 10th line names a place. */
function pastedLog(n: number): string {
  const random = mulberry32(7);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const places = ['Odesa', 'Aleppo', 'Kharkiv', 'Khartoum', 'Idlib', 'Gaza'];
  const paths = ['/api/items', '/login', '/static/app.js', '/health', '/api/orders/42'];
  return Array.from({ length: n }, (_, i) => {
    const t = `${String(Math.floor(i / 3600) % 24).padStart(2, '0')}:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`;
    if (i % 10 === 9) return `${t} WARN shipment delayed at ${pick(places)} depot`;
    return `${t} INFO w${Math.floor(random() * 8)} GET ${pick(paths)} ${pick([200, 200, 304, 404, 500])} ${Math.floor(random() * 900)}ms`;
  }).join('\n');
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Raw text → toponyms with coordinates: every stage `processArticle` needs for its mentions, nothing of dates or events. */
function geoparseOnly(raw: RawArticle, resources: PipelineResources): number {
  const { article } = cleanArticle(raw);
  return resolvePlaces(article.id, findToponyms(article, resources)).length;
}

/**
 * Runs `fn` over the articles in ROUNDS passes (after one warm-up pass) and reports the median
 * pass, with the slowest and fastest: on a shared machine one pass can run at half speed while a
 * neighbour works, and a median of passes is steadier than one long run. Also articles per second
 * of this process's CPU time over all passes (it counts V8's helper threads too, so it errs low).
 */
function throughput(articles: RawArticle[], fn: (a: RawArticle) => unknown): { perSecond: number; summary: string } {
  for (const article of articles) fn(article);
  const rates: number[] = [];
  let chars = 0;
  for (const article of articles) chars += article.text.length;
  const cpuStarted = process.cpuUsage();
  for (let round = 0; round < ROUNDS; round += 1) {
    const started = performance.now();
    for (const article of articles) fn(article);
    rates.push(articles.length / ((performance.now() - started) / 1000));
  }
  const cpu = process.cpuUsage(cpuStarted);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  rates.sort((a, b) => a - b);
  const median = rates[Math.floor(rates.length / 2)];
  const meanChars = chars / articles.length;
  return {
    perSecond: median,
    summary:
      `${articles.length} articles (mean ${Math.round(meanChars)} chars) × ${ROUNDS} passes on one core: median ${Math.round(median)} articles/s ` +
      `(${Math.round(rates[0])}–${Math.round(rates[rates.length - 1])}), ${((median * meanChars) / 1e6).toFixed(2)} MB/s; ` +
      `${Math.round((articles.length * ROUNDS) / cpuSeconds)} articles per CPU second`,
  };
}

/** Mean milliseconds per article of each stage of `processArticle`, timed one call at a time over MIN_SECONDS. */
function stageTimes(articles: RawArticle[], resources: PipelineResources): Record<string, number> {
  const total: Record<string, number> = { clean: 0, dates: 0, toponyms: 0, resolve: 0, events: 0 };
  let done = 0;
  const started = performance.now();
  while (performance.now() - started < MIN_SECONDS * 1000) {
    for (const raw of articles) {
      let t = performance.now();
      const lap = (stage: string) => {
        const now = performance.now();
        total[stage] += now - t;
        t = now;
      };
      const { article } = cleanArticle(raw);
      lap('clean');
      const publication = findPublication(article);
      const temporal = findTemporalExpressions(article, publication);
      lap('dates');
      const toponyms = findToponyms(article, resources);
      lap('toponyms');
      const mentions = resolvePlaces(article.id, toponyms).filter((m) => m.place !== null);
      lap('resolve');
      extractEvents({ article, publication, temporal, mentions });
      lap('events');
      done += 1;
    }
  }
  return Object.fromEntries(Object.entries(total).map(([k, v]) => [k, v / done]));
}

/** Articles of about TARGET_CHARS characters: real news text, joined or cut at sentence ends. */
function benchArticles(): RawArticle[] {
  const texts: string[] = [];
  for (const file of ['../shared/eval/lgl.jsonl', '../shared/eval/geovirus.jsonl']) {
    if (!existsSync(file)) continue;
    for (const line of readFileSync(file, 'utf8').split('\n')) if (line.trim()) texts.push((JSON.parse(line) as { text: string }).text);
  }
  if (texts.length === 0) {
    for (const f of readdirSync('geodata/corpus').filter((f) => f.endsWith('.txt'))) texts.push(readFileSync(join('geodata/corpus', f), 'utf8'));
  }
  const articles: RawArticle[] = [];
  let buffer = '';
  for (const text of texts) {
    buffer = buffer ? `${buffer}\n\n${text}` : text;
    while (buffer.length >= TARGET_CHARS) {
      const cut = buffer.lastIndexOf('. ', TARGET_CHARS) > TARGET_CHARS / 2 ? buffer.lastIndexOf('. ', TARGET_CHARS) + 1 : TARGET_CHARS;
      articles.push({ id: `bench-${articles.length}`, text: buffer.slice(0, cut), meta: {} });
      buffer = buffer.slice(cut).trimStart();
    }
  }
  return articles;
}
