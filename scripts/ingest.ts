/**
 * `npm run ingest -- [folders or files…] [--out public/data]`: reads articles (default: the
 * bundled sample corpus in geodata/corpus), runs the pipeline, and writes the layers the app
 * reads — events, mentions, areas, routes (GeoJSON, validated), articles.json and report.json —
 * atomically into the output folder. The same input gives byte-identical output.
 */
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { processArticle } from '../src/core/process-article.ts';
import { buildLayers } from '../src/core/build-layers.ts';
import type { ProcessedArticle, RunReport } from '../src/core/model.ts';
import { summariseRun } from '../src/core/run-report.ts';
import { readArticles } from './lib/read-articles.ts';
import { loadResources } from './lib/load-resources.ts';
import { parseArgs } from './lib/args.ts';
import { progressBar, writeAtomic } from './lib/output.ts';

export const SAMPLE_CORPUS = 'geodata/corpus';
export const DEFAULT_OUT = 'public/data';

/** Runs the whole ingest; returns the report (also written to report.json). */
export async function ingest(inputs: string[], outDir: string): Promise<RunReport> {
  const resources = await loadResources({ withShapes: true });
  const { articles, problems: readProblems, filesRead } = await readArticles(inputs);
  const bar = progressBar(articles.length, 'ingest');
  const processed: ProcessedArticle[] = [];
  articles.forEach((raw, k) => {
    try {
      processed.push(processArticle(raw, resources));
    } catch (error) {
      // A bug met on one article must not end the run: it is reported with its reason, the rest go on.
      readProblems.push({ code: 'processing-failed', message: `Article could not be processed (${(error as Error).message}). Article skipped.`, severity: 'error', file: raw.file, articleId: raw.id });
    }
    bar.tick(k + 1);
  });
  bar.done();
  const built = buildLayers(processed, (id) => resources.gazetteer.geometry(id));
  const report = summariseRun({ filesRead, processed, readProblems, layerProblems: built.problems });
  if (built.problems.length > 0) {
    writeAtomic(join(outDir, 'report.json'), `${JSON.stringify(report, null, 1)}\n`);
    throw new Error(`invalid GeoJSON, nothing but the report written:\n${built.problems.map((p) => p.message).join('\n')}`);
  }
  for (const [name, layer] of Object.entries(built.layers)) writeAtomic(join(outDir, `${name}.geojson`), `${JSON.stringify(layer)}\n`);
  writeAtomic(join(outDir, 'articles.json'), `${JSON.stringify(built.articles)}\n`);
  writeAtomic(join(outDir, 'report.json'), `${JSON.stringify(report, null, 1)}\n`);
  return report;
}

/** The end-of-run summary a person reads. */
export function formatSummary(report: RunReport, outDir: string): string {
  const lines = [
    `articles read: ${report.articlesRead}, written: ${report.articlesWritten}, skipped: ${report.skipped.length}`,
    ...report.skipped.map((s) => `  skipped ${s.file}${s.articleId ? ` (${s.articleId})` : ''}: ${s.reason}`),
    `mentions: ${report.mentions}, events: ${report.events}, undated articles: ${report.undatedArticles.length}`,
    `unresolved names: ${report.unresolved.length}${report.unresolved.length ? ` (${report.unresolved.slice(0, 10).map((u) => u.surface).join(', ')}${report.unresolved.length > 10 ? ', …' : ''})` : ''}`,
    `warnings: ${report.problems.filter((p) => p.severity === 'warning').length}`,
    `written to ${outDir}/`,
  ];
  return `${lines.join('\n')}\n`;
}

if (import.meta.url === pathToFileURL(resolve(process.argv[1] ?? '')).href) {
  const args = parseArgs(process.argv.slice(2), { flags: [], options: ['out'] });
  const inputs = args.positional.length > 0 ? args.positional : [SAMPLE_CORPUS];
  const outDir = args.options.out ?? DEFAULT_OUT;
  try {
    const report = await ingest(inputs, outDir);
    process.stderr.write(formatSummary(report, outDir));
    if (report.articlesWritten === 0) process.exitCode = 1;
  } catch (error) {
    process.stderr.write(`ingest failed: ${(error as Error).message}\n`);
    process.exitCode = 1;
  }
}
