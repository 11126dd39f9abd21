/**
 * A copy of the app's fixture data (test/fixtures/app) with events added, in a temporary folder,
 * for a browser test that needs a case the shared fixture does not hold (an event naming three
 * places, an outlying year, a crowd of nearby spots) without changing what other tests count on.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { EventFeatureProperties } from '../../../src/core/model.ts';
import { REPO_ROOT } from './app-build.ts';

export const FIXTURES = path.join(REPO_ROOT, 'test/fixtures/app');

/** What an added event feature sets; the rest comes from the fixture's Saraqib event. */
export interface ExtraEvent {
  eventId: string;
  placeName: string;
  lon: number;
  lat: number;
  date: string;
  fatalities?: number | null;
}

const DAY_MS = 86_400_000;

/** Writes the fixture plus `extra` (one feature each) to a new temporary folder; returns it. */
export function fixtureVariant(extra: ExtraEvent[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'app-fixture-'));
  cpSync(FIXTURES, dir, { recursive: true, filter: (src) => !src.includes(`${path.sep}basemap`) && !src.endsWith('.ts') });
  const file = path.join(dir, 'events.geojson');
  const fc: FeatureCollection<Point, EventFeatureProperties> = JSON.parse(readFileSync(file, 'utf8'));
  const base = fc.features.find((f) => f.properties.placeName === 'Saraqib')!;
  for (const e of extra) {
    const id = `${e.eventId}@${e.placeName}`;
    const f: Feature<Point, EventFeatureProperties> = {
      type: 'Feature',
      id,
      geometry: { type: 'Point', coordinates: [e.lon, e.lat] },
      properties: {
        ...base.properties,
        id,
        eventId: e.eventId,
        placeId: `test:${e.placeName}`,
        placeName: e.placeName,
        date: e.date,
        day: Date.parse(`${e.date}T00:00:00Z`) / DAY_MS,
        fatalities: e.fatalities ?? null,
      },
    };
    fc.features.push(f);
  }
  writeFileSync(file, JSON.stringify(fc));
  return dir;
}
