import { describe, expect, it } from 'vitest';
import { overlapsAny, spansWithin } from '../src/core/common/span-index.ts';
import type { Span } from '../src/core/model.ts';
import { mulberry32 as rng } from '../src/core/common/seeded-random.ts';

function randomSpans(next: () => number, n: number, size: number): Span[] {
  return Array.from({ length: n }, () => {
    const start = Math.floor(next() * 100);
    return { start, end: start + Math.floor(next() * size) };
  });
}

describe('overlapsAny', () => {
  it('answers as the naive scan does, empty and touching spans included', () => {
    const next = rng(7);
    for (let round = 0; round < 200; round += 1) {
      const spans = randomSpans(next, Math.floor(next() * 8), 12);
      const test = overlapsAny(spans);
      for (const s of randomSpans(next, 30, 10)) {
        expect(test(s), JSON.stringify({ spans, s })).toBe(spans.some((b) => s.start < b.end && b.start < s.end));
      }
    }
  });

  it('keeps touching spans apart: an empty span at their seam overlaps neither', () => {
    const test = overlapsAny([{ start: 0, end: 5 }, { start: 5, end: 10 }]);
    expect(test({ start: 5, end: 5 })).toBe(false);
    expect(test({ start: 4, end: 6 })).toBe(true);
  });
});

describe('spansWithin', () => {
  it('gives the items inside a span in their given order, as a filter does', () => {
    const next = rng(11);
    for (let round = 0; round < 200; round += 1) {
      const items = randomSpans(next, Math.floor(next() * 10), 6);
      const within = spansWithin(items);
      for (const s of randomSpans(next, 20, 30)) expect(within(s)).toEqual(items.filter((t) => t.start >= s.start && t.end <= s.end));
    }
  });

  it('does not mutate its input', () => {
    const items = [{ start: 9, end: 10 }, { start: 1, end: 2 }];
    spansWithin(items)({ start: 0, end: 20 });
    expect(items).toEqual([{ start: 9, end: 10 }, { start: 1, end: 2 }]);
  });
});
