/**
 * Distance and direction from a named place: "nearly 40 miles northwest of Kismayo", "10km
 * southwest of the town", "some 70 miles (110 kilometers) southeast of Aden". Wire reports
 * place what has no name of its own (a stretch of sea, a desert road, an area struck) this way;
 * the point is the named place moved that far on that bearing, which ACLED codes at geo
 * precision 2 ("near" a place). Pure: text in, offset out.
 */
import type { Span } from '../model.ts';

/** A distance and bearing read before a place name. */
export interface PlaceOffset extends Span {
  /** Kilometres from the named place. */
  km: number;
  /** Degrees clockwise from north. */
  bearing: number;
  /** The words, as written: "40 miles northwest of". */
  text: string;
}

const BEARINGS: Record<string, number> = {
  north: 0, northeast: 45, east: 90, southeast: 135, south: 180, southwest: 225, west: 270, northwest: 315,
  'north-northeast': 22.5, 'east-northeast': 67.5, 'east-southeast': 112.5, 'south-southeast': 157.5,
  'south-southwest': 202.5, 'west-southwest': 247.5, 'west-northwest': 292.5, 'north-northwest': 337.5,
};
const UNIT_KM: Record<string, number> = { km: 1, kms: 1, kilometer: 1, kilometers: 1, kilometre: 1, kilometres: 1, mile: 1.609344, miles: 1.609344, mi: 1.609344 };
/** "40", "2.5", "1,200" (a comma before three digits groups thousands). */
const NUMBER = String.raw`(\d{1,3}(?:,\d{3})+|\d{1,4}(?:\.\d+)?)`;
const UNIT = String.raw`(km|kms|kilomet(?:er|re)s?|miles?|mi)\b\.?`;
const DIRECTION = String.raw`((?:north|south|east|west)(?:-?(?:north|south|east|west)){0,2})`;
/**
 * The phrase right before a name: a number, a unit (a second figure in brackets allowed), an
 * optional "to the", a compass direction, "of", and optionally "the" or "the town/city/village
 * of". Anchored at the end of the text before the name.
 */
const OFFSET_RE = new RegExp(
  String.raw`\b${NUMBER}\s*-?\s*${UNIT}(?:\s*\([^()]{1,40}\))?\s+(?:to\s+the\s+)?${DIRECTION}\s+of\s+(?:the\s+(?:(?:town|city|village|port|provincial capital|capital)\s+(?:of\s+)?)?)?$`,
  'i',
);
/** How far back from a name the phrase may start. */
const LOOK_BACK = 90;

/** The offset phrase that ends right before `start`, if any. */
export function offsetBefore(text: string, start: number): PlaceOffset | null {
  const from = Math.max(0, start - LOOK_BACK);
  const m = OFFSET_RE.exec(text.slice(from, start));
  if (!m) return null;
  const bearing = BEARINGS[m[3].toLowerCase().replace(/-/g, '')] ?? BEARINGS[m[3].toLowerCase()];
  const km = Number(m[1].replace(/,/g, '')) * UNIT_KM[m[2].toLowerCase().replace(/\.$/, '')];
  if (bearing === undefined || !Number.isFinite(km) || km <= 0 || km > 2000) return null;
  const at = from + m.index;
  const phrase = text.slice(at, start).trim();
  return { start: at, end: at + phrase.length, km, bearing, text: phrase };
}

/** The point `km` from (lat, lon) on `bearing` degrees (great circle, spherical Earth). */
export function destinationPoint(lat: number, lon: number, km: number, bearing: number): { lat: number; lon: number } {
  const R = 6371.0088;
  const rad = Math.PI / 180;
  const d = km / R;
  const b = bearing * rad;
  const la1 = lat * rad;
  const lo1 = lon * rad;
  const la2 = Math.asin(Math.sin(la1) * Math.cos(d) + Math.cos(la1) * Math.sin(d) * Math.cos(b));
  const lo2 = lo1 + Math.atan2(Math.sin(b) * Math.sin(d) * Math.cos(la1), Math.cos(d) - Math.sin(la1) * Math.sin(la2));
  const round = (x: number) => Math.round(x * 1e5) / 1e5;
  return { lat: round(la2 / rad), lon: round((((lo2 / rad) + 540) % 360) - 180) };
}
