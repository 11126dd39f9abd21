/**
 * Fitting the time line to the data: the stretch it first shows (where the events are, not the
 * whole span a single old article drags out), and where playback goes next (over empty
 * stretches, not through them).
 */
import { stepDay, type StepUnit } from './days.ts';
import { countEvents, lowerBound, nextEventDay, windowFor, type EventIndex, type TimeWindow, type WindowMode } from './event-index.ts';

/** Days on the time line: inclusive. */
export interface DayRange {
  from: number;
  to: number;
}

/** A quiet gap at least this long (days), and this share of the span, splits the events into stretches. */
const MIN_GAP_DAYS = 30;
const MIN_GAP_SHARE = 0.05;
/** A stretch covering more of the span than this is not worth zooming to: the whole span is shown. */
const MAX_STRETCH_SHARE = 0.8;
/** Margin around the chosen stretch, as a share of it (at least a few days). */
const PAD_SHARE = 0.08;
const MIN_PAD_DAYS = 3;

/**
 * The stretch holding the most events (ties: the latest) between gaps without events, padded,
 * or null when the events fill most of the span anyway (then the whole span is shown).
 */
export function densestRange(index: EventIndex): DayRange | null {
  const n = index.features.length;
  if (!n) return null;
  const span = index.maxDay - index.minDay + 1;
  const gap = Math.max(MIN_GAP_DAYS, span * MIN_GAP_SHARE);
  let best: DayRange | null = null;
  let bestCount = 0;
  let from = index.starts[0];
  let to = index.ends[0];
  let count = 0;
  const close = () => {
    if (count >= bestCount) {
      best = { from, to };
      bestCount = count;
    }
  };
  for (let i = 0; i < n; i++) {
    if (index.starts[i] - to > gap) {
      close();
      from = index.starts[i];
      to = index.ends[i];
      count = 0;
    }
    to = Math.max(to, index.ends[i]);
    if (index.firstOfEvent[i]) count++;
  }
  close();
  const chosen = best as DayRange | null;
  if (!chosen || chosen.to - chosen.from + 1 > span * MAX_STRETCH_SHARE) return null;
  const pad = Math.max(MIN_PAD_DAYS, Math.round((chosen.to - chosen.from + 1) * PAD_SHARE));
  return { from: Math.max(index.minDay, chosen.from - pad), to: Math.min(index.maxDay, chosen.to + pad) };
}

/**
 * Where playback steps next from `cursor`: one step, unless nothing new would start in it and
 * the window would show nothing new (the cumulative mode) or nothing at all, in which case it
 * jumps to the next day an event starts. Null at the end of `range` (playback stops).
 */
export function nextPlayDay(index: EventIndex, cursor: number, unit: StepUnit, mode: WindowMode, windowDays: number, range: DayRange): number | null {
  const next = stepDay(cursor, unit, 1);
  if (cursor >= range.to) return null;
  const startsInStep = lowerBound(index.starts, next + 1) > lowerBound(index.starts, cursor + 1);
  const win: TimeWindow = windowFor(next, mode, windowDays);
  if (startsInStep || (mode === 'window' && countEvents(index, win) > 0)) return Math.min(next, range.to);
  const jump = nextEventDay(index, next, 1);
  return jump === null || jump > range.to ? Math.min(next, range.to) : jump;
}
