/**
 * Events per day above the slider, binned so that a corpus spanning years still fits the strip:
 * the bin width grows through "nice" sizes (1, 2, 7, 14, 30… days) until the bins fit.
 */
import type { EventIndex } from './event-index.ts';

/** One bar of the histogram: days `[start, end]`, events starting in it split by date precision. */
export interface HistogramBin {
  start: number;
  end: number;
  /** Events dated to the day. */
  exact: number;
  /** Events dated to a week, month or year, or inferred (counted on their first day). */
  approximate: number;
}

const NICE_BIN_DAYS = [1, 2, 7, 14, 30, 61, 91, 182, 365];

/** Smallest nice bin width (days) that splits `[from, to]` into at most `maxBins` bins. */
export function binWidthFor(from: number, to: number, maxBins: number): number {
  const span = Math.max(1, to - from + 1);
  for (const w of NICE_BIN_DAYS) if (Math.ceil(span / w) <= maxBins) return w;
  return Math.ceil(span / maxBins);
}

/**
 * Counts events (not features: an event at two places counts once) by start day into bins of
 * `width` days from `from` to `to` inclusive.
 */
export function histogram(index: EventIndex, from: number, to: number, width: number): HistogramBin[] {
  const n = Math.max(0, Math.ceil((to - from + 1) / width));
  const bins: HistogramBin[] = [];
  for (let b = 0; b < n; b++) {
    const start = from + b * width;
    bins.push({ start, end: Math.min(to, start + width - 1), exact: 0, approximate: 0 });
  }
  for (let i = 0; i < index.features.length; i++) {
    if (!index.firstOfEvent[i]) continue;
    const day = index.starts[i];
    if (day < from || day > to) continue;
    const bin = bins[Math.floor((day - from) / width)];
    if (index.features[i].properties.approxDate) bin.approximate++;
    else bin.exact++;
  }
  return bins;
}

/** Tallest bar (at least 1, so scales never divide by zero). */
export function maxBinCount(bins: HistogramBin[]): number {
  let max = 1;
  for (const b of bins) max = Math.max(max, b.exact + b.approximate);
  return max;
}
