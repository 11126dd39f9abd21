/**
 * GeoNames country dumps (`XX.txt`, `XX.zip`, `allCountries.zip` of the export/dump folder) as an
 * optional layer of the gazetteer: what cities500 lacks — villages without a population,
 * admin-2/3 units, camps, airports, hospitals, military bases, border posts and water bodies.
 * `npm run gazetteer -- --geonames <files…>` remembers the files in `.cache/geonames-dumps.json`
 * so every later rebuild keeps them; their size and date are part of the index fingerprint.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { PlaceKind } from '../../src/core/model.ts';
import { acceptAlternate, addNames, findSame, populatedPlaceKind, type Layers, type PlaceRow } from './gazetteer-sources.ts';
import { textLines } from './text-lines.ts';

/** Columns of the dump format (readme.txt of export/dump): 19, tab-separated. */
const COLUMNS = 19;

/**
 * Prior tiers of dump features (see TIER in build-gazetteer.ts: village 2, town 4, city 6). A
 * dump adds the small and the unnamed-by-news: none of it may outrank a same-named town or city
 * of cities500, so sites, lakes and districts sit just above villages, streams below them.
 * Seas, gulfs and straits are names news uses as such and rank with the curated water.
 */
const TIER_MAJOR_WATER = 6;
const TIER_MINOR = 3;
const TIER_STREAM = 1;

/** Feature code → kind and tier, for the codes kept (P and ADM2/ADM3 are handled apart). */
const FEATURES: Record<string, { kind: PlaceKind; tier: number }> = {};
const feature = (codes: string, kind: PlaceKind, tier: number) => {
  for (const c of codes.split(' ')) FEATURES[c] = { kind, tier };
};
feature('ADM2 ADM3', 'admin2', TIER_MINOR);
feature('CMP CMPRF CMPMN CMPLA CMPO CMPL', 'site', TIER_MINOR); // camps: refugee, mining, labour, oil, logging
feature('AIRP AIRF AIRB AIRH', 'site', TIER_MINOR); // airport, airfield, air base, heliport
feature('HSP HSPC HSPD HSPL', 'site', TIER_MINOR); // hospital, clinic, dispensary, leprosarium
feature('MILB INSM PSTB', 'site', TIER_MINOR); // military base, military installation, border post
feature('OCN SEA GULF BAY BAYS STRT CHN SD', 'water', TIER_MAJOR_WATER);
feature('LK LKS RSV LGN', 'water', TIER_MINOR);
feature('STM STMS', 'water', TIER_STREAM);

/** Kind and tier of a dump row, or null when the layer does not keep it. */
export function dumpFeature(featureClass: string, featureCode: string, population: number): { kind: PlaceKind; tier?: number } | null {
  // Populated places take cities500's rules (a village without population ranks last of villages).
  if (featureClass === 'P') return { kind: populatedPlaceKind(featureCode, population) };
  return FEATURES[featureCode] ?? null;
}

/** Same-name features merged into one when this close (GeoNames and the airports package both list an airport). */
const SAME_PLACE_KM: Partial<Record<PlaceKind, number>> = { site: 10, water: 500 };

/** What one dump added. */
export interface DumpStats {
  file: string;
  lines: number;
  added: number;
  merged: number;
  skipped: number;
}

/**
 * Reads one dump into the layers. A geonameid already present (cities500, Natural Earth's
 * admin-1 ids) gains the dump's names, nothing else; a site or water body of the same name
 * near an existing one (the airports package, curated camps and seas) is merged the same way.
 */
