/** Small geographic helpers shared by the resolver, the event stage and the evaluation. */

/** The mean earth radius distanceKm measures with (km). */
export const EARTH_RADIUS_KM = 6371.0088;
const MS_PER_DAY = 86_400_000;

/** Great-circle distance in kilometres between two points given in degrees. */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const toRad = Math.PI / 180;
  const dLat = (lat2 - lat1) * toRad;
  const dLon = (lon2 - lon1) * toRad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * toRad) * Math.cos(lat2 * toRad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Equirectangular distance in kilometres: within a fraction of a percent of the great circle at the tens of km where nearness matters, and much cheaper. */
export function approxDistanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const toRad = Math.PI / 180;
  let dLon = Math.abs(lon2 - lon1);
  if (dLon > 180) dLon = 360 - dLon;
  const x = dLon * toRad * Math.cos(((lat1 + lat2) / 2) * toRad);
  const y = (lat2 - lat1) * toRad;
  return EARTH_RADIUS_KM * Math.sqrt(x * x + y * y);
}

/** Integer day number (days since 1970-01-01, UTC) of an ISO date, or -1 for null. */
export function dayNumber(isoDate: string | null | undefined): number {
  if (!isoDate) return -1;
  const ms = Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(ms) ? -1 : Math.floor(ms / MS_PER_DAY);
}

/** ISO date (YYYY-MM-DD) of a day number. */
export function isoFromDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}
