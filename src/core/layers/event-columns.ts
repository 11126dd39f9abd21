/**
 * `events.bin`: the events layer in columns, for corpora too big for one GeoJSON string. One
 * typed array per property, so the browser makes views on the fetched bytes and parses nothing;
 * strings go through a per-column dictionary (UTF-8 bytes + offsets, decoded on demand). Rows are
 * sorted by start day (then event id, then id; undated rows last), so a time window is a
 * contiguous range found by binary search, and a `byId` permutation finds a row by its id.
 *
 * Layout (little-endian): "CMEV", u32 version, u32 header length, the header (JSON, padded with
 * spaces to a multiple of 8), then the columns, each at an 8-aligned offset the header gives.
 * Pure: no I/O. `EventColumnsBuilder` encodes, `decodeEventColumns` decodes (or throws a
 * `LayoutError` saying what is wrong with the file).
 */
import type { Feature, Point } from 'geojson';
import type { EventFeatureProperties } from '../model.ts';

/** File magic: the first four bytes of every `events.bin`. */
export const EVENT_COLUMNS_MAGIC = 'CMEV';
/** Format version; a reader refuses any other. */
export const EVENT_COLUMNS_VERSION = 1;
/** Marks a null string in a dictionary-index column. */
const NULL_INDEX = 0xffffffff;
const PREFIX = 12;

/** Numeric columns and their array types. `fatalities` and `sources` use -1 for null / absent. */
const NUMERIC = {
  day: 'i32',
  fatalities: 'i32',
  sentenceStart: 'i32',
  sentenceEnd: 'i32',
  sources: 'i32',
  geoPrecision: 'u8',
  placeInferred: 'u8',
  lon: 'f64',
  lat: 'f64',
  byId: 'u32',
  firstOfEvent: 'u8',
} as const;
/**
 * String columns (dictionary-encoded; null allowed where the contract allows it). `id` and
 * `eventId` are not stored whole: they are `${eventId}@${placeId}` and `${articleId}#${sentenceStart}`
 * for nearly every row (build-layers.ts, extract-events.ts), so only what follows that stem is
 * stored (`idRest`, `eventIdRest`: mostly '' or '-2', a tiny dictionary), or, for a row whose id
 * does not start with its stem, NOT_DERIVED and the whole id. A million unique ids would
 * otherwise be half the file.
 */
const STORED_COLUMNS = ['idRest', 'eventIdRest', 'articleId', 'date', 'datePrecision', 'dateText', 'type', 'subType', 'actors', 'placeId', 'placeName', 'sourceArticles'] as const;
export const STRING_COLUMNS = ['id', 'eventId', 'articleId', 'date', 'datePrecision', 'dateText', 'type', 'subType', 'actors', 'placeId', 'placeName', 'sourceArticles'] as const;
/** Marks a stored rest that is the whole id. */
const NOT_DERIVED = '\u0000';

export type NumericColumn = keyof typeof NUMERIC;
export type StringColumn = (typeof STRING_COLUMNS)[number];
type StoredColumn = (typeof STORED_COLUMNS)[number];

/** A column read row by row (a dictionary column, or an id derived from others). */
export interface StringColumnReader {
  get(row: number): string | null;
}
type ArrayKind = 'i32' | 'u32' | 'u8' | 'u16' | 'f64';

/** A column's place in the file (offsets relative to the start of the data, after the header). */
interface ColumnEntry {
  name: string;
  kind: ArrayKind;
  offset: number;
  /** Element count. */
  length: number;
  /** String columns: the dictionary's offsets (u32, entries + 1) and UTF-8 bytes. */
  dict?: { entries: number; offsets: number; bytes: number; byteLength: number };
}

/** The header of `events.bin`. */
interface Header {
  count: number;
  /** Rows with a day (they come first). */
  dated: number;
  /** Distinct event ids. */
  events: number;
  columns: ColumnEntry[];
}

/** A file that is not a readable `events.bin`; the message says why. */
export class LayoutError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LayoutError';
  }
}

