import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import GJV from 'geojson-validation';
import type { FeatureCollection, MultiLineString, MultiPolygon, Position } from 'geojson';
import type { StyleSpecification } from 'maplibre-gl';
import { buildBasemap } from '../scripts/build-basemap.ts';
import { pbfGlyphIds } from '../src/core/basemap/basemap-glyphs.ts';
import type { BuildBasemapResult } from '../scripts/build-basemap.ts';
import { styleUrls } from '../src/core/basemap/basemap-style.ts';
import { ringContains } from '../src/core/basemap/basemap-hydro.ts';

/** Distance in km from p to the segment ab (equirectangular). */
function segmentKm(p: Position, a: Position, b: Position): number {
  const k = Math.cos((p[1] * Math.PI) / 180);
  const [ax, ay, bx, by, px, py] = [a[0] * k, a[1], b[0] * k, b[1], p[0] * k, p[1]];
  const dx = bx - ax;
  const dy = by - ay;
  const t = dx || dy ? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy))) : 0;
  return Math.hypot(px - ax - t * dx, py - ay - t * dy) * 111.195;
}

// A tiny corpus in Idlib: three events and a far-away metonymic mention.
const point = (lon: number, lat: number, properties: Record<string, unknown>) => ({
  type: 'Feature', properties, geometry: { type: 'Point', coordinates: [lon, lat] },
});
let dir: string;
let out: string;
let result: BuildBasemapResult;
const read = (name: string) => fs.readFileSync(path.join(out, name));

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'basemap-'));
  const data = path.join(dir, 'data');
  out = path.join(dir, 'basemap');
  fs.mkdirSync(data);
  const fc = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
  fs.writeFileSync(path.join(data, 'events.geojson'), fc([point(36.63, 35.93, { day: 1 }), point(36.8, 35.86, { day: 2 }), point(37.16, 36.2, { day: 3 })]));
  fs.writeFileSync(path.join(data, 'mentions.geojson'), fc([point(37.62, 55.75, { role: 'metonymic' })]));
  fs.writeFileSync(path.join(data, 'areas.geojson'), 'not json');
  result = await buildBasemap({ dataDir: data, outDir: out });
}, 120_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('buildBasemap', () => {
  it('writes detail around the data, from the events', () => {
    expect(result.extent.basis).toBe('events');
    expect(result.extent.detail).toBe('10m');
    const [w, s, e, n] = result.extent.bbox!;
    expect(w <= 35.5 && e >= 42 && s <= 33 && n >= 37).toBe(true); // Syria and Lebanon
    expect(n).toBeLessThan(55); // not Moscow
    expect(result.problems.map((p) => p.code)).toContain('data-unreadable');
  });

  it('writes valid GeoJSON sources', () => {
    const sources = result.files.filter((f) => f.path.endsWith('.geojson'));
    expect(sources.map((f) => f.path).sort()).toEqual(
      ['admin1', 'borders', 'countries', 'labels', 'lakes', 'places', 'rivers', 'world', 'world-borders'].map((n) => `${n}.geojson`).sort(),
    );
    for (const f of sources) {
      const fc = JSON.parse(read(f.path).toString('utf8')) as FeatureCollection;
      expect(GJV.isFeatureCollection(fc, true), f.path).toEqual([]);
      expect(fc.features.length, f.path).toBeGreaterThan(0);
    }
  });

  it('labels places in the extent with Arabic names and ranks', () => {
    const places = JSON.parse(read('places.geojson').toString('utf8')) as FeatureCollection;
    const aleppo = places.features.find((f) => f.properties?.id === 'geonames:170063');
    expect(aleppo?.properties).toMatchObject({ name: 'Aleppo', name_local: 'حلب', capital: 1 });
    expect(Number.isInteger(aleppo?.properties?.minzoom)).toBe(true);
    expect(places.features.some((f) => f.properties?.name === 'Şanlıurfa')).toBe(true);
    const ranks = places.features.map((f) => f.properties?.rank as number);
    expect(ranks).toEqual(ranks.map((_, i) => i));
  });

  it('draws the Euphrates past Raqqa, the Orontes, Lake Van, and the great rivers outside the detail', () => {
    const rivers = JSON.parse(read('rivers.geojson').toString('utf8')) as FeatureCollection<MultiLineString>;
    const lakes = JSON.parse(read('lakes.geojson').toString('utf8')) as FeatureCollection<MultiPolygon>;
    const km = (lon: number, lat: number, level?: number) => {
      let best = Infinity;
      for (const f of rivers.features) {
        if (level !== undefined && f.properties?.level !== level) continue;
        for (const line of f.geometry.coordinates) for (let i = 1; i < line.length; i++) best = Math.min(best, segmentKm([lon, lat], line[i - 1], line[i]));
      }
      return best;
    };
    expect(km(39.0, 35.95, 1)).toBeLessThan(5); // Euphrates at Raqqa
    expect(km(40.15, 35.33, 1)).toBeLessThan(5); // Euphrates at Deir ez-Zor
    expect(km(43.13, 36.34, 1)).toBeLessThan(5); // Tigris at Mosul
    expect(km(36.75, 35.13)).toBeLessThan(5); // Orontes at Hama
    expect(km(31.23, 30.05, 1)).toBeLessThan(5); // the Nile at Cairo, outside the detail
    expect(km(-90.19, 38.63, 1)).toBeLessThan(10); // the Mississippi at St Louis
    const inLake = (lon: number, lat: number) =>
      lakes.features.some((f) => f.geometry.coordinates.some((poly) => ringContains(poly[0], lon, lat) && !poly.slice(1).some((h) => ringContains(h, lon, lat))));
    expect(inLake(42.9, 38.6)).toBe(true); // Lake Van
    expect(inLake(35.58, 32.8)).toBe(true); // Sea of Galilee
    expect(inLake(33, -1)).toBe(true); // Lake Victoria, outside the detail
    expect(inLake(51, 42)).toBe(false); // the Caspian is Natural Earth's water already
    expect(inLake(38.3, 35.95)).toBe(false); // Lake Assad (1974) postdates WDBII: see docs/basemap.md
    const [w, s, e, n] = result.extent.bbox!;
    const fine = rivers.features.filter((f) => f.properties?.level === 3).flatMap((f) => f.geometry.coordinates.flat());
    expect(fine.length).toBeGreaterThan(0);
    expect(fine.every(([x, y]) => x >= w - 1e-9 && x <= e + 1e-9 && y >= s - 1e-9 && y <= n + 1e-9)).toBe(true); // level 3 only inside
    expect(result.counts.riverLines).toBeGreaterThan(100);
  });

  it('no URL in the styles points off the origin, and every one resolves to a written file', () => {
    for (const name of ['style.json', 'style-dark.json']) {
      const style = JSON.parse(read(name).toString('utf8')) as StyleSpecification;
      for (const url of styleUrls(style)) {
        expect(url).not.toMatch(/^([a-z][a-z0-9+.-]*:|\/)/i);
        if (url.includes('{range}')) continue;
        expect(fs.existsSync(path.join(out, url)), url).toBe(true);
      }
    }
  });

  it('ships the glyph ranges the labels need, with Turkish letters, and no label glyph missing', () => {
    expect(result.glyphs.missing).toEqual([]);
    const latinA = pbfGlyphIds(read('fonts/Noto Sans Regular/256-511.pbf'));
    for (const ch of 'ŞşİıĞğ') expect(latinA).toContain(ch.codePointAt(0));
    for (const range of result.glyphs.ranges) expect(fs.existsSync(path.join(out, 'fonts/Noto Sans Regular', `${range}.pbf`))).toBe(true);
    expect(result.glyphs.ranges).not.toContain('1536-1791'); // an empty Arabic range would hide Arabic
  });

  it('is deterministic and small', async () => {
    const again = path.join(dir, 'again');
    const second = await buildBasemap({ dataDir: path.join(dir, 'data'), outDir: again });
    expect(second.files).toEqual(result.files);
    for (const f of result.files) expect(fs.readFileSync(path.join(again, f.path)).equals(read(f.path)), f.path).toBe(true);
    expect(result.totalBytes).toBeLessThan(5 * 1024 * 1024);
  }, 120_000);
});
