import { describe, expect, it } from 'vitest';
import { buildIndex, type EventFeature } from '../../src/app/lib/event-index.ts';
import { densestRange, nextPlayDay } from '../../src/app/lib/time-range.ts';

const ev = (id: string, day: number) =>
  ({ type: 'Feature', geometry: { type: 'Point', coordinates: [0, 0] }, properties: { id, eventId: id, date: 'x', day, dayEnd: day, approxDate: false } }) as unknown as EventFeature;

describe('the time line fits the data', () => {
  // One article in 2015 (days 16700–16780), the story in Feb–Mar 2020 (days 18290–18330).
  const index = buildIndex([...[16700, 16720, 16780].map((d, i) => ev(`old${i}`, d)), ...Array.from({ length: 10 }, (_, i) => ev(`new${i}`, 18290 + i * 4))]).index;

  it('first shows the stretch with the most events, padded', () => {
    // 40 days of story, padded by 3 days, but not past the last event.
    expect(densestRange(index)).toEqual({ from: 18287, to: 18326 });
  });

  it('shows the whole span when the events fill it', () => {
    const even = buildIndex(Array.from({ length: 20 }, (_, i) => ev(`e${i}`, 18000 + i * 10))).index;
    expect(densestRange(even)).toBeNull();
  });

  it('plays over empty stretches: from the last 2015 event straight to 2020', () => {
    const all = { from: index.minDay, to: index.maxDay };
    expect(nextPlayDay(index, 16780, 'day', 'window', 1, all)).toBe(18290);
    expect(nextPlayDay(index, 16780, 'day', 'cumulative', 1, all)).toBe(18290);
    // Inside the story, one step at a time (a window still showing events).
    expect(nextPlayDay(index, 18290, 'day', 'window', 7, all)).toBe(18291);
    expect(nextPlayDay(index, index.maxDay, 'day', 'window', 7, all)).toBeNull();
  });
});