/** `id` or `eventId`: the stem made of other columns, then the stored rest. */
class DerivedIdColumn implements StringColumnReader {
  constructor(
    readonly rest: StringColumnView,
    readonly stem: (row: number) => string,
  ) {}
  get(row: number): string {
    const rest = this.rest.get(row) ?? '';
    return rest.startsWith(NOT_DERIVED) ? rest.slice(1) : this.stem(row) + rest;
  }
}

/** A string column: a row's dictionary index, and the dictionary (decoded lazily, cached). */
export class StringColumnView implements StringColumnReader {
  readonly #indices: Uint8Array | Uint16Array | Uint32Array;
  readonly #offsets: Uint32Array;
  readonly #bytes: Uint8Array;
  readonly #decoded: Array<string | undefined>;
  readonly #decoder = new TextDecoder();

  constructor(indices: Uint8Array | Uint16Array | Uint32Array, offsets: Uint32Array, bytes: Uint8Array) {
    this.#indices = indices;
    this.#offsets = offsets;
    this.#bytes = bytes;
    this.#decoded = new Array(offsets.length - 1);
  }

  /** Number of distinct values. */
  get size(): number {
    return this.#offsets.length - 1;
  }

  /** Dictionary index of a row's value (NULL_INDEX for null). */
  code(row: number): number {
    const c = this.#indices[row];
    return this.#indices.BYTES_PER_ELEMENT === 4 ? c : c === (1 << (8 * this.#indices.BYTES_PER_ELEMENT)) - 1 ? NULL_INDEX : c;
  }

  /** The dictionary's entry `code`. */
  entry(code: number): string {
    let s = this.#decoded[code];
    if (s === undefined) {
      s = this.#decoder.decode(this.#bytes.subarray(this.#offsets[code], this.#offsets[code + 1]));
      // Unique columns (ids) would cache a million strings: only small dictionaries are kept.
      if (this.#decoded.length <= 65_536) this.#decoded[code] = s;
    }
    return s;
  }

  /** A row's value. */
  get(row: number): string | null {
    const c = this.code(row);
    return c === NULL_INDEX ? null : this.entry(c);
  }

  /** Every distinct value (for small dictionaries: types, actors). */
  values(): string[] {
    return Array.from({ length: this.size }, (_, i) => this.entry(i));
  }
}

/** The decoded file: typed-array views on its bytes, no per-row objects. */
export interface EventColumns {
  count: number;
  /** Rows `[0, dated)` have a day, sorted; the rest are undated. */
  dated: number;
  day: Int32Array;
  fatalities: Int32Array;
  sentenceStart: Int32Array;
  sentenceEnd: Int32Array;
  sources: Int32Array;
  geoPrecision: Uint8Array;
  placeInferred: Uint8Array;
  lon: Float64Array;
  lat: Float64Array;
  /** Rows in id order (for a binary search by id). */
  byId: Uint32Array;
  /** 1 where a row's event id differs from the previous row's (the first row of an event). */
  firstOfEvent: Uint8Array;
  /** Distinct event ids. */
  events: number;
  strings: Record<Exclude<StringColumn, 'id' | 'eventId'>, StringColumnView> & Record<'id' | 'eventId', StringColumnReader>;
}

/** Accumulates event features and encodes them as `events.bin`. */
export class EventColumnsBuilder {
  #rows: Array<{ lon: number; lat: number; p: EventFeatureProperties }> = [];

  add(feature: Feature<Point, EventFeatureProperties>): void {
    const [lon, lat] = feature.geometry.coordinates;
    this.#rows.push({ lon, lat, p: feature.properties });
  }

  get count(): number {
    return this.#rows.length;
  }

