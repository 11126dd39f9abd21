/**
 * `npm run data`: makes sure everything the app and the tests read exists and is current —
 * the gazetteer index (built once into .cache/), the sample corpus's layers in public/data/,
 * and the offline basemap in public/basemap/. Each step runs only when its output is missing
 * or older than its inputs; `--force` redoes all of them.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_OUT, SAMPLE_CORPUS, formatSummary, ingest } from './ingest.ts';
import { buildBasemap } from './build-basemap.ts';

const force = process.argv.includes('--force');

/** Newest modification time of the files under the given paths (recursively). */
function newest(paths: string[]): number {
  let latest = 0;
  const visit = (path: string) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) for (const entry of readdirSync(path)) visit(join(path, entry));
    else latest = Math.max(latest, stat.mtimeMs);
  };
  paths.forEach(visit);
  return latest;
}

const dataMarker = join(DEFAULT_OUT, 'report.json');
// The list of added GeoNames dumps: adding or clearing one re-resolves the sample corpus.
const dataInputs = [SAMPLE_CORPUS, 'geodata/curated', 'src/core', 'scripts/ingest.ts', '.cache/geonames-dumps.json'];
if (force || !existsSync(dataMarker) || newest([dataMarker]) < newest(dataInputs)) {
  process.stderr.write(`data: ingesting the sample corpus (${SAMPLE_CORPUS}) into ${DEFAULT_OUT}/\n`);
  const report = await ingest([SAMPLE_CORPUS], DEFAULT_OUT);
  process.stderr.write(formatSummary(report, DEFAULT_OUT));
}

const basemapMarker = join('public/basemap', 'style.json');
if (force || !existsSync(basemapMarker) || newest([basemapMarker]) < newest([DEFAULT_OUT, 'scripts/build-basemap.ts', 'src/core/basemap-style.ts', 'src/core/basemap-hydro.ts', 'geodata/hydro'])) {
  process.stderr.write('data: building the offline basemap into public/basemap/\n');
  await buildBasemap({ dataDir: DEFAULT_OUT, outDir: 'public/basemap' });
}
process.stderr.write('data: up to date\n');
