/**
 * Tick marks for the time axis under the histogram: year starts for long spans, month starts
 * for spans of months, week starts (Mondays) for short ones, thinned to fit.
 */
import { dayToIso, formatDay, isoToDay } from './days.ts';

/** A labelled tick at a day. */
export interface Tick {
  day: number;
  label: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Ticks within `[from, to]`, at most `maxTicks` of them. */
export function axisTicks(from: number, to: number, maxTicks: number): Tick[] {
  if (to < from || maxTicks < 1) return [];
  const span = to - from + 1;
  const [y0, m0] = ymOf(from);
  const [y1] = ymOf(to);
  let ticks: Tick[];
  if (span > 730) {
    ticks = [];
    for (let y = y0 + 1; y <= y1; y++) ticks.push({ day: dayOf(y, 1), label: String(y) });
  } else if (span > 45) {
    ticks = [];
    for (let y = y0, m = m0 + 1; ; m++) {
      if (m > 12) {
        m = 1;
        y++;
      }
      const day = dayOf(y, m);
      if (day > to) break;
      ticks.push({ day, label: m === 1 ? `${MONTHS[0]} ${y}` : MONTHS[m - 1] });
    }
  } else {
    ticks = [];
    // 1970-01-05 was a Monday: day 4.
    for (let d = from + ((((4 - from) % 7) + 7) % 7); d <= to; d += 7) ticks.push({ day: d, label: formatDay(d).replace(/ \d{4}$/, '') });
  }
  if (ticks.length <= maxTicks) return ticks;
  const every = Math.ceil(ticks.length / maxTicks);
  return ticks.filter((_, i) => i % every === 0);
}

function ymOf(day: number): [number, number] {
  const iso = dayToIso(day);
  return [Number(iso.slice(0, 4)), Number(iso.slice(5, 7))];
}

function dayOf(y: number, m: number): number {
  return isoToDay(`${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-01`)!;
}
