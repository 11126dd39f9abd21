/**
 * The gazetteer at run time: a read-only view over the compact columnar index that
 * `scripts/build-gazetteer.ts` writes (GeoNames cities500, world-countries, Natural Earth
 * admin-1, US counties, curated geodata). Names are found by exact key (`normalizeName`) and
 * by spelling skeleton (`looseKey`) through open-addressing hash tables built at load time
 * (faster to build and to probe than a Map of half a million keys); `Place` objects are made
 * on first use and cached. Pure: the caller reads the JSON and passes it in.
 */
import type { Geometry } from 'geojson';
import type { Candidate, Place, PlaceKind, PlaceSource } from '../model.ts';
import { looseKey, normalizeName } from './normalize-name.ts';
import { fnv1a } from '../common/hash.ts';

/** Version of the `GazetteerIndex` layout; the loader rebuilds an index of another version. */
export const GAZETTEER_FORMAT = 1;

/** Kind codes: `GazetteerIndex.kinds` holds one character per place, `KIND_CODES[kind]`. */
export const KINDS: readonly PlaceKind[] = [
  'continent', 'country', 'admin1', 'admin2', 'city', 'town', 'village', 'region', 'road', 'water', 'site',
];
/** Source codes, as for kinds. */
export const SOURCES: readonly PlaceSource[] = ['geonames', 'natural-earth', 'world-countries', 'curated', 'us-census', 'airports'];
/** Character code of the first kind/source code ('a'). */
export const CODE_BASE = 97;
/** Names shorter than this (in their exact key) get no loose matches: "Miss" is not "Meis". */
export const MIN_LOOSE_KEY_LENGTH = 5;

/** Keys remembered by the lookup memos before they start again. */
const LOOKUP_MEMO_SIZE = 100_000;
const NO_CANDIDATES: readonly Candidate[] = Object.freeze([]);

/**
 * A name → places table: `keys` joined by '\n'; `postings[i]` is the place list of key i: a
 * place index (≥ 0), or `-(offset + 1)` pointing into `multi`, where `multi[offset]` is the
 * count and the place indices follow. Lists are sorted best prior first at build time.
 */
export interface NameTable {
  keys: string;
  postings: number[];
  multi: number[];
}

/** The compact index: parallel arrays, one entry per place (index 0..count-1). */
export interface GazetteerIndex {
  /** `GAZETTEER_FORMAT` of the build. */
  format: number;
  /** Hash of the build inputs (package versions, geodata files, build code). */
  fingerprint: string;
  count: number;
  /** Place id: a number n stands for `geonames:n`, a string is the id itself. */
  ids: Array<number | string>;
  names: string[];
  /** One character per place: `KINDS[code - CODE_BASE]`. */
  kinds: string;
  /** One character per place: `SOURCES[code - CODE_BASE]`. */
  sources: string;
  /** Latitude and longitude, 5 decimals. */
  lat: number[];
  lon: number[];
  /** Two characters per place: ISO 3166-1 alpha-2 code, or two spaces for none. */
  countries: string;
  /** Index into `admin1Table` (e.g. 'SY.12'), or -1. */
  admin1: number[];
  admin1Table: string[];
  population: number[];
  /** Index into `featureCodeTable`. */
  featureCode: number[];
  featureCodeTable: string[];
  /** Source notes of curated places, by place index. */
  notes: Record<string, string>;
  /** Indices of places with approximate coordinates. */
  approximate: number[];
  /** Indices of places with a line or area in shapes.json. */
  withGeometry: number[];
  exact: NameTable;
  loose: NameTable;
  /** Normalised demonym ("turkish", "syrians") → place indices, best first. */
  demonyms: Record<string, number[]>;
  /** Admin-1 code → place index: GeoNames style ('SY.12', 'US.FL') and ISO 3166-2 ('SY-ID'). */
  admin1Codes: Record<string, number>;
  /** Most tokens in any exact key: how long an n-gram the recogniser needs to try. */
  maxNameTokens: number;
}

/** `shapes.json`: lines and areas by place id, loaded only by callers that draw them. */
export interface GazetteerShapes {
  format: number;
  fingerprint: string;
  geometries: Record<string, Geometry>;
}

/** A read-only gazetteer over a `GazetteerIndex`. */
export class Gazetteer {
  /** Number of places. */
  readonly size: number;
  /** Most tokens in any known name. */
  readonly maxNameTokens: number;
  private readonly exact: KeyTable;
  private readonly loose: KeyTable;
  private readonly placeCache: Array<Place | undefined>;
  /** Candidates made so far, by match kind then place index (shared, frozen). */
  private readonly candidateCache: Record<Candidate['match'], Array<Candidate | undefined>>;
  private readonly approximate: Set<number>;
  private readonly withGeometry: Set<number>;
  private readonly countryIndex = new Map<string, number>();
  /** `candidatesOf` results by key (frozen, shared). */
  private readonly lookupMemo = new Map<string, readonly Candidate[]>();
  /** `demonymsOf` results by key (frozen, shared). */
  private readonly demonymMemo = new Map<string, readonly Candidate[]>();
  private idIndex: Map<string, number> | null = null;
  private shapes: Record<string, Geometry> = {};

