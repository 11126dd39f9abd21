/**
 * `npm run bench`: prints figures, asserts nothing.
 *  1. gazetteer index: load time and heap, in a fresh process;
 *  2. geoparser throughput on one core: articles of about 2,000 characters cut from the
 *     evaluation corpora (or the sample corpus when ../shared is absent), articles per second;
 *  3. the app: load time and slider-step times in headless Chromium (scripts/bench-app.ts).
 * `--only gazetteer|geoparser|app` runs one part.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { processArticle } from '../src/core/process-article.ts';
import type { RawArticle } from '../src/core/model.ts';
import { loadResources } from './lib/load-resources.ts';
import { parseArgs } from './lib/args.ts';

const args = parseArgs(process.argv.slice(2), { flags: [], options: ['only'] });
const only = args.options.only;
const TARGET_CHARS = 2000;
const MIN_SECONDS = 3;

if (!only || only === 'gazetteer') {
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build-gazetteer.ts'], { stdio: 'inherit' }); // no-op when cached
  const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', 'scripts/lib/bench-gazetteer-load.ts'], { encoding: 'utf8' });
  const r = JSON.parse(out) as { loadMs: number; heapMB: number; places: number };
  console.log(`gazetteer: ${r.places} places, index load ${r.loadMs.toFixed(0)} ms, heap +${r.heapMB.toFixed(0)} MB (fresh process)`);
}

if (!only || only === 'geoparser') {
  const resources = await loadResources();
  const articles = benchArticles();
  let done = 0;
  let chars = 0;
  const started = performance.now();
  while (performance.now() - started < MIN_SECONDS * 1000) {
    for (const article of articles) {
      processArticle(article, resources);
      chars += article.text.length;
      done += 1;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `geoparser: ${done} articles (mean ${Math.round(chars / done)} chars) in ${seconds.toFixed(2)} s on one core: ` +
      `${Math.round(done / seconds)} articles/s, ${((chars / seconds) / 1e6).toFixed(2)} MB/s (full pipeline: clean, dates, places, events)`,
  );
}

if (!only || only === 'app') {
  if (existsSync('scripts/bench-app.ts')) {
    const { benchApp } = await import('./bench-app.ts');
    await benchApp();
  } else console.log('app: scripts/bench-app.ts not present');
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