export async function readGeoNamesDump(layers: Layers, path: string): Promise<DumpStats> {
  const stats: DumpStats = { file: path, lines: 0, added: 0, merged: 0, skipped: 0 };
  for await (const line of textLines(path, (name) => /\.txt$/i.test(name) && !/readme/i.test(name))) {
    stats.lines++;
    const f = line.split('\t');
    if (f.length !== COLUMNS || !/^\d+$/.test(f[0])) {
      stats.skipped++;
      continue;
    }
    const population = Number(f[14]) || 0;
    const kept = dumpFeature(f[6], f[7], population);
    const lat = Number(f[4]);
    const lon = Number(f[5]);
    if (!kept || !Number.isFinite(lat) || !Number.isFinite(lon) || !f[1]) {
      stats.skipped++;
      continue;
    }
    const names = new Set<string>([f[1]]);
    if (f[2] && acceptAlternate(f[2])) names.add(f[2]);
    if (f[3]) for (const alt of f[3].split(',')) if (acceptAlternate(alt)) names.add(alt);
    const id = `geonames:${f[0]}`;
    const known = layers.byId.get(id) ?? findSame(layers, kept.kind, names, lat, lon, SAME_PLACE_KM[kept.kind] ?? 0);
    if (known !== undefined) {
      addNames(layers, known, names);
      stats.merged++;
      continue;
    }
    const cc = f[8];
    const row: PlaceRow = {
      id, name: f[1], kind: kept.kind, lat, lon, cc, admin1: cc && f[10] && f[10] !== '00' ? `${cc}.${f[10]}` : '',
      population, featureCode: f[7], source: 'geonames', names, primary: new Set([f[1], f[2]]),
    };
    if (kept.tier !== undefined) row.tier = kept.tier;
    if (f[7].startsWith('CMP')) addCampStems(names);
    layers.byId.set(id, layers.rows.length);
    layers.rows.push(row);
    stats.added++;
  }
  return stats;
}

/** One remembered dump: where it is, and its size and time for the fingerprint. */
export interface DumpEntry {
  path: string;
  size: number;
  mtimeMs: number;
}

/** The remembered dumps: `<cache>/../geonames-dumps.json` (beside the gazetteer cache, so clearing the cache keeps it). */
export function dumpConfigPath(cacheDir: string): string {
  return resolve(cacheDir, '..', 'geonames-dumps.json');
}

/** The remembered dump paths, in the order they were added ([] without a config). */
export function readDumpConfig(cacheDir: string): string[] {
  const path = dumpConfigPath(cacheDir);
  if (!existsSync(path)) return [];
  const data = JSON.parse(readFileSync(path, 'utf8')) as { dumps?: string[] };
  return Array.isArray(data.dumps) ? data.dumps.filter((d) => typeof d === 'string') : [];
}

/** Remembers `paths` (absolute) besides the ones already listed; `replace` forgets those. */
export function writeDumpConfig(cacheDir: string, paths: string[], replace = false): string[] {
  const list = [...new Set([...(replace ? [] : readDumpConfig(cacheDir)), ...paths.map((p) => resolve(p))])];
  const path = dumpConfigPath(cacheDir);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify({ about: 'GeoNames dumps added to the gazetteer by `npm run gazetteer -- --geonames`', dumps: list }, null, 1)}\n`);
  return list;
}

/** Path, size and modification time of each remembered dump (size -1 when it is missing). */
export function dumpEntries(cacheDir: string): DumpEntry[] {
  return readDumpConfig(cacheDir).map((path) => {
    if (!existsSync(path)) return { path, size: -1, mtimeMs: 0 };
    const s = statSync(path);
    return { path, size: s.size, mtimeMs: Math.round(s.mtimeMs) };
  });
}

/** A camp's generic tail ("Camp", "IDP Camp", "Refugee Camp"), which news writes in lower case or leaves out. */
const CAMP_TAIL = /\s+(?:IDP\s+|Refugee\s+|Displacement\s+)?Camp$/i;

/** "the Zamzam camp": news names a camp by its stem, which GeoNames holds as "Zamzam Camp". */
function addCampStems(names: Set<string>): void {
  for (const n of [...names]) {
    const stem = n.replace(CAMP_TAIL, '');
    if (stem !== n && stem.length >= 3) names.add(stem);
  }
}
