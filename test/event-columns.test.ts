import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Feature, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { decodeEventColumns, encodeEventColumns, eventFeaturesOf, LayoutError, rowOfId } from '../src/core/layers/event-columns.ts';
import type { EventFeatureProperties } from '../src/core/model.ts';
import { makeSyntheticData, writeSyntheticData } from '../scripts/synthetic-data.ts';

function feature(id: string, day: number, extra: Partial<EventFeatureProperties> = {}): Feature<Point, EventFeatureProperties> {
  return {
    type: 'Feature',
    id,
    geometry: { type: 'Point', coordinates: [36.63 + day / 1e4, 35.93] },
    properties: {
      id, eventId: id.split('@')[0], articleId: 'a', date: day < 0 ? null : new Date(day * 86_400_000).toISOString().slice(0, 10), day,
      datePrecision: day < 0 ? 'unknown' : 'day', dateText: 'on Monday', type: 'Battles', subType: 'Armed clash', actors: 'A; B',
      fatalities: null, geoPrecision: 1, placeId: 'p', placeName: 'Idlib – إدلب', placeInferred: false, sentenceStart: 0, sentenceEnd: 10, ...extra,
    },
  };
}

describe('events.bin', () => {
  it('round-trips every property, rows sorted by day with the undated last', () => {
    const input = [feature('e3@p', 18300, { fatalities: 0 }), feature('e1@p', -1), feature('e2@p', 18200, { sources: 2, sourceArticles: 'a; b', fatalities: 7 })];
    const snapshot = JSON.stringify(input);
    const c = decodeEventColumns(encodeEventColumns(input));
    expect(JSON.stringify(input)).toBe(snapshot); // input untouched
    expect(c.count).toBe(3);
    expect(c.dated).toBe(2);
    const back = [...eventFeaturesOf(c)];
    expect(back.map((f) => f.properties.id)).toEqual(['e2@p', 'e3@p', 'e1@p']);
    const byId = new Map(input.map((f) => [f.properties.id, f]));
    for (const f of back) expect(f).toEqual(byId.get(f.properties.id));
    expect(rowOfId(c, 'e3@p')).toBe(1);
    expect(rowOfId(c, 'nope')).toBe(-1);
  });

  it('round-trips a synthetic corpus with large dictionaries', () => {
    const data = makeSyntheticData({ events: 3000 });
    const c = decodeEventColumns(encodeEventColumns(data.events.features));
    const byId = new Map(data.events.features.map((f) => [f.properties.id, f]));
    let n = 0;
    for (const f of eventFeaturesOf(c)) {
      expect(f.properties).toEqual(byId.get(f.properties.id)!.properties);
      expect(f.geometry.coordinates).toEqual(byId.get(f.properties.id)!.geometry.coordinates);
      n++;
    }
    expect(n).toBe(3000);
  });

  it('decodes from a buffer at an unaligned offset', () => {
    const bytes = encodeEventColumns([feature('x@p', 18000)]);
    const shifted = new Uint8Array(bytes.length + 3);
    shifted.set(bytes, 3);
    expect([...eventFeaturesOf(decodeEventColumns(shifted.subarray(3)))][0].properties.id).toBe('x@p');
  });

  it('refuses a bad file with a clear error', () => {
    const bytes = encodeEventColumns([feature('x@p', 18000), feature('y@p', 18001)]);
    expect(() => decodeEventColumns(new TextEncoder().encode('{"type":"FeatureCollection"}'))).toThrow(/not an events\.bin file/);
    expect(() => decodeEventColumns(bytes.subarray(0, bytes.length - 20))).toThrow(/truncated/);
    const version = bytes.slice();
    version[4] = 9;
    expect(() => decodeEventColumns(version)).toThrow(/version 9/);
    const header = bytes.slice();
    header[12] = 0x7b + 1;
    expect(() => decodeEventColumns(header)).toThrow(LayoutError);
    expect(() => decodeEventColumns(new Uint8Array(0))).toThrow(LayoutError);
  });
});

describe('the columnar layout', () => {
  it('writes events.bin, the article index and chunks whose records are whole', () => {
    const dir = mkdtempSync(join(tmpdir(), 'columnar-'));
    try {
      const data = makeSyntheticData({ events: 2500 });
      writeSyntheticData(dir, data, 'columnar');
      const layout = JSON.parse(readFileSync(join(dir, 'layout.json'), 'utf8'));
      expect(layout).toMatchObject({ layout: 'columnar', events: 'events.bin', count: 2500 });
      const index = JSON.parse(readFileSync(join(dir, 'articles-index.json'), 'utf8'));
      expect(index.articles).toHaveLength(data.articles.articles.length);
      expect(index.articles[0].text).toBeUndefined();
      // Every article in the chunk its entry names, once; chunks of at most twice the mean size.
      const chunks = readdirSync(join(dir, 'articles')).sort();
      expect([...layout.chunkFiles].sort()).toEqual(chunks);
      const held: Array<Array<{ id: string }>> = layout.chunkFiles.map((f: string) => JSON.parse(readFileSync(join(dir, 'articles', f), 'utf8')).articles);
      expect(held.flat().map((a: { id: string }) => a.id).sort()).toEqual(index.articles.map((a: { id: string }) => a.id).sort());
      for (const c of held) expect(c.length).toBeLessThanOrEqual(2 * layout.chunkSize);
      expect(held.length).toBeGreaterThanOrEqual(Math.ceil(index.articles.length / (2 * layout.chunkSize)));
      for (const entry of [index.articles[0], index.articles[index.articles.length - 1]]) {
        const record = held[entry.chunk].find((a) => a.id === entry.id);
        expect(record).toEqual(data.articles.articles.find((a) => a.id === entry.id));
      }
      expect(decodeEventColumns(readFileSync(join(dir, 'events.bin'))).count).toBe(2500);
      writeSyntheticData(dir, makeSyntheticData({ events: 50 }), 'auto');
      expect(readdirSync(dir).sort()).toEqual(['areas.geojson', 'articles.json', 'events.geojson', 'layout.json', 'mentions.geojson', 'report.json', 'routes.geojson']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('events.bin ids', () => {
  it('stores ids that do not follow their stem whole, and keeps those that do exact', () => {
    const odd = feature('e9@p', 18000, { eventId: 'merged:7' });
    odd.properties.id = 'elsewhere';
    const suffixed = feature('a#0-2@p', 18001, { eventId: 'a#0-2' });
    const nul = feature('\u0000x@p', 18002, { eventId: '\u0000x' });
    const input = [odd, suffixed, nul];
    const back = [...eventFeaturesOf(decodeEventColumns(encodeEventColumns(input)))];
    expect(back.map((f) => [f.properties.id, f.properties.eventId])).toEqual([
      ['elsewhere', 'merged:7'],
      ['a#0-2@p', 'a#0-2'],
      ['\u0000x@p', '\u0000x'],
    ]);
  });
});
