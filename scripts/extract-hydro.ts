/**
 * Extracts world rivers and lakes from GSHHG 2.3.7 (through GMT) into `geodata/hydro/`:
 * `rivers.geojson` (WDBII permanent rivers, levels 1–3: one MultiLineString per `level`) and
 * `lakes.geojson` (GSHHS level-2 lakes and river-lakes with their level-3 islands as holes,
 * Polygons with `area_km2` and `riverlake`). The basemap build reads those committed files, so
 * only this script needs GMT: `apt-get install gmt gmt-gshhg-low`.
 *
 * The pieces GMT dumps bin by bin are joined, simplified (Douglas–Peucker) and rounded; the output
 * is deterministic (same GSHHG, same bytes). See geodata/README.md.
 *
 * Usage: tsx scripts/extract-hydro.ts [--out geodata/hydro] [--resolution i]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Feature, FeatureCollection, Position } from 'geojson';
import {
  assembleLakes, headerLevel, isClosed, joinPieces, lineLengthKm, parseGmtSegments, roundLine, simplifyLine,
} from '../src/core/basemap/basemap-hydro.ts';

/** What goes into the files, and how thin; recorded in each file's `recipe` member. */
export const HYDRO_RECIPE = {
  source: 'GSHHG 2.3.7 (Wessel & Smith), WDBII rivers and GSHHS shorelines, via GMT 6 `gmt coast -M`',
  licence: 'LGPL-3.0-or-later (GSHHG); WDBII from the CIA World Data Bank II (public domain)',
  resolution: 'i',
  /** WDBII river levels: 1 permanent major, 2 additional major, 3 additional rivers. */
  riverLevels: [1, 2, 3],
  /** Rivers (after joining) shorter than this (km) are dropped, per level. */
  minRiverKm: { 1: 0, 2: 30, 3: 60 } as Record<number, number>,
  /** Lakes (shore minus islands) smaller than this are dropped; river-lakes (the wide stretches of
   * rivers, where WDBII has no centre line) are all kept, so that no river has a gap. */
  minLakeKm2: 100,
  /** Larger than this is the Caspian Sea (371,000 km²; the next, Superior with Michigan–Huron, is
   * 200,000): Natural Earth's countries already leave it as water. */
  maxLakeKm2: 300_000,
  /** Islands in lakes smaller than this are not cut out. */
  minIslandKm2: 50,
  /** Douglas–Peucker tolerance (degrees, about 670 m, a pixel at zoom 8; GSHHG `i` is about 1 km) and decimals (about 110 m). */
  tolerance: 0.006,
  decimals: 3,
};

export interface HydroResult {
  rivers: FeatureCollection;
  lakes: FeatureCollection;
  stats: Record<string, number>;
}

/** Runs `gmt coast … -M` and returns its text (in a temporary folder: GMT leaves a gmt.history). */
function gmtDump(args: string[]): string {
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'extract-hydro-'));
  try {
    return execFileSync('gmt', ['coast', '-Rd', ...args, '-M'], { encoding: 'utf8', maxBuffer: 1 << 30, cwd });
  } finally {
    fs.rmSync(cwd, { recursive: true, force: true });
  }
}

