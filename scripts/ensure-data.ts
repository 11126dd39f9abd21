/**
 * `npm run data`: makes sure everything the app and the tests read exists and is current —
 * the gazetteer index (built once into .cache/), the sample corpus's layers in public/data/,
 * and the offline basemap in public/basemap/. Each step runs only when its output is missing
 * or older than its inputs; `--force` redoes all of them. Your own data is never overwritten:
 * public/data is (re)made from the sample only while it holds the sample (see
 * scripts/lib/sample-marker.ts); `--sample` replaces it with the sample on purpose. The basemap
 * is remade whenever the data is newer, so it follows the data's extent after every ingest.
 *
 * Options (for tests): `--data dir` instead of public/data, `--basemap dir|none`.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_OUT, SAMPLE_CORPUS, formatSummary, ingest } from './ingest.ts';
import { buildBasemap } from './build-basemap.ts';
import { parseArgs } from './lib/args.ts';
import { dataOwner, markSample } from './lib/sample-marker.ts';

const args = parseArgs(process.argv.slice(2), { flags: ['force', 'sample'], options: ['data', 'basemap'] });
const force = !!args.flags.force;
const dataDir = args.options.data ?? DEFAULT_OUT;
const basemapDir = args.options.basemap ?? 'public/basemap';

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

const owner = dataOwner(dataDir, SAMPLE_CORPUS);
const dataMarker = join(dataDir, 'report.json');
// The list of added GeoNames dumps: adding or clearing one re-resolves the sample corpus.
const dataInputs = [SAMPLE_CORPUS, 'geodata/curated', 'src/core', 'scripts/ingest.ts', '.cache/geonames-dumps.json'];
const stale = force || !existsSync(dataMarker) || newest([dataMarker]) < newest(dataInputs);
if (owner === 'user' && !args.flags.sample) {
  if (stale) process.stderr.write(`data: ${dataDir}/ holds your own data: left as it is (npm run data -- --sample replaces it with the sample corpus)\n`);
} else if (owner === 'none' || args.flags.sample || stale) {
  process.stderr.write(`data: ingesting the sample corpus (${SAMPLE_CORPUS}) into ${dataDir}/\n`);
  const report = await ingest([SAMPLE_CORPUS], dataDir);
  markSample(dataDir, SAMPLE_CORPUS);
  process.stderr.write(formatSummary(report, dataDir));
} else if (!existsSync(join(dataDir, '.sample-data.json'))) markSample(dataDir, SAMPLE_CORPUS);

const basemapMarker = join(basemapDir, 'style.json');
if (basemapDir !== 'none' && (force || !existsSync(basemapMarker) || newest([basemapMarker]) < newest([dataDir, 'scripts/build-basemap.ts', 'src/core/basemap/basemap-style.ts', 'src/core/basemap/basemap-hydro.ts', 'geodata/hydro']))) {
  process.stderr.write(`data: building the offline basemap into ${basemapDir}/ (for the data's extent)\n`);
  await buildBasemap({ dataDir, outDir: basemapDir });
}
process.stderr.write('data: up to date\n');