  /** The file's bytes. */
  finish(): Uint8Array {
    const rows = this.#rows;
    const order = rows.map((_, i) => i).sort((a, b) => compareRows(rows[a].p, rows[b].p) || a - b);
    const sorted = order.map((i) => rows[i]);
    const n = sorted.length;
    const dated = sorted.filter((r) => isDated(r.p)).length;
    const parts: Array<{ entry: ColumnEntry; bytes: Uint8Array }> = [];
    let at = 0;
    const put = (name: string, kind: ArrayKind, array: ArrayBufferView & { length: number }): number => {
      const offset = at;
      parts.push({ entry: { name, kind, offset, length: array.length }, bytes: new Uint8Array(array.buffer, array.byteOffset, array.byteLength) });
      at = align(at + array.byteLength);
      return offset;
    };
    const num = (name: NumericColumn, of: (r: (typeof sorted)[number], i: number) => number) => {
      const kind = NUMERIC[name];
      const array = kind === 'f64' ? new Float64Array(n) : kind === 'i32' ? new Int32Array(n) : kind === 'u32' ? new Uint32Array(n) : new Uint8Array(n);
      sorted.forEach((r, i) => (array[i] = of(r, i)));
      put(name, kind, array);
    };
    num('day', (r) => (isDated(r.p) ? r.p.day : -1));
    num('fatalities', (r) => r.p.fatalities ?? -1);
    num('sentenceStart', (r) => r.p.sentenceStart);
    num('sentenceEnd', (r) => r.p.sentenceEnd);
    num('sources', (r) => r.p.sources ?? -1);
    num('geoPrecision', (r) => r.p.geoPrecision);
    num('placeInferred', (r) => (r.p.placeInferred ? 1 : 0));
    num('lon', (r) => r.lon);
    num('lat', (r) => r.lat);
    const byId = sorted.map((_, i) => i).sort((a, b) => compareStrings(sorted[a].p.id, sorted[b].p.id));
    num('byId', (_, i) => byId[i]);
    num('firstOfEvent', (r, i) => (i === 0 || sorted[i - 1].p.eventId !== r.p.eventId ? 1 : 0));
    const events = new Set(sorted.map((r) => r.p.eventId)).size;
    const rest = (value: string, stem: string) => (value.startsWith(stem) && !value.startsWith(NOT_DERIVED) ? value.slice(stem.length) : NOT_DERIVED + value);
    const stored = (p: EventFeatureProperties, name: StoredColumn): unknown =>
      name === 'idRest' ? rest(p.id, `${p.eventId}@${p.placeId}`) : name === 'eventIdRest' ? rest(p.eventId, `${p.articleId}#${p.sentenceStart}`) : (p as unknown as Record<string, unknown>)[name];
    const encoder = new TextEncoder();
    for (const name of STORED_COLUMNS) {
      const codes = new Map<string, number>();
      const values: string[] = [];
      const raw = new Uint32Array(n);
      sorted.forEach((r, i) => {
        const v = stored(r.p, name);
        if (v === null || v === undefined) return void (raw[i] = NULL_INDEX);
        const s = String(v);
        let c = codes.get(s);
        if (c === undefined) {
          c = values.length;
          codes.set(s, c);
          values.push(s);
        }
        raw[i] = c;
      });
      // The narrowest index type whose top value stays free for null.
      const kind: ArrayKind = values.length < 255 ? 'u8' : values.length < 65_535 ? 'u16' : 'u32';
      const indices = kind === 'u8' ? new Uint8Array(n) : kind === 'u16' ? new Uint16Array(n) : raw;
      if (indices !== raw) raw.forEach((c, i) => (indices[i] = c === NULL_INDEX ? (1 << (8 * indices.BYTES_PER_ELEMENT)) - 1 : c));
      const encoded = values.map((v) => encoder.encode(v));
      const offsets = new Uint32Array(values.length + 1);
      encoded.forEach((b, i) => (offsets[i + 1] = offsets[i] + b.length));
      const bytes = new Uint8Array(offsets[values.length]);
      encoded.forEach((b, i) => bytes.set(b, offsets[i]));
      put(name, kind, indices);
      const entry = parts[parts.length - 1].entry;
      const offsetsAt = put(`${name}:offsets`, 'u32', offsets);
      const bytesAt = put(`${name}:bytes`, 'u8', bytes);
      entry.dict = { entries: values.length, offsets: offsetsAt, bytes: bytesAt, byteLength: bytes.length };
    }
    const columns = parts.filter((p) => !p.entry.name.includes(':')).map((p) => p.entry);
    const header: Header = { count: n, dated, events, columns };
    let json = JSON.stringify(header);
    json += ' '.repeat(align(PREFIX + json.length) - PREFIX - json.length);
    const headerBytes = encoder.encode(json);
    const out = new Uint8Array(PREFIX + headerBytes.length + at);
    out.set(encoder.encode(EVENT_COLUMNS_MAGIC), 0);
    const view = new DataView(out.buffer);
    view.setUint32(4, EVENT_COLUMNS_VERSION, true);
    view.setUint32(8, headerBytes.length, true);
    out.set(headerBytes, PREFIX);
    const base = PREFIX + headerBytes.length;
    for (const p of parts) out.set(p.bytes, base + p.entry.offset);
    return out;
  }
}

/** Encodes features as `events.bin` (see EventColumnsBuilder). */
export function encodeEventColumns(features: Iterable<Feature<Point, EventFeatureProperties>>): Uint8Array {
  const b = new EventColumnsBuilder();
  for (const f of features) b.add(f);
  return b.finish();
}

/** Views on an `events.bin`'s bytes; throws LayoutError for anything but a whole, valid file. */
export function decodeEventColumns(buffer: ArrayBuffer | Uint8Array): EventColumns {
  const bytes = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
  if (bytes.length < PREFIX || new TextDecoder().decode(bytes.subarray(0, 4)) !== EVENT_COLUMNS_MAGIC) {
    throw new LayoutError('not an events.bin file (it does not start with "CMEV")');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(4, true);
  if (version !== EVENT_COLUMNS_VERSION) throw new LayoutError(`events.bin is version ${version}; this app reads version ${EVENT_COLUMNS_VERSION}`);
  const headerLength = view.getUint32(8, true);
  if (PREFIX + headerLength > bytes.length) throw new LayoutError('events.bin is truncated (its header runs past the end)');
  let header: Header;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(PREFIX, PREFIX + headerLength))) as Header;
  } catch {
    throw new LayoutError('events.bin has a damaged header (not JSON)');
  }
  if (!Number.isInteger(header?.count) || !Array.isArray(header.columns)) throw new LayoutError('events.bin has a damaged header (no row count or columns)');
  const base = bytes.byteOffset + PREFIX + headerLength;
  // Typed arrays need aligned offsets: copy once into a fresh buffer when the input is not aligned.
  const data = base % 8 === 0 ? bytes.buffer : bytes.slice(PREFIX + headerLength).buffer;
  const start = base % 8 === 0 ? base : 0;
  const available = bytes.length - PREFIX - headerLength;
  const make = (kind: ArrayKind, offset: number, length: number, name: string) => {
    const size = { i32: 4, u32: 4, u8: 1, u16: 2, f64: 8 }[kind];
    if (!Number.isInteger(offset) || offset < 0 || offset + length * size > available) throw new LayoutError(`events.bin is truncated (column ${name} runs past the end)`);
    const at = start + offset;
    if (kind === 'f64') return new Float64Array(data, at, length);
    if (kind === 'i32') return new Int32Array(data, at, length);
    if (kind === 'u32') return new Uint32Array(data, at, length);
    if (kind === 'u16') return new Uint16Array(data, at, length);
    return new Uint8Array(data, at, length);
  };
  const byName = new Map(header.columns.map((c) => [c.name, c]));
  const column = (name: string): ColumnEntry => {
    const c = byName.get(name);
    if (!c) throw new LayoutError(`events.bin lacks the column ${name}`);
    if (c.length !== header.count) throw new LayoutError(`events.bin's column ${name} has ${c.length} rows, not ${header.count}`);
    return c;
  };
  const numeric = Object.fromEntries(
    (Object.keys(NUMERIC) as NumericColumn[]).map((name) => {
      const c = column(name);
      if (c.kind !== NUMERIC[name]) throw new LayoutError(`events.bin's column ${name} is ${c.kind}, not ${NUMERIC[name]}`);
      return [name, make(c.kind, c.offset, c.length, name)];
    }),
  ) as unknown as Omit<EventColumns, 'count' | 'dated' | 'events' | 'strings'>;
  const stored = Object.fromEntries(
    STORED_COLUMNS.map((name) => {
      const c = column(name);
      if (!c.dict || !['u8', 'u16', 'u32'].includes(c.kind)) throw new LayoutError(`events.bin's column ${name} has no dictionary`);
      const indices = make(c.kind, c.offset, c.length, name) as Uint8Array | Uint16Array | Uint32Array;
      const offsets = make('u32', c.dict.offsets, c.dict.entries + 1, name) as Uint32Array;
      const dictBytes = make('u8', c.dict.bytes, c.dict.byteLength, name) as Uint8Array;
      if (offsets[c.dict.entries] !== c.dict.byteLength) throw new LayoutError(`events.bin's column ${name} has a damaged dictionary`);
      return [name, new StringColumnView(indices, offsets, dictBytes)];
    }),
  ) as Record<StoredColumn, StringColumnView>;
  const { idRest, eventIdRest, ...plain } = stored;
  const eventId = new DerivedIdColumn(eventIdRest, (row) => `${plain.articleId.get(row)}#${numeric.sentenceStart[row]}`);
  const id = new DerivedIdColumn(idRest, (row) => `${eventId.get(row)}@${plain.placeId.get(row)}`);
  const strings = { ...plain, id, eventId };
  const dated = Number.isInteger(header.dated) ? header.dated : 0;
  for (let i = 1; i < dated; i++) if (numeric.day[i] < numeric.day[i - 1]) throw new LayoutError('events.bin is not sorted by day');
  return { count: header.count, dated, events: Number.isInteger(header.events) ? header.events : 0, ...numeric, strings };
}

