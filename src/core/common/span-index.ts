/**
 * Span look-ups in logarithmic time, for the stages that ask of every sentence or mention
 * whether it touches boilerplate, or which date phrases it holds: asked naively (a scan of every
 * span per question) that work grows with the square of the text, and a 40,000-line file makes
 * it minutes. Answers are exactly the naive ones, in the same order. Pure.
 */
import type { Span } from '../model.ts';

/**
 * A test of whether a span overlaps any of `spans` (`s.start < b.end && b.start < s.end`, as
 * the stages wrote it): the spans are merged where they overlap and searched by bisection.
 */
export function overlapsAny(spans: readonly Span[]): (s: Span) => boolean {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const starts: number[] = [];
  const ends: number[] = [];
  for (const b of sorted) {
    // Merge only strict overlaps: touching spans stay apart (an empty span at the seam overlaps
    // neither, as before); an empty span stays a point, overlapping what strictly contains it.
    if (ends.length && b.start < ends[ends.length - 1]) ends[ends.length - 1] = Math.max(ends[ends.length - 1], b.end);
    else {
      starts.push(b.start);
      ends.push(b.end);
    }
  }
  return (s) => {
    // The last merged span starting before s ends is the only one that can overlap it.
    const i = lastBelow(starts, s.end) - 1;
    return i >= 0 && s.start < ends[i];
  };
}

/** The items lying wholly inside a span (`t.start >= s.start && t.end <= s.end`), in their given order. */
export function spansWithin<T extends Span>(items: readonly T[]): (s: Span) => T[] {
  const order = items.map((_, i) => i).sort((a, b) => items[a].start - items[b].start || a - b);
  const starts = order.map((i) => items[i].start);
  return (s) => {
    const found: number[] = [];
    for (let k = lastBelow(starts, s.start); k < order.length && starts[k] <= s.end; k += 1) {
      if (items[order[k]].end <= s.end) found.push(order[k]);
    }
    return found.sort((a, b) => a - b).map((i) => items[i]);
  };
}

/** The number of values below x in an ascending array (the index of the first value ≥ x). */
export function lastBelow(values: readonly number[], x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
