import { describe, expect, it } from 'vitest';
import { dayToIso, formatDay, formatPreciseDate, isoToDay, precisionEnd, stepDay } from '../../src/app/lib/days.ts';

describe('day numbers', () => {
  it('round-trips ISO dates, including before 1970 and leap days', () => {
    for (const iso of ['1970-01-01', '2020-02-29', '1969-12-31', '1956-10-29', '2100-03-01']) {
      expect(dayToIso(isoToDay(iso)!)).toBe(iso);
    }
    expect(isoToDay('1970-01-01')).toBe(0);
    expect(isoToDay('2020-02-27')).toBe(18319);
  });

  it('rejects what is not a calendar date', () => {
    expect(isoToDay('2020-02-30')).toBeNull();
    expect(isoToDay('2019-02-29')).toBeNull();
    expect(isoToDay('27/02/2020')).toBeNull();
    expect(isoToDay('')).toBeNull();
  });
});

describe('slider steps', () => {
  const d = (iso: string) => isoToDay(iso)!;
  it('steps by day and week', () => {
    expect(dayToIso(stepDay(d('2020-02-28'), 'day', 2))).toBe('2020-03-01');
    expect(dayToIso(stepDay(d('2020-03-01'), 'week', -1))).toBe('2020-02-23');
  });

  it('steps by month keeping the day of month, clamped to short months', () => {
    expect(dayToIso(stepDay(d('2020-01-31'), 'month', 1))).toBe('2020-02-29');
    expect(dayToIso(stepDay(d('2020-03-31'), 'month', -1))).toBe('2020-02-29');
    expect(dayToIso(stepDay(d('2019-12-15'), 'month', 1))).toBe('2020-01-15');
    expect(dayToIso(stepDay(d('2020-01-15'), 'month', -13))).toBe('2018-12-15');
  });
});

describe('date precision', () => {
  const d = (iso: string) => isoToDay(iso)!;
  it('gives the last day a date covers', () => {
    expect(dayToIso(precisionEnd(d('2020-02-01'), 'month'))).toBe('2020-02-29');
    expect(dayToIso(precisionEnd(d('2020-02-03'), 'week'))).toBe('2020-02-09');
    expect(dayToIso(precisionEnd(d('2015-01-01'), 'year'))).toBe('2015-12-31');
    expect(precisionEnd(d('2020-02-27'), 'day')).toBe(d('2020-02-27'));
    expect(precisionEnd(d('2020-02-27'), 'approximate')).toBe(d('2020-02-27'));
  });

  it('labels dates by their precision', () => {
    expect(formatDay(d('2020-02-27'))).toBe('27 Feb 2020');
    expect(formatPreciseDate('2020-02-01', 'month')).toBe('Feb 2020');
    expect(formatPreciseDate('2020-02-03', 'week')).toBe('week of 3 Feb 2020');
    expect(formatPreciseDate('2015-11-24', 'approximate')).toBe('~24 Nov 2015 (approximate)');
    expect(formatPreciseDate(null, 'unknown')).toBe('undated');
  });
});
