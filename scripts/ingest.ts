/**
 * `npm run ingest -- [folders or files…] [--out public/data] [--corrections FILE]`: reads articles
 * (default: the bundled sample corpus in geodata/corpus), runs the pipeline, applies the corpus's
 * corrections (`corrections.json` in the first folder, or FILE; see src/core/corrections.ts),
 * merges the reports of one event (src/core/merge-events.ts), and writes the layers the app
 * reads — events, mentions, areas, routes (GeoJSON, validated), articles.json and report.json —
 * atomically into the output folder. The same input gives byte-identical output.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { processArticle } from '../src/core/process-article.ts';
import { buildLayers } from '../src/core/build-layers.ts';
import type { ProcessedArticle, Problem, RunReport } from '../src/core/model.ts';
import { applyCorrections, correctedGazetteer, mergeContext, parseCorrections, type Correction } from '../src/core/corrections.ts';
import { mergeEvents } from '../src/core/merge-events.ts';
import { summariseRun } from '../src/core/run-report.ts';
import { readArticles } from './lib/read-articles.ts';
import { loadResources } from './lib/load-resources.ts';
import { parseArgs } from './lib/args.ts';
import { progressBar, writeAtomic } from './lib/output.ts';

export const SAMPLE_CORPUS = 'geodata/corpus';
export const DEFAULT_OUT = 'public/data';

/** The corrections file of a run: `--corrections FILE`, else `corrections.json` in the first input folder. */
export function correctionsPath(inputs: string[], given?: string): string | null {
  if (given) return resolve(given);
  const folder = inputs.find((i) => existsSync(i) && statSync(i).isDirectory());
  return folder ? resolve(folder, 'corrections.json') : null;
}

/** Reads a corrections file; a missing one is no corrections, a broken one a problem. */
export function readCorrections(file: string | null): { corrections: Correction[]; problems: Problem[] } {
  if (!file || !existsSync(file)) return { corrections: [], problems: [] };
  const name = relative(process.cwd(), file);
  try {
    return parseCorrections(JSON.parse(readFileSync(file, 'utf8')), name);
  } catch (error) {
    return { corrections: [], problems: [{ code: 'corrections-invalid', severity: 'warning', file: name, message: `The corrections file could not be read (${(error as Error).message}); no correction was applied.` }] };
  }
}

/** Runs the whole ingest; returns the report (also written to report.json). */
export async function ingest(inputs: string[], outDir: string, options: { corrections?: string } = {}): Promise<RunReport> {
  const base = await loadResources({ withShapes: true });
  const correctionsFile = correctionsPath(inputs, options.corrections);
  const { corrections, problems: correctionProblems } = readCorrections(correctionsFile);
  // The corpus's own aliases and corrected places are gazetteer candidates for this run.
  const resources = { ...base, gazetteer: correctedGazetteer(base.gazetteer, corrections) };
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
  const corrected = applyCorrections(processed, corrections, resources.gazetteer);
  const merged = mergeEvents(corrected.processed.flatMap((p) => p.events), mergeContext(corrected.processed, resources.gazetteer, corrected));
  const built = buildLayers(corrected.processed, (id) => resources.gazetteer.geometry(id), undefined, merged);
  const report: RunReport = {
    ...summariseRun({ filesRead, processed: corrected.processed, readProblems: [...readProblems, ...correctionProblems, ...corrected.problems], layerProblems: built.problems }),
    distinctEvents: merged.events.length,
    ...(correctionsFile ? { correctionsFile: relative(process.cwd(), correctionsFile) || correctionsFile, corrections: corrections.length } : {}),
  };
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
    `mentions: ${report.mentions}, events: ${report.events} (${report.distinctEvents ?? report.events} distinct after merging reports of one event), undated articles: ${report.undatedArticles.length}`,
    ...(report.corrections ? [`corrections applied from ${report.correctionsFile}: ${report.corrections}`] : []),
    `unresolved names: ${report.unresolved.length}${report.unresolved.length ? ` (${report.unresolved.slice(0, 10).map((u) => u.surface).join(', ')}${report.unresolved.length > 10 ? ', …' : ''})` : ''}`,
    `warnings: ${report.problems.filter((p) => p.severity === 'warning').length}`,
    `written to ${outDir}/`,
  ];
  return `${lines.join('\n')}\n`;
}

if (import.meta.url === pathToFileURL(resolve(process.argv[1] ?? '')).href) {
  const args = parseArgs(process.argv.slice(2), { flags: [], options: ['out', 'corrections'] });
  const inputs = args.positional.length > 0 ? args.positional : [SAMPLE_CORPUS];
  const outDir = args.options.out ?? DEFAULT_OUT;
  try {
    const report = await ingest(inputs, outDir, { corrections: args.options.corrections });
    process.stderr.write(formatSummary(report, outDir));
    if (report.articlesWritten === 0) process.exitCode = 1;
  } catch (error) {
    process.stderr.write(`ingest failed: ${(error as Error).message}\n`);
    process.exitCode = 1;
  }
}
