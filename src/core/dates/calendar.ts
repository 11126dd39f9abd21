/**
 * Calendar arithmetic on UTC day numbers (days since 1970-01-01, as `geo.ts` counts them) and
 * ISO dates, for resolving relative dates. Months are 0-based here, as in JavaScript's Date.
 */
import { dayNumber, isoFromDay } from '../common/geo.ts';

/** ISO date of a year, 0-based month and day. */
export function iso(y: number, mo: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(mo + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Year, 0-based month and day of a day number. */
export function partsOf(day: number): { y: number; mo: number; d: number } {
  const [y, mo, d] = isoFromDay(day).split('-').map(Number);
  return { y, mo: mo - 1, d };
}

/** Month arithmetic: `delta` months after (year, month). */
export function addMonths(y: number, mo: number, delta: number): { y: number; mo: number } {
  const total = y * 12 + mo + delta;
  return { y: Math.floor(total / 12), mo: ((total % 12) + 12) % 12 };
}

/** Number of days of a month. */
export function daysIn(y: number, mo: number): number {
  const next = addMonths(y, mo, 1);
  return dayNumber(iso(next.y, next.mo, 1)) - dayNumber(iso(y, mo, 1));
}

/** 0 = Sunday … 6 = Saturday; day 0 (1970-01-01) was a Thursday. */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** Day number of the Monday of the week a day is in. */
export function mondayOf(day: number): number {
  return day - ((weekdayOf(day) + 6) % 7);
}
