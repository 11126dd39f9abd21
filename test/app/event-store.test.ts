import { describe, expect, it } from 'vitest';
import { decodeEventColumns, encodeEventColumns } from '../../src/core/layers/event-columns.ts';
import { listGroups, groupEvents } from '../../src/app/lib/event-groups.ts';
import { buildIndex, buildIndexFromColumns, countEvents, countWindow, selectWindow, toEventFeatures, windowFatalities, windowFor, windowPositions } from '../../src/app/lib/event-index.ts';
import { sortForList, LIST_SORTS } from '../../src/app/lib/event-filter.ts';
import { rowFeatures } from '../../src/app/lib/event-store.ts';
import { gridCells } from '../../src/app/lib/grid-aggregate.ts';
import { makeSyntheticData } from '../../scripts/synthetic-data.ts';

const data = makeSyntheticData({ events: 4000, eventsPerArticle: 3 });
const columns = decodeEventColumns(encodeEventColumns(data.events.features));
const rows = rowFeatures(columns);
const fromColumns = buildIndexFromColumns(columns, rows);
const fromGeojson = buildIndex(toEventFeatures(data.events.features));

describe('row features over events.bin', () => {
  it('read the same properties the GeoJSON features carry, derived ones included', () => {
    const byId = new Map(fromGeojson.index.features.map((f) => [f.properties.id, f]));
    for (const f of rows.slice(0, 500)) {
      const g = byId.get(f.properties.id) ?? fromGeojson.undated.find((u) => u.properties.id === f.properties.id)!;
      expect(JSON.parse(JSON.stringify(f))).toEqual(JSON.parse(JSON.stringify(g)));
    }
  });

  it('index as buildIndex does: same order, days, ends and event starts', () => {
    const a = fromColumns.index;
    const b = fromGeojson.index;
    expect(a.features.map((f) => f.properties.id)).toEqual(b.features.map((f) => f.properties.id));
    expect([...a.starts]).toEqual([...b.starts]);
    expect([...a.ends]).toEqual([...b.ends]);
    expect([...a.firstOfEvent]).toEqual([...b.firstOfEvent]);
    expect([...a.fatal]).toEqual([...b.fatal]);
    expect([a.minDay, a.maxDay, a.maxSpan]).toEqual([b.minDay, b.maxDay, b.maxSpan]);
    expect(fromColumns.undated.map((f) => f.properties.id).sort()).toEqual(fromGeojson.undated.map((f) => f.properties.id).sort());
  });
});

describe('the list and the grid of a large window', () => {
  const index = fromColumns.index;
  for (const win of [windowFor(index.minDay + 200, 'window', 30), windowFor(index.minDay + 400, 'cumulative', 30)]) {
    it(`lists the rows groupEvents and sortForList give (${win.from < 0 ? 'cumulative' : 'window'})`, () => {
      const visible = selectWindow(index, win);
      const positions = windowPositions(index, win);
      expect(positions.length).toBe(visible.length);
      expect(countWindow(index, win)).toBe(visible.length);
      const groups = groupEvents(visible);
      const byFirst = new Map(groups.map((g) => [g.first, g]));
      expect(countEvents(index, win)).toBe(groups.length);
      expect(windowFatalities(index, win)).toBe(groups.reduce((n, g) => n + (g.first.properties.fatalities ?? 0), 0));
      for (const sort of LIST_SORTS) {
        const expected = sortForList(groups.map((g) => g.first), sort, 50).map((f) => byFirst.get(f)!);
        const got = listGroups(index, positions, sort, 50);
        expect(got.map((g) => [g.eventId, g.features.map((f) => f.properties.id), g.places])).toEqual(expected.map((g) => [g.eventId, g.features.map((f) => f.properties.id), g.places]));
      }
    });

    it(`counts every shown event in one grid cell or another (${win.from < 0 ? 'cumulative' : 'window'})`, () => {
      const cells = gridCells(index, win, 6, null);
      expect(cells.features.reduce((n, c) => n + c.properties.count, 0)).toBe(countWindow(index, win));
      expect(new Set(cells.features.map((c) => c.properties.key)).size).toBe(cells.features.length);
      const near = gridCells(index, win, 6, [36, 33, 38, 35]);
      for (const c of near.features) {
        const [lon, lat] = c.geometry.coordinates;
        expect(lon >= 36 && lon <= 38 && lat >= 33 && lat <= 35).toBe(true);
      }
    });
  }
});
