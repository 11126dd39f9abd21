/**
 * Basemap labels: which places are labelled from which zoom, and which local-script name (Arabic,
 * Cyrillic…) goes under the GeoNames name. Pure; the build script hands in GeoNames rows and
 * mledoze/countries native names.
 */
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { BBox } from '../model.ts';

/** What label thinning needs to know about a place. */
export interface RankablePlace {
  /** Stable id, the last tie-breaker so that thinning is deterministic. */
  id: string;
  lon: number;
  lat: number;
  population: number;
  /** 2: national capital, 1: admin-1 seat, 0: other. Capitals win their cell. */
  capital: number;
}

/** Options of `labelMinZooms`. */
export interface LabelThinning {
  /** Lowest zoom a place can be labelled from; national capitals are labelled from it. */
  minZoom: number;
  /** Highest zoom considered; places not labelled by then are left out. */
  maxZoom: number;
  /** A place is labelled from the first zoom at which no more important place is this close (px). */
  spacingPx: number;
}

export const defaultLabelThinning: LabelThinning = {
  minZoom: 2,
  maxZoom: 10,
  spacingPx: 40, // about two lines of text: closer pairs are left to MapLibre's collision test
};

/**
 * The zoom from which each place is labelled. At each zoom, places claim room in order of
 * importance (capitals, then population); a place is labelled from the first zoom at which no
 * labelled place lies within `spacingPx` screen pixels (Web Mercator). Labels thus thin out
 * evenly, rather than by a global population cut-off that would leave deserts blank and crowd the
 * cities. National capitals are always labelled from `minZoom` (MapLibre's collision test, sorted
 * by rank, still keeps them from overlapping). Places never labelled up to `maxZoom` are absent.
 */
export function labelMinZooms(places: readonly RankablePlace[], options: Partial<LabelThinning> = {}): Map<string, number> {
  const opts = { ...defaultLabelThinning, ...options };
  const order = [...places].sort(compareImportance);
  const unit = order.map((p) => mercator(p.lon, p.lat));
  const result = new Map<string, number>();
  order.forEach((p) => p.capital >= 2 && result.set(p.id, opts.minZoom));
  for (let z = opts.minZoom; z <= opts.maxZoom; z++) {
    const scale = 256 * 2 ** z; // pixels across the world at this zoom
    const grid = new Map<string, Array<[number, number]>>();
    const cell = (x: number, y: number) => `${Math.floor(x / opts.spacingPx)},${Math.floor(y / opts.spacingPx)}`;
    const near = (x: number, y: number) => {
      const cx = Math.floor(x / opts.spacingPx);
      const cy = Math.floor(y / opts.spacingPx);
      for (let dx = -1; dx <= 1; dx++) {
        for (let dy = -1; dy <= 1; dy++) {
          for (const [ox, oy] of grid.get(`${cx + dx},${cy + dy}`) ?? []) {
            if ((ox - x) ** 2 + (oy - y) ** 2 < opts.spacingPx ** 2) return true;
          }
        }
      }
      return false;
    };
    const claim = (x: number, y: number) => {
      const k = cell(x, y);
      const list = grid.get(k);
      if (list) list.push([x, y]);
      else grid.set(k, [[x, y]]);
    };
    order.forEach((p, i) => result.has(p.id) && claim(unit[i][0] * scale, unit[i][1] * scale));
    order.forEach((p, i) => {
      if (result.has(p.id)) return;
      const x = unit[i][0] * scale;
      const y = unit[i][1] * scale;
      if (near(x, y)) return;
      claim(x, y);
      result.set(p.id, z);
    });
  }
  return result;
}