/** The contract's properties of row `row` (what events.geojson holds for it). */
export function eventPropertiesAt(c: EventColumns, row: number): EventFeatureProperties {
  const s = c.strings;
  const p: EventFeatureProperties = {
    id: s.id.get(row)!,
    eventId: s.eventId.get(row)!,
    articleId: s.articleId.get(row)!,
    date: s.date.get(row),
    day: c.day[row],
    datePrecision: s.datePrecision.get(row) as EventFeatureProperties['datePrecision'],
    dateText: s.dateText.get(row) ?? '',
    type: s.type.get(row) as EventFeatureProperties['type'],
    subType: s.subType.get(row) ?? '',
    actors: s.actors.get(row) ?? '',
    fatalities: c.fatalities[row] < 0 ? null : c.fatalities[row],
    geoPrecision: c.geoPrecision[row] as EventFeatureProperties['geoPrecision'],
    placeId: s.placeId.get(row)!,
    placeName: s.placeName.get(row) ?? '',
    placeInferred: c.placeInferred[row] === 1,
    sentenceStart: c.sentenceStart[row],
    sentenceEnd: c.sentenceEnd[row],
  };
  if (c.sources[row] >= 0) p.sources = c.sources[row];
  const sourceArticles = s.sourceArticles.get(row);
  if (sourceArticles !== null) p.sourceArticles = sourceArticles;
  return p;
}

