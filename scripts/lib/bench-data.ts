/**
 * Seeded synthetic events for the app benchmark: N points spread over Syria and Turkey, clustered
 * round real towns (as reported events are), each with an integer `day` over two years. Same seed,
 * same data.
 */
import type { FeatureCollection, Point } from 'geojson';
import { mulberry32 } from '../../src/core/common/seeded-random.ts';

/** Towns the events cluster round (lon, lat): where the sample corpus and its region report. */
const CENTRES: ReadonlyArray<[number, number]> = [
  [36.63, 35.93], [37.16, 36.2], [36.8, 35.86], [36.29, 33.51], [39.01, 35.95], [40.14, 35.33],
  [36.72, 34.73], [36.75, 35.13], [35.78, 35.52], [38.27, 36.52], [41.22, 37.05], [37.38, 37.07],
  [38.79, 37.16], [40.23, 37.91], [36.16, 36.2], [32.85, 39.92], [28.98, 41.01], [35.32, 37.0],
  [39.72, 36.59], [42.19, 37.05], [36.52, 36.98], [35.95, 32.63], [36.58, 32.71], [37.05, 36.59],
];

/** First day of the synthetic range: 2020-01-01 as days since 1970-01-01. */
export const BENCH_START_DAY = 18262;
/** Length of the synthetic range in days. */
export const BENCH_DAYS = 730;

/** `n` events, sorted by day (ids `e<i>` in that order). */
export function makeBenchEvents(n: number, seed = 1): FeatureCollection<Point> {
  const rand = mulberry32(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const rows: Array<{ lon: number; lat: number; day: number; type: number; fatalities: number }> = [];
  for (let i = 0; i < n; i++) {
    const [lon, lat] = CENTRES[Math.floor(rand() * CENTRES.length)];
    const spread = rand() < 0.8 ? 0.15 : 0.8; // most events in a town, some across its region
    rows.push({
      lon: round(lon + gauss() * spread),
      lat: round(lat + gauss() * spread * 0.8),
      day: BENCH_START_DAY + Math.floor(rand() * BENCH_DAYS),
      type: Math.floor(rand() * 6),
      fatalities: rand() < 0.6 ? 0 : Math.floor(rand() * 20),
    });
  }
  rows.sort((a, b) => a.day - b.day);
  return {
    type: 'FeatureCollection',
    features: rows.map((r, i) => ({
      type: 'Feature',
      properties: { id: `e${i}`, day: r.day, type: r.type, fatalities: r.fatalities },
      geometry: { type: 'Point', coordinates: [r.lon, r.lat] },
    })),
  };
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