/** Capitals first, then population, then id: the order in which places claim label room. */
export function compareImportance(a: RankablePlace, b: RankablePlace): number {
  return b.capital - a.capital || b.population - a.population || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Scripts whose names the basemap shows beside the Latin name (all render: see docs/basemap.md). */
export type LabelScript = 'Latin' | 'Arabic' | 'Hebrew' | 'Cyrillic' | 'Greek' | 'Armenian' | 'Georgian';

const SCRIPTS: ReadonlyArray<[LabelScript, RegExp]> = [
  ['Latin', /\p{Script=Latin}/u],
  ['Arabic', /\p{Script=Arabic}/u],
  ['Hebrew', /\p{Script=Hebrew}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Greek', /\p{Script=Greek}/u],
  ['Armenian', /\p{Script=Armenian}/u],
  ['Georgian', /\p{Script=Georgian}/u],
];

/** The one script a name's letters are written in, or null for none of ours / a mixture. */
export function scriptOf(text: string): LabelScript | null {
  let found: LabelScript | null = null;
  for (const ch of text) {
    if (!/\p{L}/u.test(ch)) continue;
    const s = SCRIPTS.find(([, re]) => re.test(ch))?.[0] ?? null;
    if (s === null || (found !== null && s !== found)) return null;
    found = s;
  }
  return found;
}

/**
 * The script a country's local names are shown in: the one non-Latin script among its native
 * names (Syria: Arabic; Lebanon: Arabic, its French being Latin; Ukraine: Cyrillic). Null for
 * Latin-script countries (the GeoNames name is already local) and where two non-Latin scripts
 * compete (Israel: Hebrew and Arabic), rather than guess.
 */
export function countryLocalScript(nativeNames: readonly string[]): LabelScript | null {
  const scripts = new Set(nativeNames.map(scriptOf).filter((s): s is LabelScript => s !== null && s !== 'Latin'));
  return scripts.size === 1 ? [...scripts][0] : null;
}

/** How to choose among a script's spellings for one language (GeoNames does not label them). */
export interface LetterPreference {
  /** Spellings with these letters are passed over (a neighbour's spelling). */
  avoid?: RegExp;
  /** Spellings with these letters are preferred (the language's own letters). */
  prefer?: RegExp;
}

/**
 * Letters that tell languages sharing a script apart, by ISO 639-3 code (the keys world-countries
 * uses). Source: the alphabets as the Unicode Standard's script chapters give them (Arabic ch. 9,
 * Cyrillic ch. 7). Arabic does not use the Persian/Urdu/Kurdish letters پ چ ژ ک گ ی ہ ھ ے ٹ ڈ ڑ ں ە ڕ ڵ ێ;
 * Ukrainian and Belarusian have letters Russian lacks.
 */
export const LANGUAGE_LETTERS: Readonly<Record<string, LetterPreference>> = {
  ara: { avoid: /[\u067E\u0686\u0698\u06A9\u06AF\u06BE\u06C1\u06C0\u06CC\u06D2\u0679\u0688\u0691\u06BA\u06D5\u0695\u06B5\u06CE]/u },
  ukr: { prefer: /[іїєґІЇЄҐ]/u },
  bel: { prefer: /[іўІЎ]/u },
};

/**
 * The alternate name written wholly in `script`, for a map label. GeoNames lists alternates
 * unlabelled, in code point order, so among the spellings in the script: those with an avoided
 * letter go; a spelling that is another one with a stray space (`د مشق` beside `دمشق`) goes; then
 * a spelling with a preferred letter wins, then one without vowel marks (maps write names
 * unvocalised), then the first.
 */
export function pickLocalName(
  alternates: readonly string[],
  script: LabelScript,
  letters: LetterPreference = {},
): string | null {
  const inScript = alternates.map((a) => a.trim()).filter((a) => scriptOf(a) === script);
  const allowed = inScript.filter((a) => !letters.avoid?.test(a));
  const solid = new Set(allowed.filter((a) => !/\s/u.test(a)));
  const clean = allowed.filter((a) => !/\s/u.test(a) || !solid.has(a.replace(/\s+/gu, '')));
  const unmarked = (a: string) => !/\p{M}/u.test(a);
  return (
    clean.find((a) => letters.prefer?.test(a) && unmarked(a)) ??
    clean.find((a) => letters.prefer?.test(a)) ??
    clean.find(unmarked) ??
    clean[0] ??
    null
  );
}

/** A country as mledoze/countries (`world-countries`) gives it: the fields labels use. */
export interface CountryRecord {
  /** ISO 3166-1 alpha-2 code. */
  cca2: string;
  /** English common name, and native names by ISO 639-3 language. */
  name: { common: string; native?: Record<string, { common: string }> };
  /** Label point [lat, lon]. */
  latlng: [number, number];
  /** Area in km², which orders labels and sets the zoom they appear from. */
  area: number;
}

/**
 * Country label points (`kind: 'country'`), biggest countries first (`rank`) and from lower zooms,
 * with the native name in the country's own script when it is not Latin.
 */
export function countryLabelFeatures(countries: readonly CountryRecord[]): Feature[] {
  const byArea = countries.filter((c) => Array.isArray(c.latlng) && c.area > 0).sort((a, b) => b.area - a.area || (a.cca2 < b.cca2 ? -1 : 1));
  return byArea.map((c, rank) => {
    const natives = Object.values(c.name.native ?? {}).map((n) => n.common);
    const script = countryLocalScript(natives);
    const local = script ? natives.find((n) => scriptOf(n) === script) : undefined;
    const minzoom = c.area >= 1.5e6 ? 2 : c.area >= 3e5 ? 3 : c.area >= 5e4 ? 4 : c.area >= 1e4 ? 5 : 6;
    const props: Record<string, unknown> = { kind: 'country', id: `iso:${c.cca2}`, name: c.name.common, minzoom, rank };
    if (local) props.name_local = local;
    return labelPoint(c.latlng[1], c.latlng[0], props);
  });
}

/**
 * Admin-1 label points (`kind: 'admin1'`) from Natural Earth admin-1 units whose label point lies in
 * the box, from one zoom before Natural Earth's `min_label` (5 to 9). No local name: Natural Earth's
 * carry the unit's type ("محافظة …"), twice the clutter.
 */
export function admin1LabelFeatures(units: ReadonlyArray<Feature<Polygon | MultiPolygon>>, box: BBox): Feature[] {
  const out: Feature[] = [];
  for (const u of units) {
    const p = u.properties ?? {};
    const lon = Number(p.longitude);
    const lat = Number(p.latitude);
    if (!Number.isFinite(lon) || !Number.isFinite(lat) || lon < box[0] || lon > box[2] || lat < box[1] || lat > box[3]) continue;
    const minLabel = Number.isFinite(Number(p.min_label)) ? Number(p.min_label) : 7;
    out.push(labelPoint(lon, lat, {
      kind: 'admin1',
      id: `ne:${p.adm1_code}`,
      name: String(p.name_en || p.name),
      minzoom: Math.min(9, Math.max(5, Math.round(minLabel) - 1)),
      rank: Number(p.labelrank) || 9,
    }));
  }
  return out;
}

/** A point feature, coordinates rounded to 1e-4° (~10 m): a label needs no more. */
export function labelPoint(lon: number, lat: number, properties: Record<string, unknown>): Feature {
  const r = (x: number) => Math.round(x * 1e4) / 1e4;
  return { type: 'Feature', properties, geometry: { type: 'Point', coordinates: [r(lon), r(lat)] } };
}

// ---------------------------------------------------------------------------------------------

/** Web Mercator in [0, 1) × [0, 1): x east, y south. */
function mercator(lon: number, lat: number): [number, number] {
  const clamped = Math.max(-85.05, Math.min(85.05, lat));
  const s = Math.sin((clamped * Math.PI) / 180);
  return [(lon + 180) / 360, 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)];
}