/** Extracts with the given recipe (the default one unless testing). */
export function extractHydro(recipe = HYDRO_RECIPE): HydroResult {
  const stats: Record<string, number> = {};
  const res = `-D${recipe.resolution}`;
  const tidy = (line: Position[]) => roundLine(simplifyLine(line, recipe.tolerance), recipe.decimals);

  const rivers: Feature[] = [];
  for (const level of recipe.riverLevels) {
    const segments = parseGmtSegments(gmtDump([res, `-I${level}`])).filter((s) => headerLevel(s.header) === level);
    const lines = joinPieces(segments.map((s) => s.points))
      .filter((line) => lineLengthKm(line) >= (recipe.minRiverKm[level] ?? 0))
      .map(tidy)
      .filter((line) => line.length >= 2);
    stats[`river level ${level}: pieces`] = segments.length;
    stats[`river level ${level}: lines`] = lines.length;
    rivers.push({ type: 'Feature', properties: { level }, geometry: { type: 'MultiLineString', coordinates: lines } });
  }

  const shoreRings = (args: string[], level: number): Position[][] => {
    const segments = parseGmtSegments(gmtDump([res, ...args])).filter((s) => headerLevel(s.header) === level);
    const rings = joinPieces(segments.map((s) => s.points));
    const open = rings.filter((r) => !isClosed(r));
    stats[`shore level ${level} ${args.join(' ')}: open pieces dropped`] = open.length;
    return rings.filter(isClosed);
  };
  const shores = [
    ...shoreRings(['-W', '-A0/2/2+l'], 2).map((ring) => ({ ring, riverlake: false })),
    ...shoreRings(['-W', '-A0/2/2+r'], 2).map((ring) => ({ ring, riverlake: true })),
  ];
  const islands = shoreRings(['-W', '-A0/3/3'], 3);
  const assembled = assembleLakes(shores, islands);
  const lakes: Feature[] = [];
  for (const lake of assembled) {
    if ((!lake.riverlake && lake.areaKm2 < recipe.minLakeKm2) || lake.areaKm2 > recipe.maxLakeKm2) continue;
    const shore = tidy(lake.shore);
    if (shore.length < 4) continue;
    const holes = lake.islands
      .filter((r) => ringArea(r) >= recipe.minIslandKm2)
      .map(tidy)
      .filter((r) => r.length >= 4);
    lakes.push({
      type: 'Feature',
      properties: { area_km2: Math.round(lake.areaKm2), riverlake: lake.riverlake },
      geometry: { type: 'Polygon', coordinates: [shore, ...holes] },
    });
  }
  stats['lakes'] = lakes.length;
  stats['lakes: dropped as too large (Caspian)'] = assembled.filter((l) => l.areaKm2 > recipe.maxLakeKm2).length;
  return {
    rivers: { type: 'FeatureCollection', features: rivers },
    lakes: { type: 'FeatureCollection', features: lakes },
    stats,
  };
}

function ringArea(r: Position[]): number {
  return assembleLakes([{ ring: r, riverlake: false }], [])[0].areaKm2;
}

/**
 * One lake, or one river line, a text line: small diffs, still one JSON document (the recipe is a
 * foreign member of the collection).
 */
export function collectionText(fc: FeatureCollection, recipe = HYDRO_RECIPE): string {
  const head = JSON.stringify({ type: 'FeatureCollection', recipe });
  const feature = (f: Feature) => {
    if (f.geometry?.type !== 'MultiLineString') return JSON.stringify(f);
    const open = JSON.stringify({ ...f, geometry: { type: 'MultiLineString', coordinates: [] } }).slice(0, -4);
    return `${open}[\n${f.geometry.coordinates.map((l) => JSON.stringify(l)).join(',\n')}\n]}}`;
  };
  return `${head.slice(0, -1)},"features":[\n${fc.features.map(feature).join(',\n')}\n]}\n`;
}

export function writeCollection(file: string, fc: FeatureCollection, recipe = HYDRO_RECIPE): number {
  const text = collectionText(fc, recipe);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return Buffer.byteLength(text);
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = arg('--out') ?? 'geodata/hydro';
  const recipe = { ...HYDRO_RECIPE, resolution: arg('--resolution') ?? HYDRO_RECIPE.resolution };
  try {
    execFileSync('gmt', ['--version'], { encoding: 'utf8' });
  } catch {
    console.error('extract-hydro: GMT not found (Debian: apt-get install gmt gmt-gshhg-low). The committed geodata/hydro/ files need no GMT.');
    process.exit(1);
  }
  const result = extractHydro(recipe);
  for (const [k, v] of Object.entries(result.stats)) console.log(`  ${k}: ${v}`);
  for (const [name, fc] of [['rivers.geojson', result.rivers], ['lakes.geojson', result.lakes]] as const) {
    const bytes = writeCollection(path.join(out, name), fc, recipe);
    console.log(`  ${path.join(out, name)}: ${fc.features.length} features, ${(bytes / 1024).toFixed(0)} KB`);
  }
}
