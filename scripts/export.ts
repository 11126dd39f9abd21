/**
 * `npm run export -- --format csv|geojson|kml`: the events of public/data (or `--data dir`) as an
 * ACLED-column CSV, GeoJSON or KML, on stdout or into `--out file`. The same rows the app's
 * Export buttons write (src/app/lib/export.ts). `--from` / `--to` (YYYY-MM-DD, inclusive) and
 * `--type` (an ACLED event type) narrow them; undated events are left out unless `--undated`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FeatureCollection, Point } from 'geojson';
import { EXPORT_FORMATS, exportEvents, exportSource, type ExportFormat } from '../src/app/lib/export.ts';
import type { ArticlesFile, EventFeatureProperties } from '../src/core/model.ts';
import { parseArgs } from './lib/args.ts';

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
const events = read<FeatureCollection<Point, EventFeatureProperties>>('events.geojson');
const articles = read<ArticlesFile>('articles.json');

const { from, to, type } = args.options;
const chosen = events.features.filter((f) => {
  const p = f.properties;
  if (!p.date) return !!args.flags.undated && !from && !to && (!type || p.type === type);
  return (!from || p.date >= from) && (!to || p.date <= to) && (!type || p.type === type);
});
const out = exportEvents(format, chosen, exportSource(articles.articles, articles.places));
if (args.options.out) {
  writeFileSync(args.options.out, out.text);
  process.stderr.write(`export: ${chosen.length} rows → ${args.options.out}\n`);
} else process.stdout.write(out.text);