  private constructor(private readonly index: GazetteerIndex) {
    this.size = index.count;
    this.maxNameTokens = index.maxNameTokens;
    this.exact = new KeyTable(index.exact);
    this.loose = new KeyTable(index.loose);
    this.placeCache = new Array(index.count);
    this.candidateCache = { exact: new Array(index.count), loose: new Array(index.count), demonym: new Array(index.count) };
    this.approximate = new Set(index.approximate);
    this.withGeometry = new Set(index.withGeometry);
    const countryCode = CODE_BASE + KINDS.indexOf('country');
    for (let i = 0; i < index.count; i++) {
      if (index.kinds.charCodeAt(i) !== countryCode) continue;
      const cc = index.countries.slice(2 * i, 2 * i + 2);
      if (!this.countryIndex.has(cc)) this.countryIndex.set(cc, i);
    }
  }

  /** Wraps a parsed index (the JSON of `.cache/gazetteer/index.json`). */
  static fromIndex(index: GazetteerIndex): Gazetteer {
    if (index.format !== GAZETTEER_FORMAT) {
      throw new Error(`gazetteer index format ${index.format}, expected ${GAZETTEER_FORMAT}: rebuild it`);
    }
    return new Gazetteer(index);
  }

  /** Candidates for a name as written: exact-key matches, then loose matches, best prior first. A fresh array. */
  lookup(surface: string): Candidate[] {
    return this.lookupKey(normalizeName(surface));
  }

  /**
   * Candidates for an already normalised key (`normalizeName`). Exact matches come first in
   * the build's prior order (continents and countries, national capitals, admin-1 units and
   * regions, cities, counties and features, towns, villages; population within each); then
   * loose matches that are not already exact, same order. No loose matches for keys shorter
   * than MIN_LOOSE_KEY_LENGTH or for demonyms. `loose: false` skips the skeleton (cheaper).
   * A fresh array (see `candidatesOf` for a shared one).
   */
  lookupKey(key: string, options: { loose?: boolean } = {}): Candidate[] {
    return options.loose === false ? this.findCandidates(key, false) : this.candidatesOf(key).slice();
  }

  /**
   * `lookupKey` for the hot path, memoised: the recogniser asks for every capitalised n-gram of
   * every article, mostly the same few thousand keys, most of which name nothing, and the
   * skeleton costs more than the rest of a lookup. The array is shared and frozen: read only.
   */
  candidatesOf(key: string): readonly Candidate[] {
    let found = this.lookupMemo.get(key);
    if (found === undefined) {
      if (this.lookupMemo.size >= LOOKUP_MEMO_SIZE) this.lookupMemo.clear();
      const made = this.findCandidates(key, true);
      found = made.length === 0 ? NO_CANDIDATES : Object.freeze(made);
      this.lookupMemo.set(key, found);
    }
    return found;
  }

  /** `lookupKey` without the memo: a fresh array. */
  private findCandidates(key: string, withLoose: boolean): Candidate[] {
    const out: Candidate[] = [];
    const exact = this.exact.find(key);
    if (exact >= 0) this.exact.forEach(exact, (i) => out.push(this.candidate(i, 'exact')));
    if (!withLoose || key.length < MIN_LOOSE_KEY_LENGTH) return out;
    // A demonym ("Syrian", "Russo") is not a misspelt village: no loose guesses for it.
    if (Object.prototype.hasOwnProperty.call(this.index.demonyms, key)) return out;
    const loose = this.loose.find(looseKey(key));
    if (loose < 0) return out;
    const exactCount = out.length;
    this.loose.forEach(loose, (i) => {
      for (let j = 0; j < exactCount; j++) if (out[j].place === this.place(i)) return;
      out.push(this.candidate(i, 'loose'));
    });
    return out;
  }

  /** Whether a normalised key names any place exactly (no objects made). */
  hasKey(key: string): boolean {
    return this.exact.find(key) >= 0;
  }

  /** Places a demonym or adjective refers to: "Turkish", "Syrians", "Kurdish", "European". A fresh array. */
  demonym(surface: string): Candidate[] {
    return this.demonymsOf(normalizeName(surface)).slice();
  }

