/**
 * Day arithmetic for the slider. The data contract dates events by an integer day number (days
 * since 1970-01-01, UTC); everything here works on those numbers so that a step is integer maths,
 * never a Date parse. Pure: no clock.
 */
import type { DatePrecision } from '../../core/model.ts';

/** How far one slider step moves the cursor. */
export type StepUnit = 'day' | 'week' | 'month';

export const STEP_UNITS: readonly StepUnit[] = ['day', 'week', 'month'];

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `YYYY-MM-DD` → day number; null when the text is not a real calendar date. */
export function isoToDay(iso: string): number | null {
  const m = ISO_DATE.exec(iso);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  // Date.UTC rolls 2020-02-31 over to March: reject instead of guessing.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return Math.round(ms / MS_PER_DAY);
}

/** Day number → `YYYY-MM-DD`. */
export function dayToIso(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Moves `day` by `n` units. Months keep the day of the month, clamped (31 Jan + 1 month = 29 Feb). */
export function stepDay(day: number, unit: StepUnit, n: number): number {
  if (unit === 'day') return day + n;
  if (unit === 'week') return day + 7 * n;
  const d = new Date(day * MS_PER_DAY);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + n;
  const lastOfTarget = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const ms = Date.UTC(y, m, Math.min(d.getUTCDate(), lastOfTarget));
  return Math.round(ms / MS_PER_DAY);
}

/**
 * The last day a date of the given precision covers: a "February 2020" event is dated
 * 2020-02-01 but is true of the whole month, so a window anywhere in February should show it.
 */
export function precisionEnd(day: number, precision: DatePrecision): number {
  if (precision === 'week') return day + 6;
  if (precision === 'month' || precision === 'year') {
    const d = new Date(day * MS_PER_DAY);
    const end =
      precision === 'month'
        ? Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)
        : Date.UTC(d.getUTCFullYear(), 11, 31);
    return Math.round(end / MS_PER_DAY);
  }
  return day;
}

/** Human label for a day number, e.g. `27 Feb 2020` (fixed English month names: no locale drift). */
export function formatDay(day: number): string {
  const d = new Date(day * MS_PER_DAY);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** Label for a date known to a given precision: `week of 3 Feb 2020`, `Feb 2020`, `~27 Feb 2020`. */
export function formatPreciseDate(iso: string | null, precision: DatePrecision): string {
  if (!iso) return 'undated';
  const day = isoToDay(iso);
  if (day === null) return iso;
  const d = new Date(day * MS_PER_DAY);
  switch (precision) {
    case 'week':
      return `week of ${formatDay(day)}`;
    case 'month':
      return `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
    case 'year':
      return String(d.getUTCFullYear());
    case 'approximate':
    case 'unknown':
      return `~${formatDay(day)} (approximate)`;
    default:
      return formatDay(day);
  }
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