/** Every row as a GeoJSON feature, in file order (for export; a million rows is a million objects). */
export function* eventFeaturesOf(c: EventColumns): Generator<Feature<Point, EventFeatureProperties>> {
  for (let row = 0; row < c.count; row++) {
    const properties = eventPropertiesAt(c, row);
    yield { type: 'Feature', id: properties.id, geometry: { type: 'Point', coordinates: [c.lon[row], c.lat[row]] }, properties };
  }
}

/** The row whose id is `id`, or -1 (binary search over the byId permutation). */
export function rowOfId(c: EventColumns, id: string): number {
  let lo = 0;
  let hi = c.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareStrings(c.strings.id.get(c.byId[mid])!, id) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo < c.count && c.strings.id.get(c.byId[lo]) === id ? c.byId[lo] : -1;
}

function isDated(p: EventFeatureProperties): boolean {
  return p.date !== null && Number.isInteger(p.day) && p.day !== -1;
}

/** Dated rows by (day, event id, id), then the undated by (event id, id). */
function compareRows(a: EventFeatureProperties, b: EventFeatureProperties): number {
  const da = isDated(a);
  const db = isDated(b);
  if (da !== db) return da ? -1 : 1;
  if (da && a.day !== b.day) return a.day - b.day;
  return compareStrings(a.eventId, b.eventId) || compareStrings(a.id, b.id);
}

/** Code-unit order (what `<` does), the same in every locale. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function align(n: number): number {
  return Math.ceil(n / 8) * 8;
}
