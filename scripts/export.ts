/**
 * `npm run export -- --format csv|geojson|kml`: the events of public/data (or `--data dir`) as an
 * ACLED-column CSV, GeoJSON or KML, on stdout or into `--out file`. The same rows the app's
 * Export buttons write (src/app/lib/export.ts). `--from` / `--to` (YYYY-MM-DD, inclusive) and
 * `--type` (an ACLED event type) narrow them; undated events are left out unless `--undated`.
 * A data folder in the columnar layout without the GeoJSON files (events.bin, articles-index.json
 * and chunks) is read as well.
 */
import { closeSync, existsSync, openSync, readFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { FeatureCollection, Point } from 'geojson';
import { EXPORT_FORMATS, exportEvents, exportSource, type ExportFormat } from '../src/app/lib/export.ts';
import type { ArticlesFile, EventFeatureProperties } from '../src/core/model.ts';
import { parseArgs } from './lib/args.ts';
import { CHUNK_DIR } from './lib/write-columnar.ts';
import { decodeEventColumns, eventFeaturesOf } from '../src/core/layers/event-columns.ts';

const args = parseArgs(process.argv.slice(2), { flags: ['undated'], options: ['format', 'data', 'out', 'from', 'to', 'type'] });
const fail = (message: string): never => {
  process.stderr.write(`export: ${message}\n`);
  process.exit(2);
};
const format = (args.options.format ?? 'csv') as ExportFormat;
if (!EXPORT_FORMATS.includes(format)) fail(`--format must be one of ${EXPORT_FORMATS.join(', ')}, not ${args.options.format}`);
for (const key of ['from', 'to'] as const) {
  const v = args.options[key];
  if (v !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(v)) fail(`--${key} must be a date (YYYY-MM-DD), not ${v}`);
}

const dataDir = path.resolve(args.options.data ?? 'public/data');
const read = <T>(name: string): T => {
  try {
    return JSON.parse(readFileSync(path.join(dataDir, name), 'utf8')) as T;
  } catch (e) {
    return fail(`cannot read ${path.join(dataDir, name)} (${(e as Error).message}); run \`npm run data\` or \`npm run ingest\` first`);
  }
};
// The columnar layout (scripts/lib/write-columnar.ts) when the GeoJSON files are not there.
const columnar = !existsSync(path.join(dataDir, 'events.geojson')) && existsSync(path.join(dataDir, 'events.bin'));
const events: FeatureCollection<Point, EventFeatureProperties> = columnar
  ? { type: 'FeatureCollection', features: [...eventFeaturesOf(decodeEventColumns(readFileSync(path.join(dataDir, 'events.bin'))))] }
  : read<FeatureCollection<Point, EventFeatureProperties>>('events.geojson');
const articles: ArticlesFile = !existsSync(path.join(dataDir, 'articles.json')) && existsSync(path.join(dataDir, 'articles-index.json')) ? chunkedArticles() : read<ArticlesFile>('articles.json');

/** articles-index.json's places and merges, with every chunk's whole records. */
function chunkedArticles(): ArticlesFile {
  const index = read<Omit<ArticlesFile, 'articles'> & { articles: Array<{ chunk: number }> }>('articles-index.json');
  const chunks = [...new Set(index.articles.map((a) => a.chunk))].sort((a, b) => a - b);
  const files = (existsSync(path.join(dataDir, 'layout.json')) ? read<{ chunkFiles?: string[] }>('layout.json').chunkFiles : undefined) ?? [];
  const records = chunks.flatMap((c) => read<{ articles: ArticlesFile['articles'] }>(`${CHUNK_DIR}/${files[c] ?? `${c}.json`}`).articles);
  return { ...index, articles: records };
}

const { from, to, type } = args.options;
const chosen = events.features.filter((f) => {
  const p = f.properties;
  if (!p.date) return !!args.flags.undated && !from && !to && (!type || p.type === type);
  return (!from || p.date >= from) && (!to || p.date <= to) && (!type || p.type === type);
});
const out = exportEvents(format, chosen, exportSource(articles.articles, articles.places));
// Written a megabyte at a time: a million rows are past what one string holds.
const fd = args.options.out ? openSync(args.options.out, 'w') : 1;
let pending: string[] = [];
let size = 0;
const flush = () => {
  writeAll(fd, Buffer.from(pending.join('')));
  pending = [];
  size = 0;
};
for (const part of out.parts) {
  pending.push(part);
  size += part.length;
  if (size >= 1 << 20) flush();
}
flush();
if (args.options.out) {
  closeSync(fd);
  process.stderr.write(`export: ${chosen.length} rows → ${args.options.out}\n`);
}

/** writeSync until every byte is written (a pipe may take fewer at a time). */
function writeAll(target: number, bytes: Buffer): void {
  for (let at = 0; at < bytes.length; ) {
    try {
      at += writeSync(target, bytes, at);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
    }
  }
}