  /** `demonym` for an already normalised key, memoised: the array is shared and frozen, read only. */
  demonymsOf(key: string): readonly Candidate[] {
    let found = this.demonymMemo.get(key);
    if (found === undefined) {
      const places = Object.prototype.hasOwnProperty.call(this.index.demonyms, key) ? this.index.demonyms[key] : [];
      found = places.length === 0 ? NO_CANDIDATES : Object.freeze(places.map((i) => this.candidate(i, 'demonym')));
      // Bounded like the lookup memo: most keys asked for are not demonyms.
      if (this.demonymMemo.size >= LOOKUP_MEMO_SIZE) this.demonymMemo.clear();
      this.demonymMemo.set(key, found);
    }
    return found;
  }

  /** The place with this id (`geonames:170063`, `curated:nayrab-idlib`, `us-county:12001`). */
  get(id: string): Place | undefined {
    if (!this.idIndex) {
      this.idIndex = new Map();
      this.index.ids.forEach((raw, i) => {
        const key = typeof raw === 'number' ? `geonames:${raw}` : raw;
        if (!this.idIndex!.has(key)) this.idIndex!.set(key, i);
      });
    }
    const i = this.idIndex.get(id);
    return i === undefined ? undefined : this.place(i);
  }

  /** The country with this ISO 3166-1 alpha-2 code ('SY'). */
  country(cca2: string): Place | undefined {
    const i = this.countryIndex.get(cca2.toUpperCase());
    return i === undefined ? undefined : this.place(i);
  }

  /** The admin-1 unit with this code: GeoNames style ('SY.12', 'US.FL') or ISO 3166-2 ('SY-ID'). */
  admin1(code: string): Place | undefined {
    const codes = this.index.admin1Codes;
    return Object.prototype.hasOwnProperty.call(codes, code) ? this.place(codes[code]) : undefined;
  }

  /** Makes line and area geometries available to `geometry` (shapes.json, parsed). */
  attachShapes(shapes: GazetteerShapes): void {
    this.shapes = shapes.geometries;
  }

  /** The line or area of a place, when it has one and shapes are attached. */
  geometry(id: string): Geometry | undefined {
    return Object.prototype.hasOwnProperty.call(this.shapes, id) ? this.shapes[id] : undefined;
  }

  /** The place at an index (0..size-1), made on first use; frozen because it is shared. */
  placeAt(i: number): Place {
    return this.place(i);
  }

  private place(i: number): Place {
    const cached = this.placeCache[i];
    if (cached) return cached;
    const ix = this.index;
    const raw = ix.ids[i];
    const cc = ix.countries.slice(2 * i, 2 * i + 2).trim();
    const place: Place = {
      id: typeof raw === 'number' ? `geonames:${raw}` : raw,
      name: ix.names[i],
      kind: KINDS[ix.kinds.charCodeAt(i) - CODE_BASE],
      lat: ix.lat[i],
      lon: ix.lon[i],
      countryCode: cc,
      population: ix.population[i],
      featureCode: ix.featureCodeTable[ix.featureCode[i]],
      source: SOURCES[ix.sources.charCodeAt(i) - CODE_BASE],
    };
    if (ix.admin1[i] >= 0) place.admin1 = ix.admin1Table[ix.admin1[i]];
    const note = ix.notes[String(i)];
    if (note !== undefined) place.sourceNote = note;
    if (this.approximate.has(i)) place.approximate = true;
    if (this.withGeometry.has(i)) place.hasGeometry = true;
    this.placeCache[i] = Object.freeze(place);
    return place;
  }

  private candidate(i: number, match: Candidate['match']): Candidate {
    const cache = this.candidateCache[match];
    return (cache[i] ??= Object.freeze({ place: this.place(i), match }));
  }
}

/** Open-addressing hash table over a `NameTable`'s keys (FNV-1a, linear probing). */
class KeyTable {
  private readonly keys: string[];
  private readonly slots: Int32Array;
  private readonly mask: number;

  constructor(private readonly table: NameTable) {
    this.keys = table.keys.length > 0 ? table.keys.split('\n') : [];
    let size = 1024;
    while (size < this.keys.length * 2) size *= 2;
    this.slots = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    for (let k = 0; k < this.keys.length; k++) {
      let p = fnv1a(this.keys[k]) & this.mask;
      while (this.slots[p] !== -1) p = (p + 1) & this.mask;
      this.slots[p] = k;
    }
  }

  /** Index of the key, or -1. */
  find(key: string): number {
    let p = fnv1a(key) & this.mask;
    for (;;) {
      const k = this.slots[p];
      if (k === -1) return -1;
      if (this.keys[k] === key) return k;
      p = (p + 1) & this.mask;
    }
  }

  /** Calls `fn` with each place index of key `k`, in stored (prior) order. */
  forEach(k: number, fn: (place: number) => void): void {
    const posting = this.table.postings[k];
    if (posting >= 0) {
      fn(posting);
      return;
    }
    const offset = -posting - 1;
    const count = this.table.multi[offset];
    for (let j = 1; j <= count; j++) fn(this.table.multi[offset + j]);
  }
}

